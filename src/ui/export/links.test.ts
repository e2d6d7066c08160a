import { describe, expect, it } from 'vitest';
import { embedCode, embedUrl, exportFileName, permalink } from './links.ts';

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

  it('escapes the iframe title and URL for an HTML attribute', () => {
    const code = embedCode(
      'https://x.example.org/embed/a?range=all&b="1"',
      'Flow "<b>" & \'more\' — Access Monitor',
      {
        width: 720.4,
        height: 500,
      },
    );
    expect(code).toBe(
      '<iframe src="https://x.example.org/embed/a?range=all&amp;b=&quot;1&quot;" ' +
        'title="Flow &quot;&lt;b&gt;&quot; &amp; &#39;more&#39; — Access Monitor" ' +
        'width="720" height="500" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
    const doc = new DOMParser().parseFromString(code, 'text/html');
    const frame = doc.querySelector('iframe')!;
    expect(frame.title).toBe('Flow "<b>" & \'more\' — Access Monitor');
    expect(doc.querySelector('b')).toBeNull();
  });
});
