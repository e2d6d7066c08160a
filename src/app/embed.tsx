import { lazy, Suspense, useEffect, useRef, type RefObject } from 'react';
import { crossingEmbedOfPath } from '../domain/crossing-paths.ts';
import { pageOfChart, panelOfChart } from '../domain/panels.ts';
import { EmbedProvider } from '../ui/export/export-context.tsx';
import { EMBED_HEIGHT_MESSAGE } from '../ui/export/links.ts';
import { useI18n } from '../ui/i18n/context.tsx';
import { PANEL_VIEWS } from './registry.tsx';

const CrossingEmbed = lazy(() =>
  import('../features/crossing-page/crossing-page.tsx').then((m) => ({
    default: m.CrossingEmbed,
  })),
);
const CompareEmbed = lazy(() =>
  import('../features/compare/compare-page.tsx').then((m) => ({ default: m.CompareEmbed })),
);

/**
 * /embed/<chart>?<same parameters as the overview>: one chart alone with its full caption, for
 * an iframe. No header or footer; the chart fills the frame's width. Any chart of the panel
 * list can be embedded: its panel is drawn, and shows only that chart. A crossing page's charts
 * are /embed/crossing/<id>/<chart>.
 */
export function Embed({ path }: { path: string }) {
  const { t } = useI18n();
  const crossing = crossingEmbedOfPath(path);
  const chartId = crossing ? crossing.chartId : safeDecode(path.replace(/\/+$/, ''));
  const panel = crossing ? undefined : panelOfChart(chartId);
  const page = crossing || panel !== undefined ? undefined : pageOfChart(chartId);
  const main = useRef<HTMLElement>(null);
  usePostHeight(main, chartId);
  return (
    <main id="main" className="embed-page" data-embed={chartId} ref={main}>
      {/* The frame is a page of its own: its outline starts here, the chart's heading below. */}
      <h1 className="visually-hidden">{t('app.name')}</h1>
      {crossing ? (
        <Suspense fallback={<p className="panel__loading">{t('chart.loadingChart')}</p>}>
          <CrossingEmbed crossingId={crossing.crossingId} chartId={crossing.chartId} />
        </Suspense>
      ) : panel === undefined && page === undefined ? (
        <p role="alert">{t('export.embed.unknown', { id: chartId })}</p>
      ) : (
        <EmbedProvider value={chartId}>
          <Suspense fallback={<p className="panel__loading">{t('chart.loadingChart')}</p>}>
            {panel !== undefined ? PANEL_VIEWS[panel].render() : <CompareEmbed />}
          </Suspense>
        </EmbedProvider>
      )}
    </main>
  );
}

/**
 * Tells the page framing this embed how tall it is, on load and on every change, so that the
 * embed code's script sizes the iframe to the chart (no inner scrollbar, no empty space). The
 * height is no secret: any framing page may read it, hence the target origin "*".
 */
function usePostHeight(main: RefObject<HTMLElement | null>, chartId: string): void {
  useEffect(() => {
    const element = main.current;
    if (!element || window.parent === window) return;
    let last = -1;
    const post = () => {
      // The content's own height (not the frame's: scrollHeight never shrinks below it).
      const style = getComputedStyle(document.body);
      const height = Math.ceil(
        element.getBoundingClientRect().bottom +
          window.scrollY +
          parseFloat(style.marginBlockEnd || '0') +
          parseFloat(style.paddingBlockEnd || '0'),
      );
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, chart: chartId, height }, '*');
    };
    post();
    const observer = new ResizeObserver(post);
    observer.observe(element);
    return () => observer.disconnect();
  }, [main, chartId]);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
