import { createContext, useContext } from 'react';

/**
 * What every export needs besides the chart itself, from the view (features/export provides it):
 * the period, the moment the figures are as of, the zone, whether the figures are synthetic, and
 * the days the source covers (for "full range" CSVs).
 */
export interface ExportScope {
  range: { from: string; to: string };
  asOf: Date;
  timeZone: string;
  /** The configured source or any publisher is synthetic: the mark cannot be turned off. */
  synthetic: boolean;
  coverage: { from: string; to: string };
  /**
   * The page the charts live on, when not the overview (a crossing's page): links and embed
   * URLs of its charts point there. Absent: the overview and /embed/<chart>.
   */
  page?: ChartPage;
}

/** Where a page's charts are linked and embedded, as paths under the app's base. */
export interface ChartPage {
  /** e.g. "crossings/kerem-shalom" (already encoded). */
  path: string;
  /** e.g. "crossing/kerem-shalom": embeds are /embed/<embedPath>/<chart>. */
  embedPath: string;
}

const ExportScopeContext = createContext<ExportScope | null>(null);
export const ExportScopeProvider = ExportScopeContext.Provider;

/** null outside a view that offers exports (unit tests of a panel alone): no export menu then. */
export function useExportScope(): ExportScope | null {
  return useContext(ExportScopeContext);
}

const EmbedContext = createContext<string | null>(null);
/** Set on /embed/<chart>: panels draw only that chart, without the surrounding panel. */
export const EmbedProvider = EmbedContext.Provider;

/** The chart id this page embeds, or null on a normal page. */
export function useEmbeddedChart(): string | null {
  return useContext(EmbedContext);
}
