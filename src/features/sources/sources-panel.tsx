import { useQueryClient } from '@tanstack/react-query';
import { chooseSource } from '../../data/config.ts';
import { removeDroppedFile, setActiveFile, type DroppedFile } from '../../data/dropped-files.ts';
import {
  connectionQuery,
  useConnectionTest,
  useInventory,
  useStoredIssues,
  useSourceActivity,
  useSourceEntries,
  type SourceActivity,
  type SourceEntry,
} from '../../data/source-status.ts';
import { useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { useI18n } from '../../ui/i18n/context.tsx';
import { isolated } from '../../ui/i18n/isolate.tsx';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { navigate } from '../../lib/url-state.ts';
import { Panel } from '../../ui/panel.tsx';
import { licenceText } from '../../ui/licence-text.ts';
import { dataFilesWords } from '../../ui/i18n/pages/data-files.ts';
import { provideWords } from '../../ui/i18n/translate.ts';

// Their words come with them (see provideWords), before anything of them renders.
provideWords(dataFilesWords);

/**
 * Every configured source and every file opened on this device: adapter, attribution and
 * licence, health (connection test), last fetch, and rows accepted and rejected.
 */
export function SourcesPanel() {
  const { t } = useI18n();
  const entries = useSourceEntries();
  const activity = useSourceActivity();
  return (
    <Panel
      title={t('sources.title')}
      subtitle={t('sources.subtitle')}
      state="ready"
      className="sources-panel"
    >
      <ul className="source-list">
        {entries.map((entry) => (
          <SourceItem
            key={entry.source.id}
            entry={entry}
            activity={activity.get(entry.source.id)}
          />
        ))}
      </ul>
    </Panel>
  );
}

function SourceItem({
  entry,
  activity,
}: {
  entry: SourceEntry;
  activity: SourceActivity | undefined;
}) {
  const { t, locale } = useI18n();
  const { config } = useActiveSource();
  const client = useQueryClient();
  const { source, adapter, active, file } = entry;
  const description = adapter.describe();
  const reading = file?.state === 'reading';
  const connection = useConnectionTest(adapter, active && !reading);
  const inventory = useInventory(adapter, (active || file?.state === 'ready') && !reading);
  // What the server stored as rejected (imports), listed with the other data issues.
  useStoredIssues(adapter, active && connection.data?.ok === true);
  const headingId = `source-${source.id}`;
  // Times in the theatre's zone, like every other time on the dashboard.
  const zone = useTheatre().data?.theatre.timeZone ?? 'UTC';
  const n = (value: number) => formatNumber(value, locale);

  const health = connection.isFetching
    ? { word: t('sources.health.testing'), kind: 'pending' }
    : connection.data
      ? connection.data.ok
        ? { word: t('sources.health.ok'), kind: 'ok' }
        : { word: t('sources.health.failed'), kind: 'failed' }
      : { word: t('sources.health.untested'), kind: 'untested' };

  const counts = inventory.data
    ? {
        read: inventory.data.rowsRead,
        accepted: inventory.data.accepted,
        rejected: inventory.data.rejected.length,
        blank: inventory.data.blankRows,
        fetched: inventory.data.fetchedAt,
      }
    : activity
      ? {
          read: activity.accepted + activity.rejected,
          accepted: activity.accepted,
          rejected: activity.rejected,
          blank: 0,
          fetched: activity.lastFetch?.toISOString(),
        }
      : undefined;

  const show = () => {
    if (file) {
      setActiveFile(file.id);
      navigate('/');
    } else if (
      source.id ===
      chooseSource(config, new URLSearchParams(window.location.search).get('source')).source.id
    ) {
      // The source the page was opened with: stop showing the file.
      setActiveFile(null);
    } else {
      const url = new URL(window.location.href);
      url.searchParams.set('source', source.id);
      url.pathname = '/';
      window.location.assign(url.href);
    }
  };

  return (
    <li
      className={`source-item${active ? ' source-item--active' : ''}`}
      aria-labelledby={headingId}
      data-source={source.id}
    >
      <h3 id={headingId} className="source-item__name">
        <bdi>{source.name}</bdi>
        {active ? <span className="badge"> {t('sources.active')}</span> : null}
      </h3>
      <dl className="source-item__facts">
        <dt>{t('sources.adapter')}</dt>
        <dd>{t(`adapters.kind.${description.adapter}`)}</dd>
        <dt>{t('sources.attribution')}</dt>
        <dd>
          {file ? (
            isolated(t, 'sources.attribution.file', { name: description.attribution })
          ) : (
            <bdi>{description.attribution}</bdi>
          )}
        </dd>
        <dt>{t('sources.licence')}</dt>
        <dd>
          <bdi>{licenceText(description.licence, t)}</bdi>
        </dd>
        <dt>{t('sources.answers')}</dt>
        <dd>{description.capabilities.map((d) => t(`adapters.dataset.${d}`)).join(', ')}</dd>
        {description.synthetic ? (
          <>
            <dt>{t('sources.synthetic')}</dt>
            <dd>{t('sources.synthetic.yes')}</dd>
          </>
        ) : null}
        {file ? (
          <>
            {/* A file has nothing to connect to: its card says what reading it gave. */}
            <dt>{t('sources.file.result')}</dt>
            <dd data-testid="file-result">
              <FileResult file={file} />
            </dd>
          </>
        ) : (
          <>
            <dt>{t('sources.health')}</dt>
            <dd data-health={health.kind}>
              <strong>{health.word}</strong>
              {/* The health word says it answered; only a failure's detail (technical, as the
              adapter words it) is worth adding. */}
              {connection.data && !connection.data.ok ? (
                <>
                  {' — '}
                  <bdi>{connection.data.message}</bdi>
                </>
              ) : null}
              {connection.data?.latencyMs !== undefined
                ? ` (${t('sources.latency', { ms: connection.data.latencyMs })})`
                : ''}
            </dd>
          </>
        )}
        <dt>{t('sources.lastFetch')}</dt>
        <dd>
          {counts?.fetched ? formatDateTime(counts.fetched, locale, zone) : t('sources.notFetched')}
        </dd>
        <dt>{t('sources.rows')}</dt>
        <dd data-testid="source-rows">
          {counts
            ? t('sources.rows.counts', {
                read: n(counts.read),
                accepted: n(counts.accepted),
                rejected: n(counts.rejected),
              })
            : t('sources.rows.none')}
          {counts?.blank ? ` ${t('sources.rows.blank', { count: counts.blank })}` : ''}
        </dd>
      </dl>
      {file?.state === 'reading' ? (
        <p className="source-item__progress">
          <label>
            {t('sources.file.reading', { rows: n(file.progress.rowsRead) })}{' '}
            <progress max={file.progress.totalBytes || 1} value={file.progress.bytesRead} />
          </label>
        </p>
      ) : null}
      {file ? (
        <p
          className={`source-item__storage${file.storage === 'session' ? ' notice notice--warning' : ''}`}
          data-testid="file-storage"
        >
          {file.storage === 'stored'
            ? t('sources.file.stored')
            : file.storage === 'saving'
              ? t('sources.file.saving')
              : t(`sources.file.session.${file.storageFailure ?? 'unavailable'}`)}
        </p>
      ) : null}
      {file?.state === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {file.error}
        </p>
      ) : null}
      {inventory.isError ? (
        <p className="notice notice--error" role="alert">
          {inventory.error.message}
        </p>
      ) : null}
      {inventory.data?.warnings.length ? (
        <ul className="notice notice--warning source-item__warnings">
          {inventory.data.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <div className="source-item__actions">
        {file ? null : (
          <button
            type="button"
            onClick={() => void client.fetchQuery({ ...connectionQuery(adapter), staleTime: 0 })}
          >
            {isolated(t, 'sources.test', { name: source.name })}
          </button>
        )}
        {!active && file?.state !== 'failed' ? (
          <button type="button" onClick={show} disabled={reading}>
            {isolated(t, 'sources.show', { name: source.name })}
          </button>
        ) : null}
        {file ? (
          <button type="button" onClick={() => removeDroppedFile(file.id)}>
            {isolated(t, 'sources.file.remove', { name: source.name })}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** What reading a dropped file gave: "Read 60 rows: 56 accepted, 4 rejected", or why not. */
export function FileResult({ file }: { file: DroppedFile }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  if (file.state === 'failed') return <>{t('sources.file.failed')}</>;
  if (file.state === 'reading' || !file.summary)
    return <>{t('sources.file.reading', { rows: n(file.progress.rowsRead) })}</>;
  return <>{fileReadText(file, t)}</>;
}

/** The counts of a read file, in words; accepted + rejected = rows read. */
export function fileReadText(file: DroppedFile, t: ReturnType<typeof useI18n>['t']): string {
  const summary = file.summary!;
  // Numbers are formatted by the translator (Intl), and pick the plural form by `count`.
  return t('sources.file.read', {
    count: summary.rowsRead,
    accepted: summary.accepted,
    rejected: file.rejected ?? summary.rowsRead - summary.accepted,
  });
}
