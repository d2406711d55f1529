/**
 * Setup of the web component tests: every test starts on a clean page (nothing rendered, no stored
 * drafts, the address back at /).
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
