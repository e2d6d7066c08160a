import { lazy, Suspense, type ReactNode } from 'react';
import { setActiveFile, useDroppedFiles } from '../data/dropped-files.ts';
import { useActiveSource } from '../data/source-context.tsx';
import { useTheatre } from '../data/queries.ts';
import { useI18n } from '../ui/i18n/context.tsx';
import { isolated } from '../ui/i18n/isolate.tsx';
import { LanguagePicker } from '../ui/i18n/language-picker.tsx';
import { formatZone } from '../ui/format.ts';
import { NARROW_SCREEN, useMediaQuery } from '../ui/use-media-query.ts';
import { OfflineNotice } from '../ui/offline.tsx';
import { navigate, usePathname } from '../lib/url-state.ts';
import { UpdateNotice } from './update-notice.tsx';

// The count of reports waiting on this device; its chunk (the outbox) loads only where a
// configured source takes reports, and starts sending what an earlier visit queued.
const OutboxBadge = lazy(() =>
  import('../features/report/outbox-badge.tsx').then((m) => ({ default: m.OutboxBadge })),
);
const WhileQueued = lazy(() =>
  import('../features/report/outbox-badge.tsx').then((m) => ({ default: m.WhileQueued })),
);

/** Header, the synthetic-data notice, the source picker and the footer around every view. */
export function Shell({
  children,
  rejectedSource,
}: {
  children: ReactNode;
  rejectedSource?: string;
}) {
  const { t, locale } = useI18n();
  const { config, source, adapter, configured } = useActiveSource();
  // Files opened on this device are sources too: listed in the picker, one of them maybe shown.
  const files = useDroppedFiles().filter((f) => f.state !== 'failed');
  const file = files.find((f) => f.id === source.id);
  const theatre = useTheatre();
  const synthetic =
    adapter.describe().synthetic ||
    (theatre.data?.theatre.sources.some((s) => s.synthetic) ?? false);
  const timeZone = theatre.data?.theatre.timeZone;

  const chooseSource = (id: string) => {
    if (files.some((f) => f.id === id)) return setActiveFile(id);
    // The configured source the page was opened with: stop showing the file, no reload.
    if (id === configured?.source.id) return setActiveFile(null);
    // Another configured source reloads the page: the files stay on the device, none shown.
    setActiveFile(null);
    const url = new URL(window.location.href);
    url.searchParams.set('source', id);
    // A new source means a new adapter (and maybe the mock API): start afresh.
    window.location.assign(url.href);
  };

  return (
    <>
      <AppHeader
        reports={
          source.writable ? 'link' : config.sources.some((s) => s.writable) ? 'queued' : false
        }
      >
        {config.sources.length + files.length > 1 ? (
          <label className="source-picker">
            <span>{t('source.choose')}</span>
            <select value={source.id} onChange={(e) => chooseSource(e.target.value)}>
              {config.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
              {files.map((f) => (
                <option key={f.id} value={f.id}>
                  {t('source.file', { name: f.name })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </AppHeader>
      {/* The notices open <main>: all content sits in a landmark, and they are read first. */}
      <main id="main" tabIndex={-1}>
        <UpdateNotice />
        <OfflineNotice />
        {synthetic ? (
          <p className="synthetic-notice" role="note">
            <strong>{t('synthetic.notice')}</strong>{' '}
            <span className="synthetic-notice__detail">{t('synthetic.detail')}</span>
          </p>
        ) : null}
        {file ? (
          <p className="notice file-notice" role="note">
            <strong>{isolated(t, 'file.banner', { name: file.name })}</strong>{' '}
            <button type="button" onClick={() => setActiveFile(null)}>
              {isolated(t, 'file.banner.back', { source: configured?.source.name ?? '' })}
            </button>
          </p>
        ) : null}
        {rejectedSource !== undefined ? (
          <p className="notice notice--warning" role="status">
            {isolated(t, 'config.unknownSource', {
              requested: rejectedSource,
              fallback: source.name,
            })}
          </p>
        ) : null}
        {children}
      </main>
      <footer className="app-footer">
        {timeZone ? (
          <p>{t('app.footer.timeZone', { zone: formatZone(timeZone, locale, new Date()) })}</p>
        ) : null}
        <p>
          {t('source.label')}: <bdi>{source.name}</bdi>
        </p>
      </footer>
    </>
  );
}

/**
 * The skip link and the page header: name, navigation, language, and `children` (the source
 * picker once config.json is read). The same before and after, so the page does not jump.
 */
export function AppHeader({
  children,
  reports = false,
}: {
  children?: ReactNode;
  /**
   * 'link': the source in view takes observers' reports — link to the form, with the count of
   * reports waiting on the device. 'queued': another configured source does — link only while
   * reports wait (a demo visitor is not sent to a form for a source that may not be running).
   */
  reports?: 'link' | 'queued' | false;
}) {
  const { t } = useI18n();
  const pathname = usePathname();
  // On a phone the pickers fold into one labelled disclosure: the header keeps to two lines.
  const narrow = useMediaQuery(NARROW_SCREEN);
  const pickers = (
    <>
      <LanguagePicker />
      {children}
    </>
  );
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div>
          <p className="app-header__name">{t('app.name')}</p>
          <p className="app-header__tagline">{t('app.tagline')}</p>
        </div>
        <nav aria-label={t('nav.label')} className="app-nav">
          <PageLink href="/" current={pathname === '/'}>
            {t('nav.overview')}
          </PageLink>
          <PageLink href="/compare" current={pathname === '/compare'}>
            {t('nav.compare')}
          </PageLink>
          <PageLink href="/data" current={pathname === '/data'}>
            {t('nav.data')}
          </PageLink>
          {reports === 'link' || pathname === '/report' ? (
            <PageLink href="/report" current={pathname === '/report'}>
              {t('nav.report')}
              <Suspense fallback={null}>
                <OutboxBadge />
              </Suspense>
            </PageLink>
          ) : reports === 'queued' ? (
            <Suspense fallback={null}>
              <WhileQueued>
                <PageLink href="/report" current={false}>
                  {t('nav.report')}
                  <OutboxBadge />
                </PageLink>
              </WhileQueued>
            </Suspense>
          ) : null}
        </nav>
        {narrow ? (
          <details className="app-header__settings">
            <summary>{t(children ? 'header.settings' : 'language.label')}</summary>
            <div className="app-header__pickers">{pickers}</div>
          </details>
        ) : (
          pickers
        )}
      </header>
    </>
  );
}

/** An in-app link that keeps the query string (source, filters) and does not reload the page. */
function PageLink({
  href,
  current,
  children,
}: {
  href: string;
  current: boolean;
  children: ReactNode;
}) {
  const target = `${href}${window.location.search}`;
  return (
    <a
      href={target}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(`${href}${window.location.search}`);
      }}
    >
      {children}
    </a>
  );
}
