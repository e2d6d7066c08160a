/**
 * `--seed demo`: the synthetic scenario (mocks/scenario) loaded into the store as it stands at
 * the moment of seeding — every record checked by the dashboard's own validation, the valid
 * ones stored as records, the deliberately bad ones as data issues with their reasons.
 */
import { createScenario, type ScenarioOptions } from '../mocks/scenario/index.ts';
import { dateBounds } from '../src/domain/date-bounds.ts';
import { shiftDay } from '../src/domain/time.ts';
import { validateDataset } from '../src/domain/validate.ts';
import { DATASETS } from '../src/domain/vocabulary.ts';
import type { Db } from './db.ts';
import { storedRow } from './records.ts';
import { ensurePublisher, insertIssues, insertRecords, storeTheatre } from './store.ts';

export interface SeedSummary {
  records: number;
  issues: number;
  from: string;
  to: string;
  ms: number;
}

/** Days read from the scenario per step (its cache holds recent days; keep steps modest). */
const STEP_DAYS = 31;

export async function seedDemo(db: Db, options: ScenarioOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const now = options.now ?? Date.now();
  const scenario = createScenario({ ...options, now });
  const theatre = scenario.theatre as {
    timeZone: string;
    earliestDay?: string;
    sources?: { id: string; name?: { en?: string } | string }[];
  };
  const { start, end } = scenario.range();
  const dates = {
    bounds: dateBounds(Number(new Date(now)), theatre.timeZone, theatre.earliestDay),
    timeZone: theatre.timeZone,
  };
  let records = 0;
  let issues = 0;
  await db.transaction(async (tx) => {
    await storeTheatre(tx, scenario.theatre);
    for (const s of theatre.sources ?? []) {
      const name = typeof s.name === 'string' ? s.name : (s.name?.en ?? s.id);
      await ensurePublisher(tx, s.id, name);
    }
    for (const dataset of DATASETS) {
      for (let from = start; from <= end; from = shiftDay(from, STEP_DAYS)) {
        const to = [shiftDay(from, STEP_DAYS - 1), end].sort()[0]!;
        let raw = scenario.records(dataset, { from, to });
        // An event spanning months is listed in each: store it once, in the step it starts.
        if (dataset === 'events')
          raw = raw.filter((e) => {
            const startAt = (e as { start?: unknown }).start;
            if (typeof startAt !== 'string') return from === start;
            const day = startAt.slice(0, 10);
            return (day >= from && day <= to) || (from === start && day < from);
          });
        if (!raw.length) continue;
        const checked = validateDataset(dataset, raw, { sourceId: 'demo', dates });
        const rows = checked.accepted.map((r) => storedRow(dataset, r, theatre.timeZone));
        await insertRecords(tx, rows, { writtenBy: 'seed:demo' });
        await insertIssues(tx, checked.rejected, theatre.timeZone, undefined, from);
        records += rows.length;
        issues += checked.rejected.length;
      }
    }
  });
  return { records, issues, from: start, to: end, ms: Date.now() - started };
}
