import { afterEach, describe, expect, it, vi } from 'vitest';
import { localStorageOrNull } from './storage.ts';

describe('localStorageOrNull', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the storage where the browser allows it', () => {
    expect(localStorageOrNull()).toBe(window.localStorage);
  });

  it('treats storage the browser refuses (a SecurityError on reading it) as absent', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(localStorageOrNull()).toBeNull();
  });
});
