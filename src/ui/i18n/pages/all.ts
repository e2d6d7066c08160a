import { aidFlowWords } from './aid-flow.ts';
import { compareWords } from './compare.ts';
import { dataReadmeWords } from './data-readme.ts';
import { dataFilesWords } from './data-files.ts';
import { crossingPageWords } from './crossing-page.ts';
import { fuelEntryWords } from './fuel-entry.ts';
import { movementsWords } from './movements.ts';
import { reportWords } from './report.ts';
import { wallChartWords } from './wall-chart.ts';
import { wallWords } from './wall.ts';
import { whoSaysSoWords } from './who-says-so.ts';

/** Every page's words, for tests and tools (the app loads each with its page). */
export const ALL_PAGE_WORDS = [
  whoSaysSoWords,
  crossingPageWords,
  compareWords,
  movementsWords,
  fuelEntryWords,
  wallChartWords,
  reportWords,
  dataReadmeWords,
  dataFilesWords,
  aidFlowWords,
  wallWords,
] as const;
