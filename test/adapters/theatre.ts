/** The demo theatre, validated, for adapter tests that match rows to places. */
import { createScenario } from '../../mocks/scenario/index.ts';
import { validateTheatre } from '../../src/data/adapters/rest/theatre.ts';
import type { Theatre } from '../../src/domain/schemas.ts';

export const demoTheatreJson = createScenario({
  start: '2025-01-01',
  end: '2025-03-31',
  now: '2025-04-01T00:00:00Z',
}).theatre;
export const demoTheatre: Theatre = validateTheatre(
  { id: 'demo', name: 'Demo' },
  { data: demoTheatreJson },
).theatre;
