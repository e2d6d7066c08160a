import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../domain/vocabulary.ts';
import { chooseSource, ConfigError, loadConfig, parseConfig, writableSources } from './config.ts';

const good = {
  defaultSource: 'demo',
  sources: [
    { id: 'demo', name: 'Demo', adapter: 'rest', url: '/api/v1', demo: true },
    { id: 'ocha', name: 'OCHA feed', adapter: 'rest', url: 'https://data.example.org/api/v1' },
  ],
};

describe('config.json', () => {
  it('parses a good config with defaults filled in', () => {
    const config = parseConfig(good);
    expect(config.sources[1]).toMatchObject({ demo: false, timeoutMs: 15_000 });
  });

  it('lists every problem at once', () => {
    const bad = {
      defaultSource: 'nowhere',
      sources: [
        { id: 'Demo Source', name: '', adapter: 'ftp', url: '' },
        { id: 'x', name: 'X', adapter: 'rest', url: '/a' },
        { id: 'x', name: 'X again', adapter: 'rest', url: '/b' },
      ],
    };
    try {
      parseConfig(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('sources.0.id: must be lower-case letters, digits and dashes');
      expect(problems).toContain('sources.0.name: must not be empty');
      expect(problems).toContain('sources.0.adapter: must be one of: rest');
      expect(problems).toContain('sources.2.id: “x” is listed twice');
      expect(problems).toContain('defaultSource: “nowhere” is not one of the sources');
    }
  });

  it('reads HXL, CKAN and static sources with their own options and defaults', () => {
    const config = parseConfig({
      defaultSource: 'sheet',
      sources: [
        {
          id: 'sheet',
          name: 'Shared sheet',
          adapter: 'hxl',
          url: 'https://example.org/aid.csv',
          theatreUrl: '/samples/static/theatre.json',
        },
        {
          id: 'hdx',
          name: 'HDX',
          adapter: 'ckan',
          url: 'https://data.humdata.org',
          resourceId: 'abc',
          theatreUrl: '/t.json',
          fields: { Crossing: '#loc+name' },
        },
        { id: 'snap', name: 'Snapshot', adapter: 'static', url: '/samples/static/' },
      ],
    });
    expect(config.sources[0]).toMatchObject({
      adapter: 'hxl',
      verification: 'reported',
      dayFirst: true,
      demo: false,
    });
    expect(config.sources[1]).toMatchObject({ adapter: 'ckan', pageSize: 1000, maxRows: 500_000 });
    // Every dataset by default, the newer ones included (an older folder lacking their files
    // fails for those alone: static-adapter.test.ts).
    expect(config.sources[2]).toMatchObject({ adapter: 'static', datasets: [...DATASETS] });
  });

  it('takes how a source counts, in its words, as optional text', () => {
    const method = 'Counts trucks at screening, commercial cargo included';
    const config = parseConfig({
      defaultSource: 'a',
      sources: [{ id: 'a', name: 'A', adapter: 'rest', url: '/api/v1', method }],
    });
    expect(config.sources[0]!.method).toBe(method);
    expect(() =>
      parseConfig({
        defaultSource: 'a',
        sources: [
          { id: 'a', name: 'A', adapter: 'rest', url: '/api/v1', method: 'x'.repeat(2001) },
        ],
      }),
    ).toThrow(/sources\.0\.method/);
  });

  it('lists every problem of every adapter at once', () => {
    try {
      parseConfig({
        defaultSource: 'a',
        sources: [
          { id: 'a', name: 'A', adapter: 'ckan', url: 'https://x.org' },
          {
            id: 'b',
            name: 'B',
            adapter: 'hxl',
            url: '/b.csv',
            theatreUrl: '/t',
            dataset: 'weather',
          },
          {
            id: 'c',
            name: 'C',
            adapter: 'ckan',
            url: 'https://x.org',
            resourceId: 'r',
            theatreUrl: '/t',
            fields: { Where: 'loc+name' },
          },
          { id: 'd', name: 'D', adapter: 'static', url: '/d/', datasets: ['aid-flow', 'gossip'] },
          { id: 'e', name: 'E', adapter: 'hxl', url: '/e.csv', theatreUrl: '/t', demo: true },
        ],
      });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('sources.0.theatreUrl: is required');
      expect(problems).toContain('sources.0.resourceId:');
      expect(problems).toContain(
        'sources.1.dataset: must be one of: crossing-status, aid-flow, facility-status',
      );
      expect(problems).toContain('sources.2.fields.Where: must be an HXL hashtag like #loc+name');
      expect(problems).toContain('sources.3.datasets.1:');
      expect(problems).toContain('sources.4.demo:');
    }
  });

  it('allows only http(s) and relative source URLs, listing each bad one with the other problems', () => {
    const source = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
      id,
      name: id.toUpperCase(),
      adapter: 'rest',
      url,
      ...extra,
    });
    try {
      parseConfig({
        defaultSource: 'nowhere',
        sources: [
          source('a', 'data:application/json,{"data":[]}'),
          source('b', 'javascript:alert(1)'),
          source('c', 'file:///etc/passwd'),
          source('d', 'ftp://data.example.org/feed'),
          source('e', 'java\tscript:alert(1)'),
          source('f', '  data:text/plain,x'),
          source('g', 'https://ok.example.org/api'),
          {
            ...source('h', '/h.csv'),
            adapter: 'hxl',
            theatreUrl: 'data:application/json,{}',
          },
          source('i', 'http://[not-a-host'),
        ],
      });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      const about = (key: string) => problems.filter((p) => p.startsWith(`${key}:`));
      expect(about('sources.0.url')).toEqual([
        'sources.0.url: “data:” URLs are not allowed: use an http:, https: or relative URL',
      ]);
      expect(about('sources.1.url')[0]).toContain('“javascript:” URLs are not allowed');
      expect(about('sources.2.url')[0]).toContain('“file:” URLs are not allowed');
      expect(about('sources.3.url')[0]).toContain('“ftp:” URLs are not allowed');
      // The browser drops tabs and leading spaces before it reads the scheme; so does the check.
      expect(about('sources.4.url')[0]).toContain('“javascript:” URLs are not allowed');
      expect(about('sources.5.url')[0]).toContain('“data:” URLs are not allowed');
      expect(about('sources.6.url')).toEqual([]);
      expect(about('sources.7.url')).toEqual([]);
      expect(about('sources.7.theatreUrl')[0]).toContain('“data:” URLs are not allowed');
      expect(about('sources.8.url')[0]).toContain('is not a valid URL');
      expect(problems).toContain(
        'defaultSource: “nowhere” is not one of the sources (a, b, c, d, e, f, g, h, i)',
      );
    }
  });

  it('accepts relative, protocol-relative and http(s) source URLs', () => {
    const urls = [
      '/api/v1',
      './snapshot/',
      '../data/',
      'api/v1',
      '//data.example.org/api/v1',
      'http://data.example.org/api',
      'HTTPS://data.example.org/api',
    ];
    const config = parseConfig({
      defaultSource: 's0',
      sources: urls.map((url, i) => ({ id: `s${i}`, name: `S${i}`, adapter: 'rest', url })),
    });
    expect(config.sources.map((s) => s.url)).toEqual(urls);
  });

  it('says plainly when the file is missing or not JSON', async () => {
    const missing = () => Promise.resolve(new Response('Not found', { status: 404 }));
    await expect(loadConfig('/config.json', missing)).rejects.toThrow('HTTP 404');
    const html = () => Promise.resolve(new Response('<!doctype html><p>hi', { status: 200 }));
    await expect(loadConfig('/config.json', html)).rejects.toThrow('is not valid JSON');
  });
});

