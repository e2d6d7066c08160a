import type { Ref } from 'react';
import { WhoSaysSo } from '../../charts/who-says-so.tsx';
import type { TruckCount } from '../../domain/aid-flow.ts';
import type { RecordsBehind } from '../../domain/provenance.ts';
import { shiftDay, type Day } from '../../domain/time.ts';
import type { Verification } from '../../domain/vocabulary.ts';
import { otherPlaceNames, placeName } from '../../domain/place-names.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { eachIsolated, isolated } from '../../ui/i18n/isolate.tsx';
import {
  formatAge,
  formatDateTime,
  formatDay,
  formatNumber,
  formatPercent,
} from '../../ui/format.ts';
import { CrossingPageLink } from '../../ui/crossing-link.tsx';
import { StatusBadge, VerificationBadge } from '../../ui/status-symbol.tsx';
import type { BoardRow } from './board-model.ts';
import { sourceStatuses } from './phone-model.ts';
import { StatusBySource } from './source-reports.tsx';
import { DetailsHead } from './lazy-details-head.tsx';

interface RowProps {
  row: BoardRow;
  now: Date;
  timeZone: string;
  selected: boolean;
  onSelect: () => void;
  sourceName: (id: string) => string;
  /** The verification filter in force, which the counts follow. */
  verification: readonly Verification[];
  /** The crossing's toggle, for the focus to come back to when its details close. */
  toggleRef?: Ref<HTMLButtonElement>;
}

