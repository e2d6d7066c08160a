import { useId } from 'react';
import { useRecordsBehind, type RecordsBehindAnswer } from '../data/records-behind.ts';
import { summariseVerification, type RecordsBehind } from '../domain/provenance.ts';
import { dayCount } from '../domain/series.ts';
import { shiftDay, theatreDay } from '../domain/time.ts';
import type { Dataset } from '../domain/vocabulary.ts';
import { formatDateTime, formatDay, formatNumber } from '../ui/format.ts';
import { useI18n } from '../ui/i18n/context.tsx';
import { provideWords, type Translate } from '../ui/i18n/translate.ts';
import { fuelEntryWords } from '../ui/i18n/pages/fuel-entry.ts';
import { movementsWords } from '../ui/i18n/pages/movements.ts';
import { whoSaysSoWords } from '../ui/i18n/pages/who-says-so.ts';
import { licenceText } from '../ui/licence-text.ts';
import { VerificationBadge } from '../ui/status-symbol.tsx';

// Its words, and the movements' and fuel's (outcomes, purposes, fuel types are worded alike).
provideWords(whoSaysSoWords);
provideWords(movementsWords);
provideWords(fuelEntryWords);

/** Reports listed in the details view; more are counted, not listed. */
const LISTED = 50;
/**
 * Days of reports asked for at most: a figure over a year stands on tens of thousands of
 * records, which a phone should not download to show fifty. Longer figures list their last days.
 */
const MAX_DAYS = 31;

/** The publisher and the reports behind a figure (see who-says-so.tsx). */
export default function WhoSaysSoBody({ behind: whole }: { behind: RecordsBehind }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const narrowed = dayCount(whole) > MAX_DAYS;
  const behind = narrowed ? { ...whole, from: shiftDay(whole.to, 1 - MAX_DAYS) } : whole;
  const { data, isPending, error, refetch } = useRecordsBehind(behind);
  if (error)
    return (
      <p role="alert">
        {t('who.error')}{' '}
        <button type="button" onClick={refetch}>
          {t('source.retry')}
        </button>
      </p>
    );
  if (isPending || !data) return <p aria-busy="true">{t('who.loading')}</p>;
  const { publisher } = data;
  const name = publisher?.name ?? behind.sourceId;
  const summary = summariseVerification(data.records);
  const period =
    behind.from === behind.to
      ? formatDay(behind.from, locale)
      : t('who.period', { from: formatDay(behind.from, locale), to: formatDay(behind.to, locale) });
  return (
    <div className="who-body">
      <section aria-labelledby={`${ids}-publisher`} className="who-body__publisher">
        <h3 id={`${ids}-publisher`}>{t('who.publisher')}</h3>
        <p>
          <strong>
            <bdi>{name}</bdi>
          </strong>
          {publisher?.kind ? (
            <>
              {' — '}
              <bdi>{publisher.kind}</bdi>
            </>
          ) : null}
        </p>
        {publisher ? (
          <p>{t('who.licence', { licence: licenceText(publisher.licence, t) })}</p>
        ) : null}
        {publisher?.url && /^https?:/i.test(publisher.url) ? (
          <p>
            <a href={publisher.url} rel="noopener noreferrer">
              {t('who.link')}
            </a>
          </p>
        ) : null}
        {publisher?.synthetic ? (
          <p className="who-body__synthetic">{t('synthetic.notice')}</p>
        ) : null}
        <h4>{t('who.method')}</h4>
        {publisher?.method ? (
          <blockquote className="who-body__method" dir="auto">
            {publisher.method}
          </blockquote>
        ) : (
          <p className="muted">{t('who.noMethod')}</p>
        )}
      </section>
      <section aria-labelledby={`${ids}-reports`}>
        <h3 id={`${ids}-reports`}>{t('who.reports')}</h3>
        {narrowed ? (
          <p>
            {t('who.narrowed', {
              from: formatDay(whole.from, locale),
              to: formatDay(whole.to, locale),
              count: MAX_DAYS,
            })}
          </p>
        ) : null}
        <p>{t('who.summary', { count: summary.records, period })}</p>
        {summary.records > 0 ? (
          <ul className="who-body__levels">
            {Object.entries(summary.levels)
              .filter(([, n]) => n > 0)
              .map(([level, n]) => (
                <li key={level}>
                  <VerificationBadge verification={level as keyof typeof summary.levels} />{' '}
                  {formatNumber(n, locale)}
                </li>
              ))}
          </ul>
        ) : (
          <p>{t('who.none')}</p>
        )}
        {summary.verifiedBy.length ? (
          <p>
            {t('who.verifiedBy')}{' '}
            {summary.verifiedBy.map((v, i) => (
              <span key={v.who}>
                {i > 0 ? ' · ' : ''}
                <bdi>{v.who}</bdi> ({formatNumber(v.records, locale)})
              </span>
            ))}
          </p>
        ) : summary.levels.verified > 0 ? (
          <p className="muted">{t('who.noVerifier')}</p>
        ) : null}
        {summary.latestReport ? (
          <p>
            {t('who.latest', {
              time: formatDateTime(summary.latestReport, locale, data.timeZone),
            })}
          </p>
        ) : null}
        {summary.records > 0 ? <ReportsTable data={data} dataset={behind.dataset} /> : null}
      </section>
    </div>
  );
}

