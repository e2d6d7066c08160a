import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
// Components render in any of the three languages at once (the app loads Arabic and Hebrew on demand).
import '../src/ui/i18n/all-catalogs.ts';

afterEach(() => {
  cleanup();
  // View state lives in the URL: each test starts from the bare overview.
  if (typeof window !== 'undefined') window.history.replaceState(null, '', '/');
});
