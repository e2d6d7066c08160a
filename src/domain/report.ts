import { TZDate } from '@date-fns/tz';
import { reason, reasonsFromZod, type Reason } from './reasons.ts';
import {
  aidFlowSchema,
  corridorStatusSchema,
  crossingStatusSchema,
  type AidFlow,
  type CrossingStatus,
  type CorridorStatus,
} from './schemas.ts';
import { theatreDay } from './time.ts';
import type { Commodity, CrossingState, Stage } from './vocabulary.ts';

/**
 * An observer's report, as the form holds it and as the API takes it (POST {source}/reports).
 * Records carry no provenance: the server sets the source from the token, `reportedAt` from
 * `madeAt` and the verification "reported". The form's values are checked here with the same
 * schemas every record of a source passes (schemas.ts), given the provenance the server will
 * give, so a report the device accepts is one the server accepts.
 */

/** What the form holds: text as typed, so that nothing the observer typed is lost on a problem. */
export interface ReportDraft {
  crossingId: string;
  /** Empty: the report says nothing about the crossing's status (trucks only). */
  status: CrossingState | '';
  /** Since when the status holds: theatre-local date and time as a datetime-local gives it. */
  since: string;
  observersPresent: 'yes' | 'no' | '';
  /** The theatre-local day the trucks were counted on (YYYY-MM-DD). */
  day: string;
  trucks: TruckRowDraft[];
  note: string;
  /** A humanitarian corridor's status and movement window, since the same time; optional. */
  corridor: CorridorDraft;
}

export interface CorridorDraft {
  /** Empty: the report says nothing about a corridor. */
  corridorId: string;
  status: CrossingState | '';
  /** The day's movement window, HH:MM theatre time; both empty when none was announced. */
  start: string;
  end: string;
}

export interface TruckRowDraft {
  stage: Stage;
  commodity: Commodity;
  trucks: string;
  tonnes: string;
}

export type ReportedCrossingStatus = Omit<CrossingStatus, 'provenance' | 'observersPresent'> & {
  observersPresent?: boolean | null;
};
export type ReportedAidFlow = Omit<AidFlow, 'provenance'>;
export type ReportedCorridorStatus = Omit<CorridorStatus, 'provenance'>;

/** The body of POST /reports. */
export interface ReportBody {
  madeAt: string;
  crossingStatus: ReportedCrossingStatus[];
  aidFlow: ReportedAidFlow[];
  corridorStatus: ReportedCorridorStatus[];
}

/** Checks of the form itself, beyond a record's schema. */
export const FORM_PROBLEMS = ['nothing-reported', 'since-in-future', 'same-row-twice'] as const;
export type FormProblem = (typeof FORM_PROBLEMS)[number];

/**
 * One problem, at a field of the form: `crossingId`, `status`, `since`, `observersPresent`,
 * `day`, `note`, `trucks` (the list), `trucks.<row>.<stage|commodity|trucks|tonnes>`, or
 * `corridor.<corridorId|status|start|end>`.
 */
export type ReportProblem =
  | { field: string; kind: 'reason'; reason: Reason }
  | { field: string; kind: 'form'; code: FormProblem };

/** Rows of trucks a report may carry: far more than the stages × commodities of one day. */
export const MAX_TRUCK_ROWS = 40;
/** Reports made a little ahead of the device's clock are accepted (clocks drift). */
const CLOCK_SLACK_MS = 5 * 60_000;

export interface ReportContext {
  /** The theatre's time zone, in which `since` and `day` are read. */
  timeZone: string;
  /** The crossings of the theatre. */
  crossingIds: readonly string[];
  /** The humanitarian corridors of the theatre. */
  corridorIds: readonly string[];
  /** The theatre's name, for "is not a crossing of …". */
  theatreName: string;
  /** The source the report goes to (the server sets the same from the token). */
  sourceId: string;
  /** When the report is made. */
  madeAt: Date;
}

