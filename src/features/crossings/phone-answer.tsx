import { useId } from 'react';
import { useViewState } from '../../data/view-state.ts';
import { placeName } from '../../domain/place-names.ts';
import { theatreDay } from '../../domain/time.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { formatAge, formatDateTime, formatShortDateTime, formatTime } from '../../ui/format.ts';
import { StatusBadge, VERIFICATION_MARKS, VerificationBadge } from '../../ui/status-symbol.tsx';
import type { BoardRow } from './board-model.ts';
import { CrossingDetailsBody, TruckList } from './crossing-row.tsx';
import { useDetailsFocus } from './details-focus.ts';
import {
  marksUsed,
  phoneColumns,
  phoneFigure,
  sinceWhen,
  sourceStatuses,
  type PhoneColumn,
  type PhoneSourceGroup,
} from './phone-model.ts';
import { FigureOnDay, StatusBySource, WhenReported } from './source-reports.tsx';
import { DetailsHead } from './lazy-details-head.tsx';

/**
 * The crossings on a phone's first screen: one tight row per crossing with its status (shape and
 * word), since when, and per source the trucks of its last reported day, side by side in the
 * source's own column (never added up), with its verification mark. Tapping a crossing (or its
 * button, by keyboard) opens everything the wide board shows about it, under its row.
 */