function ReportsTable({ data, dataset }: { data: RecordsBehindAnswer; dataset: Dataset }) {
  const { t, locale } = useI18n();
  const listed = data.records.slice(0, LISTED);
  const more = data.records.length - listed.length;
  return (
    <div className="table-scroll">
      <table className="data-table who-body__table">
        <caption>{t('who.reports')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('who.col.day')}</th>
            <th scope="col">{t('who.col.figure')}</th>
            <th scope="col">{t('who.col.reported')}</th>
            <th scope="col">{t('who.col.verification')}</th>
            <th scope="col">{t('who.col.verifiedBy')}</th>
            <th scope="col">{t('who.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((r, i) => {
            const p = r.provenance;
            return (
              <tr key={i}>
                <th scope="row">{dayOf(r, data.timeZone, locale)}</th>
                <td>
                  <bdi>{figureOf(dataset, r, t, locale)}</bdi>
                </td>
                <td>
                  <time dateTime={p.reportedAt}>
                    {formatDateTime(p.reportedAt, locale, data.timeZone)}
                  </time>
                </td>
                <td>
                  <VerificationBadge verification={p.verification} />
                </td>
                <td>{p.verifiedBy ? <bdi>{p.verifiedBy}</bdi> : '—'}</td>
                <td dir="auto">{p.method ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {more > 0 ? <p>{t('who.more', { count: more })}</p> : null}
    </div>
  );
}

function dayOf(r: Record<string, unknown>, timeZone: string, locale: string): string {
  if (typeof r.date === 'string') return formatDay(r.date, locale);
  const at = typeof r.at === 'string' ? r.at : typeof r.start === 'string' ? r.start : undefined;
  return at ? formatDay(theatreDay(at, timeZone), locale) : '—';
}

/** What one record says, in a few words: its measures, or its state. */
export function figureOf(
  dataset: Dataset,
  r: Record<string, unknown>,
  t: Translate,
  locale: string,
): string {
  const n = (v: unknown) => (typeof v === 'number' ? formatNumber(v, locale) : undefined);
  const parts: string[] = [];
  const measure = (
    key: 'trucks' | 'tonnes' | 'litres' | 'missions' | 'waiting' | 'intercepted',
  ) => {
    const v = r[key];
    if (typeof v === 'number') parts.push(t(`who.figure.${key}`, { count: v }));
  };
  switch (dataset) {
    case 'aid-flow':
      parts.push(t(`stage.${r.stage as 'entered'}`));
      parts.push(t(`aidFlow.commodity.${r.commodity as 'food'}`));
      measure('trucks');
      measure('tonnes');
      measure('litres');
      break;
    case 'crossing-status':
    case 'corridor-status':
      parts.push(t(`status.${r.status as 'open'}`));
      break;
    case 'facility-status':
      parts.push(t(`hospitals.level.${r.functionality as 'full'}`));
      if (typeof r.bedsAvailable === 'number')
        parts.push(t('who.figure.beds', { count: r.bedsAvailable }));
      break;
    case 'utility-status':
      parts.push(`${n(r.value)} ${String(r.unit)}`);
      break;
    case 'events':
      parts.push(String(r.title));
      break;
    case 'movements':
      parts.push(t(`movements.outcome.${r.outcome as 'denied'}`));
      parts.push(t(`movements.purpose.${r.purpose as 'food'}`));
      parts.push(t(`movements.zone.${r.toZone as 'north'}`));
      measure('missions');
      if (typeof r.reason === 'string') parts.push(r.reason);
      break;
    case 'fuel-entry':
      parts.push(t(`fuelEntry.fuel.${r.fuel as 'diesel'}`));
      parts.push(
        t(r.unit === 'tonnes' ? 'who.figure.tonnes' : 'who.figure.litres', {
          count: Number(r.quantity),
        }),
      );
      break;
    case 'truck-gaps':
      measure('waiting');
      measure('intercepted');
      break;
  }
  return parts.join(' · ');
}
