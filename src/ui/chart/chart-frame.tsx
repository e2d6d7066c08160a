import { useRef, useState, type ReactNode } from 'react';
import { collectPlot } from '../export/collect-plot.ts';
import { EmbedCaption } from '../export/embed-caption.tsx';
import { useEmbeddedChart } from '../export/export-context.tsx';
import { ExportMenu } from '../export/export-menu.tsx';
import { useI18n } from '../i18n/context.tsx';
import { Panel, type PanelQuery } from '../panel.tsx';
import { usePresentation } from '../presentation.tsx';
import type { ChartDescription, ChartTable, ChartTableRow, LegendEntry } from './chart-model.ts';
import { fillFor, patternId, type FillPattern } from './palette.ts';
import { SourceLine } from './source-line.tsx';
import './chart.css';

/**
 * A chart's frame: a <section> named by its title, with subtitle (units, resolution), the
 * chart, its legend, the source line, notes, a "Show as table" alternative and the export menu
 * (PNG, SVG, CSV, link, embed code). Everything but the chart itself comes from `description`
 * and `table`, which are plain data: the exports draw them into the files.
 *
 * On the wall (read across a room, nothing to click) the frame is a column that fills the
 * height it is given, the plot taking what title, legend and source line leave; notes, the
 * table and the export menu stay on the overview, embeds and exports.
 */
export function ChartFrame({
  description,
  table,
  fullTable,
  state,
  queries,
  headingLevel = 2,
  controls,
  notices,
  children,
  className,
  resolution,
  explain,
  tableShown = false,
}: {
  description: ChartDescription;
  table: ChartTable | undefined;
  /** The table over every day the source covers (same filters), for the "full range" CSV. */
  fullTable?: () => Promise<ChartTable | undefined>;
  state: 'loading' | 'ready' | 'error' | 'empty';
  /** The queries drawn: offline, the frame says how old their kept data are. */
  queries?: readonly PanelQuery[];
  headingLevel?: 2 | 3;
  /** Toggles above the chart. */
  controls?: ReactNode;
  /** Errors and rejected-record notices. */
  notices?: ReactNode;
  /** The chart (usually a lazy Recharts component inside <Suspense>). */
  children?: ReactNode;
  className?: string;
  /** The resolution its roll-up was answered at (`day`, `week`, `month`). */
  resolution?: string;
  /** "Who says so?" for a table row that names the records behind it. */
  explain?: (row: ChartTableRow) => ReactNode;
  /**
   * A short table that is what the chart is for (the largest disagreements): shown as it is,
   * not folded behind "Show as table".
   */
  tableShown?: boolean;
}) {
  const { t } = useI18n();
  const { sources, legend } = description;
  const plotRef = useRef<HTMLDivElement>(null);
  const embedded = useEmbeddedChart();
  const wall = usePresentation() === 'wall';
  // On /embed/<chart>, a panel with several charts shows only the one asked for.
  if (embedded && embedded !== description.id) return null;
  const id = description.id;
  const synthetic = sources.some((s) => s.synthetic);
  return (
    <Panel
      title={description.title}
      subtitle={description.subtitle}
      state={state}
      queries={queries}
      headingLevel={headingLevel}
      chart={description.id}
      resolution={resolution}
      className={`chart ${wall ? 'chart--wall ' : ''}${className ?? ''}`}
    >
      <EmbedCaption chartId={id} synthetic={synthetic} place="top" />
      {controls && !wall ? <div className="chart__controls">{controls}</div> : null}
      {notices}
      {state === 'loading' ? <p className="panel__loading">{t('chart.loading')}</p> : null}
      {state === 'empty' ? <p>{t('chart.empty')}</p> : null}
      {state === 'ready' ? (
        <div className="chart__plot" ref={plotRef}>
          {children}
        </div>
      ) : null}
      {state === 'ready' && legend.length ? <ChartLegend entries={legend} /> : null}
      <SourceLine sources={sources} />
      {wall ? null : (
        <PageExtras
          id={id}
          description={description}
          table={table}
          fullTable={fullTable}
          state={state}
          synthetic={synthetic}
          explain={explain}
          tableShown={tableShown}
          plot={() => plotRef.current}
        />
      )}
    </Panel>
  );
}

/** Notes, the table, the embed's caption and the export menu: not on the wall. */
function PageExtras({
  id,
  description,
  table,
  fullTable,
  state,
  synthetic,
  explain,
  tableShown,
  plot,
}: {
  id: string;
  description: ChartDescription;
  table: ChartTable | undefined;
  fullTable: (() => Promise<ChartTable | undefined>) | undefined;
  state: 'loading' | 'ready' | 'error' | 'empty';
  synthetic: boolean;
  explain: ((row: ChartTableRow) => ReactNode) | undefined;
  tableShown: boolean;
  plot: () => HTMLDivElement | null;
}) {
  const { sources, legend, notes } = description;
  return (
    <>
      {notes.length ? (
        <ul className="chart__notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {table && table.rows.length ? (
        tableShown ? (
          <div className="chart__table">
            <TableBody table={table} explain={explain} />
          </div>
        ) : (
          <TableAlternative table={table} explain={explain} />
        )
      ) : null}
      <EmbedCaption chartId={id} synthetic={synthetic} place="bottom" />
      <ExportMenu
        disabled={state === 'loading' || state === 'error'}
        frame={() => document.querySelector<HTMLElement>(`[data-chart="${CSS.escape(id)}"]`)}
        target={{
          id,
          title: description.title,
          subtitle: description.subtitle,
          legend: state === 'ready' ? legend : [],
          sources,
          notes,
          table: state === 'ready' ? table : undefined,
          fullTable,
          plot: async () => collectPlot(state === 'ready' ? plot() : null),
        }}
      />
    </>
  );
}