export function PhoneAnswer({
  rows,
  now,
  timeZone,
  selected,
  onSelect,
  sourceName,
}: {
  rows: readonly BoardRow[];
  now: Date;
  timeZone: string;
  selected: string | null;
  onSelect: (crossingId: string) => void;
  sourceName: (id: string) => string;
}) {
  const { t } = useI18n();
  const idBase = useId();
  const groups = phoneColumns(rows);
  const columns = groups.flatMap((g) => g.columns);
  const today = theatreDay(now, timeZone);
  const marks = marksUsed(rows, columns, today);
  // Figures sit in the row under their crossing's name: `headers` ties each to the crossing,
  // its source and its stage, as a screen reader announces them.
  const headerIds = {
    source: (sourceId: string) => `${idBase}-s-${sourceId}`,
    column: (column: PhoneColumn) => `${idBase}-c-${column.sourceId}-${column.stage}`,
  };
  return (
    <>
      <table className="phone-answer">
        <thead>
          <tr>
            {groups.map((g) => (
              <th
                key={g.sourceId}
                id={headerIds.source(g.sourceId)}
                scope="colgroup"
                colSpan={g.columns.length}
                className="phone-answer__source"
              >
                <bdi>{sourceName(g.sourceId)}</bdi>
              </th>
            ))}
          </tr>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                id={headerIds.column(column)}
                scope="col"
                className="phone-answer__stage"
              >
                <span className={`stage stage--${column.stage}`}>{t(`stage.${column.stage}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        {rows.map((row) => (
          <PhoneRow
            key={row.crossing.id}
            row={row}
            groups={groups}
            columns={columns}
            headerIds={headerIds}
            now={now}
            today={today}
            timeZone={timeZone}
            open={selected === row.crossing.id}
            anotherOpen={selected !== null && selected !== row.crossing.id}
            onToggle={() => onSelect(row.crossing.id)}
            sourceName={sourceName}
          />
        ))}
      </table>
      <p className="phone-answer__legend">
        {marks.map((v) => (
          <span key={v}>
            <span aria-hidden="true">{VERIFICATION_MARKS[v]}</span> {t(`verification.${v}`)}
          </span>
        ))}
        <span>{t('crossings.phone.subtitle')}</span>
      </p>
    </>
  );
}

/** One crossing: its name, status and since when; under it, the figures; under them, details. */
function PhoneRow({
  row,
  groups,
  columns,
  headerIds,
  now,
  today,
  timeZone,
  open,
  anotherOpen,
  onToggle,
  sourceName,
}: {
  row: BoardRow;
  groups: PhoneSourceGroup[];
  columns: PhoneColumn[];
  headerIds: { source: (id: string) => string; column: (c: PhoneColumn) => string };
  now: Date;
  today: string;
  timeZone: string;
  open: boolean;
  anotherOpen: boolean;
  onToggle: () => void;
  sourceName: (id: string) => string;
}) {
  const { t, locale } = useI18n();
  const { filters } = useViewState();
  const { toggleRef, headingRef, ask } = useDetailsFocus(open, anotherOpen);
  const statuses = sourceStatuses(row, now, timeZone);
  const grouped = new Set(groups.map((g) => g.sourceId));
  const who = { crossingId: row.crossing.id, today: row.today, verification: filters.verification };
  const id = useId();
  const detailsId = `${id}-details`;
  const nameId = `${id}-name`;
  const { crossing, status } = row;
  const name = placeName(crossing.names, locale);
  const since = sinceWhen(row, now, timeZone);
  const span = Math.max(columns.length, 1);
  return (
    <tbody
      data-crossing={crossing.id}
      className={
        open ? 'phone-answer__crossing phone-answer__crossing--open' : 'phone-answer__crossing'
      }
    >
      <tr>
        <th id={nameId} scope="rowgroup" colSpan={span} className="phone-answer__head">
          <button
            type="button"
            className="phone-answer__toggle"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            ref={toggleRef}
            onClick={() => {
              if (!open) ask();
              onToggle();
            }}
          >
            <bdi>{name}</bdi>
          </button>
          <StatusBadge state={status.state} />
          {since ? (
            <span className="phone-answer__since">
              {t('crossings.since', {
                time: since.sameDay
                  ? formatTime(since.at, locale, timeZone)
                  : formatShortDateTime(since.at, locale, timeZone),
              })}
            </span>
          ) : null}
          {statuses
            .filter((s) => !grouped.has(s.sourceId))
            .map((s) => (
              <StatusBySource
                key={s.sourceId}
                status={s}
                sourceName={sourceName}
                timeZone={timeZone}
              />
            ))}
        </th>
      </tr>
      {statuses.some((s) => grouped.has(s.sourceId)) ? (
        <tr className="phone-answer__statuses">
          {groups.map((g) => {
            const said = statuses.find((s) => s.sourceId === g.sourceId);
            return (
              <td
                key={g.sourceId}
                colSpan={g.columns.length}
                headers={`${nameId} ${headerIds.source(g.sourceId)}`}
              >
                {said ? (
                  <span
                    className={[
                      'status-by',
                      said.agrees ? '' : 'status-by--disagrees',
                      // One figure column wide: the shape says the state, the word is read out
                      // (and in the details), so that the line never wraps off the first screen.
                      g.columns.length < 2 ? 'status-by--narrow' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  >
                    <StatusBadge state={said.report.status} />{' '}
                    <WhenReported when={said.when} timeZone={timeZone} brief />
                  </span>
                ) : (
                  <span className="muted">
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">{t('crossings.noStatus')}</span>
                  </span>
                )}
              </td>
            );
          })}
        </tr>
      ) : null}
      <tr className="phone-answer__figures">
        {columns.length === 0 ? <td className="muted">{t('crossings.noTrucks')}</td> : null}
        {columns.map((column) => {
          const figure = phoneFigure(row, column, today);
          return (
            <td
              key={column.key}
              headers={`${nameId} ${headerIds.source(column.sourceId)} ${headerIds.column(column)}`}
            >
              {figure ? (
                <FigureOnDay figure={figure} />
              ) : (
                <span className="muted">
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">{t('crossings.phone.noFigure')}</span>
                </span>
              )}
            </td>
          );
        })}
      </tr>
      {open ? (
        <tr id={detailsId} className="phone-answer__details">
          <td colSpan={span}>
            <DetailsHead
              ref={headingRef}
              row={row}
              now={now}
              timeZone={timeZone}
              sourceName={sourceName}
              onClose={onToggle}
            />
            <dl className="phone-answer__full">
              <dt>{t('crossings.col.today')}</dt>
              <dd>
                <TruckList counts={row.trucks} sourceName={sourceName} show="today" who={who} />
              </dd>
              <dt>{t('crossings.col.week')}</dt>
              <dd>
                <TruckList
                  counts={row.trucks}
                  sourceName={sourceName}
                  show="week"
                  target={crossing.targetTrucksPerDay}
                  who={who}
                />
              </dd>
              <dt>{t('crossings.col.report')}</dt>
              <dd>
                {row.lastReportAt ? (
                  <>
                    <time dateTime={row.lastReportAt}>
                      {formatDateTime(row.lastReportAt, locale, timeZone)}
                    </time>{' '}
                    ({formatAge(row.lastReportAt, now, locale)})
                  </>
                ) : (
                  t('crossings.noReport')
                )}
                {status.latest ? (
                  <span className="board__provenance">
                    <bdi>{sourceName(status.latest.provenance.sourceId)}</bdi> ·{' '}
                    <VerificationBadge verification={status.latest.provenance.verification} />
                  </span>
                ) : null}
              </dd>
            </dl>
            <CrossingDetailsBody row={row} timeZone={timeZone} sourceName={sourceName} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
