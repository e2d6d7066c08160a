import type { CSSProperties } from 'react';
import { useSourceName } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { placeName } from '../../domain/place-names.ts';
import { theatreDay } from '../../domain/time.ts';
import {
  formatAge,
  formatNumber,
  formatShortDateTime,
  formatShortDay,
  formatTime,
} from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { Panel, QueryErrorNotices, RecordsOutsideRange, RejectedRecords } from '../../ui/panel.tsx';
import { StatusBadge, VERIFICATION_MARKS } from '../../ui/status-symbol.tsx';
import { useNow } from '../../lib/use-now.ts';
import type { BoardRow } from './board-model.ts';
import {
  marksUsed,
  phoneColumns,
  phoneFigure,
  sinceWhen,
  type PhoneColumn,
} from './phone-model.ts';
import { useBoardRows } from './use-board-rows.ts';
import { numberedSources, tilePage, WALL_PAGE_SECONDS } from './wall-tiles-model.ts';
import './wall-tiles.css';

/**
 * The crossings on the wall, read from the back of a room: one tile per crossing with its name,
 * status (shape, word and colour), since when, what other sources say where they disagree, and
 * per source and stage the trucks of the source's last reported day with its verification mark
 * — never added across sources — and the age of the news. A last tile is the key: which source
 * each numbered column is. More crossings than a 16:9 screen holds at this size are shown a page
 * at a time, each page saying which crossings it holds.
 */
export function CrossingTiles() {
  const { t, locale } = useI18n();
  const { source } = useActiveSource();
  const board = useBoardRows();
  const { now, queries, state, timeZone, rows, issues } = board;
  const sourceName = useSourceName();
  const tick = useNow(WALL_PAGE_SECONDS * 1000);
  const page = tilePage(rows.length, Math.floor(+tick / (WALL_PAGE_SECONDS * 1000)));
  const groups = phoneColumns(rows);
  const columns = groups.flatMap((g) => g.columns);
  const sources = numberedSources(groups, rows);
  const number = (sourceId: string) => formatNumber(sources.indexOf(sourceId) + 1, locale);
  const shown = rows.slice(page.from, page.to);
  const today = timeZone ? theatreDay(now, timeZone) : undefined;
  const marks = today ? marksUsed(rows, columns, today) : [];
  return (
    <Panel
      title={t('crossings.title')}
      subtitle={
        page.count > 1
          ? t('crossings.wall.page', {
              from: page.from + 1,
              to: page.to,
              count: rows.length,
            })
          : t('crossings.phone.subtitle')
      }
      state={state}
      className="crossings-board crossings-board--wall"
      queries={queries}
    >
      <QueryErrorNotices queries={queries} sourceName={source.name} />
      {state === 'loading' ? <p className="panel__loading">{t('crossings.loading')}</p> : null}
      {state === 'empty' ? <p>{t('crossings.empty')}</p> : null}
      {board.whole && timeZone && today ? (
        <ul className="tiles" style={{ '--tile-cols': page.columns } as CSSProperties}>
          {shown.map((row) => (
            <CrossingTile
              key={row.crossing.id}
              row={row}
              columns={columns}
              number={number}
              now={now}
              today={today}
              timeZone={timeZone}
            />
          ))}
          <li className="tile tile--key">
            <p className="tile__key-title">{t('crossings.wall.key')}</p>
            <ol className="tile__sources">
              {sources.map((id) => (
                <li key={id}>
                  <span className="tile__number">{number(id)}</span> <bdi>{sourceName(id)}</bdi>
                </li>
              ))}
            </ol>
            <p className="tile__marks">
              {marks.map((v) => (
                <span key={v}>
                  <span aria-hidden="true">{VERIFICATION_MARKS[v]}</span> {t(`verification.${v}`)}
                </span>
              ))}
            </p>
          </li>
        </ul>
      ) : null}
      {state !== 'loading' ? <RejectedRecords issues={issues} sourceName={sourceName} /> : null}
      <RecordsOutsideRange count={board.outsideRange} source={source.name} />
    </Panel>
  );
}

function CrossingTile({
  row,
  columns,
  number,
  now,
  today,
  timeZone,
}: {
  row: BoardRow;
  columns: readonly PhoneColumn[];
  number: (sourceId: string) => string;
  now: Date;
  today: string;
  timeZone: string;
}) {
  const { t, locale } = useI18n();
  const { crossing, status } = row;
  const since = sinceWhen(row, now, timeZone);
  return (
    <li className={`tile tile--${status.state}`} data-crossing={crossing.id}>
      <p className="tile__name">
        <bdi>{placeName(crossing.names, locale)}</bdi>
      </p>
      <p className="tile__status">
        <StatusBadge state={status.state} />
        {status.latest ? (
          <>
            {' '}
            <span className="tile__number">{number(status.latest.provenance.sourceId)}</span>
          </>
        ) : null}
      </p>
      {since ? (
        <p className="tile__since">
          {t('crossings.since', {
            time: since.sameDay
              ? formatTime(since.at, locale, timeZone)
              : formatShortDateTime(since.at, locale, timeZone),
          })}
        </p>
      ) : null}
      {status.disagreements.map((d) => (
        <p key={d.provenance.sourceId} className="tile__disagree">
          <span className="tile__number">{number(d.provenance.sourceId)}</span>{' '}
          {t('crossings.wall.disagree', { status: t(`status.${d.status}`) })}
        </p>
      ))}
      {columns.length ? (
        <dl className="tile__figures">
          {columns.map((column) => {
            const figure = phoneFigure(row, column, today);
            return (
              <div key={column.key} className="tile__figure">
                <dt>
                  <span className="tile__number">{number(column.sourceId)}</span>{' '}
                  <span className={`stage stage--${column.stage}`}>
                    {t(`stage.${column.stage}`)}
                  </span>
                </dt>
                <dd>
                  {figure ? (
                    <>
                      <strong>{formatNumber(figure.trucks, locale)}</strong>
                      <span className="tile__day">
                        {figure.verification ? (
                          <span aria-hidden="true">{VERIFICATION_MARKS[figure.verification]} </span>
                        ) : null}
                        {figure.today
                          ? t('crossings.phone.today')
                          : formatShortDay(figure.day, locale)}
                      </span>
                    </>
                  ) : (
                    <strong aria-label={t('crossings.phone.noFigure')}>—</strong>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <p className="tile__since">{t('crossings.noTrucks')}</p>
      )}
      <p className="tile__age">
        {row.lastReportAt
          ? t('crossings.wall.reported', { age: formatAge(row.lastReportAt, now, locale) })
          : t('crossings.noReport')}
      </p>
    </li>
  );
}
