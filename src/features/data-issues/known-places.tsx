import { useQuery } from '@tanstack/react-query';
import { theatreQuery } from '../../data/queries.ts';
import type { SourceEntry } from '../../data/source-status.ts';
import type { DataIssue } from '../../domain/validate.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { isolated } from '../../ui/i18n/isolate.tsx';

const LANGUAGES = ['en', 'ar', 'he'] as const;

/** Which kind of place a source's rows named without a match: crossings, facilities, or none. */
export function unknownPlaceKinds(
  issues: readonly DataIssue[],
  sourceId: string,
): Set<'crossings' | 'facilities'> {
  const kinds = new Set<'crossings' | 'facilities'>();
  for (const issue of issues) {
    if (issue.sourceId !== sourceId) continue;
    for (const r of issue.reasons ?? []) {
      if (r.code === 'unknown-crossing') kinds.add('crossings');
      if (r.code === 'unknown-facility') kinds.add('facilities');
    }
  }
  return kinds;
}

/**
 * The places a source's rows can be matched to, each with its names in English, Arabic and
 * Hebrew and its aliases, for someone fixing a sheet whose rows named unknown places. Names
 * are data: each is isolated (bdi) and tagged with its language.
 */
export function KnownPlaces({
  entry,
  kinds,
}: {
  entry: SourceEntry;
  kinds: ReadonlySet<'crossings' | 'facilities'>;
}) {
  const { t } = useI18n();
  const theatre = useQuery(theatreQuery(entry.adapter)).data?.theatre;
  if (!theatre) return null;
  const places = [
    ...(kinds.has('crossings') ? theatre.crossings : []),
    ...(kinds.has('facilities') ? theatre.facilities : []),
  ];
  if (!places.length) return null;
  const headingId = `known-${entry.source.id}`;
  return (
    <section className="known-places" aria-labelledby={headingId} data-testid="known-places">
      <h3 id={headingId}>{isolated(t, 'dataIssues.known.title', { name: entry.source.name })}</h3>
      <p>{t('dataIssues.known.intro')}</p>
      {/* A list, not a table: the view's one table stays the rejected rows. */}
      <ul className="known-places__list">
        {places.map((place) => (
          <li key={place.id}>
            {LANGUAGES.map((l) =>
              place.names[l] ? (
                <span key={l} className="known-places__name">
                  <span className="known-places__label">{t(`dataIssues.known.${l}`)}: </span>
                  <bdi lang={l}>{place.names[l]}</bdi>
                </span>
              ) : null,
            )}
            {place.aliases.length ? (
              <span className="known-places__name">
                <span className="known-places__label">{t('dataIssues.known.aliases')}: </span>
                {place.aliases.map((alias, i) => (
                  <span key={alias}>
                    {i > 0 ? ', ' : ''}
                    <bdi>{alias}</bdi>
                  </span>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
