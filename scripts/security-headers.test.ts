// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apiSecurityHeaders,
  appSecurityHeaders,
  contentSecurityPolicy,
  sourceOrigins,
} from './security-headers.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The policy as a map of directive → sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('sourceOrigins', () => {
  it('takes the origins of absolute http(s) source and theatre URLs, once each, sorted', () => {
    expect(
      sourceOrigins({
        sources: [
          { id: 'a', url: 'https://data.example.org/api/v1?x=1' },
          { id: 'b', url: 'https://data.example.org/other', theatreUrl: '/api/v1/theatre' },
          {
            id: 'c',
            url: 'https://ckan.example.net/api/3/action/datastore_search',
            theatreUrl: 'http://127.0.0.1:8787/api/v1/theatre',
          },
        ],
      }),
    ).toEqual(['http://127.0.0.1:8787', 'https://ckan.example.net', 'https://data.example.org']);
  });

  it('counts relative URLs as the app itself', () => {
    expect(
      sourceOrigins({ sources: [{ url: '/api/v1' }, { url: 'samples/static/' }, { url: '//' }] }),
    ).toEqual([]);
  });

  it('never widens the policy for other schemes, odd values or a malformed config', () => {
    expect(
      sourceOrigins({
        sources: [
          { url: 'data:application/json,{"data":[]}' },
          { url: 'javascript:alert(1)' },
          { url: 'file:///etc/passwd' },
          { url: 'ws://example.org/socket' },
          { url: "https://a.example.org/'unsafe-eval'" },
          { url: 'http://[::1' },
          { url: 42 },
          null,
        ],
      }),
    ).toEqual(['https://a.example.org']);
    expect(sourceOrigins(undefined)).toEqual([]);
    expect(sourceOrigins({ sources: 'x' })).toEqual([]);
  });

  it('allows what public/config.json configures: its own origin and the local API', () => {
    const config = JSON.parse(readFileSync(resolve(ROOT, 'public/config.json'), 'utf8'));
    expect(sourceOrigins(config)).toEqual(['http://127.0.0.1:8787']);
  });
});

describe('contentSecurityPolicy', () => {
  it('runs only the app’s own scripts, with no eval, no plugins and no <base>', () => {
    const d = directives(contentSecurityPolicy());
    expect(d['default-src']).toEqual(["'none'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['worker-src']).toEqual(["'self'"]);
    expect(d['manifest-src']).toEqual(["'self'"]);
    expect(d['style-src']).toEqual(["'self'"]);
    expect(d['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(d['font-src']).toEqual(["'self'", 'data:']);
    expect(Object.values(d).flat().join(' ')).not.toMatch(/unsafe|\*|https?:(?!\/\/)/);
  });

  it('connects to the app and the given origins only', () => {
    const d = directives(contentSecurityPolicy({ connectOrigins: ['https://data.example.org'] }));
    expect(d['connect-src']).toEqual(["'self'", 'https://data.example.org']);
  });

  it('lets nothing frame the app, except on the embed routes', () => {
    expect(directives(contentSecurityPolicy())['frame-ancestors']).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy({ embed: true }))['frame-ancestors']).toEqual(['*']);
  });
});

describe('appSecurityHeaders', () => {
  const config = { sources: [{ url: 'https://data.example.org/api' }] };

  it('sends the CSP with the sources’ origins, nosniff, no referrer and DENY framing', () => {
    const headers = appSecurityHeaders('/data', config);
    expect(headers).toEqual({
      'Content-Security-Policy': contentSecurityPolicy({
        connectOrigins: ['https://data.example.org'],
      }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    });
  });

  it('leaves /embed/<chart> frameable, and only that', () => {
    const embed = appSecurityHeaders('/embed/aid-flow', config);
    expect(embed['X-Frame-Options']).toBeUndefined();
    expect(directives(embed['Content-Security-Policy']!)['frame-ancestors']).toEqual(['*']);
    for (const path of ['/', '/embed', '/embedded/x', '/data/embed/x', '/EMBED/x'])
      expect(appSecurityHeaders(path, config)['X-Frame-Options'], path).toBe('DENY');
  });

  it('gives API answers a policy under which nothing loads', () => {
    expect(apiSecurityHeaders()['Content-Security-Policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});

describe('docs/deploy.md', () => {
  const doc = readFileSync(resolve(ROOT, 'docs/deploy.md'), 'utf8');
  const shipped = JSON.parse(readFileSync(resolve(ROOT, 'public/config.json'), 'utf8'));
  const block = (lang: string) =>
    [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))]
      .map((m) => m[1])
      .join('\n');

  it.each(['nginx', 'caddyfile'])('the %s example sends the same headers as the server', (lang) => {
    const text = block(lang);
    expect(text, `a \`\`\`${lang} block in docs/deploy.md`).not.toBe('');
    for (const embed of [false, true]) {
      const policy = contentSecurityPolicy({ connectOrigins: sourceOrigins(shipped), embed });
      expect(text).toContain(policy);
    }
    expect(text).toContain('nosniff');
    expect(text).toContain('no-referrer');
    expect(text).toContain('DENY');
  });
});
