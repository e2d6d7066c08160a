import { newIdempotencyKey, omit, type ReportBody } from '../../domain/report.ts';
import type { RestSourceConfig } from '../config.ts';
import type { OutboxReport, OutboxStore } from './outbox-store.ts';
import { sendReport, type SendOutcome } from './send-report.ts';

/**
 * The observers' outbox, as field tools such as ODK Collect and Enketo keep one: a report is
 * saved on the device first, then sent; one that cannot go now (offline, the server busy or
 * down) stays queued and is tried again with backoff, when the browser comes back online and
 * when the app starts. A report the server refuses is kept as failed with the server's reasons
 * until the observer discards it: nothing is dropped silently. Each report has one
 * Idempotency-Key for life, so a send retried after a lost answer never doubles a figure, and a
 * report is never being sent twice at once (in this page, nor in another tab: Web Locks).
 */

export interface OutboxCounts {
  queued: number;
  sent: number;
  failed: number;
}

export interface OutboxSnapshot {
  /** Newest first. */
  reports: readonly OutboxReport[];
  counts: OutboxCounts;
  /** Keys being sent right now. */
  sending: ReadonlySet<string>;
  /** False until the device's outbox has been read. */
  loaded: boolean;
  /** Set when the device's storage refused the outbox (private mode, full disk). */
  storageError?: string;
}

export interface OutboxOptions {
  store: OutboxStore;
  /** The sources reports may go to (config.json's writable ones). */
  sources: () => readonly RestSourceConfig[];
  token: (sourceId: string) => string | undefined;
  /** The server refused a source's token (401): the device should ask for it again. */
  tokenRefused?: (sourceId: string) => void;
  online?: () => boolean;
  fetchImpl?: typeof fetch;
  now?: () => number;
  random?: () => string;
  /** First backoff after a failed try; doubles each time, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

const DEFAULT_BACKOFF_MS = 5_000;
const DEFAULT_MAX_BACKOFF_MS = 5 * 60_000;
const CHANNEL = 'access-monitor-outbox';

export class Outbox {
  private reports: OutboxReport[] = [];
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly sentListeners = new Set<(sourceId: string) => void>();
  private snap: OutboxSnapshot = {
    reports: [],
    counts: { queued: 0, sent: 0, failed: 0 },
    sending: new Set(),
    loaded: false,
  };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private flushAgain = false;
  private loaded = false;
  private storageError: string | undefined;
  private channel: BroadcastChannel | undefined;
  private readonly onOnline = () => void this.flush();
  private readonly o: Required<Omit<OutboxOptions, 'fetchImpl' | 'tokenRefused'>> &
    Pick<OutboxOptions, 'fetchImpl' | 'tokenRefused'>;

  constructor(options: OutboxOptions) {
    this.o = {
      online: () => navigator.onLine,
      now: Date.now,
      random: () => crypto.randomUUID(),
      backoffMs: DEFAULT_BACKOFF_MS,
      maxBackoffMs: DEFAULT_MAX_BACKOFF_MS,
      ...options,
    };
  }

  /** Reads the device's outbox, listens for the link returning and tries what is queued. */
  async start(): Promise<void> {
    window.addEventListener('online', this.onOnline);
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      // Another tab changed the outbox (sent, discarded, added): read it again.
      this.channel.onmessage = () => void this.reload();
    }
    await this.reload();
    await this.flush();
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    this.channel?.close();
    this.channel = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The same object until something changes (for useSyncExternalStore). */
  snapshot = (): OutboxSnapshot => this.snap;

