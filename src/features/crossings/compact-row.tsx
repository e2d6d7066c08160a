import { useI18n } from '../../ui/i18n/context.tsx';
import { placeName } from '../../domain/place-names.ts';
import { formatAge, formatNumber, formatPercent, formatShortDay } from '../../ui/format.ts';
import { CrossingPageLink } from '../../ui/crossing-link.tsx';
import { StatusBadge, VerificationBadge } from '../../ui/status-symbol.tsx';
import type { BoardRow } from './board-model.ts';
import { Disagreements } from './crossing-row.tsx';

/**
 * One crossing on one line, for a wall across a room: status, then per source and stage the
 * trucks of the last reported day and the week against the target, and the age of the news.
 * Sources stay side by side and keep their verification, as on the full board.
 */
export function CompactCrossingRow({
  row,
  now,
  sourceName,
}: {
  row: BoardRow;
  now: Date;
  sourceName: (id: string) => string;
}) {
  const { t, locale } = useI18n();
  const { crossing, status } = row;
  const weekTarget = crossing.targetTrucksPerDay ? crossing.targetTrucksPerDay * 7 : undefined;
  return (
    <tr role="row" className="board__row board__row--compact">
      <th scope="row" role="rowheader" className="board__name">
        <CrossingPageLink crossingId={crossing.id}>
          <bdi>{placeName(crossing.names, locale)}</bdi>
        </CrossingPageLink>
      </th>
      <td role="cell" className="board__status" data-label={t('crossings.col.status')}>
        <StatusBadge state={status.state} />
        <Disagreements status={status} sourceName={sourceName} />
      </td>
      <td role="cell" className="board__counts" data-label={t('crossings.col.trucks')}>
        {row.trucks.length === 0 ? (
          <span className="muted">{t('crossings.noTrucks')}</span>
        ) : (
          <ul className="truck-list truck-list--compact">
            {row.trucks.map((c) => (
              <li key={`${c.sourceId}-${c.stage}`}>
                <span className={`stage stage--${c.stage}`}>{t(`stage.${c.stage}`)}</span>{' '}
                <strong>
                  {c.today !== null
                    ? formatNumber(c.today, locale)
                    : c.latest
                      ? t('crossings.onDay', {
                          count: c.latest.trucks,
                          day: formatShortDay(c.latest.day, locale),
                        })
                      : t('crossings.notYet')}
                </strong>
                {weekTarget ? (
                  <span>
                    {' · '}
                    {t('crossings.weekShare', {
                      percent: formatPercent(c.last7 / weekTarget, locale),
                    })}
                  </span>
                ) : null}
                <span className="truck-list__source">
                  {' — '}
                  <bdi>{sourceName(c.sourceId)}</bdi>
                  {c.verification ? (
                    <>
                      {' · '}
                      <VerificationBadge verification={c.verification} />
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td role="cell" className="board__report" data-label={t('crossings.col.report')}>
        {row.lastReportAt ? formatAge(row.lastReportAt, now, locale) : t('crossings.noReport')}
      </td>
    </tr>
  );
}
