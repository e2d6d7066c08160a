import { z } from '../../../domain/zod.ts';
import {
  adminAreaSchema,
  corridorSchema,
  crossingSchema,
  facilitySchema,
  sourceInfoSchema,
  theatreSchema,
  type Theatre,
} from '../../../domain/schemas.ts';
import { describeReasons, reasonsFromZod } from '../../../domain/reasons.ts';
import { validateRecords, type DataIssue } from '../../../domain/validate.ts';
import { SourceError } from '../../contract.ts';

const theatreEnvelope = z.object({ data: z.record(z.string(), z.unknown()) });
const theatreHeader = theatreSchema.omit({
  areas: true,
  crossings: true,
  corridors: true,
  facilities: true,
  sources: true,
});
const theatreLists = {
  areas: adminAreaSchema,
  crossings: crossingSchema,
  corridors: corridorSchema,
  facilities: facilitySchema,
  sources: sourceInfoSchema,
} as const;

/**
 * Checks a theatre document (the REST API's `{ data: theatre }`, or a bare theatre object) list
 * by list: one bad crossing does not cost the others; the header must be right as a whole.
 */
export function validateTheatre(
  source: { id: string; name: string },
  json: unknown,
  options: { bare?: boolean } = {},
): { theatre: Theatre; issues: DataIssue[] } {
  const wrongShape = (what: string) =>
    new SourceError(source.id, source.name, 'malformed', `answered an unexpected shape: ${what}`);
  const enveloped = theatreEnvelope.safeParse(json);
  const body = enveloped.success
    ? enveloped.data.data
    : options.bare && json && typeof json === 'object' && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  if (!body) throw wrongShape('the theatre is not an object under "data"');
  const header = theatreHeader.safeParse(body);
  if (!header.success)
    throw wrongShape(
      `the theatre is invalid (${describeReasons(reasonsFromZod(header.error.issues, body))})`,
    );
  const issues: DataIssue[] = [];
  const lists = Object.fromEntries(
    Object.entries(theatreLists).map(([key, schema]) => {
      const raw = body[key];
      const items = Array.isArray(raw) ? raw : [];
      const checked = validateRecords(schema, items, { sourceId: source.id, dataset: 'theatre' });
      issues.push(
        ...checked.rejected.map((i) => ({
          ...i,
          record: `${key}/${i.record}`,
          field: `${key}[${i.position}]${i.field ? `.${i.field}` : ''}`,
        })),
      );
      return [key, checked.accepted];
    }),
  ) as unknown as Pick<Theatre, keyof typeof theatreLists>;
  return { theatre: { ...header.data, ...lists }, issues };
}
