import { describe, expect, it } from 'vitest';
import {
  EMBED_HEIGHT_MESSAGE,
  embedCode,
  embedUrl,
  exportFileName,
  permalink,
  pinnedSearch,
  sharedSearch,
} from './links.ts';

describe('export links', () => {
  it('names files after the chart and the period', () => {
    expect(exportFileName('aid-flow', { from: '2025-01-01', to: '2025-03-31' }, 'png')).toBe(
      'aid-flow_2025-01-01_2025-03-31.png',
    );
    expect(exportFileName('../x y', { from: '2025-01-01', to: '2025-03-31' }, 'csv', '_full')).toBe(
      '-x-y_2025-01-01_2025-03-31_full.csv',
    );
  });

  it('keeps the parameters in the permalink and the embed URL, with the URL version', () => {
    expect(permalink('aid-flow', '?range=all&crossings=rafah&aid.stack=crossing')).toBe(
      `${window.location.origin}/?range=all&crossings=rafah&aid.stack=crossing&v=2#chart-aid-flow`,
    );
    expect(embedUrl('hospitals-beds', '?v=2&range=90d')).toBe(
      `${window.location.origin}/embed/hospitals-beds?range=90d&v=2`,
    );
  });

  it('pins the days shown in place of a moving window, keeping every other parameter', () => {
    const range = { from: '2023-10-07', to: '2026-11-29' };
    expect(pinnedSearch('?range=all&crossings=rafah&v=2', range)).toBe(
      '?crossings=rafah&v=2&from=2023-10-07&to=2026-11-29',
    );
    expect(pinnedSearch('?from=2025-01-01&to=2025-02-01', range)).toBe(
      '?from=2023-10-07&to=2026-11-29',
    );
    expect(sharedSearch(range, false, '?range=30d')).toBe('?range=30d');
    expect(permalink('aid-flow', sharedSearch(range, true, '?range=all'))).toBe(
      `${window.location.origin}/?from=2023-10-07&to=2026-11-29&v=2#chart-aid-flow`,
    );
  });

  it('escapes the iframe title and URL for an HTML attribute, and sizes it to its container', () => {
    const code = embedCode(
      'https://x.example.org/embed/a?range=all&b="1"',
      'Flow "<b>" & \'more\' — Access Monitor',
      500.4,
    );
    expect(code.split('<script>')[0]).toBe(
      '<iframe src="https://x.example.org/embed/a?range=all&amp;b=&quot;1&quot;" ' +
        'title="Flow &quot;&lt;b&gt;&quot; &amp; &#39;more&#39; — Access Monitor" ' +
        'width="100%" height="500" style="width:100%;border:0" loading="lazy"></iframe>',
    );
    const doc = new DOMParser().parseFromString(code, 'text/html');
    const frame = doc.querySelector('iframe')!;
    expect(frame.title).toBe('Flow "<b>" & \'more\' — Access Monitor');
    expect(doc.querySelector('b')).toBeNull();
    expect(doc.querySelectorAll('script')).toHaveLength(1);
  });

  it("its script takes heights from the embed's origin and frame only", () => {
    const code = embedCode('https://x.example.org/embed/aid-flow?range=all', 'Aid', 600);
    const script = /<script>([\s\S]*)<\/script>$/.exec(code)![1]!;
    expect(script).not.toMatch(/<\/|<!--/);
    const mine = document.createElement('iframe');
    const other = document.createElement('iframe');
    mine.style.height = '600px';
    other.style.height = '300px';
    document.body.append(mine, other);
    try {
      new Function(script)();
      const post = (data: unknown, origin: string, source: Window | null) =>
        window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
      const message = (height: unknown) => ({
        type: EMBED_HEIGHT_MESSAGE,
        chart: 'aid-flow',
        height,
      });
      post(message(812.2), 'https://evil.example', mine.contentWindow);
      expect(mine.style.height).toBe('600px');
      post(message(812.2), 'https://x.example.org', mine.contentWindow);
      expect(mine.style.height).toBe('813px');
      expect(other.style.height).toBe('300px');
      post(message('1px;background:red'), 'https://x.example.org', mine.contentWindow);
      post(message(1e9), 'https://x.example.org', mine.contentWindow);
      post({ type: 'other', height: 10 }, 'https://x.example.org', mine.contentWindow);
      expect(mine.style.height).toBe('813px');
      post(message(400), 'https://x.example.org', other.contentWindow);
      expect(other.style.height).toBe('400px');
    } finally {
      mine.remove();
      other.remove();
    }
  });

  it("a hostile origin cannot close the snippet's script", () => {
    // URL() never yields such an origin, but the escaping must not rely on that.
    const code = embedCode('https://x.example.org/e', '</script><script>alert(1)</script>', 400);
    const doc = new DOMParser().parseFromString(code, 'text/html');
    expect(doc.querySelectorAll('script')).toHaveLength(1);
  });
});
