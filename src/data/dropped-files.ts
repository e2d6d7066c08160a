import { useSyncExternalStore } from 'react';
import type { Dataset } from '../domain/vocabulary.ts';
import type { HxlProgress } from './adapters/hxl/read-hxl.ts';
import { lazyAdapter } from './adapters/lazy.ts';
import type { IngestSummary } from './adapters/tabular/ingest.ts';
import { HXL_READABLE, type HxlSourceConfig } from './config.ts';
import type { DataSourceAdapter } from './contract.ts';
import { LICENCE_NOT_STATED } from '../domain/licence.ts';

/**
 * Files the user dropped or picked: parsed in the browser (a Web Worker), held in memory for
 * this page only, never uploaded. Each becomes a source of kind 'hxl' (id `file-<name>`) that
 * can be listed on the Sources page and shown on the dashboard in place of the configured one.
 * Its rows are matched to the theatre of the source that was active when it was dropped.
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

/** Reads a dropped file; returns its source id at once (the file is read in the background). */
export function addDroppedFile(
  file: File,
  reference: DataSourceAdapter,
  options: { dataset?: Dataset; takenIds?: readonly string[] } = {},
): string {
  const taken = new Set([...(options.takenIds ?? []), ...state.files.map((f) => f.id)]);
  const base = `file-${fileSlug(file.name)}`.slice(0, 36);
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
        source,
        adapter,
      },
    ],
  });
  return id;
}

export function removeDroppedFile(id: string): void {
  set({
    files: state.files.filter((f) => f.id !== id),
    activeId: state.activeId === id ? null : state.activeId,
  });
}

/** Shows a dropped file on the dashboard in place of the configured source (null: back to it). */
export function setActiveFile(id: string | null): void {
  set({ activeId: id });
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

/** For tests: forget every dropped file. */
export function resetDroppedFiles(): void {
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
