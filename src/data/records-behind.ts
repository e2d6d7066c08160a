import { useQuery } from '@tanstack/react-query';
import { recordsBehind, type RecordsBehind } from '../domain/provenance.ts';
import type { Provenance, SourceInfo } from '../domain/schemas.ts';
import { datasetQuery, theatreQuery } from './queries.ts';
import { useActiveSource } from './source-context.tsx';

/** The records behind a figure and their publisher, as the details view lists them. */
export interface RecordsBehindAnswer {
  records: readonly ({ provenance: Provenance } & Record<string, unknown>)[];
  /** The publisher of the records, as the source describes it; undefined if it does not. */
  publisher: SourceInfo | undefined;
  timeZone: string;
}

/**
 * Asks the source for the records behind a figure (only the figure's days and crossings, never
 * a history), when `behind` is given: the details view opens, then this runs.
 */
export function useRecordsBehind(behind: RecordsBehind | undefined) {
  const { adapter } = useActiveSource();
  const theatre = useQuery({ ...theatreQuery(adapter), enabled: behind !== undefined });
  const crossings = behind?.match?.crossingId
    ? [behind.match.crossingId]
    : behind?.oneOf?.crossingId?.length
      ? behind.oneOf.crossingId
      : undefined;
  const records = useQuery({
    ...datasetQuery(
      adapter,
      behind?.dataset ?? 'aid-flow',
      { from: behind?.from ?? '1970-01-01', to: behind?.to ?? '1970-01-01' },
      crossings,
    ),
    enabled: behind !== undefined,
  });
  const t = theatre.data?.theatre;
  const data: RecordsBehindAnswer | undefined =
    behind && t && records.data
      ? {
          records: recordsBehind(
            records.data.records as RecordsBehindAnswer['records'],
            behind,
            t.timeZone,
          ),
          publisher: t.sources.find((s) => s.id === behind.sourceId),
          timeZone: t.timeZone,
        }
      : undefined;
  return {
    data,
    isPending: behind !== undefined && (theatre.isPending || records.isPending),
    error: theatre.error ?? records.error ?? undefined,
    refetch: () => {
      void theatre.refetch();
      void records.refetch();
    },
  };
}
