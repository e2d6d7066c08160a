import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataSourceAdapter } from './contract.ts';
import { indexedDbFileStore, type DroppedFileStore } from './dropped-file-store.ts';
import {
  addDroppedFile,
  removeDroppedFile,
  resetDroppedFiles,
  restoreDroppedFiles,
  setActiveFile,
  keepFilesIn,
} from './dropped-files.ts';
import { renderHook, waitFor } from '@testing-library/react';
import { useDroppedFiles, useActiveFile } from './dropped-files.ts';

/** A reference source whose theatre never comes: storage does not wait for a file to be read. */
const reference = {
  sourceId: 'demo',
  theatre: () => new Promise(() => undefined),
} as unknown as DataSourceAdapter;

const csv = 'Date,Crossing,Trucks\n#date,#loc+name,#indicator+num+trucks\n2026-11-01,رفح,12\n';
const file = (name = 'trucks-nov.csv') => new File([csv], name, { type: 'text/csv' });

function files() {
  return renderHook(() => ({ files: useDroppedFiles(), active: useActiveFile() }));
}

let store: DroppedFileStore;
beforeEach(() => {
  store = indexedDbFileStore(new IDBFactory());
  keepFilesIn(store);
  resetDroppedFiles();
  window.history.replaceState(null, '', '/data');
});
afterEach(() => resetDroppedFiles());

describe('the IndexedDB store of dropped files', () => {
  it('keeps bytes, lists files in the order they were kept, and forgets a removed one', async () => {
    const bytes = new TextEncoder().encode(csv).buffer;
    await store.put({
      id: 'b',
      name: 'b.csv',
      type: '',
      lastModified: 1,
      bytes,
      storedAt: '2026-11-02T00:00:00Z',
    });
    await store.put({
      id: 'a',
      name: 'a.csv',
      type: '',
      lastModified: 1,
      bytes,
      storedAt: '2026-11-01T00:00:00Z',
    });
    await store.setActive({ id: 'a', urlSource: null });
    expect((await store.all()).map((f) => f.id)).toEqual(['a', 'b']);
    expect(new TextDecoder().decode((await store.all())[0]!.bytes)).toBe(csv);
    await store.remove('a');
    expect((await store.all()).map((f) => f.id)).toEqual(['b']);
    // The shown file removed: nothing is shown after a reload.
    expect(await store.active()).toBeNull();
  });
});

describe('dropped files kept on the device', () => {
  it('keeps a dropped file, and reads it again after a reload with the same id, shown again', async () => {
    const { result } = files();
    const id = addDroppedFile(file(), reference);
    await waitFor(() => expect(result.current.files[0]?.storage).toBe('stored'));
    setActiveFile(id);
    await waitFor(async () => expect(await store.active()).toEqual({ id, urlSource: null }));
    // A reload: the page's memory is gone, the device's store is not.
    resetDroppedFiles();
    await waitFor(() => expect(result.current.files).toHaveLength(0));
    await restoreDroppedFiles(reference, ['demo']);
    await waitFor(() => expect(result.current.files.map((f) => f.id)).toEqual([id]));
    expect(result.current.files[0]!.name).toBe('trucks-nov.csv');
    expect(result.current.files[0]!.size).toBe(new Blob([csv]).size);
    expect(result.current.files[0]!.storage).toBe('stored');
    expect(result.current.active?.id).toBe(id);
  });

  it('does not show a kept file when the link names another source than when it was chosen', async () => {
    const { result } = files();
    const id = addDroppedFile(file(), reference);
    await waitFor(() => expect(result.current.files[0]?.storage).toBe('stored'));
    setActiveFile(id);
    await waitFor(async () => expect(await store.active()).not.toBeNull());
    resetDroppedFiles();
    window.history.replaceState(null, '', '/?source=other');
    await restoreDroppedFiles(reference, ['demo', 'other']);
    await waitFor(() => expect(result.current.files).toHaveLength(1));
    expect(result.current.active).toBeUndefined();
  });

  it('takes a removed file off the device', async () => {
    const { result } = files();
    const id = addDroppedFile(file(), reference);
    await waitFor(() => expect(result.current.files[0]?.storage).toBe('stored'));
    removeDroppedFile(id);
    await waitFor(async () => expect(await store.all()).toHaveLength(0));
    resetDroppedFiles();
    await restoreDroppedFiles(reference, ['demo']);
    await waitFor(() => expect(result.current.files).toHaveLength(0));
  });

  it('says when the quota refuses a file, and keeps it for this session (never lost silently)', async () => {
    keepFilesIn({
      ...store,
      put: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    });
    const { result } = files();
    addDroppedFile(file(), reference);
    await waitFor(() => expect(result.current.files[0]?.storage).toBe('session'));
    expect(result.current.files[0]!.storageFailure).toBe('quota');
    expect(result.current.files).toHaveLength(1);
  });
});
