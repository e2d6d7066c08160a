import { TZDate } from '@date-fns/tz';
import { reason, type Reason } from '../../../domain/reasons.ts';
import {
  COMMODITIES,
  CROSSING_STATES,
  FUEL_TYPES,
  FUEL_UNITS,
  FUNCTIONALITIES,
  MOVEMENT_OUTCOMES,
  MOVEMENT_PURPOSES,
  ORGANISATION_TYPES,
  STAGES,
  VERIFICATIONS,
  ZONES,
} from '../../../domain/vocabulary.ts';

/**
 * Reading the values people type into spreadsheets: numbers with thousands separators or units,
 * dates in several formats, Arabic-Indic digits, and the words they use for statuses. Each
 * reader returns a value or the reason it cannot (reasons.ts; the cell's text clipped, as given);
 * it never throws and never guesses silently.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: Reason };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (why: Reason): Read<never> => ({ ok: false, reason: why });

/** Arabic-Indic (U+0660…) and Persian (U+06F0…) digits, Arabic decimal and thousands marks. */
function westernDigits(text: string): string {
  if (!/[\u0660-\u066c\u06f0-\u06f9]/.test(text)) return text;
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',');
}

/** Units accepted after a number, per kind of figure; anything else is an error, not ignored. */
export const UNITS = {
  trucks: ['truck', 'trucks', 'truckloads', 'lorries'],
  tonnes: ['t', 'mt', 'tonne', 'tonnes', 'ton', 'tons', 'metric tons'],
  litres: ['l', 'litre', 'litres', 'liter', 'liters', 'ltr'],
  beds: ['bed', 'beds'],
  days: ['d', 'day', 'days'],
  none: [],
} as const;
export type UnitKind = keyof typeof UNITS;

/**
 * "1,200", "1 200", "1.200,5", "25 beds", "١٢٠٠" → a number. Ambiguous "1.200" / "1,200" (one
 * separator followed by exactly three digits) is read as thousands, as humanitarian sheets do.
 */
