/** What bench/peers.ts times, bundled the way the worker ships the engine (see there). */
export { PEER_FORMS } from './samples';
export { setupMs, subjectsFor } from './subjects';
export { measureInterleaved } from './measure';
