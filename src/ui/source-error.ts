import type { ReactNode } from 'react';
import { isolated } from './i18n/isolate.tsx';
import type { Locale, Translate } from './i18n/translate.ts';

const KINDS = ['network', 'timeout', 'http', 'malformed', 'config'] as const;
type Kind = (typeof KINDS)[number];

/** The kind and HTTP status of an adapter's SourceError, read by shape (ui/ imports no data/). */
function errorKind(error: unknown): { kind: Kind; status?: number } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { kind, status } = error as { kind?: unknown; status?: unknown };
  if (!KINDS.includes(kind as Kind)) return undefined;
  return { kind: kind as Kind, status: typeof status === 'number' ? status : undefined };
}

/**
 * "Could not load data from {source}: {detail}". Adapters explain a failure in an English
 * sentence; in English that sentence is the detail. In another language the detail says what
 * kind of failure it was in that language, and keeps the adapter's words as the technical detail
 * (an operator or a source's maintainer can search for them). The source's name and the detail
 * are data: each sits in a <bdi>.
 */
export function sourceErrorMessage(
  error: unknown,
  sourceName: string,
  t: Translate,
  locale: Locale,
): ReactNode {
  const message = error instanceof Error ? error.message : '';
  // The adapter's message already starts with the source's name.
  const technical = message.replace(`${sourceName}: `, '');
  const known = errorKind(error);
  if (locale === 'en' || !known)
    return isolated(t, 'source.error', { source: sourceName, detail: technical });
  const kind = t(`source.errorKind.${known.kind}`, { status: known.status ?? '' });
  return isolated(t, 'source.error', {
    source: sourceName,
    detail: technical ? t('source.errorDetail', { kind, technical }) : kind,
  });
}
