/**
 * Fuel entry by type: per fuel (each in its own unit, never on one axis with another), one
 * line per source of the quantity entered per day, against the need per day the source states
 * where it states one. Crossings are summed within a source; sources never.
 */
import { matchesFilters, type Filters } from './filters.ts';
import type { SourceShare } from './provenance.ts';
import { daysInMask, type FuelEntryRollup } from './rollup.ts';
import { rollupShares } from './rollup-series.ts';
import { bucketsFor, type Bucket, type Resolution } from './series.ts';
import type { Day } from './time.ts';
import { FUEL_TYPES, FUEL_UNIT, type FuelType, type FuelUnit } from './vocabulary.ts';

export interface FuelLine {
  sourceId: string;
  /**
   * Quantity entered per day: the bucket's sum over the days the source reported (exact for a
   * day; a mean over the reported days of a week or month). null: no report in the bucket.
   */
  perDay: (number | null)[];
  /** The bucket's sum, and the days it stands on. */
  quantity: (number | null)[];
  daysReported: number[];
  /**
   * The need per day the source states, summed over the crossings it states one for (each
   * crossing's need a mean over the days that state it). null: no need stated in the bucket.
   */
  need: (number | null)[];
}

export interface FuelPanel {
  fuel: FuelType;
  unit: FuelUnit;
  lines: FuelLine[];
}

export interface FuelSeries {
  buckets: Bucket[];
  /** One per fuel type, in vocabulary order, each with its own unit. */
  fuels: FuelPanel[];
  shares: SourceShare[];
  recordCount: number;
}

const SEP = '\u0000';

export function fuelSeries(
  rows: readonly FuelEntryRollup[],
  options: {
    range: { from: Day; to: Day };
    resolution: Resolution;
    filters: Filters;
    sourceOrder?: readonly string[];
  },
): FuelSeries {
  const { range, resolution, filters } = options;
  const buckets = bucketsFor(range, resolution);
  const at = new Map(buckets.map((b, i) => [b.from, i]));
  const n = buckets.length;
  interface Cell {
    sourceId: string;
    fuel: FuelType;
    sums: (number | null)[];
    masks: number[];
    /** Per bucket, per crossing: the need summed and the days that stated it. */
    needs: Map<string, { sum: number; reported: number }>[];
  }
  const cells = new Map<string, Cell>();
  const shown: FuelEntryRollup[] = [];
  let recordCount = 0;
  for (const row of rows) {
    // A row in another unit than its fuel's would mix units: the schema already refuses it.
    if (row.unit !== FUEL_UNIT[row.fuel]) continue;
    const asRecord = { crossingId: row.crossingId, provenance: { verification: row.verification } };
    if (!matchesFilters(asRecord, filters)) continue;
    const i = at.get(row.bucket);
    if (i === undefined) continue;
    shown.push(row);
    recordCount += row.records;
    const key = `${row.sourceId}${SEP}${row.fuel}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        sourceId: row.sourceId,
        fuel: row.fuel,
        sums: new Array<number | null>(n).fill(null),
        masks: new Array<number>(n).fill(0),
        needs: Array.from({ length: n }, () => new Map()),
      };
      cells.set(key, cell);
    }
    cell.sums[i] = (cell.sums[i] ?? 0) + row.quantity;
    cell.masks[i] = (cell.masks[i]! | row.dayMask) >>> 0;
    if (row.need && row.need.reported > 0) {
      const had = cell.needs[i]!.get(row.crossingId) ?? { sum: 0, reported: 0 };
      had.sum += row.need.sum;
      had.reported += row.need.reported;
      cell.needs[i]!.set(row.crossingId, had);
    }
  }
  const order = options.sourceOrder ?? [];
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const fuels = FUEL_TYPES.map((fuel) => ({
    fuel,
    unit: FUEL_UNIT[fuel],
    lines: [...cells.values()]
      .filter((c) => c.fuel === fuel)
      .sort((x, y) => rank(x.sourceId) - rank(y.sourceId) || x.sourceId.localeCompare(y.sourceId))
      .map((c) => {
        const daysReported = c.masks.map(daysInMask);
        return {
          sourceId: c.sourceId,
          quantity: c.sums.map((s) => (s === null ? null : round(s))),
          daysReported,
          perDay: c.sums.map((s, i) =>
            s === null || daysReported[i] === 0 ? null : round(s / daysReported[i]!),
          ),
          need: c.needs.map((byCrossing) =>
            byCrossing.size === 0
              ? null
              : round([...byCrossing.values()].reduce((sum, x) => sum + x.sum / x.reported, 0)),
          ),
        };
      }),
  }));
  return { buckets, fuels, shares: rollupShares(shown), recordCount };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