/** A datetime-local value (YYYY-MM-DDTHH:MM[:SS]) read as a time in `timeZone`, or undefined. */
export function theatreLocalInstant(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const local = new TZDate(y!, mo! - 1, d!, h!, mi!, s ?? 0, timeZone);
  // 2026-02-30 or 25:00 roll over: not what was typed.
  if (
    local.getFullYear() !== y ||
    local.getMonth() !== mo! - 1 ||
    local.getDate() !== d ||
    local.getHours() !== h
  )
    return undefined;
  // An instant with its offset ("2026-11-30T11:00:00.000+02:00"), never a local time.
  return local.toISOString();
}

/** An instant as a datetime-local value in `timeZone` (to minutes), for the form's default. */
export function toTheatreLocal(instant: Date, timeZone: string): string {
  const local = new TZDate(+instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

/** A blank report made now: status time now and today's counts, in theatre time. */
export function emptyDraft(now: Date, timeZone: string, crossingId = ''): ReportDraft {
  return {
    crossingId,
    status: '',
    since: toTheatreLocal(now, timeZone),
    observersPresent: '',
    day: theatreDay(now, timeZone),
    trucks: [],
    note: '',
    corridor: { corridorId: '', status: '', start: '', end: '' },
  };
}

/** A number as typed ("12", "12.5", "1,5"), undefined when blank, NaN when not a number. */
function typedNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : NaN;
}

/**
 * The report's body, or every problem of the form at once (none is left for the server to
 * find). The records are the schema's output, so defaults are filled as the server fills them.
 */
export function buildReport(
  draft: ReportDraft,
  context: ReportContext,
): { ok: true; body: ReportBody } | { ok: false; problems: ReportProblem[] } {
  const problems: ReportProblem[] = [];
  const fail = (field: string, r: Reason) => problems.push({ field, kind: 'reason', reason: r });
  const provenance = {
    sourceId: context.sourceId,
    reportedAt: context.madeAt.toISOString(),
    verification: 'reported' as const,
  };
  const note = draft.note.trim();

  const aboutCrossing = draft.status !== '' || draft.trucks.length > 0;
  const aboutCorridor = draft.corridor.corridorId !== '';
  if (draft.crossingId === '') {
    // A report of a corridor alone names no crossing.
    if (aboutCrossing || !aboutCorridor) fail('crossingId', reason('required'));
  } else if (!context.crossingIds.includes(draft.crossingId))
    fail(
      'crossingId',
      reason('unknown-crossing', { value: draft.crossingId, theatre: context.theatreName }),
    );

  if (!aboutCrossing && !aboutCorridor)
    problems.push({ field: 'status', kind: 'form', code: 'nothing-reported' });

  // Since when: the crossing's status and the corridor's share it.
  let at: string | undefined;
  if (draft.status !== '' || aboutCorridor) {
    at = theatreLocalInstant(draft.since, context.timeZone);
    if (draft.since.trim() === '') fail('since', reason('required'));
    else if (at === undefined) fail('since', reason('not-a-datetime'));
    else if (Date.parse(at) > +context.madeAt + CLOCK_SLACK_MS)
      problems.push({ field: 'since', kind: 'form', code: 'since-in-future' });
  }

  const crossingStatus: ReportedCrossingStatus[] = [];
  if (draft.status !== '') {
    const input = {
      crossingId: draft.crossingId,
      at: at ?? draft.since,
      status: draft.status,
      ...(draft.observersPresent ? { observersPresent: draft.observersPresent === 'yes' } : {}),
      ...(note ? { note } : {}),
      provenance,
    };
    const parsed = crossingStatusSchema.safeParse(input);
    if (parsed.success) {
      crossingStatus.push(omit(parsed.data, 'provenance'));
    } else
      for (const r of reasonsFromZod(parsed.error.issues, input)) {
        const field = r.field === 'observersPresent' ? 'observersPresent' : (r.field ?? 'status');
        // The form already said what is wrong with the crossing and the time.
        if (field === 'crossingId' || field === 'at') continue;
        fail(field, withoutField(r));
      }
  }

  const aidFlow: ReportedAidFlow[] = [];
  if (draft.trucks.length > MAX_TRUCK_ROWS)
    fail('trucks', reason('too-many', { count: MAX_TRUCK_ROWS }));
  if (draft.trucks.length > 0) {
    const today = theatreDay(context.madeAt, context.timeZone);
    if (draft.day.trim() === '') fail('day', reason('required'));
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.day)) fail('day', reason('not-a-date'));
    else if (draft.day > today)
      fail('day', reason('in-the-future', { day: draft.day, latest: today }));
  }
  const seen = new Set<string>();
  draft.trucks.forEach((row, i) => {
    const at = (name: string) => `trucks.${i}.${name}`;
    const pair = `${row.stage}|${row.commodity}`;
    if (seen.has(pair))
      problems.push({ field: at('commodity'), kind: 'form', code: 'same-row-twice' });
    seen.add(pair);
    const trucks = typedNumber(row.trucks);
    const tonnes = typedNumber(row.tonnes);
    let typedWell = true;
    for (const [name, value, text] of [
      ['trucks', trucks, row.trucks],
      ['tonnes', tonnes, row.tonnes],
    ] as const)
      if (Number.isNaN(value)) {
        fail(at(name), reason('not-a-number', { value: text.trim().slice(0, 40) }));
        typedWell = false;
      }
    if (trucks !== undefined && Number.isFinite(trucks) && !Number.isInteger(trucks)) {
      fail(at('trucks'), reason('expected-whole-number'));
      typedWell = false;
    }
    if (!typedWell) return;
    const input = {
      date: draft.day,
      crossingId: draft.crossingId,
      commodity: row.commodity,
      stage: row.stage,
      ...(trucks === undefined ? {} : { trucks }),
      ...(tonnes === undefined ? {} : { tonnes }),
      provenance,
    };
    const parsed = aidFlowSchema.safeParse(input);
    if (parsed.success) {
      aidFlow.push(omit(parsed.data, 'provenance'));
      return;
    }
    for (const r of reasonsFromZod(parsed.error.issues, input)) {
      // The day and the crossing are the report's, checked once above.
      if (r.field === 'date' || r.field === 'crossingId') continue;
      // "needs at least one of trucks, tonnes or litres" is the row's: shown at its trucks.
      fail(at(r.field && r.field !== '' ? r.field : 'trucks'), withoutField(r));
    }
  });

  const corridorStatus: ReportedCorridorStatus[] = [];
  if (aboutCorridor) {
    const { corridorId, status, start, end } = draft.corridor;
    if (!context.corridorIds.includes(corridorId))
      fail('corridor.corridorId', reason('not-one-of', { values: context.corridorIds.join(', ') }));
    if (status === '') fail('corridor.status', reason('required'));
    if (start !== '' && end === '') fail('corridor.end', reason('required'));
    if (end !== '' && start === '') fail('corridor.start', reason('required'));
    const input = {
      corridorId,
      at: at ?? draft.since,
      status: status || 'unknown',
      windows: start !== '' && end !== '' ? [{ start, end }] : [],
      provenance,
    };
    const parsed = corridorStatusSchema.safeParse(input);
    if (parsed.success) corridorStatus.push(omit(parsed.data, 'provenance'));
    else
      for (const r of reasonsFromZod(parsed.error.issues, input)) {
        if (r.field === 'at' || r.field === 'corridorId') continue;
        const field = r.field?.startsWith('windows.0.')
          ? `corridor.${r.field.slice('windows.0.'.length)}`
          : `corridor.${r.field ?? 'status'}`;
        fail(field, withoutField(r));
      }
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: { madeAt: context.madeAt.toISOString(), crossingStatus, aidFlow, corridorStatus },
  };
}

/** A reason shown beside its field needs no field name of its own. */
function withoutField(r: Reason): Reason {
  return omit(r, 'field') as Reason;
}

/** `value` without `keys` (the server sets provenance; the form shows the field). */
export function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const out = { ...value };
  for (const key of keys) delete out[key];
  return out;
}

/**
 * A key for one report, made once when it is created on the device and sent with every try
 * (Idempotency-Key): a retried send never doubles a figure. 8–128 of [A-Za-z0-9_-].
 */
export function newIdempotencyKey(random: () => string): string {
  const key = `rpt_${random().replace(/[^A-Za-z0-9_-]/g, '')}`;
  if (!IDEMPOTENCY_KEY.test(key)) throw new Error('could not make an idempotency key');
  return key;
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;
