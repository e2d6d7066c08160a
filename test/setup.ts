import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // View state lives in the URL: each test starts from the bare overview.
  if (typeof window !== 'undefined') window.history.replaceState(null, '', '/');
});
