import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../test/msw.ts';
import { appWrapper } from '../../test/render.tsx';
import { useFiltersFor, useViewState } from './view-state.ts';

setUpMockApi();

describe('useViewState', () => {
  it('gives back the same range and view objects while the days stay the same', async () => {
    window.history.replaceState(null, '', '/?range=90d');
    const { result, rerender } = renderHook(() => useViewState(['aid-flow']), {
      wrapper: appWrapper(),
    });
    // Once the theatre has loaded, days are cut in its zone; then nothing changes on re-render.
    await waitFor(() => expect(result.current.timeZone).not.toBe('UTC'));
    const first = result.current;
    rerender();
    rerender();
    expect(result.current.range).toBe(first.range);
    expect(result.current).toBe(first);
  });

  it('narrows filters to the same object while the parts that matter stay the same', () => {
    const { result, rerender } = renderHook(
      ({ verification }: { verification: 'verified'[] }) =>
        useFiltersFor(
          { range: { preset: '30d' }, crossings: ['x'], commodities: [], verification },
          'utility-status',
        ),
      { initialProps: { verification: ['verified'] } },
    );
    const first = result.current;
    // A new crossing list cannot change utility records; a new but equal verification list neither.
    rerender({ verification: ['verified'] });
    expect(result.current).toBe(first);
    expect(first.crossings).toEqual([]);
  });
});

describe('URL version', () => {
  it('says when a link comes from a version this app does not know', async () => {
    window.history.replaceState(null, '', '/?range=7d&v=99');
    const { result } = renderHook(() => useViewState([]), { wrapper: appWrapper() });
    expect(result.current.filters.range).toEqual({ preset: '7d' });
    expect(result.current.notices).toContainEqual({
      param: 'v',
      value: '99',
      problem: 'unknown-value',
    });
  });
});
