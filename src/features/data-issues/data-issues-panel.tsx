import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useIssuesRequest } from '../../data/issues-request.ts';
import { useSourceEntries, useAllIssues } from '../../data/source-status.ts';
import { toCsv } from '../../domain/csv.ts';
import { issueKey, type DataIssue } from '../../domain/validate.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { Panel } from '../../ui/panel.tsx';
import { reasonTexts } from '../../ui/reason-text.ts';
import './data-issues.css';
import { KnownPlaces, unknownPlaceKinds } from './known-places.tsx';
import {
  issuesCsvHeader,
  issuesCsvRows,
  matchesIssue,
  rawText,
  type LocalReason,
} from './issues-model.ts';
import { dataFilesWords } from '../../ui/i18n/pages/data-files.ts';
import { provideWords } from '../../ui/i18n/translate.ts';

// Their words come with them (see provideWords), before anything of them renders.
provideWords(dataFilesWords);

const PAGE = 100;

/**
 * Every record a source sent that was rejected: its source, row or record number, field and
 * reason, filterable and downloadable as CSV. Nothing a source sent is dropped silently.
 */
export function DataIssuesPanel() {
  const { t, locale } = useI18n();
  const issues = useAllIssues();
  const entries = useSourceEntries();
  const [sourceId, setSourceId] = useState('');
  const [dataset, setDataset] = useState('');
  const [text, setText] = useState('');
  const [shown, setShown] = useState(PAGE);
  const query = useDeferredValue(text);
  const names = useMemo(() => new Map(entries.map((e) => [e.source.id, e.source.name])), [entries]);
  const nameOf = (id: string) => names.get(id) ?? id;
  // Tables (HXL, CKAN) number rows as the source shows them; JSON sources count records from 0.
  const tables = useMemo(
    () =>
      new Set(
        entries
          .filter((e) => e.source.adapter === 'hxl' || e.source.adapter === 'ckan')
          .map((e) => e.source.id),
      ),
    [entries],
  );
  // Each issue's reason in the reader's language, worded once per language (search and CSV).
  const inWords = useMemo(() => reasonTexts(t, locale), [t, locale]);
  const filtered = useMemo(
    () =>
      issues.filter((issue) => matchesIssue(issue, { sourceId, dataset, text: query }, inWords)),
    [issues, sourceId, dataset, query, inWords],
  );
  const sourcesWithIssues = [...new Set(issues.map((i) => i.sourceId))];
  // "Show the rejected rows" where a file was dropped: this view, filtered to that file.
  const request = useIssuesRequest();
  const list = useRef<HTMLDivElement>(null);
  // A request made before this view was mounted (another visit to /data) is not acted on again.
  const [served, setServed] = useState(() => request?.serial ?? 0);
  if (request && request.serial !== served) {
    // Adjusted while rendering (not in an effect): the filters follow the request at once.
    setServed(request.serial);
    setSourceId(request.sourceId);
    setDataset('');
    setText('');
  }
  const focused = useRef(request?.serial ?? 0);
  useEffect(() => {
    if (!request || request.serial === focused.current) return;
    focused.current = request.serial;
    list.current?.scrollIntoView({ block: 'start' });
    list.current?.focus();
  }, [request]);
  const known = entries.flatMap((entry) => {
    const kinds = unknownPlaceKinds(issues, entry.source.id);
    return kinds.size && (!sourceId || sourceId === entry.source.id) ? [{ entry, kinds }] : [];
  });
  const datasets = [...new Set(issues.map((i) => i.dataset))];

  const download = () => {
    // The English reason stays (scripts and other teams read it); a reader's language adds its own.
    const local: LocalReason | undefined =
      locale === 'en' ? undefined : { language: locale, text: inWords };
    const csv = toCsv(issuesCsvHeader(local), issuesCsvRows(filtered, nameOf, local));
    const url = URL.createObjectURL(new Blob([`\ufeff${csv}`], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'data-issues.csv';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Panel
      title={t('dataIssues.title')}
      subtitle={t('dataIssues.subtitle')}
      state={issues.length ? 'ready' : 'empty'}
      className="data-issues-panel"
    >
      <div className="data-issues__controls">
        <label>
          <span>{t('dataIssues.filter.source')}</span>
          <select value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
            <option value="">{t('dataIssues.filter.all')}</option>
            {sourcesWithIssues.map((id) => (
              <option key={id} value={id}>
                {nameOf(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('dataIssues.filter.dataset')}</span>
          <select value={dataset} onChange={(e) => setDataset(e.target.value)}>
            <option value="">{t('dataIssues.filter.all')}</option>
            {datasets.map((d) => (
              <option key={d} value={d}>
                {t(`adapters.dataset.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('dataIssues.filter.text')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="button" onClick={download} disabled={filtered.length === 0}>
          {t('dataIssues.download', { count: filtered.length })}
        </button>
      </div>
      <div id="data-issues-list" ref={list} tabIndex={-1} className="data-issues__list">
        <p role="status" className="data-issues__count">
          {issues.length === 0
            ? t('dataIssues.none')
            : t('dataIssues.count', {
                shown: Math.min(shown, filtered.length),
                count: filtered.length,
                total: issues.length,
              })}
        </p>
        {filtered.length ? (
          // At narrow widths the table scrolls sideways in its own named region, reachable by keyboard.
          <div
            className="table-scroll"
            role="region"
            aria-label={t('dataIssues.scroll')}
            tabIndex={0}
          >
            <table className="issues-table">
              <caption className="visually-hidden">{t('dataIssues.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dataIssues.col.source')}</th>
                  <th scope="col">{t('dataIssues.col.dataset')}</th>
                  <th scope="col">{t('dataIssues.col.position')}</th>
                  <th scope="col">{t('dataIssues.col.field')}</th>
                  <th scope="col">{t('dataIssues.col.reason')}</th>
                  <th scope="col">{t('dataIssues.col.record')}</th>
                </tr>
              </thead>
              <tbody>
                {filtered.slice(0, shown).map((issue) => (
                  <IssueRow
                    key={issueKey(issue)}
                    issue={issue}
                    sourceName={nameOf(issue.sourceId)}
                    reason={inWords(issue)}
                    byRow={tables.has(issue.sourceId)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {filtered.length > shown ? (
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>
            {t('dataIssues.more', { count: Math.min(PAGE, filtered.length - shown) })}
          </button>
        ) : null}
      </div>
      {known.map(({ entry, kinds }) => (
        <KnownPlaces key={entry.source.id} entry={entry} kinds={kinds} />
      ))}
    </Panel>
  );
}

function IssueRow({
  issue,
  sourceName,
  reason,
  byRow,
}: {
  issue: DataIssue;
  sourceName: string;
  /** Why, in the reader's language (reasonText). */
  reason: string;
  byRow: boolean;
}) {
  const { t } = useI18n();
  return (
    <tr>
      <td>
        <bdi>{sourceName}</bdi>
      </td>
      <td>{t(`adapters.dataset.${issue.dataset}`)}</td>
      <td>
        {byRow
          ? t('dataIssues.row', { position: issue.position })
          : t('dataIssues.record', { position: issue.position + 1 })}
      </td>
      <td>
        <code>{issue.field || '—'}</code>
      </td>
      <td>
        <bdi>{reason}</bdi>
      </td>
      <td>
        <code className="data-issues__raw">
          <bdi>{rawText(issue.raw, 200)}</bdi>
        </code>
      </td>
    </tr>
  );
}
