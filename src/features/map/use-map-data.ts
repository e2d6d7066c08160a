import { useMemo } from 'react';
import { useDataset, useTheatre } from '../../data/queries.ts';
import { sourceShares } from '../../domain/provenance.ts';
import type { DataIssue } from '../../domain/validate.ts';
import type { Service } from '../../domain/vocabulary.ts';
import { sourceCredits } from '../../ui/chart/credits.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { buildMapData, mapFetchRange } from './map-model.ts';

/**
 * What the map shows as of a moment: its four datasets (statuses carried in from before the
 * moment), the features built from them, who gave the figures, and what was rejected.
 */
export function useMapData(moment: Date, service: Service) {
  const { t, locale } = useI18n();
  const momentMs = moment.getTime();
  const range = mapFetchRange(moment);
  const theatre = useTheatre();
  const crossingStatuses = useDataset('crossing-status', range);
  const corridorStatuses = useDataset('corridor-status', range);
  const facilityReports = useDataset('facility-status', range);
  const utilityRecords = useDataset('utility-status', range);
  const queries = [theatre, crossingStatuses, corridorStatuses, facilityReports, utilityRecords];

  const data = useMemo(
    () =>
      theatre.data
        ? buildMapData({
            theatre: theatre.data.theatre,
            sourceId: theatre.data.sourceId,
            crossingStatuses: crossingStatuses.data?.records ?? [],
            corridorStatuses: corridorStatuses.data?.records ?? [],
            facilityReports: facilityReports.data?.records ?? [],
            utilityRecords: utilityRecords.data?.records ?? [],
            asOf: new Date(momentMs),
            locale,
            service,
          })
        : undefined,
    [
      theatre.data,
      crossingStatuses.data,
      corridorStatuses.data,
      facilityReports.data,
      utilityRecords.data,
      momentMs,
      locale,
      service,
    ],
  );
  const publishers = theatre.data?.theatre.sources;
  const credits = useMemo(
    () =>
      publishers
        ? sourceCredits(
            sourceShares([
              ...(crossingStatuses.data?.records ?? []),
              ...(corridorStatuses.data?.records ?? []),
              ...(facilityReports.data?.records ?? []),
              ...(utilityRecords.data?.records ?? []),
            ]),
            publishers,
            t,
            locale,
          )
        : [],
    [
      publishers,
      crossingStatuses.data,
      corridorStatuses.data,
      facilityReports.data,
      utilityRecords.data,
      t,
      locale,
    ],
  );
  const issues: DataIssue[] = [
    ...queries.flatMap((q) => q.data?.issues ?? []),
    ...(data?.rejected ?? []),
  ];
  return { theatre, queries, data, credits, issues };
}
