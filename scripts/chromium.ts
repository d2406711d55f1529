/**
 * Debian's Chromium (`/usr/bin/chromium`, never a downloaded browser) as the browser tests, the
 * benches and the screenshots launch it: headless, and fetching nothing in the background, so a run
 * measures and shows only the app.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];
