/**
 * Finding a place by what people call it, in English, Arabic or Hebrew: "رفح" and "معبر رفح",
 * "Kerem Shalom crossing" and "כרם שלום", "Karem Abu Salem". Names are compared by a key that
 * ignores case, accents and vowel marks, spelling variants of Arabic letters, punctuation,
 * generic words (crossing, gate, معبر, מעבר …) and articles ("the", the Arabic al-). A name
 * that matches nothing gets the nearest known name as a suggestion ("did you mean Kissufim?").
 */

/** Words that say what kind of place it is, not which: dropped from keys. */
const GENERIC_WORDS = new Set([
  // English
  'crossing',
  'crossings',
  'border',
  'checkpoint',
  'terminal',
  'gate',
  'point',
  'the',
  // Arabic (after letter folding: ة→ه, أ→ا)
  'معبر',
  'منفذ',
  'حاجز',
  'بوابه',
  'بوابة',
  'نقطه',
  // Hebrew
  'מעבר',
  'מחסום',
  'מסוף',
  'שער',
]);

/** Lower case, no accents or vowel marks, one form per Arabic letter, words split on punctuation. */
export function nameWords(raw: string): string[] {
  return (
    raw
      .normalize('NFKD')
      // Latin accents, Arabic harakat and tatweel, Hebrew niqqud and cantillation.
      .replace(/\p{M}|\u0640/gu, '')
      .toLowerCase()
      .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // alef with hamza or madda, wasla: plain alef
      .replace(/\u0649/g, '\u064a') // alef maqsura as yeh
      .replace(/\u0629/g, '\u0647') // teh marbuta as heh
      .replace(/[’'`"().,]/g, '')
      .split(/[\s\-_–—/]+/)
      .filter(Boolean)
  );
}

/** The full key of a name: every word kept (ids and exact names match on this first). */
export function fullNameKey(raw: string): string {
  return nameWords(raw).join(' ');
}

/** The key without generic words and articles; the full key when nothing else would remain. */
export function placeKey(raw: string): string {
  const words = nameWords(raw);
  const kept = words
    .filter((word) => !GENERIC_WORDS.has(word) && !GENERIC_WORDS.has(withoutArticle(word)))
    .map(withoutArticle)
    .filter((word) => word !== 'al' && word !== 'el');
  return (kept.length > 0 ? kept : words).join(' ');
}

/** "al-Mawasi" is split into "al" and "mawasi" already; "المواصي" loses its ال here. */
function withoutArticle(word: string): string {
  return word.length > 3 && word.startsWith('ال') ? word.slice(2) : word;
}

export interface NamedPlace {
  id: string;
  names: Record<string, string | undefined>;
  aliases?: readonly string[];
}

export interface PlaceMatcher {
  /** The id of the place this text names, if exactly one place has that name. */
  find(text: string): string | undefined;
  /** The known name nearest to `text` (a likely misspelling), if one is close enough. */
  suggest(text: string): string | undefined;
  /** Every known name, for telling a user what a file may say. */
  names(): string[];
}

/**
 * An index of places by every name and alias in every language. A key two places share (after
 * generic words are dropped) names neither: a guess between two places would be worse than
 * a clear reject.
 */
export function placeMatcher(places: readonly NamedPlace[]): PlaceMatcher {
  const full = new Map<string, string>();
  const short = new Map<string, string | null>();
  const known: { name: string; key: string }[] = [];
  for (const place of places) {
    const names = [
      place.id,
      ...Object.values(place.names).filter((n): n is string => !!n),
      ...(place.aliases ?? []),
    ];
    for (const name of names) {
      const f = fullNameKey(name);
      if (f && !full.has(f)) full.set(f, place.id);
      const s = placeKey(name);
      if (!s) continue;
      const owner = short.get(s);
      if (owner === undefined) short.set(s, place.id);
      else if (owner !== place.id) short.set(s, null);
      if (name !== place.id) known.push({ name, key: s });
    }
  }
  return {
    find(text) {
      return full.get(fullNameKey(text)) ?? short.get(placeKey(text)) ?? undefined;
    },
    suggest(text) {
      const key = placeKey(text);
      if (key.length < 3) return undefined;
      let best: { name: string; distance: number } | undefined;
      for (const entry of known) {
        const limit = Math.max(1, Math.floor(Math.min(key.length, entry.key.length) / 4));
        const distance = editDistance(key, entry.key, limit);
        if (distance <= limit && (!best || distance < best.distance))
          best = { name: entry.name, distance };
      }
      return best?.name;
    },
    names() {
      return known.map((entry) => entry.name);
    },
  };
}

/**
 * Optimal string alignment distance (Levenshtein with swaps of neighbours), giving up past
 * `limit`: a name list is short, but a file may have thousands of bad rows.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i]![0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/** A place's names per language; English is always there (see namesSchema). */
type PlaceNames = { readonly en: string } & Readonly<Record<string, string | undefined>>;

/** The name to show in a language: that language's name, else the English one. */
export function placeName(names: PlaceNames, locale: string): string {
  const mine = names[locale]?.trim();
  return mine ? mine : names.en;
}

/** Every other name of a place — its names in other languages, then aliases — once each. */
export function otherPlaceNames(
  names: PlaceNames,
  aliases: readonly string[],
  locale: string,
): string[] {
  const shown = placeName(names, locale);
  const seen = new Set([shown]);
  const out: string[] = [];
  for (const name of [...Object.values(names), ...aliases]) {
    const text = name?.trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

/** The name of the place with this id among `places` in the chosen language, else the id. */
export function placeNameOf(
  places: readonly { id: string; names: Record<string, string | undefined> & { en: string } }[],
  id: string,
  locale: string,
): string {
  const place = places.find((p) => p.id === id);
  return place ? placeName(place.names, locale) : id;
}
