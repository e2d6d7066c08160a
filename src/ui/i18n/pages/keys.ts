import type { crossingPageWords } from './crossing-page.ts';
import type { whoSaysSoWords } from './who-says-so.ts';

/**
 * The keys of every page's own words (see `provideWords` in translate.ts): types only, so the
 * first page load imports none of them.
 */
export type PageKey = keyof (typeof whoSaysSoWords)['en'] | keyof (typeof crossingPageWords)['en'];
