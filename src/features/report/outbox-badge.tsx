import type { ReactNode } from 'react';
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

/**
 * Its children only while reports wait on this device. Where the source in view takes no
 * reports, the header links to the form only then (and the outbox still starts, so queued
 * reports are sent).
 */
export function WhileQueued({ children }: { children: ReactNode }) {
  const { snapshot } = useOutbox();
  return snapshot.counts.queued > 0 ? children : null;
}
