import { useSyncExternalStore } from 'react';
import type { Dataset } from '../domain/vocabulary.ts';
import type { HxlProgress } from './adapters/hxl/read-hxl.ts';
import { lazyAdapter } from './adapters/lazy.ts';
import type { IngestSummary } from './adapters/tabular/ingest.ts';
import { HXL_READABLE, type HxlSourceConfig } from './config.ts';
import type { DataSourceAdapter } from './contract.ts';
import type { DroppedFileStore, StoreFailure } from './dropped-file-store.ts';
import { LICENCE_NOT_STATED } from '../domain/licence.ts';

/**
 * Files the user dropped or picked: parsed in the browser (a Web Worker), never uploaded, and
 * kept on this device (IndexedDB, dropped-file-store.ts) until removed: after a reload they are
 * read again from the kept bytes, and the one shown is shown again. Each becomes a source of
 * kind 'hxl' (id `file-<name>`) listed on the Sources page and in the header's source picker,
 * shown on the dashboard in place of the configured one. Its rows are matched to the theatre
 * of the configured source in view.
 */
export interface DroppedFile {
  id: string;
  name: string;
  size: number;
  state: 'reading' | 'ready' | 'failed';
  progress: HxlProgress;
  /** Why the file could not be read, naming it. */
  error?: string;
  summary?: IngestSummary;
  rejected?: number;
  /**
   * Kept on the device: 'saving' while written, 'stored' once kept, 'session' when the device
   * refused (`storageFailure` says why) — then it lasts for this page only, and says so.
   */
  storage: 'saving' | 'stored' | 'session';
  storageFailure?: StoreFailure;
  source: HxlSourceConfig;
  adapter: DataSourceAdapter;
}

interface State {
  files: DroppedFile[];
  activeId: string | null;
}

let state: State = { files: [], activeId: null };
const listeners = new Set<() => void>();

