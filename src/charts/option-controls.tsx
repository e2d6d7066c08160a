import { useChartOptions } from '../data/chart-options.ts';
import { toggled, type OptionsSpec } from '../domain/chart-options.ts';
import { useI18n } from '../ui/i18n/context.tsx';
import type { ChartSpec } from './chart-spec.ts';

/**
 * A chart's options as form controls: one choice as radio buttons, a list as checkboxes. They
 * write the URL (`aid.stack=crossing`), so Copy link and embeds show what the reader chose.
 */
export function OptionControls<O extends OptionsSpec>({
  spec,
}: {
  spec: Pick<ChartSpec<never, O, never>, 'id' | 'urlPrefix' | 'options' | 'controls'>;
}) {
  const { t } = useI18n();
  const { values, setOptions } = useChartOptions(spec.urlPrefix, spec.options);
  const current = values as Record<string, string | readonly string[]>;
  const set = setOptions as (next: Record<string, string | readonly string[]>) => void;
  return (
    <>
      {Object.entries(spec.options).map(([name, option]) => {
        const control = spec.controls?.[name];
        if (!control) return null;
        const value = current[name]!;
        return (
          <fieldset key={name}>
            <legend>{t(control.legend)}</legend>
            {option.choices.map((c) => (
              <label key={c}>
                {option.kind === 'choice' ? (
                  <input
                    type="radio"
                    name={`${spec.id}-${name}`}
                    checked={value === c}
                    onChange={() => set({ [name]: c })}
                  />
                ) : (
                  <input
                    type="checkbox"
                    checked={value.includes(c)}
                    onChange={() => set({ [name]: toggled(option, value as string[], c) })}
                  />
                )}
                {t(control.label(c))}
              </label>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}
