import { useMemo, type ReactNode } from 'react';
import { useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { useViewState } from '../../data/view-state.ts';
import {
  ExportScopeProvider,
  type ChartPage,
  type ExportScope,
} from '../../ui/export/export-context.tsx';

/**
 * Gives every chart's export menu what the view knows: period, as-of moment, time zone, the
 * days the source covers, and whether its figures are synthetic (then every image says so).
 */
export function ExportScopeFromView({
  children,
  page,
}: {
  children: ReactNode;
  /** The page the charts below live on, when not the overview (a crossing's page). */
  page?: ChartPage;
}) {
  const { range, asOf, timeZone, coverage } = useViewState([]);
  const { adapter } = useActiveSource();
  const theatre = useTheatre().data?.theatre;
  const synthetic =
    adapter.describe().synthetic || (theatre?.sources.some((s) => s.synthetic) ?? false);
  const { from: coverageFrom, to: coverageTo } = coverage;
  const asOfMs = asOf.getTime();
  const pagePath = page?.path;
  const embedPath = page?.embedPath;
  const value = useMemo<ExportScope>(
    () => ({
      range: { from: range.from, to: range.to },
      asOf: new Date(asOfMs),
      timeZone,
      synthetic,
      coverage: { from: coverageFrom, to: coverageTo },
      ...(pagePath !== undefined && embedPath !== undefined
        ? { page: { path: pagePath, embedPath } }
        : {}),
    }),
    [
      range.from,
      range.to,
      asOfMs,
      timeZone,
      synthetic,
      coverageFrom,
      coverageTo,
      pagePath,
      embedPath,
    ],
  );
  return <ExportScopeProvider value={value}>{children}</ExportScopeProvider>;
}
