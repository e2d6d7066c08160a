import { useId, useState } from 'react';
import type { OutboxReport } from '../../data/reports/outbox-store.ts';
import type { Outbox, OutboxSnapshot } from '../../data/reports/outbox.ts';
import { formatDateTime, formatTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { StatusBadge } from '../../ui/status-symbol.tsx';

/**
 * "Queued 2 · Sent 5 · Failed 1": always on the page (it stays in view while scrolling), read
 * out when it changes.
 */
export function OutboxCounts({ snapshot }: { snapshot: OutboxSnapshot }) {
  const { t } = useI18n();
  const { queued, sent, failed } = snapshot.counts;
  return (
    <p className="report-counts" role="status" data-testid="outbox-counts">
      {t('report.outbox.counts', { queued, sent, failed })}
    </p>
  );
}

/**
 * The reports on this device, newest first, each with its state and time; a failed one with the
 * server's reasons and the observer's choices (send again where that can help, or discard).
 */
export function OutboxList({
  snapshot,
  outbox,
  placeLabel,
  timeZone,
}: {
  snapshot: OutboxSnapshot;
  outbox: Outbox;
  placeLabel: (sourceId: string, placeId: string) => string;
  timeZone: string;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="panel report-outbox" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {t('report.outbox.title')}
      </h2>
      {snapshot.storageError ? (
        <p className="notice notice--error" role="alert">
          {t('report.outbox.storage', { error: snapshot.storageError })}
        </p>
      ) : null}
      {snapshot.loaded && snapshot.reports.length === 0 ? (
        <p>{t('report.outbox.empty')}</p>
      ) : (
        <ol className="report-outbox__list">
          {snapshot.reports.map((report) => (
            <OutboxItem
              key={report.key}
              report={report}
              sending={snapshot.sending.has(report.key)}
              outbox={outbox}
              placeLabel={placeLabel}
              timeZone={timeZone}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function OutboxItem({
  report,
  sending,
  outbox,
  placeLabel,
  timeZone,
}: {
  report: OutboxReport;
  sending: boolean;
  outbox: Outbox;
  placeLabel: (sourceId: string, placeId: string) => string;
  timeZone: string;
}) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { body } = report;
  const status = body.crossingStatus[0];
  const crossingId = status?.crossingId ?? body.aidFlow[0]?.crossingId;
  const corridor = body.corridorStatus[0];
  const state = sending ? 'sending' : report.state;
  const failure = report.failure;
  return (
    <li className={`report-item report-item--${report.state}`} data-testid="outbox-report">
      <p className="report-item__what">
        {crossingId ? (
          <bdi className="report-item__place">{placeLabel(report.sourceId, crossingId)}</bdi>
        ) : null}
        {status ? <StatusBadge state={status.status} /> : null}
        {body.aidFlow.length > 0 ? (
          <span>{t('report.outbox.trucks', { count: body.aidFlow.length })}</span>
        ) : null}
        {corridor ? (
          <>
            <bdi className="report-item__place">
              {placeLabel(report.sourceId, corridor.corridorId)}
            </bdi>
            <StatusBadge state={corridor.status} />
          </>
        ) : null}
      </p>
      <p className="report-item__state">
        <strong className={`report-state report-state--${state}`}>
          {t(`report.state.${state}`)}
        </strong>{' '}
        <span>
          {t('report.outbox.made', { time: formatDateTime(body.madeAt, locale, timeZone) })}
        </span>
        {report.sentAt ? (
          <span>
            {' · '}
            {t('report.outbox.sentAt', { time: formatDateTime(report.sentAt, locale, timeZone) })}
          </span>
        ) : null}
      </p>
      {report.state === 'sent' && report.replayed ? <p>{t('report.outbox.replayed')}</p> : null}
      {report.state === 'queued' && report.waiting && !sending ? (
        <p className="report-item__waiting">
          {report.waiting.kind === 'offline' || report.waiting.kind === 'no-token'
            ? t(`report.wait.${report.waiting.kind}`)
            : t(`report.wait.${report.waiting.kind}`, {
                time: formatTime(report.nextAttemptAt ?? report.waiting.at, locale, timeZone),
                status: report.waiting.status ?? 0,
              })}
        </p>
      ) : null}
      {report.state === 'failed' && failure ? (
        <div className="report-item__failure" role="group" aria-label={t('report.state.failed')}>
          <p>
            {t(`report.failure.${failure.kind}`, { status: failure.status ?? 0 })}
            {failure.kind !== 'invalid' && failure.detail ? (
              <>
                {' '}
                <bdi>{failure.detail}</bdi>
              </>
            ) : null}
          </p>
          {failure.kind === 'invalid' && failure.problems.length === 0 && failure.detail ? (
            <p>
              <bdi>{failure.detail}</bdi>
            </p>
          ) : null}
          {failure.problems.length > 0 ? (
            <ul className="report-item__problems">
              {failure.problems.map((p, i) => (
                <li key={i}>
                  {p.path ? (
                    <>
                      <code dir="ltr">{p.path}</code>:{' '}
                    </>
                  ) : null}
                  <bdi>{p.message}</bdi>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="report-item__actions">
            {failure.kind === 'token' || failure.kind === 'forbidden' ? (
              <button
                type="button"
                className="report-button"
                onClick={() => void outbox.retry(report.key)}
              >
                {t('report.sendAgain')}
              </button>
            ) : null}
            {confirming ? (
              <>
                <button
                  type="button"
                  className="report-button report-button--danger"
                  onClick={() => void outbox.discard(report.key)}
                >
                  {t('report.discard.confirm')}
                </button>
                <button
                  type="button"
                  className="report-button report-button--secondary"
                  onClick={() => setConfirming(false)}
                >
                  {t('report.discard.cancel')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="report-button report-button--secondary"
                onClick={() => setConfirming(true)}
              >
                {t('report.discard')}
              </button>
            )}
          </div>
        </div>
      ) : null}
    </li>
  );
}
