import type { DatasetRecord } from './datasets.ts';
import type { Dataset } from './vocabulary.ts';

/**
 * What an accepted record is a figure of: one crossing's status at one instant from one
 * publisher, one day's aid at one crossing for one commodity and stage, and so on. Two answers
 * holding the same key hold the same record (perhaps revised), so it is counted once. Built from
 * a few fields, not a hash of the whole record: cheap enough for answers of 200 000 records.
 */
export function recordKey<D extends Dataset>(dataset: D, record: DatasetRecord<D>): string {
  const r = record as DatasetRecord<Dataset>;
  const by = r.provenance.sourceId;
  switch (dataset) {
    case 'crossing-status': {
      const s = r as DatasetRecord<'crossing-status'>;
      return `${s.crossingId}|${s.at}|${by}`;
    }
    case 'corridor-status': {
      const s = r as DatasetRecord<'corridor-status'>;
      return `${s.corridorId}|${s.at}|${by}`;
    }
    case 'aid-flow': {
      const f = r as DatasetRecord<'aid-flow'>;
      return `${f.date}|${f.crossingId}|${f.commodity}|${f.stage}|${by}`;
    }
    case 'facility-status': {
      const f = r as DatasetRecord<'facility-status'>;
      return `${f.facilityId}|${f.date}|${by}`;
    }
    case 'utility-status': {
      const u = r as DatasetRecord<'utility-status'>;
      return `${u.date}|${u.areaId ?? ''}|${u.assetId ?? ''}|${u.service}|${u.unit}|${by}`;
    }
    default:
      return `id:${(r as DatasetRecord<'events'>).id}`;
  }
}
