import { useI18n } from '../i18n/context.tsx';
import type { SourceCredit } from './chart-model.ts';
import './chart.css';

/**
 * "Source: <publisher> (<licence>) — <verification>" under a chart or the map, so that every
 * panel (and every embed of one) names who published its figures. Nothing before data came.
 */
export function SourceLine({ sources }: { sources: readonly SourceCredit[] }) {
  const { t } = useI18n();
  if (!sources.length) return null;
  return (
    <p className="chart__source">
      <span className="chart__source-label">{t('source.label')}: </span>
      {sources.map((s, i) => (
        <span key={s.name}>
          {i > 0 ? ' · ' : null}
          <bdi>{s.name}</bdi>
          {s.licence ? (
            <>
              {' ('}
              <bdi>{s.licence}</bdi>)
            </>
          ) : null}
          {s.verification ? ` — ${s.verification}` : null}
        </span>
      ))}
    </p>
  );
}