describe('sources that take reports (writable)', () => {
  it('marks a rest source writable; others stay read-only by default', () => {
    const config = parseConfig({
      defaultSource: 'demo',
      sources: [
        { id: 'demo', name: 'Demo', adapter: 'rest', url: '/api/v1', demo: true },
        { id: 'field', name: 'Field monitors', adapter: 'rest', url: '/api/v1', writable: true },
        { id: 'snap', name: 'Snapshot', adapter: 'static', url: '/samples/static/' },
      ],
    });
    expect(config.sources.map((s) => s.writable)).toEqual([false, true, false]);
    expect(writableSources(config).map((s) => s.id)).toEqual(['field']);
  });

  it('refuses writable on a table or a folder, naming the source and why', () => {
    try {
      parseConfig({
        defaultSource: 'sheet',
        sources: [
          {
            id: 'sheet',
            name: 'Sheet',
            adapter: 'hxl',
            url: '/a.csv',
            theatreUrl: '/t.json',
            writable: true,
          },
          { id: 'snap', name: 'Snapshot', adapter: 'static', url: '/s/', writable: true },
          { id: 'api', name: 'API', adapter: 'rest', url: '/api/v1', writable: 'yes' },
        ],
      });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toContain(
        'sources.0.writable: only a source with adapter "rest" can take reports: remove "writable"',
      );
      expect(problems).toContain(
        'sources.1.writable: only a source with adapter "rest" can take reports: remove "writable"',
      );
      expect(problems.some((p) => p.startsWith('sources.2.writable:'))).toBe(true);
    }
  });

  it('ships the local API as writable', () => {
    const shipped = parseConfig(
      JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/config.json'), 'utf8')),
    );
    expect(writableSources(shipped).map((s) => s.id)).toEqual(['local-api']);
  });
});

describe('choosing a source from the URL', () => {
  const config = parseConfig(good);

  it('uses the default when the URL names none', () => {
    expect(chooseSource(config, null).source.id).toBe('demo');
  });

  it('accepts a configured source by id', () => {
    expect(chooseSource(config, 'ocha')).toEqual({ source: config.sources[1] });
  });

  it('never follows an address or an unknown id: falls back to the default and says so', () => {
    for (const requested of ['https://evil.example.com/api', 'unknown', '../../etc']) {
      const choice = chooseSource(config, requested);
      expect(choice.source.id).toBe('demo');
      expect(choice.rejectedRequest).toBe(requested);
    }
  });
});
