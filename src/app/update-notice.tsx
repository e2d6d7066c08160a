import { useEffect } from 'react';
import { useI18n } from '../ui/i18n/context.tsx';
import { useUpdateOffer } from './offline-worker.ts';

/**
 * A new version is installed: the reader decides when it takes over ("Reload"), so the page
 * never changes under them mid-reading.
 */
export function UpdateNotice() {
  const { t } = useI18n();
  const { ready, accept } = useUpdateOffer();
  if (!ready) return null;
  return (
    <div className="notice notice--update" role="status" data-testid="update-notice">
      <p>{t('update.ready')}</p>
      <button type="button" onClick={accept}>
        {t('update.reload')}
      </button>
    </div>
  );
}

/** The wall runs unattended for days: it takes a new version as soon as one is installed. */
export function WallUpdates() {
  const { ready, accept } = useUpdateOffer();
  useEffect(() => {
    if (ready) accept();
  }, [ready, accept]);
  return null;
}
