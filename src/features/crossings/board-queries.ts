import type { QueryClient } from '@tanstack/react-query';
import type { DataSourceAdapter } from '../../data/contract.ts';
import { datasetQuery, theatreQuery } from '../../data/queries.ts';
import { boardFetchRange } from './board-model.ts';

/**
 * Asks for what the crossings board shows first — the theatre, and status and trucks over the
 * board's days — with the very keys the board then reads (`useTheatre`, `useDataset` over
 * `boardFetchRange`). Called as soon as the source is known, so the requests travel while the
 * page is still rendering; the board finds them on their way or answered.
 */
export function prefetchBoard(client: QueryClient, adapter: DataSourceAdapter, now: Date): void {
  const range = boardFetchRange(now);
  void client.prefetchQuery(theatreQuery(adapter));
  void client.prefetchQuery(datasetQuery(adapter, 'crossing-status', range));
  void client.prefetchQuery(datasetQuery(adapter, 'aid-flow', range));
}
