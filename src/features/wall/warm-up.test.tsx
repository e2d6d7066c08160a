import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PanelSlot, panelsToWarm, sectionsSettled } from './warm-up.tsx';

describe('warming panels before they are shown', () => {
  const order = ['board', 'map', 'aid-flow', 'hospitals', 'events'];

  it('warms the next panels in rotation order, two at a time, skipping those ready', () => {
    expect(panelsToWarm(order, 0, new Set(['board']))).toEqual(['map', 'aid-flow']);
    expect(panelsToWarm(order, 0, new Set(['board', 'map']))).toEqual(['aid-flow', 'hospitals']);
    // From the last panel it wraps round, and never names the panel on screen.
    expect(panelsToWarm(order, 4, new Set(['events']))).toEqual(['board', 'map']);
    expect(panelsToWarm(order, 1, new Set(order))).toEqual([]);
    expect(panelsToWarm(['board'], 0, new Set())).toEqual([]);
  });

  it('calls a box settled once it holds sections and none is loading', () => {
    const box = document.createElement('div');
    expect(sectionsSettled(box)).toBe(false);
    box.innerHTML =
      '<section data-state="ready"></section><section data-state="loading"></section>';
    expect(sectionsSettled(box)).toBe(false);
    box.querySelectorAll('section')[1]!.setAttribute('data-state', 'empty');
    expect(sectionsSettled(box)).toBe(true);
  });

  it('says a panel is ready when its sections settle, once', async () => {
    const onReady = vi.fn();
    let settle: () => void = () => {};
    function Panel() {
      const [state, setState] = useState('loading');
      settle = () => setState('ready');
      return <section data-state={state} />;
    }
    render(
      <PanelSlot id="map" shown={false} onReady={onReady}>
        <Panel />
      </PanelSlot>,
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(onReady).not.toHaveBeenCalled();
    act(() => settle());
    await vi.waitFor(() => expect(onReady).toHaveBeenCalledWith('map'));
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('gives up on a panel whose source does not answer, so the rotation goes on', () => {
    vi.useFakeTimers();
    try {
      const onReady = vi.fn();
      render(
        <PanelSlot id="hospitals" shown={false} onReady={onReady} giveUpMs={1000}>
          <section data-state="loading" />
        </PanelSlot>,
      );
      vi.advanceTimersByTime(999);
      expect(onReady).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onReady).toHaveBeenCalledWith('hospitals');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the panel drawn out of sight as it was drawn, not drawn again', () => {
    let mounts = 0;
    function Panel() {
      useState(() => mounts++);
      return <section data-state="ready" />;
    }
    const slot = (shown: boolean) => (
      <PanelSlot id="map" shown={shown}>
        <Panel />
      </PanelSlot>
    );
    const { container, rerender } = render(slot(false));
    expect(container.firstElementChild).toHaveClass('wall__warm-slot');
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
    rerender(slot(true));
    expect(container.firstElementChild).toHaveClass('wall__slot');
    expect(container.firstElementChild).not.toHaveAttribute('aria-hidden');
    expect(mounts).toBe(1);
  });
});