/**
 * The chart's figures as a table, built when the reader opens it: over five years a few tables
 * hold thousands of rows, and keeping them all in the page costs more than every chart together.
 */
function TableAlternative({
  table,
  explain,
}: {
  table: ChartTable;
  explain: ((row: ChartTableRow) => ReactNode) | undefined;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="chart__table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('chart.showTable')}</summary>
      {open ? <TableBody table={table} explain={explain} /> : null}
    </details>
  );
}

function TableBody({
  table,
  explain,
}: {
  table: ChartTable;
  explain: ((row: ChartTableRow) => ReactNode) | undefined;
}) {
  const { t } = useI18n();
  const who = explain && table.rows.some((r) => r.behind) ? explain : undefined;
  return (
    // A wide table scrolls in its box: focusable and named, so a keyboard can scroll it too.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={table.caption}>
      <table className="data-table">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? 'data-table__num' : undefined}>
                {c.label}
              </th>
            ))}
            {who ? <th scope="col">{t('who.column')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, i) => (
                <td
                  key={i}
                  className={table.columns[i + 1]?.numeric ? 'data-table__num' : undefined}
                >
                  {cell}
                </td>
              ))}
              {who ? <td>{row.behind ? who(row) : null}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The legend as HTML; a swatch shows colour and pattern (or dash), a word says what it is. */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  const patterns = new Map<string, { pattern: FillPattern; colour: string }>();
  for (const e of entries)
    if (e.pattern && e.pattern !== 'solid')
      patterns.set(patternId(e.pattern, e.colour), { pattern: e.pattern, colour: e.colour });
  return (
    <ul className="chart-legend">
      {entries.map((e) => (
        <li key={e.label} className="chart-legend__item">
          <svg
            className="chart-legend__swatch"
            viewBox="0 0 24 14"
            aria-hidden="true"
            focusable="false"
          >
            {patterns.size ? <PatternDefs patterns={[...patterns.values()]} /> : null}
            {e.shape === 'line' ? (
              <line
                x1="1"
                y1="7"
                x2="23"
                y2="7"
                stroke={e.colour}
                strokeWidth="2.5"
                strokeDasharray={e.dash}
              />
            ) : (
              <rect
                x="1"
                y="1"
                width="22"
                height="12"
                fill={fillFor(e.colour, e.pattern ?? 'solid')}
                fillOpacity={e.shape === 'band' ? 0.35 : 1}
                stroke={e.shape === 'band' ? e.colour : '#13202e'}
                strokeWidth="0.75"
              />
            )}
          </svg>
          <span>
            <bdi>{e.label}</bdi>
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * SVG <defs> for hatched, dotted and cross-hatched fills of a colour. Inside a Recharts chart
 * and in legend swatches alike (ids are global in a document; duplicates draw the same).
 */
export function PatternDefs({
  patterns,
}: {
  patterns: readonly { pattern: FillPattern; colour: string }[];
}) {
  // Two stacks of one commodity share a pattern: one definition each (ids are unique).
  const unique = new Map(patterns.map((p) => [patternId(p.pattern, p.colour), p]));
  return (
    <defs>
      {[...unique.values()].map(({ pattern, colour }) => (
        <pattern
          key={patternId(pattern, colour)}
          id={patternId(pattern, colour)}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform={pattern === 'hatch' ? 'rotate(45)' : undefined}
        >
          <rect width="6" height="6" fill={colour} />
          {pattern === 'hatch' ? (
            <rect width="2.2" height="6" fill="#fff" fillOpacity="0.75" />
          ) : null}
          {pattern === 'dots' ? (
            <circle cx="3" cy="3" r="1.3" fill="#fff" fillOpacity="0.85" />
          ) : null}
          {pattern === 'cross' ? (
            <path d="M0 0L6 6M6 0L0 6" stroke="#fff" strokeWidth="1.2" strokeOpacity="0.85" />
          ) : null}
        </pattern>
      ))}
    </defs>
  );
}

/** Shown while the chart code (Recharts) loads: same height, so the page does not jump. */
export function ChartPlaceholder({ height }: { height: number }) {
  const { t } = useI18n();
  return (
    <div className="chart__placeholder" style={{ blockSize: height }}>
      {t('chart.loadingChart')}
    </div>
  );
}