export function readNumber(raw: string, unit: UnitKind = 'none'): Read<number> {
  const text = westernDigits(raw).trim();
  const match = /^([+-]?[\d.,\s\u00a0\u202f']*\d)\s*([^\d\s].*)?$/u.exec(text);
  const notANumber = () => fail(reason('not-a-number', { value: clip(raw) }));
  if (!match) return notANumber();
  const suffix = (match[2] ?? '').trim().toLowerCase().replace(/\.$/, '');
  if (suffix && suffix !== '%') {
    const allowed: readonly string[] = UNITS[unit];
    if (!allowed.includes(suffix))
      return fail(
        allowed.length
          ? reason('unit-not-allowed', {
              value: clip(raw),
              unit: suffix,
              units: allowed.join(', '),
            })
          : reason('text-after-number', { value: clip(raw) }),
      );
  }
  let digits = match[1]!.replace(/[\s\u00a0\u202f']/g, '');
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both used: the later one is the decimal mark.
    digits =
      lastComma > lastDot ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  } else if (lastComma >= 0) {
    digits = /^[+-]?\d{1,3}(,\d{3})+$/.test(digits)
      ? digits.replace(/,/g, '')
      : digits.replace(',', '.');
  } else if (lastDot >= 0 && /^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(digits)) {
    digits = digits.replace(/\./g, '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits)) return notANumber();
  const value = Number(digits);
  return Number.isFinite(value) ? ok(value) : notANumber();
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export interface DayOptions {
  /** 03/04/2025 is 3 April when true (the default, as OCHA and most of the world write it). */
  dayFirst: boolean;
}

/**
 * A calendar day from "2025-03-04", "2025/3/4", "04/03/2025", "4.3.2025", "4 Mar 2025",
 * "March 4, 2025", "20250304", or an ISO date-time (its date part, as written).
 */
export function readDay(raw: string, options: DayOptions = { dayFirst: true }): Read<string> {
  const text = westernDigits(raw).trim();
  const unreadable = () => fail(reason('unreadable-date', { value: clip(raw) }));
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(text))) {
    [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
  } else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) {
    [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
  } else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?$/.exec(text))) {
    let [a, b] = [+match[1]!, +match[2]!];
    const swap = options.dayFirst ? a <= 12 && b > 12 : !(b <= 12 && a > 12);
    if (swap) [a, b] = [b, a];
    [y, m, d] = options.dayFirst ? [+match[3]!, b, a] : [+match[3]!, a, b];
  } else if ((match = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-,]+(\d{4})$/i.exec(text))) {
    const month =
      MONTHS[match[2]!.toLowerCase().slice(0, match[2]!.toLowerCase().startsWith('sept') ? 4 : 3)];
    if (!month) return unreadable();
    [y, m, d] = [+match[3]!, month, +match[1]!];
  } else if ((match = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text))) {
    const month = MONTHS[match[1]!.toLowerCase().slice(0, 3)];
    if (!month) return unreadable();
    [y, m, d] = [+match[3]!, month, +match[2]!];
  } else {
    return unreadable();
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return fail(reason('not-a-real-date', { value: clip(raw) }));
  return ok(`${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`);
}

/**
 * An instant from a date-time: with an offset it is taken as is; without one (spreadsheets
 * rarely write one) it is read as theatre-local time. A bare date is the start of that day.
 */
export function readInstant(
  raw: string,
  timeZone: string,
  options: DayOptions = { dayFirst: true },
): Read<string> {
  const text = westernDigits(raw).trim();
  const offset =
    /^(\d{4}-\d{2}-\d{2})[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(
      text,
    );
  if (offset) {
    const iso = `${offset[1]}T${pad(+offset[2]!)}:${offset[3]}:${offset[4] ?? '00'}${normaliseOffset(offset[5]!)}`;
    return Number.isNaN(Date.parse(iso))
      ? fail(reason('unreadable-datetime', { value: clip(raw) }))
      : ok(new Date(iso).toISOString());
  }
  const time = /^(.*?)[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const day = readDay(time ? time[1]! : text, options);
  if (!day.ok) return day;
  const [h, mi, s] = time ? [+time[2]!, +time[3]!, +(time[4] ?? 0)] : [0, 0, 0];
  if (h > 23 || mi > 59 || s > 59) return fail(reason('impossible-time', { value: clip(raw) }));
  const [y, m, d] = day.value.split('-').map(Number) as [number, number, number];
  return ok(new Date(+new TZDate(y, m - 1, d, h, mi, s, timeZone)).toISOString());
}

function normaliseOffset(offset: string): string {
  if (offset.toUpperCase() === 'Z') return 'Z';
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** "yes", "true", "1", "نعم" → true; "no", "false", "0", "لا" → false; empty → null. */
export function readYesNo(raw: string): Read<boolean | null> {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'unknown' || text === 'n/a') return ok(null);
  if (['yes', 'y', 'true', '1', 'present', 'نعم'].includes(text)) return ok(true);
  if (['no', 'n', 'false', '0', 'absent', 'لا'].includes(text)) return ok(false);
  return fail(reason('not-yes-no', { value: clip(raw) }));
}

/** "10:00-20:00", "10:00–20:00", "10-20" → opening hours. */
export function readHours(raw: string): Read<{ opens: string; closes: string }> {
  const match = /^(\d{1,2})(?::(\d{2}))?\s*[-–—to]+\s*(\d{1,2})(?::(\d{2}))?$/i.exec(
    westernDigits(raw).trim(),
  );
  if (!match || +match[1]! > 23 || +match[3]! > 23)
    return fail(reason('not-hours', { value: clip(raw) }));
  return ok({
    opens: `${pad(+match[1]!)}:${match[2] ?? '00'}`,
    closes: `${pad(+match[3]!)}:${match[4] ?? '00'}`,
  });
}

/** Words people use for each value of a closed vocabulary, lower case, Arabic included. */
const SYNONYMS = {
  crossingState: {
    open: ['open', 'opened', 'operational', 'functioning', 'مفتوح', 'مفتوحة'],
    restricted: [
      'restricted',
      'partially open',
      'partial',
      'limited',
      'partly open',
      'مقيد',
      'جزئي',
    ],
    closed: ['closed', 'shut', 'not operational', 'مغلق', 'مغلقة'],
    unknown: ['unknown', 'n/a', 'not known', 'غير معروف'],
  },
  stage: {
    entered: ['entered', 'crossed', 'offloaded', 'received at crossing', 'دخلت'],
    collected: ['collected', 'picked up', 'dispatched', 'جمعت'],
    delivered: ['delivered', 'distributed', 'وصلت'],
  },
  commodity: {
    food: ['food', 'food security', 'food items', 'غذاء', 'أغذية'],
    health: ['health', 'medical', 'medicine', 'medicines', 'medical supplies', 'صحة', 'أدوية'],
    wash: ['wash', 'water', 'water, sanitation and hygiene', 'hygiene', 'مياه'],
    shelter: ['shelter', 'nfi', 'shelter/nfi', 'tents', 'مأوى'],
    fuel: ['fuel', 'diesel', 'gas', 'cooking gas', 'وقود'],
    nutrition: ['nutrition', 'تغذية'],
    other: ['other', 'mixed', 'multi-sector', 'أخرى'],
  },
  functionality: {
    full: ['full', 'fully functional', 'functional', 'functioning'],
    partial: ['partial', 'partially functional', 'partially functioning', 'limited'],
    none: [
      'none',
      'non-functional',
      'not functional',
      'not functioning',
      'closed',
      'out of service',
    ],
    unknown: ['unknown', 'n/a'],
  },
  verification: {
    verified: ['verified', 'confirmed'],
    reported: ['reported', 'not verified', 'self-reported'],
    disputed: ['disputed', 'contested'],
    unverified: ['unverified'],
  },
  organisationType: {
    un: ['un', 'united nations', 'un agency', 'الأمم المتحدة'],
    ingo: ['ingo', 'international ngo', 'international non-governmental organisation'],
    ngo: ['ngo', 'national ngo', 'local ngo', 'nngo', 'منظمة غير حكومية'],
    'red-cross-crescent': [
      'red cross',
      'red crescent',
      'red cross/red crescent',
      'rcrc',
      'icrc',
      'prcs',
      'الهلال الأحمر',
    ],
    other: ['other', 'private sector', 'government', 'أخرى'],
  },
  movementPurpose: {
    food: ['food', 'food security', 'food assistance', 'غذاء'],
    fuel: ['fuel', 'fuel delivery', 'fuel distribution', 'وقود'],
    health: ['health', 'medical', 'medical supplies', 'صحة'],
    wash: ['wash', 'water', 'water, sanitation and hygiene', 'مياه'],
    evacuation: ['evacuation', 'medical evacuation', 'medevac', 'إجلاء'],
    assessment: ['assessment', 'needs assessment', 'assessment mission', 'تقييم'],
    logistics: ['logistics', 'supplies', 'warehouse', 'retrieval', 'لوجستيات'],
    other: ['other', 'staff movement', 'rotation', 'أخرى'],
  },
  movementOutcome: {
    facilitated: ['facilitated', 'approved', 'accomplished', 'completed', 'تم تيسيرها'],
    impeded: ['impeded', 'obstructed', 'delayed', 'approved but impeded', 'أعيقت'],
    denied: ['denied', 'rejected', 'refused', 'not approved', 'رفضت'],
    'postponed-cancelled': [
      'postponed',
      'cancelled',
      'canceled',
      'postponed/cancelled',
      'postponed or cancelled',
      'withdrawn',
      'أجلت',
      'ألغيت',
    ],
  },
  zone: {
    north: ['north', 'north of wadi gaza', 'northern gaza', 'شمال', 'شمال وادي غزة'],
    south: ['south', 'south of wadi gaza', 'southern gaza', 'جنوب', 'جنوب وادي غزة'],
  },
  fuel: {
    diesel: ['diesel', 'gasoil', 'gas oil', 'solar', 'سولار', 'ديزل'],
    petrol: ['petrol', 'gasoline', 'benzine', 'بنزين'],
    'cooking-gas': ['cooking gas', 'lpg', 'gas', 'غاز الطهي', 'غاز'],
  },
  fuelUnit: {
    litres: ['l', 'litre', 'liter', 'liters', 'ltr', 'لتر'],
    tonnes: ['t', 'mt', 'tonne', 'ton', 'tons', 'metric tons', 'طن'],
  },
} as const;
export type Vocabulary = keyof typeof SYNONYMS;

const VALUES: Record<Vocabulary, readonly string[]> = {
  crossingState: CROSSING_STATES,
  stage: STAGES,
  commodity: COMMODITIES,
  functionality: FUNCTIONALITIES,
  verification: VERIFICATIONS,
  organisationType: ORGANISATION_TYPES,
  movementPurpose: MOVEMENT_PURPOSES,
  movementOutcome: MOVEMENT_OUTCOMES,
  zone: ZONES,
  fuel: FUEL_TYPES,
  fuelUnit: FUEL_UNITS,
};

const LOOKUP = Object.fromEntries(
  Object.entries(SYNONYMS).map(([vocabulary, values]) => [
    vocabulary,
    new Map(
      Object.entries(values).flatMap(([value, words]) => [
        [value, ok(value)],
        ...(words as readonly string[]).map((w) => [w, ok(value)] as const),
      ]),
    ),
  ]),
) as Record<Vocabulary, Map<string, Read<string>>>;

/** A word from a closed vocabulary (case and spacing ignored, synonyms accepted). */
export function readWord(raw: string, vocabulary: Vocabulary): Read<string> {
  const found =
    LOOKUP[vocabulary].get(raw) ??
    LOOKUP[vocabulary].get(
      raw
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, ' '),
    );
  if (found) return found;
  return fail(reason('unknown-word', { value: clip(raw), values: VALUES[vocabulary].join(', ') }));
}

/** A comparable form of a place or publisher name: lower case, no accents, no punctuation. */
export function nameKey(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`"().]/g, '')
    .replace(/[\s\-_–—/]+/g, ' ')
    .trim();
}

/** An id in the style of config ids: "UN Monitoring Mechanism" → "un-monitoring-mechanism". */
export function slug(raw: string): string {
  const base = nameKey(raw)
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim()
    .replace(/ +/g, '-');
  return base.slice(0, 60) || 'unnamed';
}

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
