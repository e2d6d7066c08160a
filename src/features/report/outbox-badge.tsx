import { useOutbox } from '../../data/reports/use-outbox.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import './report.css';

/**
 * Beside the header's "Report" link: how many reports wait on this device. Loading it starts the
 * outbox, so reports queued on an earlier visit are sent when the app starts, on any page.
 */
export function OutboxBadge() {
  const { t } = useI18n();
  const { snapshot } = useOutbox();
  const queued = snapshot.counts.queued;
  if (queued === 0) return null;
  return (
    <span className="outbox-badge" data-testid="outbox-badge">
      {t('nav.report.queued', { count: queued })}
    </span>
  );
}
