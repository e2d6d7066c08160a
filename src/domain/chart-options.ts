import type { FilterNotice } from './filters.ts';

/**
 * A chart's options and their URL form, namespaced per chart: `aid.stack=crossing` is option
 * `stack` of the chart whose URL prefix is `aid`. Parsing never throws: an unknown value falls
 * back to the default with a notice, like the filters. Defaults are left out of the URL, so a
 * link made before an option existed and one made with the default open the same view (when a
 * default changes, a URL migration must pin the old one: see `url-version.ts`).
 */
export interface ChoiceOption<T extends string = string> {
  kind: 'choice';
  choices: readonly T[];
  default: T;
}

/** Several of `choices`, kept in their order; at least one unless `allowNone` (then `none`). */
export interface ListOption<T extends string = string> {
  kind: 'list';
  choices: readonly T[];
  default: readonly T[];
  allowNone?: boolean;
}

/** How a list option with nothing chosen is written. */
const NONE = 'none';

export type ChartOption = ChoiceOption | ListOption;
export type OptionsSpec = Record<string, ChartOption>;

export type OptionValues<O extends OptionsSpec> = {
  readonly [K in keyof O]: O[K] extends ChoiceOption<infer T>
    ? T
    : O[K] extends ListOption<infer T>
      ? readonly T[]
      : never;
};

export function choice<const T extends string>(
  choices: readonly T[],
  fallback: T,
): ChoiceOption<T> {
  return { kind: 'choice', choices, default: fallback };
}

export function list<const T extends string>(
  choices: readonly T[],
  fallback: readonly T[],
  { allowNone = false } = {},
): ListOption<T> {
  return { kind: 'list', choices, default: fallback, allowNone };
}

/** The URL name of an option: `<prefix>.<name>`. */
export const optionParam = (prefix: string, name: string) => `${prefix}.${name}`;

/** The option values a query string asks for, and what in it was ignored. */
export function parseOptions<O extends OptionsSpec>(
  prefix: string,
  spec: O,
  params: URLSearchParams,
): { values: OptionValues<O>; notices: FilterNotice[] } {
  const notices: FilterNotice[] = [];
  const values: Record<string, string | readonly string[]> = {};
  for (const [name, option] of Object.entries(spec)) {
    const param = optionParam(prefix, name);
    const raw = params.get(param);
    values[name] = option.default;
    if (raw === null) continue;
    if (option.kind === 'list' && option.allowNone && raw === NONE) {
      values[name] = [];
      continue;
    }
    const asked = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const v of asked)
      if (!option.choices.includes(v)) notices.push({ param, value: v, problem: 'unknown-value' });
    const known = option.choices.filter((c) => asked.includes(c));
    if (option.kind === 'choice') {
      if (asked.length === 1 && known.length === 1) values[name] = known[0]!;
      else if (known.length > 1) notices.push({ param, value: raw, problem: 'unknown-value' });
    } else if (known.length) values[name] = known;
  }
  return { values: values as OptionValues<O>, notices };
}

/** Writes option values into a copy of `params`; a default is removed rather than written. */
export function writeOptions<O extends OptionsSpec>(
  prefix: string,
  spec: O,
  values: OptionValues<O>,
  params: URLSearchParams,
): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const [name, option] of Object.entries(spec)) {
    const param = optionParam(prefix, name);
    const value = values[name] as string | readonly string[];
    const text =
      option.kind === 'choice'
        ? (value as string)
        : option.choices.filter((c) => (value as readonly string[]).includes(c)).join(',');
    const fallback = option.kind === 'choice' ? option.default : option.default.join(',');
    if (text === fallback) out.delete(param);
    else if (text === '') {
      if (option.kind === 'list' && option.allowNone) out.set(param, NONE);
      else out.delete(param);
    } else out.set(param, text);
  }
  return out;
}

/** Only this chart's parameters, in a fixed order: a change elsewhere in the URL leaves it alone. */
export function optionSearch(prefix: string, spec: OptionsSpec, search: string): string {
  const params = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const name of Object.keys(spec)) {
    const param = optionParam(prefix, name);
    const value = params.get(param);
    if (value !== null) out.set(param, value);
  }
  return out.toString();
}

/** A list option with `value` switched on or off, never left empty, in the choices' order. */
export function toggled<T extends string>(option: ListOption<T>, current: readonly T[], value: T) {
  if (current.includes(value))
    return current.length > 1 || option.allowNone ? current.filter((v) => v !== value) : current;
  return option.choices.filter((c) => c === value || current.includes(c));
}
