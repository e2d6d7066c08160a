import { useEffect, useId, useRef, useState } from 'react';
import { periodLabel } from '../chart/time-labels.ts';
import { useI18n } from '../i18n/context.tsx';
import type { ExportFormat, ExportOptions, ExportResult, ExportTarget } from './export-actions.ts';
import { useExportScope, type ExportScope } from './export-context.tsx';
import { embedCode, embedUrl, permalink, saveBlob, sharedSearch } from './links.ts';
import type { PngScale } from './rasterise.ts';
import './export.css';

const loadActions = () => import('./export-actions.ts');

type Exporter = (format: ExportFormat, options?: ExportOptions) => Promise<ExportResult>;
const exporters = new Map<string, Exporter>();

declare global {
  interface Window {
    /** Tests and the bench: make an export of a chart on the page without downloading it. */
    __accessMonitorExport?: (
      chartId: string,
      format: ExportFormat,
      options?: ExportOptions,
    ) => Promise<ExportResult>;
  }
}

function registerExporter(id: string, exporter: Exporter): () => void {
  exporters.set(id, exporter);
  window.__accessMonitorExport ??= (chartId, format, options) => {
    const run = exporters.get(chartId);
    if (!run) return Promise.reject(new Error(`No chart "${chartId}" on this page`));
    return run(format, options);
  };
  return () => {
    if (exporters.get(id) === exporter) exporters.delete(id);
  };
}

/**
 * Download PNG / SVG / CSV / data (CSV + README), Copy link, Copy embed code — for one chart or
 * the map. Every file carries title, units, legend, sources with licence and verification,
 * period and as-of time, notes and the permalink (see caption-svg.ts); files of synthetic data
 * carry the mark. "Pin dates" (on by default) writes the days shown into every link, file and
 * embed, so that "All" or "last 30 days" cited today still shows the same days next week.
 */
export function ExportMenu({
  target,
  disabled = false,
  frame,
}: {
  target: ExportTarget;
  /** While the chart loads or failed. */
  disabled?: boolean;
  /** The chart's section, measured for the embed code's size. */
  frame: () => HTMLElement | null;
}) {
  const scope = useExportScope();
  if (!scope) return null;
  return <Menu target={target} disabled={disabled} frame={frame} scope={scope} />;
}

function Menu({
  target,
  disabled,
  frame,
  scope,
}: {
  target: ExportTarget;
  disabled: boolean;
  frame: () => HTMLElement | null;
  scope: ExportScope;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [scale, setScale] = useState<PngScale>(2);
  const [transparent, setTransparent] = useState(false);
  const [rows, setRows] = useState<'shown' | 'full'>('shown');
  // One choice for files, embeds and Copy link alike: a link handed on is cited, and a citation
  // must show what the reader saw. Unticked, links keep the live window ("last 30 days").
  const [pin, setPin] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [fallback, setFallback] = useState<{ label: string; text: string } | null>(null);

  // The latest target and scope, for the test hook registered once per chart.
  const latest = useRef({ target, scope, t, locale });
  useEffect(() => {
    latest.current = { target, scope, t, locale };
  });
  useEffect(
    () =>
      registerExporter(target.id, async (format, options) => {
        const { exportFile } = await loadActions();
        const now = latest.current;
        return exportFile(now.target, format, now, options);
      }),
    [target.id],
  );

  const download = async (format: ExportFormat) => {
    setBusy(true);
    setFallback(null);
    setMessage({ text: t('export.working', { format: format.toUpperCase() }) });
    try {
      const { exportFile } = await loadActions();
      const result = await exportFile(
        target,
        format,
        { scope, t, locale },
        { scale, transparent, rows, pin },
      );
      saveBlob(result.blob, result.filename);
      setMessage({ text: t('export.done', { file: result.filename }) });
    } catch (error) {
      setMessage({
        text: t('export.failed', {
          detail: error instanceof Error ? error.message : String(error),
        }),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const copy = async (text: string, done: string, fallbackLabel: string) => {
    setFallback(null);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setMessage({ text: done });
    } catch {
      // No clipboard (insecure origin, permission, old browser): show the text, selected.
      setMessage(null);
      setFallback({ label: fallbackLabel, text });
    }
  };

  const search = () => sharedSearch(scope.range, pin);

  const copyEmbed = () => {
    // Without its script the frame keeps this height: the chart as measured here, plus the
    // embed's caption (period, link), within sensible bounds.
    const el = frame();
    const height = el ? Math.min(1400, Math.max(360, el.offsetHeight + 96)) : 560;
    const code = embedCode(
      embedUrl(target.id, search(), scope.page),
      t('export.embed.title', { title: target.title, project: t('app.name') }),
      height,
    );
    return copy(code, t('export.embedCopied'), t('export.copyFallback.embed'));
  };

  return (
    <details className="export-menu">
      <summary>{t('export.menu')}</summary>
      <div
        className="export-menu__body"
        role="group"
        aria-label={t('export.menu.label', { title: target.title })}
      >
        <div className="export-menu__row">
          <label>
            <input
              type="checkbox"
              checked={pin}
              onChange={(e) => setPin(e.target.checked)}
              aria-describedby={`${id}-pin`}
            />{' '}
            {t('export.pin', { period: periodLabel(scope.range, t, locale) })}
          </label>
          <span id={`${id}-pin`} className="export-menu__hint">
            {t(pin ? 'export.pin.on' : 'export.pin.off')}
          </span>
        </div>
        <div className="export-menu__row">
          <label>
            <span>{t('export.scale')}</span>{' '}
            <select value={scale} onChange={(e) => setScale(Number(e.target.value) as PngScale)}>
              {([1, 2, 4] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`export.scale.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={transparent}
              onChange={(e) => setTransparent(e.target.checked)}
            />{' '}
            {t('export.transparent')}
          </label>
          <button type="button" disabled={disabled || busy} onClick={() => void download('png')}>
            {t('export.png')}
          </button>
          <button type="button" disabled={disabled || busy} onClick={() => void download('svg')}>
            {t('export.svg')}
          </button>
        </div>
        <div className="export-menu__row">
          {target.fullTable ? (
            <label>
              <span>{t('export.rows')}</span>{' '}
              <select value={rows} onChange={(e) => setRows(e.target.value as 'shown' | 'full')}>
                <option value="shown">{t('export.rows.shown')}</option>
                <option value="full">{t('export.rows.full')}</option>
              </select>
            </label>
          ) : null}
          <button type="button" disabled={disabled || busy} onClick={() => void download('csv')}>
            {t('export.csv')}
          </button>
          <button type="button" disabled={disabled || busy} onClick={() => void download('zip')}>
            {t('export.data')}
          </button>
          <button
            type="button"
            onClick={() =>
              void copy(
                permalink(target.id, search(), scope.page),
                t('export.linkCopied'),
                t('export.copyFallback.link'),
              )
            }
          >
            {t('export.copyLink')}
          </button>
          <button type="button" onClick={() => void copyEmbed()}>
            {t('export.copyEmbed')}
          </button>
        </div>
        <p
          className={`export-menu__status${message?.error ? ' export-menu__status--error' : ''}`}
          role="status"
        >
          {message?.text}
        </p>
        {fallback ? (
          <div className="export-menu__fallback">
            <label htmlFor={`${id}-copy`}>{fallback.label}</label>
            <textarea
              id={`${id}-copy`}
              readOnly
              rows={fallback.text.length > 120 ? 3 : 1}
              value={fallback.text}
              ref={(el) => el?.select()}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
        ) : null}
      </div>
    </details>
  );
}
