import type { Ref } from 'react';
import { placeName } from '../../domain/place-names.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { isolated } from '../../ui/i18n/isolate.tsx';
import { CrossingPageLink } from '../../ui/crossing-link.tsx';
import { StatusBadge } from '../../ui/status-symbol.tsx';
import type { BoardRow } from './board-model.ts';
import { sourceReports } from './phone-model.ts';
import { FigureOnDay, WhenReported } from './source-reports.tsx';

/**
 * The head of a crossing's details: a heading that takes the focus when they open, each
 * source's status (with its time) beside its trucks on its own last reported day, never added
 * up, the crossing's own page and a button to close.
 */
export default function DetailsHead({
  ref,
  row,
  now,
  timeZone,
  sourceName,
  onClose,
}: {
  ref: Ref<HTMLHeadingElement>;
  row: BoardRow;
  now: Date;
  timeZone: string;
  sourceName: (id: string) => string;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const name = placeName(row.crossing.names, locale);
  const reports = sourceReports(row, now, timeZone);
  return (
    <div className="details-head">
      <div className="details-head__bar">
        <h3 ref={ref} tabIndex={-1} className="details-head__title">
          {isolated(t, 'crossings.details.title', { name })}
        </h3>
        <button type="button" className="details-head__close" onClick={onClose}>
          {t('crossings.details.close')}
        </button>
      </div>
      {reports.length ? (
        <table className="source-reports">
          <thead>
            <tr>
              <th scope="col">{t('crossings.compare.source')}</th>
              <th scope="col">{t('crossings.compare.status')}</th>
              <th scope="col">{t('crossings.compare.trucks')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.sourceId} data-source={r.sourceId}>
                <th scope="row">
                  <bdi>{sourceName(r.sourceId)}</bdi>
                </th>
                <td>
                  {r.status ? (
                    <span
                      className={r.status.agrees ? 'status-by' : 'status-by status-by--disagrees'}
                    >
                      <StatusBadge state={r.status.report.status} />{' '}
                      <WhenReported when={r.status.when} timeZone={timeZone} />
                    </span>
                  ) : (
                    <span className="muted">{t('crossings.noStatus')}</span>
                  )}
                </td>
                <td>
                  {r.figures.length ? (
                    <ul className="source-reports__figures">
                      {r.figures.map((f) => (
                        <li key={f.stage}>
                          <span className={`stage stage--${f.stage}`}>{t(`stage.${f.stage}`)}</span>{' '}
                          <FigureOnDay figure={f.figure} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{t('crossings.noTrucks')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="details-head__page">
        <CrossingPageLink crossingId={row.crossing.id}>
          {t('crossingPage.link', { name })}
        </CrossingPageLink>
      </p>
    </div>
  );
}
