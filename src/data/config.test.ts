import { describe, expect, it } from 'vitest';
import { chooseSource, ConfigError, loadConfig, parseConfig } from './config.ts';

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

  it('says plainly when the file is missing or not JSON', async () => {
    const missing = () => Promise.resolve(new Response('Not found', { status: 404 }));
    await expect(loadConfig('/config.json', missing)).rejects.toThrow('HTTP 404');
    const html = () => Promise.resolve(new Response('<!doctype html><p>hi', { status: 200 }));
    await expect(loadConfig('/config.json', html)).rejects.toThrow('is not valid JSON');
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
