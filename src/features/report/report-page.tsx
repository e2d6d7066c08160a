import { reportWords } from '../../ui/i18n/pages/report.ts';
import { provideWords } from '../../ui/i18n/translate.ts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState } from 'react';
import { writableSources } from '../../data/config.ts';
import { theatreQuery } from '../../data/queries.ts';
import { createAdapter } from '../../data/registry.ts';
import { useOutbox } from '../../data/reports/use-outbox.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { placeName } from '../../domain/place-names.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { OutboxCounts, OutboxList } from './outbox-list.tsx';
import { ReportForm } from './report-form.tsx';
import { TokenField } from './token-field.tsx';
import './report.css';

// The page's words come with it (see provideWords), before anything of it renders.
provideWords(reportWords);

/** Days are cut and times read in the theatre's zone; before its document loads, Gaza's. */
const FALLBACK_TIME_ZONE = 'Asia/Gaza';

/**
 * /report: observers file what they see at a crossing to a source the operator marked writable.
 * Phone first: one column, native controls, big targets. The token, the form and the device's
 * outbox (with its counts always shown) are three separate parts of the page.
 */
export function ReportPage() {
  const { t, locale } = useI18n();
  const id = useId();
  const { config, source: active, adapter: activeAdapter } = useActiveSource();
  const writable = writableSources(config);
  const [chosenId, setChosenId] = useState(
    () => writable.find((s) => s.id === active.id)?.id ?? writable[0]?.id,
  );
  const source = writable.find((s) => s.id === chosenId) ?? writable[0];
  const adapter = useMemo(
    () => (source && source.id !== active.id ? createAdapter(source) : activeAdapter),
    [source, active.id, activeAdapter],
  );
  const theatre = useQuery({ ...theatreQuery(adapter), enabled: source !== undefined });
  const { outbox, snapshot } = useOutbox();
  const theatreData = theatre.data?.theatre;
  const timeZone = theatreData?.timeZone ?? FALLBACK_TIME_ZONE;

  /** A crossing's or corridor's name in the reader's language; its id where it is not known. */
  const placeLabel = useCallback(
    (sourceId: string, placeId: string) => {
      const place =
        sourceId === source?.id
          ? (theatreData?.crossings.find((c) => c.id === placeId) ??
            theatreData?.corridors.find((c) => c.id === placeId))
          : undefined;
      return place ? placeName(place.names, locale) : placeId;
    },
    [source?.id, theatreData, locale],
  );

  const tokenKept = () => {
    if (!source) return;
    // Reports refused for the old token go again with the new one, under their own keys.
    const refused = snapshot.reports.filter(
      (r) => r.sourceId === source.id && r.state === 'failed' && r.failure?.kind === 'token',
    );
    void Promise.all(refused.map((r) => outbox.retry(r.key))).then(() => outbox.flush());
  };

  return (
    <>
      <h1 className="page-title">{t('report.page.title')}</h1>
      <div className="report-page">
        <p className="report-intro">{t('report.page.intro')}</p>
        <OutboxCounts snapshot={snapshot} />
        {!source ? (
          <p className="notice notice--warning" role="note">
            {t('report.noWritable')}
          </p>
        ) : (
          <>
            {writable.length > 1 ? (
              <div className="report-field">
                <label className="report-field__label" htmlFor={`${id}-source`}>
                  {t('report.source')}
                </label>
                <select
                  id={`${id}-source`}
                  className="report-input"
                  value={source.id}
                  onChange={(e) => setChosenId(e.target.value)}
                >
                  {writable.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <TokenField source={source} onKept={tokenKept} />
            {theatreData ? (
              // A new form per source: its crossings and time zone are the source's.
              <ReportForm key={source.id} source={source} theatre={theatreData} outbox={outbox} />
            ) : theatre.isError ? (
              <p className="notice notice--error" role="alert">
                {t('report.noTheatre')}
              </p>
            ) : (
              <p className="panel" role="status">
                {t('report.loading')}
              </p>
            )}
          </>
        )}
        <OutboxList
          snapshot={snapshot}
          outbox={outbox}
          placeLabel={placeLabel}
          timeZone={timeZone}
        />
      </div>
    </>
  );
}