export function CrossingRow({
  row,
  now,
  timeZone,
  selected,
  onSelect,
  sourceName,
  verification,
  toggleRef,
}: RowProps) {
  const who = { crossingId: row.crossing.id, today: row.today, verification };
  const { t, locale } = useI18n();
  const { crossing, status } = row;
  const name = placeName(crossing.names, locale);
  const sinceTime = status.since ? formatDateTime(status.since, locale, timeZone) : undefined;
  const target = crossing.targetTrucksPerDay;
  return (
    <tr
      role="row"
      className={selected ? 'board__row board__row--selected' : 'board__row'}
      aria-selected={selected}
    >
      <th scope="row" role="rowheader" className="board__name">
        <button
          type="button"
          className="link-button"
          aria-expanded={selected}
          aria-label={t('crossings.select', { name })}
          ref={toggleRef}
          onClick={onSelect}
        >
          <bdi>{name}</bdi>
        </button>{' '}
        <CrossingPageLink
          crossingId={crossing.id}
          className="board__page-link"
          label={t('crossingPage.link', { name })}
        >
          {t('crossingPage.linkShort')}
        </CrossingPageLink>
        {crossing.aliases.length ? (
          <span className="board__alias">
            {isolated(t, 'crossings.aliases', { names: eachIsolated(crossing.aliases, ', ') })}
          </span>
        ) : null}
      </th>
      <td role="cell" className="board__status" data-label={t('crossings.col.status')}>
        <StatusBadge state={status.state} />
        {sinceTime ? (
          <span className="board__since">{t('crossings.since', { time: sinceTime })}</span>
        ) : null}
        {sourceStatuses(row, now, timeZone).map((said) => (
          <StatusBySource
            key={said.sourceId}
            status={said}
            sourceName={sourceName}
            timeZone={timeZone}
          />
        ))}
      </td>
      <td role="cell" className="board__counts" data-label={t('crossings.col.today')}>
        <TruckList counts={row.trucks} sourceName={sourceName} show="today" who={who} />
      </td>
      <td role="cell" className="board__counts" data-label={t('crossings.col.week')}>
        <TruckList
          counts={row.trucks}
          sourceName={sourceName}
          show="week"
          target={target}
          who={who}
        />
      </td>
      <td role="cell" className="board__report" data-label={t('crossings.col.report')}>
        {row.lastReportAt ? (
          <>
            <time dateTime={row.lastReportAt}>
              {formatDateTime(row.lastReportAt, locale, timeZone)}
            </time>
            <span className="board__age"> ({formatAge(row.lastReportAt, now, locale)})</span>
          </>
        ) : (
          t('crossings.noReport')
        )}
        {status.latest ? (
          <span className="board__provenance">
            {sourceName(status.latest.provenance.sourceId)} ·{' '}
            <VerificationBadge verification={status.latest.provenance.verification} />
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/** Per source and stage: trucks today (or the last reported day), or the week against the target. */
export function TruckList({
  counts,
  sourceName,
  show,
  target,
  who,
}: {
  counts: TruckCount[];
  sourceName: (id: string) => string;
  show: 'today' | 'week';
  target?: number;
  /** The crossing, day and verification filter the counts stand on, for "who says so?". */
  who?: { crossingId: string; today: Day; verification: readonly Verification[] };
}) {
  const { t, locale } = useI18n();
  const behind = (c: TruckCount): RecordsBehind | undefined => {
    if (!who) return undefined;
    const day = c.today !== null ? who.today : c.latest?.day;
    if (show === 'today' && day === undefined) return undefined;
    return {
      dataset: 'aid-flow',
      from: show === 'today' ? day! : shiftDay(who.today, -6),
      to: show === 'today' ? day! : who.today,
      sourceId: c.sourceId,
      match: { crossingId: who.crossingId, stage: c.stage },
      verification: who.verification,
    };
  };
  if (counts.length === 0) return <span className="muted">{t('crossings.noTrucks')}</span>;
  const weekTarget = target ? target * 7 : undefined;
  return (
    <ul className="truck-list">
      {counts.map((c) => {
        const records = behind(c);
        return (
          <li key={`${c.sourceId}-${c.stage}`}>
            <span className={`stage stage--${c.stage}`}>{t(`stage.${c.stage}`)}</span>{' '}
            {show === 'today' ? (
              c.today !== null ? (
                <strong>{formatNumber(c.today, locale)}</strong>
              ) : (
                <>
                  <span className="muted">{t('crossings.notYet')}</span>
                  {c.latest ? (
                    <span className="truck-list__latest">
                      {t('crossings.latestDay', {
                        day: formatDay(c.latest.day, locale),
                        count: c.latest.trucks,
                      })}
                    </span>
                  ) : null}
                </>
              )
            ) : weekTarget ? (
              <>
                <strong>
                  {t('crossings.ofTarget', {
                    count: c.last7,
                    target: weekTarget,
                    percent: formatPercent(c.last7 / weekTarget, locale),
                  })}
                </strong>
                <meter
                  className="target-meter"
                  min={0}
                  max={weekTarget}
                  value={Math.min(c.last7, weekTarget)}
                  aria-hidden="true"
                />
              </>
            ) : (
              <strong>
                {formatNumber(c.last7, locale)}{' '}
                <span className="muted">({t('crossings.noTarget')})</span>
              </strong>
            )}
            <span className="truck-list__source">
              <bdi>{sourceName(c.sourceId)}</bdi>
              {c.verification ? (
                <>
                  {' · '}
                  <VerificationBadge verification={c.verification} />
                </>
              ) : null}
              {show === 'week' && c.daysReported < 7
                ? ` · ${t('crossings.partialWeek', { days: c.daysReported })}`
                : ''}
            </span>
            {records ? (
              <WhoSaysSo
                behind={records}
                figure={t('who.figure.board', {
                  stage: t(`stage.${c.stage}`),
                  source: sourceName(c.sourceId),
                  period: t(show === 'today' ? 'crossings.col.today' : 'crossings.col.week'),
                })}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The selected crossing: its heading (which takes the focus when the reader opens it), each
 * source's status and trucks side by side, other names, what it passes, and every status report
 * of the week.
 */
export function CrossingDetails({
  row,
  now,
  timeZone,
  sourceName,
  headingRef,
  onClose,
}: {
  row: BoardRow;
  now: Date;
  timeZone: string;
  sourceName: (id: string) => string;
  headingRef: Ref<HTMLHeadingElement>;
  onClose: () => void;
}) {
  return (
    <tr role="row" className="board__details">
      <td role="cell" colSpan={5}>
        <DetailsHead
          ref={headingRef}
          row={row}
          now={now}
          timeZone={timeZone}
          sourceName={sourceName}
          onClose={onClose}
        />
        <CrossingDetailsBody row={row} timeZone={timeZone} sourceName={sourceName} />
      </td>
    </tr>
  );
}

/** Other names, what the crossing passes and the week's status reports (the board's and the phone's). */
export function CrossingDetailsBody({
  row,
  timeZone,
  sourceName,
}: {
  row: BoardRow;
  timeZone: string;
  sourceName: (id: string) => string;
}) {
  const { t, locale } = useI18n();
  const { crossing } = row;
  const otherNames = otherPlaceNames(crossing.names, crossing.aliases, locale);
  return (
    <div className="details">
      {otherNames.length ? (
        <p lang="">
          {isolated(t, 'crossings.aliases', { names: eachIsolated(otherNames, ' · ') })}
        </p>
      ) : null}
      <p>
        {t('crossings.passes', { list: crossing.passes.map((p) => t(`pass.${p}`)).join(', ') })} ·{' '}
        <bdi>{crossing.border}</bdi>
      </p>
      <h3 className="details__title">{t('crossings.history')}</h3>
      <ol className="history">
        {row.history.map((s) => (
          <li key={`${s.provenance.sourceId}-${s.at}`}>
            <StatusBadge state={s.status} />{' '}
            <span>
              {isolated(
                t,
                'crossings.reportBy',
                { source: sourceName(s.provenance.sourceId) },
                {
                  time: formatDateTime(s.at, locale, timeZone),
                  verification: t(`verification.${s.provenance.verification}`),
                },
              )}
            </span>
            {s.hours ? <span> · {t('crossings.hours', s.hours)}</span> : null}
            {s.observersPresent !== null ? (
              <span>
                {' '}
                · {t(s.observersPresent ? 'crossings.observers.yes' : 'crossings.observers.no')}
              </span>
            ) : null}
            {s.note ? (
              <p className="history__note">
                <bdi>{s.note}</bdi>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