function set(next: Partial<State>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}
function update(id: string, patch: Partial<DroppedFile>) {
  set({ files: state.files.map((f) => (f.id === id ? { ...f, ...patch } : f)) });
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let storeOpening: Promise<DroppedFileStore | null> | undefined;
/** The device's store of files (null where there is no IndexedDB); its code loads on first use. */
function fileStore(): Promise<DroppedFileStore | null> {
  storeOpening ??=
    typeof indexedDB === 'undefined'
      ? Promise.resolve(null)
      : import('./dropped-file-store.ts').then((m) => m.indexedDbFileStore());
  return storeOpening;
}

/** For tests: keep files in this store instead of the device's IndexedDB. */
export function keepFilesIn(store: DroppedFileStore | null): void {
  storeOpening = Promise.resolve(store);
}

/** Writes the file's bytes to the device; a refusal (quota, no storage) is said, never silent. */
async function keepOnDevice(id: string, file: File, dataset: Dataset | undefined): Promise<void> {
  const { storeFailure } = await import('./dropped-file-store.ts');
  try {
    const store = await fileStore();
    if (!store) throw Object.assign(new Error('no IndexedDB'), { name: 'NotSupportedError' });
    await store.put({
      id,
      name: file.name,
      type: file.type,
      lastModified: file.lastModified,
      bytes: await file.arrayBuffer(),
      ...(dataset ? { dataset } : {}),
      storedAt: new Date().toISOString(),
    });
    // Removed while it was being written: take it off the device too.
    if (!state.files.some((f) => f.id === id)) await store.remove(id);
    else update(id, { storage: 'stored' });
  } catch (error) {
    update(id, { storage: 'session', storageFailure: storeFailure(error) });
  }
}

/** Reads a dropped file; returns its source id at once (the file is read in the background). */
export function addDroppedFile(
  file: File,
  reference: DataSourceAdapter,
  options: {
    dataset?: Dataset;
    takenIds?: readonly string[];
    /** A file read again from the device: its id as before, and nothing to write. */
    restored?: { id: string };
  } = {},
): string {
  const taken = new Set([...(options.takenIds ?? []), ...state.files.map((f) => f.id)]);
  const base = options.restored?.id ?? `file-${fileSlug(file.name)}`.slice(0, 36);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const source: HxlSourceConfig = {
    id,
    name: file.name,
    adapter: 'hxl',
    url: `file:${file.name}`,
    theatreUrl: `source:${reference.sourceId}`,
    dataset: options.dataset as HxlSourceConfig['dataset'],
    verification: 'reported',
    dayFirst: true,
    demo: false,
    writable: false,
    timeoutMs: 15_000,
    // The file is its own attribution; the Sources page says it was opened on this device.
    attribution: file.name,
    licence: LICENCE_NOT_STATED,
  };
  let last = 0;
  const adapter = lazyAdapter(
    id,
    {
      name: file.name,
      adapter: 'hxl',
      attribution: source.attribution!,
      licence: source.licence!,
      synthetic: false,
      capabilities: source.dataset ? [source.dataset] : HXL_READABLE,
    },
    () =>
      import('./adapters/hxl/dropped-file-adapter.ts').then((m) =>
        m.openDroppedFile(file, source, reference, {
          progress(progress) {
            const now = performance.now();
            if (now - last < 100) return;
            last = now;
            update(id, { progress });
          },
          ready(summary, rejected) {
            update(id, {
              state: 'ready',
              summary,
              rejected,
              progress: { bytesRead: file.size, totalBytes: file.size, rowsRead: summary.rowsRead },
            });
          },
          failed(message) {
            update(id, { state: 'failed', error: message });
          },
          testConnection() {
            const f = state.files.find((x) => x.id === id);
            return f?.state === 'failed'
              ? { ok: false, message: f.error ?? 'could not be read' }
              : { ok: true, message: 'a file on this device: nothing to connect to' };
          },
        }),
      ),
  );
  // Start reading now, not at the first query.
  void adapter.testConnection();
  set({
    files: [
      ...state.files,
      {
        id,
        name: file.name,
        size: file.size,
        state: 'reading',
        progress: { bytesRead: 0, totalBytes: file.size, rowsRead: 0 },
        storage: options.restored && id === options.restored.id ? 'stored' : 'saving',
        source,
        adapter,
      },
    ],
  });
  if (!options.restored || id !== options.restored.id) void keepOnDevice(id, file, options.dataset);
  return id;
}

/** Closes a file and takes it off the device. */
export function removeDroppedFile(id: string): void {
  set({
    files: state.files.filter((f) => f.id !== id),
    activeId: state.activeId === id ? null : state.activeId,
  });
  void fileStore()
    .then((store) => store?.remove(id))
    .catch(() => undefined);
}

/** The page's `?source=`: a stored choice of file holds only while the link names the same. */
function urlSource(): string | null {
  return typeof window === 'undefined'
    ? null
    : new URLSearchParams(window.location.search).get('source');
}

/**
 * Shows a dropped file on the dashboard in place of the configured source (null: back to it),
 * and remembers the choice on the device for the next visit.
 */
export function setActiveFile(id: string | null): void {
  set({ activeId: id });
  void fileStore()
    .then((store) => store?.setActive(id ? { id, urlSource: urlSource() } : null))
    .catch(() => undefined);
}

let restoring: Promise<void> | undefined;

/**
 * Reads again the files kept on this device (once per page), matched to `reference`, and shows
 * the one that was shown — unless the link names another source than when it was chosen: a URL
 * chooses among configured sources only, and a file on this device is never named by a link.
 */
export function restoreDroppedFiles(
  reference: DataSourceAdapter,
  takenIds: readonly string[],
): Promise<void> {
  restoring ??= (async () => {
    const store = await fileStore();
    if (!store) return;
    const [kept, choice] = await Promise.all([store.all(), store.active()]);
    for (const stored of kept) {
      if (state.files.some((f) => f.id === stored.id)) continue;
      const file = new File([stored.bytes], stored.name, {
        type: stored.type,
        lastModified: stored.lastModified,
      });
      addDroppedFile(file, reference, {
        dataset: stored.dataset,
        takenIds,
        restored: { id: stored.id },
      });
    }
    if (
      choice &&
      state.activeId === null &&
      choice.urlSource === urlSource() &&
      state.files.some((f) => f.id === choice.id)
    )
      set({ activeId: choice.id });
  })().catch(() => undefined);
  return restoring;
}

export function useDroppedFiles(): readonly DroppedFile[] {
  return useSyncExternalStore(
    subscribe,
    () => state.files,
    () => state.files,
  );
}

/** The dropped file shown in place of the configured source, if any. */
export function useActiveFile(): DroppedFile | undefined {
  return useSyncExternalStore(
    subscribe,
    () => state.files.find((f) => f.id === state.activeId),
    () => undefined,
  );
}

/** For tests: forget every dropped file (in memory; and let the next restore run). */
export function resetDroppedFiles(): void {
  restoring = undefined;
  set({ files: [], activeId: null });
}

/** "Crossings today.csv" → "crossings-today" (ids are lower-case letters, digits and dashes). */
function fileSlug(name: string): string {
  const stem = name
    .replace(/\.[a-z0-9]+$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return stem.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'file';
}
