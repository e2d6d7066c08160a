import { describe, expect, it } from 'vitest';
import type { LegendEntry } from '../chart/chart-model.ts';
import { buildCaptionSvg, type CaptionInput } from './caption-svg.ts';
import { wrapText } from './text-layout.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A stand-in for a Recharts <svg>: bars with a pattern, a clip path, an axis label. */
function chartSvg(): SVGSVGElement {
  const holder = document.createElement('div');
  holder.innerHTML = `<svg xmlns="${SVG_NS}" class="recharts-surface" width="600" height="300" viewBox="0 0 600 300" style="width:100%;height:100%" tabindex="0">
    <defs><clipPath id="clip-1"><rect width="600" height="300"/></clipPath>
    <pattern id="am-hatch-e69f00" width="6" height="6"><rect width="6" height="6" fill="#E69F00"/></pattern></defs>
    <g clip-path="url(#clip-1)"><rect x="10" y="10" width="20" height="200" fill="url(#am-hatch-e69f00)"/></g>
    <image href="https://evil.example.org/track.png" width="1" height="1"/>
    <text x="10" y="290" font-family="Comic Sans MS" style="font-family: Arial; fill: #333">1 Jan</text>
    <text x="50" y="290">ctrl\u0001char</text>
  </svg>`;
  return holder.querySelector('svg')!;
}

const legend: LegendEntry[] = [
  { label: 'Food', colour: '#E69F00', shape: 'box' },
  { label: 'Collected (hatched)', colour: '#5f6b7a', shape: 'box', pattern: 'hatch' },
  { label: '7-day average', colour: '#13202e', shape: 'line', dash: '5 3' },
  { label: 'Pause', colour: '#56B4E9', shape: 'band' },
];

const input = (over: Partial<CaptionInput> = {}): CaptionInput => ({
  title: 'Aid flow into Gaza',
  subtitle: 'Trucks per day by commodity, 1 Jan 2025 – 31 Mar 2025 (daily)',
  when: 'Period 1 Jan 2025 – 31 Mar 2025 · data as of 31 Mar 2025, 23:59, Asia/Gaza (GMT+3)',
  legend,
  sources: [
    { name: 'COGAT', licence: 'CC BY 4.0', verification: '60 % verified, 40 % reported' },
    { name: 'UN 2720 mechanism', licence: 'CC BY-IGO', verification: '100 % verified' },
  ],
  notes: [
    '“Entered” counts trucks at the crossing; “collected” counts trucks picked up by agencies.',
  ],
  synthetic: true,
  plots: [{ kind: 'svg', element: chartSvg(), x: 0, y: 0, width: 600, height: 300 }],
  plotSize: { width: 600, height: 300 },
  text: {
    sourceLabel: 'Source',
    synthetic: 'Synthetic demo data — not real figures',
    noData: 'No data for this period',
    footer: 'Access Monitor · https://monitor.example.org/?range=all#chart-aid-flow',
  },
  ...over,
});

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('svg');
  expect(doc.documentElement.namespaceURI).toBe(SVG_NS);
  return doc;
}

