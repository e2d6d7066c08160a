import type { aidFlowWords } from './aid-flow.ts';
import type { compareWords } from './compare.ts';
import type { dataReadmeWords } from './data-readme.ts';
import type { dataFilesWords } from './data-files.ts';
import type { crossingPageWords } from './crossing-page.ts';
import type { fuelEntryWords } from './fuel-entry.ts';
import type { movementsWords } from './movements.ts';
import type { reportWords } from './report.ts';
import type { wallChartWords } from './wall-chart.ts';
import type { wallWords } from './wall.ts';
import type { whoSaysSoWords } from './who-says-so.ts';

/**
 * The keys of every page's own words (see `provideWords` in translate.ts): types only, so the
 * first page load imports none of them.
 */
export type PageKey =
  | keyof (typeof whoSaysSoWords)['en']
  | keyof (typeof crossingPageWords)['en']
  | keyof (typeof compareWords)['en']
  | keyof (typeof movementsWords)['en']
  | keyof (typeof fuelEntryWords)['en']
  | keyof (typeof wallChartWords)['en']
  | keyof (typeof reportWords)['en']
  | keyof (typeof dataReadmeWords)['en']
  | keyof (typeof dataFilesWords)['en']
  | keyof (typeof aidFlowWords)['en']
  | keyof (typeof wallWords)['en'];
