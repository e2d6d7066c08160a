import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealthStore } from './use-source-health.ts';
import { createQueryKeeper } from './query-keeper.ts';

const tick = () => new Promise((done) => setTimeout(done, 0));

/** A query of source "s" whose fetch hangs until `answer` is called; records its signal. */
function hangingQuery(client: QueryClient, key: string) {
  const seen: { signal?: AbortSignal; answer?: (v: string) => void } = {};
  const observer = new QueryObserver(client, {
    queryKey: ['source', 's', key],
    queryFn: ({ signal }) =>
      new Promise<string>((resolve, reject) => {
        seen.signal = signal; // consumed: TanStack would cancel when the last observer leaves
        seen.answer = resolve;
        signal.addEventListener('abort', () => reject(new Error('aborted')));
      }),
    retry: false,
  });
  return { observer, seen };
}

let client: QueryClient;
afterEach(() => client?.clear());

describe('createQueryKeeper', () => {
  it('keeps a rotated-away panel’s query active, and its request in flight', async () => {
    client = new QueryClient();
    const keeper = createQueryKeeper(client, 's', 60_000);
    const panel = hangingQuery(client, 'events');
    const unmount = panel.observer.subscribe(() => {});
    await tick();
    expect(keeper.size).toBe(1);

    unmount(); // the panel rotates away mid-request
    await tick();
    const query = client.getQueryCache().find({ queryKey: ['source', 's', 'events'] })!;
    expect(panel.seen.signal?.aborted).toBe(false);
    expect(query.isActive()).toBe(true);
    panel.seen.answer?.('data');
    await tick();
    expect(query.state.data).toBe('data');
    keeper.dispose();
  });

  it('lets go of a query no panel used for the hold time, and never of one in use', async () => {
    client = new QueryClient();
    const keeper = createQueryKeeper(client, 's', 1000);
    const old = hangingQuery(client, 'yesterday');
    const current = hangingQuery(client, 'today');
    const unmountOld = old.observer.subscribe(() => {});
    current.observer.subscribe(() => {});
    await tick();
    unmountOld();
    keeper.sweep(Date.now() + 500);
    expect(keeper.size).toBe(2);
    keeper.sweep(Date.now() + 5000);
    expect(keeper.size).toBe(1);
    const find = (k: string) => client.getQueryCache().find({ queryKey: ['source', 's', k] })!;
    expect(find('yesterday').isActive()).toBe(false);
    expect(find('today').isActive()).toBe(true);
    keeper.dispose();
  });

  it('ignores the queries of other sources', async () => {
    client = new QueryClient();
    const keeper = createQueryKeeper(client, 'other', 1000);
    hangingQuery(client, 'events').observer.subscribe(() => {});
    await tick();
    expect(keeper.size).toBe(0);
    keeper.dispose();
  });
});

describe('createHealthStore with kept queries', () => {
  it('forgets the failure of a query that nothing shows or keeps any more', async () => {
    client = new QueryClient();
    const store = createHealthStore(client.getQueryCache(), 's');
    const stop = store.subscribe(() => {});
    const observer = new QueryObserver(client, {
      queryKey: ['source', 's', 'events'],
      queryFn: () => Promise.reject(new Error('s: answered HTTP 500')),
      retry: false,
    });
    const unmount = observer.subscribe(() => {});
    await tick();
    await tick();
    expect(store.getSnapshot().failingSince).toBeTypeOf('number');
    unmount();
    expect(store.getSnapshot().failingSince).toBeUndefined();
    stop();
  });
});