const texts = (doc: Document) => [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('caption SVG', () => {
  it('parses as XML and carries title, subtitle, legend, sources, notes, period, permalink', () => {
    const out = buildCaptionSvg(input());
    expect(out.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = parse(out.svg);
    const all = texts(doc).join(' | ');
    expect(doc.querySelector('title')?.textContent).toBe('Aid flow into Gaza');
    expect(all).toContain('Aid flow into Gaza');
    expect(all).toContain('Trucks per day');
    for (const entry of legend) expect(all).toContain(entry.label);
    expect(all).toContain('COGAT (CC BY 4.0) — 60 % verified, 40 % reported');
    expect(all).toContain('UN 2720 mechanism (CC BY-IGO) — 100 % verified');
    expect(all).toContain('“Entered” counts trucks');
    expect(all).toContain('Asia/Gaza');
    expect(all).toContain('Access Monitor');
    expect(all).toContain('chart-aid-flow');
    expect(doc.querySelector('[data-part="legend"]')).not.toBeNull();
    expect(doc.documentElement.getAttribute('width')).toBe(String(out.width));
    expect(doc.documentElement.getAttribute('height')).toBe(String(out.height));
  });

  it('mirrors the caption for a right-to-left language and leaves the plot as drawn', () => {
    const ltr = buildCaptionSvg(input());
    const rtl = buildCaptionSvg(input({ direction: 'rtl', title: 'تدفق المساعدات إلى غزة' }));
    const doc = parse(rtl.svg);
    const title = [...doc.querySelectorAll('text')].find(
      (t) => t.textContent === 'تدفق المساعدات إلى غزة',
    )!;
    // Text starts at the right edge, read right to left.
    expect(title.getAttribute('direction')).toBe('rtl');
    expect(Number(title.getAttribute('x'))).toBe(rtl.width - 16);
    const root = doc.documentElement;
    const captionTexts = [
      ...root.querySelectorAll(':scope > text, :scope > [data-part="legend"] > text'),
    ];
    expect(captionTexts.length).toBeGreaterThan(8);
    for (const t of captionTexts)
      expect(t.getAttribute('direction'), t.textContent ?? '').toBe('rtl');
    // Each legend mark sits to the right of its label; the left-to-right copy has it on the left.
    const markAndLabel = (svg: string) => {
      const legendPart = parse(svg).querySelector('[data-part="legend"]')!;
      const mark = legendPart.querySelector('g')!.getAttribute('transform')!;
      const label = [...legendPart.querySelectorAll('text')].find((t) => t.textContent === 'Food')!;
      return {
        mark: Number(/translate\(([-\d.]+)/.exec(mark)![1]),
        label: Number(label.getAttribute('x')),
      };
    };
    const l = markAndLabel(ltr.svg);
    const r = markAndLabel(rtl.svg);
    expect(l.mark).toBeLessThan(l.label);
    expect(r.mark).toBeGreaterThan(r.label);
    expect(r.mark + 24).toBe(rtl.width - l.mark);
    // The chart itself is not mirrored: time still runs left to right.
    const plot = (svg: string) =>
      parse(svg).querySelector('svg > g[transform]')!.getAttribute('transform');
    expect(plot(rtl.svg)).toBe(plot(ltr.svg));
  });

  it('draws the synthetic mark for synthetic data', () => {
    const doc = parse(buildCaptionSvg(input()).svg);
    const marks = [...doc.querySelectorAll('text[data-synthetic]')].map((t) => t.textContent);
    expect(marks).toContain('Synthetic demo data — not real figures');
    const real = parse(buildCaptionSvg(input({ synthetic: false })).svg);
    expect(real.querySelectorAll('[data-synthetic]')).toHaveLength(0);
  });

  it('refers to nothing outside the file and keeps the chart’s own references working', () => {
    const doc = parse(buildCaptionSvg(input()).svg);
    for (const el of doc.querySelectorAll('*'))
      for (const attr of el.attributes) {
        if (attr.name.endsWith('href')) expect(attr.value).toMatch(/^(#|data:)/);
        for (const [, ref] of attr.value.matchAll(/url\(\s*["']?([^"')]*)/g))
          expect(ref).toMatch(/^(#|data:)/);
      }
    // Ids renamed consistently: every #reference points at an element of the file.
    const ids = new Set([...doc.querySelectorAll('[id]')].map((e) => e.id));
    for (const el of doc.querySelectorAll('*'))
      for (const attr of el.attributes)
        for (const [, id] of attr.value.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(id);
    // Fonts are the file's own; no tab stops or classes from the page.
    expect(doc.querySelector('[font-family="Comic Sans MS"]')).toBeNull();
    expect(doc.documentElement.outerHTML).not.toMatch(/Arial|tabindex|recharts-surface/);
  });

  it('embeds the given @font-face rules and uses that family for all text', () => {
    const css =
      "@font-face{font-family:'Access Monitor Sans';src:url(data:font/woff2;base64,AAAA) format('woff2');}";
    const doc = parse(buildCaptionSvg(input({ fontFaceCss: css })).svg);
    expect(doc.querySelector('style')?.textContent).toBe(css);
    expect(doc.documentElement.getAttribute('font-family')).toContain('Access Monitor Sans');
  });

  it('keeps markup, control characters and very long text as wrapped, shortened text', () => {
    const hostile = '<script>alert(1)</script><b>Gate</b> & "9" ]]> \u0000\u0007';
    const long = `${'Kerem Shalom '.repeat(80)}end`;
    const url = `https://monitor.example.org/?${'x'.repeat(400)}`;
    const out = buildCaptionSvg(
      input({
        title: hostile + long,
        notes: [long, hostile],
        sources: [{ name: hostile, licence: long, verification: 'reported' }],
        legend: [{ label: long, colour: '#000', shape: 'box' }],
        text: { ...input().text, footer: `Access Monitor · ${url}` },
      }),
    );
    const doc = parse(out.svg);
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('b')).toBeNull();
    const all = texts(doc);
    expect(all.some((t) => t.includes('<script>alert(1)</script><b>Gate</b>'))).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(all.join('')).not.toMatch(/[\u0000-\u0008]/);
    // Title wrapped to at most three lines, the last one shortened.
    const titleLines = [...doc.querySelectorAll('text[font-size="19"]')];
    expect(titleLines.length).toBeLessThanOrEqual(3);
    expect(titleLines.at(-1)?.textContent?.endsWith('…')).toBe(true);
    // Nothing wider than the image (estimate: 0.7 em per character at most).
    for (const t of doc.querySelectorAll('text')) {
      const size = Number(t.getAttribute('font-size'));
      const x = Number(t.getAttribute('x'));
      if (t.getAttribute('text-anchor') === 'middle') continue;
      expect(x + (t.textContent ?? '').length * size * 0.7, t.textContent ?? '').toBeLessThan(
        out.width + 200,
      );
    }
  });

  it('says "no data for this period" instead of drawing an empty image', () => {
    const doc = parse(buildCaptionSvg(input({ plots: [], plotSize: { width: 0, height: 0 } })).svg);
    expect(texts(doc)).toContain('No data for this period');
  });

  it('leaves the background out when asked for a transparent image', () => {
    const solid = parse(buildCaptionSvg(input()).svg);
    expect(solid.querySelector('svg > rect[fill="#ffffff"]')).not.toBeNull();
    const clear = parse(buildCaptionSvg(input({ transparent: true })).svg);
    expect(clear.querySelector('svg > rect[fill="#ffffff"]')).toBeNull();
  });
});

describe('wrapText', () => {
  const measure = (s: string) => s.length * 10;
  it('wraps at words, breaks overlong words and shortens with an ellipsis', () => {
    expect(wrapText('aa bb cc', 50, 10, { measure })).toEqual(['aa bb', 'cc']);
    expect(wrapText('abcdefghij', 40, 10, { measure })).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('aa bb cc dd ee', 50, 10, { measure, maxLines: 2 })).toEqual([
      'aa bb',
      'cc d…',
    ]);
  });
});
