/**
 * The security headers of the built app, computed in one place: the API server sends them, its
 * tests check them, and docs/deploy.md's nginx and Caddy examples are checked against them.
 *
 * The Content-Security-Policy allows only what the app does: its own scripts, styles, fonts and
 * workers (MapLibre's worker, the HXL parser, MSW's service worker), images from itself plus the
 * blob:/data: URLs that exports and MapLibre's CSS use, and requests to itself and to the origins
 * of the configured sources. Nothing may frame the app except the /embed/<chart> routes.
 */

export type Headers = Record<string, string>;

/** Source URLs in a runtime config (`url` and `theatreUrl` of every source). */
const URL_FIELDS = ['url', 'theatreUrl'] as const;

/** Stand-in origin to resolve relative URLs against: anything relative is the app's own origin. */
const SELF = 'https://self.invalid';

/**
 * The origins the app may fetch from besides its own: those of the configured sources' absolute
 * http(s) URLs, sorted and without duplicates. Relative URLs are the app's origin ('self'); any
 * other scheme (data:, javascript:, file:) never widens the policy.
 */
export function sourceOrigins(config: unknown): string[] {
  const sources = isRecord(config) && Array.isArray(config.sources) ? config.sources : [];
  const origins = new Set<string>();
  for (const source of sources) {
    if (!isRecord(source)) continue;
    for (const field of URL_FIELDS) {
      const value = source[field];
      if (typeof value !== 'string') continue;
      let url: URL;
      try {
        url = new URL(value, SELF);
      } catch {
        continue;
      }
      if (url.origin === SELF) continue;
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      origins.add(url.origin);
    }
  }
  return [...origins].sort();
}

/** True for the routes that exist to be framed by other sites: /embed/<chart>. */
export function isEmbedPath(path: string): boolean {
  return path.startsWith('/embed/');
}

/** The Content-Security-Policy for a page of the app, as the header's value. */
export function contentSecurityPolicy({
  connectOrigins = [],
  embed = false,
}: {
  connectOrigins?: readonly string[];
  embed?: boolean;
} = {}): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    // Stylesheets are files; React, Recharts and MapLibre set inline styles through the CSSOM
    // (element.style), which style-src does not govern, so no 'unsafe-inline' is needed.
    ['style-src', "'self'"],
    // data: for the icons in MapLibre's CSS; blob: for PNG/SVG exports drawn through an <img>.
    ['img-src', "'self'", 'data:', 'blob:'],
    // data: for the export fonts, inlined once and registered with FontFace before measuring.
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...connectOrigins],
    // MapLibre's worker, the HXL parser and the offline worker (with MSW in it) are the app's.
    ['worker-src', "'self'"],
    // The web app manifest (installing the app); default-src 'none' would refuse it.
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    // The app submits no forms: a form injected into a page could post nowhere.
    ['form-action', "'none'"],
    ['frame-ancestors', embed ? '*' : "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Every security header of a response of the app at `path`, given the runtime config. */
export function appSecurityHeaders(path: string, config: unknown): Headers {
  const embed = isEmbedPath(path);
  const headers: Headers = {
    'Content-Security-Policy': contentSecurityPolicy({
      connectOrigins: sourceOrigins(config),
      embed,
    }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  // For browsers without frame-ancestors; embeds are left frameable.
  if (!embed) headers['X-Frame-Options'] = 'DENY';
  return headers;
}

/** The API answers JSON only: nothing in it may load, run or be framed. */
export function apiSecurityHeaders(): Headers {
  return {
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