  /** Called with the source's id after a report to it was accepted. */
  onSent(listener: (sourceId: string) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /**
   * Saves a new report on the device (it is queued once this resolves), then tries to send it.
   * Rejects only when the device refuses to keep it: the form then keeps what was typed.
   */
  async add(sourceId: string, body: ReportBody): Promise<OutboxReport> {
    const report: OutboxReport = {
      key: newIdempotencyKey(this.o.random),
      sourceId,
      body,
      state: 'queued',
      attempts: 0,
    };
    await this.o.store.put(report);
    this.replace(report);
    void this.flush();
    return report;
  }

  /** Discards a failed report, on the observer's word only. */
  async discard(key: string): Promise<void> {
    const report = this.reports.find((r) => r.key === key);
    if (!report || report.state !== 'failed') return;
    await this.o.store.remove(key);
    this.reports = this.reports.filter((r) => r.key !== key);
    this.changed();
  }

  /**
   * Queues a failed report again, with the same key: after a new token (401) or a change of
   * rights on the server (403). A report the server found invalid would fail the same way.
   */
  async retry(key: string): Promise<void> {
    const report = this.reports.find((r) => r.key === key);
    if (!report || report.state !== 'failed') return;
    const queued: OutboxReport = {
      ...omit(report, 'failure', 'failedAt', 'nextAttemptAt'),
      state: 'queued',
    };
    await this.o.store.put(queued);
    this.replace(queued);
    void this.flush();
  }

  /**
   * Tries every queued report that is due, one at a time. A call while a flush runs makes that
   * flush look again when it is done, so nothing waits for the next event.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    // Cleared in a callback, which always runs after this assignment (a flush with nothing
    // due finishes synchronously).
    const run = this.sendDue().finally(() => {
      this.flushing = undefined;
      this.schedule();
    });
    this.flushing = run;
    return run;
  }

  private async sendDue(): Promise<void> {
    do {
      this.flushAgain = false;
      const due = this.reports.filter(
        (r) => r.state === 'queued' && (r.nextAttemptAt ?? 0) <= this.o.now(),
      );
      for (const report of due) await this.sendOne(report.key);
    } while (this.flushAgain);
  }

  private async reload(): Promise<void> {
    try {
      this.reports = await this.o.store.all();
      this.storageError = undefined;
    } catch (error) {
      this.storageError = error instanceof Error ? error.message : String(error);
    }
    this.loaded = true;
    this.changed(false);
  }

  private async sendOne(key: string): Promise<void> {
    if (this.inFlight.has(key)) return;
    // A report that cannot go now is not shown as being sent: it says what it waits for.
    const report = this.reports.find((r) => r.key === key);
    const at = new Date(this.o.now()).toISOString();
    if (report && this.o.sources().some((s) => s.id === report.sourceId)) {
      if (!this.o.online()) return this.save({ ...report, waiting: { kind: 'offline', at } });
      if (!this.o.token(report.sourceId))
        return this.save({ ...report, waiting: { kind: 'no-token', at } });
    }
    this.inFlight.add(key);
    this.changed(false);
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      if (locks)
        await locks.request(`${CHANNEL}:${key}`, { ifAvailable: true }, async (lock) => {
          // Another tab is sending it: it will say so when done.
          if (lock) await this.sendLocked(key);
        });
      else await this.sendLocked(key);
    } finally {
      this.inFlight.delete(key);
      this.changed(false);
    }
  }

  private async sendLocked(key: string): Promise<void> {
    // The device's copy is the truth: another tab may have sent or discarded it meanwhile.
    const report = await this.o.store.get(key);
    if (!report || report.state !== 'queued') {
      if (report) this.replace(report, false);
      else this.reports = this.reports.filter((r) => r.key !== key);
      return;
    }
    const at = new Date(this.o.now()).toISOString();
    const source = this.o.sources().find((s) => s.id === report.sourceId);
    if (!source)
      return this.save({
        ...report,
        state: 'failed',
        failure: { kind: 'no-source', problems: [] },
        failedAt: at,
      });
    if (!this.o.online()) return this.save({ ...report, waiting: { kind: 'offline', at } });
    const token = this.o.token(report.sourceId);
    if (!token) return this.save({ ...report, waiting: { kind: 'no-token', at } });

    const outcome: SendOutcome = await sendReport({
      baseUrl: source.url,
      token,
      idempotencyKey: report.key,
      body: report.body,
      timeoutMs: source.timeoutMs,
      fetchImpl: this.o.fetchImpl,
    });
    const attempts = report.attempts + 1;
    const done = new Date(this.o.now()).toISOString();
    if (outcome.kind === 'sent') {
      await this.save({
        ...omit(report, 'waiting', 'nextAttemptAt'),
        attempts,
        state: 'sent',
        sentAt: done,
        ...(outcome.receipt ? { receipt: outcome.receipt } : {}),
        ...(outcome.replayed ? { replayed: true } : {}),
      });
      for (const listener of this.sentListeners) listener(report.sourceId);
    } else if (outcome.kind === 'failed') {
      await this.save({
        ...omit(report, 'waiting', 'nextAttemptAt'),
        attempts,
        state: 'failed',
        failure: outcome.failure,
        failedAt: done,
      });
      if (outcome.failure.kind === 'token') this.o.tokenRefused?.(report.sourceId);
    } else {
      const backoff =
        outcome.retryAfterMs ??
        Math.min(this.o.backoffMs * 2 ** Math.min(attempts - 1, 20), this.o.maxBackoffMs);
      // A little jitter, so that many devices coming back online do not all retry at once.
      const jitter = outcome.retryAfterMs ? 0 : Math.round(backoff * 0.2 * Math.random());
      await this.save({
        ...report,
        attempts,
        nextAttemptAt: this.o.now() + backoff + jitter,
        waiting: {
          kind: outcome.wait,
          ...(outcome.status ? { status: outcome.status } : {}),
          at: done,
        },
      });
    }
  }

  private async save(report: OutboxReport): Promise<void> {
    try {
      await this.o.store.put(report);
    } catch (error) {
      this.storageError = error instanceof Error ? error.message : String(error);
    }
    this.replace(report);
  }

  private replace(report: OutboxReport, broadcast = true): void {
    const i = this.reports.findIndex((r) => r.key === report.key);
    if (i === -1) this.reports = [...this.reports, report];
    else this.reports = this.reports.map((r, j) => (j === i ? report : r));
    this.changed(broadcast);
  }

  /** The next try of a report waiting for its backoff. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = Math.min(
      ...this.reports
        .filter((r) => r.state === 'queued' && r.nextAttemptAt !== undefined)
        .map((r) => r.nextAttemptAt!),
    );
    if (!Number.isFinite(next)) return;
    this.timer = setTimeout(() => void this.flush(), Math.max(0, next - this.o.now()));
  }

  private changed(broadcast = true): void {
    const counts = { queued: 0, sent: 0, failed: 0 };
    for (const r of this.reports) counts[r.state]++;
    // Newest first, by when the observer made it (not when it was sent).
    const reports = [...this.reports].sort((a, b) => b.body.madeAt.localeCompare(a.body.madeAt));
    this.snap = {
      reports,
      counts,
      sending: new Set(this.inFlight),
      loaded: this.loaded,
      ...(this.storageError ? { storageError: this.storageError } : {}),
    };
    if (broadcast) this.channel?.postMessage('changed');
    for (const listener of this.listeners) listener();
  }
}
