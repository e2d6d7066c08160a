import { useI18n } from '../../ui/i18n/context.tsx';
import { isolated } from '../../ui/i18n/isolate.tsx';
import type { Translate } from '../../ui/i18n/translate.ts';
import {
  formatDateTime,
  formatDaysAgo,
  formatNumber,
  formatShortDateTime,
  formatShortDay,
  formatTime,
} from '../../ui/format.ts';
import { StatusBadge, VERIFICATION_MARKS } from '../../ui/status-symbol.tsx';
import { type PhoneFigure, type ReportedWhen, type SourceStatus } from './phone-model.ts';

/**
 * When a report dates from, relative and absolute: "today, 06:10", "yesterday, 18:00",
 * "Nov 27, 09:44 (3 days ago)", in the theatre's time zone like every time on the board.
 */
function whenText(
  when: ReportedWhen,
  t: Translate,
  locale: string,
  timeZone: string,
  brief = false,
): string {
  const day = formatDaysAgo(when.daysAgo, locale);
  // Briefly, as "since" reads on a phone: the time alone is today's, an older day has its date.
  if (brief && when.daysAgo !== 1)
    return (when.daysAgo === 0 ? formatTime : formatShortDateTime)(when.at, locale, timeZone);
  return when.daysAgo <= 1 && when.daysAgo >= 0
    ? t('crossings.when.recent', { day, time: formatTime(when.at, locale, timeZone) })
    : t('crossings.when.older', { date: formatShortDateTime(when.at, locale, timeZone), day });
}

/**
 * The time of a report with its full date and time as its title; `brief` where a phone's first
 * screen has one short line (the details say it in full).
 */
export function WhenReported({
  when,
  timeZone,
  brief = false,
}: {
  when: ReportedWhen;
  timeZone: string;
  brief?: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <time dateTime={when.at} title={formatDateTime(when.at, locale, timeZone)}>
      {whenText(when, t, locale, timeZone, brief)}
    </time>
  );
}

/** "▲ Restricted Border Authority, reported today, 06:10": a status, its source and its time. */
export function StatusBySource({
  status,
  sourceName,
  timeZone,
}: {
  status: SourceStatus;
  sourceName: (id: string) => string;
  timeZone: string;
}) {
  const { t, locale } = useI18n();
  return (
    <span
      className={status.agrees ? 'status-by' : 'status-by status-by--disagrees'}
      data-source={status.sourceId}
    >
      <StatusBadge state={status.report.status} />{' '}
      {isolated(
        t,
        'crossings.bySource',
        { source: sourceName(status.sourceId) },
        { when: whenText(status.when, t, locale, timeZone) },
      )}
    </span>
  );
}

/** A source's trucks on its last reported day: the count, its verification mark and its day. */
export function FigureOnDay({ figure }: { figure: PhoneFigure }) {
  const { t, locale } = useI18n();
  return (
    <>
      <strong>{formatNumber(figure.trucks, locale)}</strong>
      {figure.verification ? (
        <span className={`phone-answer__mark verification--${figure.verification}`}>
          {' '}
          <span aria-hidden="true">{VERIFICATION_MARKS[figure.verification]}</span>
          <span className="visually-hidden">{t(`verification.${figure.verification}`)}</span>
        </span>
      ) : null}{' '}
      <span className="phone-answer__day">
        {figure.today ? t('crossings.phone.today') : formatShortDay(figure.day, locale)}
      </span>
    </>
  );
}
