import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WhenVisible } from './when-visible.tsx';

/** An IntersectionObserver that never reports: the placeholder is never scrolled near. */
class NeverIntersecting {
  observe() {}
  disconnect() {}
}

describe('WhenVisible', () => {
  beforeEach(() => vi.stubGlobal('IntersectionObserver', NeverIntersecting));
  afterEach(() => vi.unstubAllGlobals());

  it('loads at once when eager (a link points into it), though never scrolled near', () => {
    render(
      <WhenVisible minBlockSize="10rem" label="Aid flow" eager>
        <p>The chart</p>
      </WhenVisible>,
    );
    expect(screen.getByText('The chart')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Aid flow' })).toBeNull();
  });

  it('holds a named, focusable placeholder that loads the panel when tabbed to', async () => {
    let arrive: (m: { default: () => ReactNode }) => void = () => {};
    const Panel = lazy(() => new Promise<{ default: () => ReactNode }>((r) => (arrive = r)));
    render(
      <>
        <button type="button">Before</button>
        <WhenVisible minBlockSize="10rem" label="Aid flow">
          <Panel />
        </WhenVisible>
      </>,
    );
    const placeholder = screen.getByRole('region', { name: 'Aid flow' });
    expect(placeholder).toHaveAttribute('aria-busy', 'false');
    const heading = screen.getByRole('heading', { name: 'Aid flow', level: 2 });

    await userEvent.tab();
    await userEvent.tab();
    expect(heading).toHaveFocus();
    expect(placeholder).toHaveAttribute('aria-busy', 'true');

    await act(async () =>
      arrive({ default: () => <button type="button">Inside the panel</button> }),
    );
    expect(screen.queryByRole('region', { name: 'Aid flow' })).toBeNull();
    // Focus stays at the panel's place: the next Tab enters it.
    expect(document.activeElement).toHaveClass('when-visible');
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Inside the panel' })).toHaveFocus();
  });

  it('does not take the focus back from a reader who tabbed on while the panel loaded', async () => {
    let arrive: (m: { default: () => ReactNode }) => void = () => {};
    const Panel = lazy(() => new Promise<{ default: () => ReactNode }>((r) => (arrive = r)));
    render(
      <>
        <WhenVisible minBlockSize="10rem" label="Map">
          <Panel />
        </WhenVisible>
        <button type="button">After</button>
      </>,
    );
    await userEvent.tab();
    await userEvent.tab();
    const after = screen.getByRole('button', { name: 'After' });
    expect(after).toHaveFocus();
    await act(async () => arrive({ default: () => <p>The map</p> }));
    expect(screen.getByText('The map')).toBeInTheDocument();
    expect(after).toHaveFocus();
  });

  it('on request (saving data), loads nothing by scrolling or tabbing, only by its button', async () => {
    /** An observer that says the placeholder is in view as soon as it is observed. */
    class AlwaysIntersecting {
      constructor(private report: IntersectionObserverCallback) {}
      observe() {
        this.report([{ isIntersecting: true } as IntersectionObserverEntry], this as never);
      }
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', AlwaysIntersecting);
    let asked = 0;
    let arrive: (m: { default: () => ReactNode }) => void = () => {};
    const Panel = lazy(() => {
      asked++;
      return new Promise<{ default: () => ReactNode }>((r) => (arrive = r));
    });
    render(
      <WhenVisible minBlockSize="36rem" label="Map" onRequest="Load Map (about 460 kB)">
        <Panel />
      </WhenVisible>,
    );
    const placeholder = screen.getByRole('region', { name: 'Map' });
    // In view, yet not loaded: and no space is held for what will not come by itself.
    expect(placeholder).toHaveAttribute('aria-busy', 'false');
    expect(placeholder.style.minBlockSize).toBe('');
    await userEvent.tab();
    const button = screen.getByRole('button', { name: 'Load Map (about 460 kB)' });
    expect(button).toHaveFocus();
    expect(asked).toBe(0);

    await userEvent.keyboard('{Enter}');
    expect(asked).toBe(1);
    expect(placeholder).toHaveAttribute('aria-busy', 'true');
    await act(async () => arrive({ default: () => <p>The map</p> }));
    expect(screen.getByText('The map')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Load Map/ })).toBeNull();
    // The reader stays where the button was.
    expect(document.activeElement).toHaveClass('when-visible');
  });
});
