import { useDataset, useTheatre } from '../../data/queries.ts';
import { useViewState } from '../../data/view-state.ts';
import { matchesFilters } from '../../domain/filters.ts';
import type { DataIssue } from '../../domain/validate.ts';
import { outsideRangeOf, panelState } from '../../ui/panel.tsx';
import { boardFetchRange, buildBoardRows } from './board-model.ts';

/**
 * What every drawing of the crossings board reads (the overview's table, the phone's answer,
 * the wall's tiles): the theatre, status and trucks over the board's days, the view's filters
 * applied, one row per crossing, and the panel's state, issues and records outside the range.
 */
export function useBoardRows() {
  const view = useViewState();
  const now = view.asOf;
  const range = boardFetchRange(now);
  const theatre = useTheatre();
  const statuses = useDataset('crossing-status', range);
  const flows = useDataset('aid-flow', range);
  const queries = [theatre, statuses, flows];
  const state = panelState(queries, Boolean(theatre.data?.theatre.crossings.length));
  const timeZone = theatre.data?.theatre.timeZone;
  const { filters } = view;
  const rows =
    theatre.data && timeZone
      ? buildBoardRows(
          theatre.data.theatre.crossings.filter(
            (c) => filters.crossings.length === 0 || filters.crossings.includes(c.id),
          ),
          (statuses.data?.records ?? []).filter((r) => matchesFilters(r, filters)),
          (flows.data?.records ?? []).filter((r) => matchesFilters(r, filters)),
          now,
          timeZone,
        )
      : [];
  const issues: DataIssue[] = [
    ...(theatre.data?.issues ?? []),
    ...(statuses.data?.issues ?? []),
    ...(flows.data?.issues ?? []),
  ];
  return {
    view,
    now,
    queries,
    state,
    timeZone,
    rows,
    /** The rows are drawn once, whole: rows filling in piecemeal would make the page jump. */
    whole: rows.length > 0 && timeZone !== undefined && !statuses.isPending && !flows.isPending,
    issues,
    baselines: theatre.data?.theatre.baselines,
    outsideRange: outsideRangeOf([statuses.data, flows.data]),
  };
}
