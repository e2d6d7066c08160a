/**
 * The fonts an exported SVG carries inside it: Noto Sans (Latin, regular and bold) always, and
 * Latin Extended, Arabic and Hebrew only when the text needs them. The woff2 files are the app's own
 * (bundled by Vite), fetched from its origin at export time and inlined as data: URIs, so the
 * file renders the same anywhere and refers to nothing outside itself.
 */
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import hebrew700 from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff2?url';
import hebrew400 from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { hasArabic, hasHebrew } from './text-layout.ts';

const FAMILY = 'Access Monitor Sans';

interface Face {
  url: string;
  weight: 400 | 700;
  range: string;
  needed: (text: string) => boolean;
}

const LATIN =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';
const LATIN_EXT =
  'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF';
const ARABIC =
  'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC';
const HEBREW = 'U+0307-0308, U+0590-05FF, U+200C-2010, U+20AA, U+25CC, U+FB1D-FB4F';

const FACES: Face[] = [
  { url: latin400, weight: 400, range: LATIN, needed: () => true },
  { url: latin700, weight: 700, range: LATIN, needed: () => true },
  {
    url: latinExt400,
    weight: 400,
    range: LATIN_EXT,
    needed: (t) => /[\u0100-\u02FF\u1E00-\u1EFF\u2C60-\u2C7F\uA720-\uA7FF]/.test(t),
  },
  { url: arabic400, weight: 400, range: ARABIC, needed: hasArabic },
  { url: arabic700, weight: 700, range: ARABIC, needed: hasArabic },
  { url: hebrew400, weight: 400, range: HEBREW, needed: hasHebrew },
  { url: hebrew700, weight: 700, range: HEBREW, needed: hasHebrew },
];

const cache = new Map<string, Promise<string>>();

async function dataUri(url: string): Promise<string> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(new URL(url, window.location.href)).then(async (response) => {
      if (!response.ok) throw new Error(`Font ${url}: HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return `data:font/woff2;base64,${btoa(binary)}`;
    });
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

const registered = new Set<string>();

/**
 * The same faces in this document too, loaded before anything is measured or drawn: text is
 * wrapped with the metrics of the font the image will use, and never drawn invisible.
 */
async function registerInDocument(face: Face, uri: string): Promise<void> {
  if (typeof FontFace === 'undefined' || !document.fonts) return;
  const key = `${face.url}|${face.weight}`;
  if (registered.has(key)) return;
  const font = new FontFace(FAMILY, `url(${uri})`, {
    weight: String(face.weight),
    unicodeRange: face.range,
  });
  document.fonts.add(font);
  registered.add(key);
  await font.load();
}

/** The family name of the export font, for measuring text. */
export const EXPORT_FAMILY = FAMILY;

/** @font-face rules, with the files inlined, for the faces that `text` needs. */
export async function embeddedFontCss(text: string): Promise<string> {
  const faces = FACES.filter((f) => f.needed(text));
  const rules = await Promise.all(
    faces.map(async (f) => {
      const uri = await dataUri(f.url);
      await registerInDocument(f, uri);
      return (
        `@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:${f.weight};` +
        `src:url(${uri}) format('woff2');unicode-range:${f.range};}`
      );
    }),
  );
  if (document.fonts) await document.fonts.ready;
  return rules.join('\n');
}
