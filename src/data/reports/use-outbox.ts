import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { writableSources, type AppConfig } from '../config.ts';
import { useActiveSource } from '../source-context.tsx';
import { Outbox, type OutboxSnapshot } from './outbox.ts';
import { indexedDbOutboxStore } from './outbox-store.ts';
import { forgetReportToken, reportToken } from './report-token.ts';

/**
 * One outbox per page, shared by the header's badge and the report page, started the first time
 * either needs it (so queued reports are retried when the app starts, on any page).
 */
let shared: { outbox: Outbox; config: AppConfig } | undefined;

function outboxFor(config: AppConfig): Outbox {
  if (shared?.config !== config) {
    shared?.outbox.stop();
    const outbox = new Outbox({
      store: indexedDbOutboxStore(),
      sources: () => writableSources(config),
      token: reportToken,
      tokenRefused: forgetReportToken,
    });
    shared = { outbox, config };
    void outbox.start();
  }
  return shared.outbox;
}

/**
 * The device's outbox and its state. Reports accepted by a source refresh that source's
 * queries, so the board shows what was just reported.
 */
export function useOutbox(): { outbox: Outbox; snapshot: OutboxSnapshot } {
  const { config } = useActiveSource();
  const client = useQueryClient();
  const outbox = outboxFor(config);
  useEffect(
    () =>
      outbox.onSent(
        (sourceId) => void client.invalidateQueries({ queryKey: ['source', sourceId] }),
      ),
    [outbox, client],
  );
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.snapshot, outbox.snapshot);
  return { outbox, snapshot };
}
