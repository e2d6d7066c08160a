import { crossingPageWords } from './crossing-page.ts';
import { whoSaysSoWords } from './who-says-so.ts';

/** Every page's words, for tests and tools (the app loads each with its page). */
export const ALL_PAGE_WORDS = [whoSaysSoWords, crossingPageWords] as const;
