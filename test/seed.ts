/**
 * One seed for every random choice the tests make. `vitest.config.ts` picks it (or takes
 * `TEST_SEED` from the environment), hands it to every project, and prints it when a run fails:
 * `TEST_SEED=<n> npm test` makes the same choices again.
 *
 * Each caller draws from its own stream (`seededRandom('fixtures')`), so one file drawing more
 * values never shifts what another file draws.
 */

/** The run's seed as `vitest.config.ts` set it (an unsigned 32-bit integer). */
export function testSeed(): number {
  const raw = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.TEST_SEED;
  const seed = parseSeed(raw);
  if (seed === null) throw new Error(`TEST_SEED is missing or not an integer (${String(raw)}): run the tests through vitest.config.ts`);
  return seed;
}

/** `TEST_SEED` as given by a person: a non-negative integer below 2^32, or null. */
export function parseSeed(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,10}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n <= 0xffff_ffff ? n : null;
}

/** FNV-1a over the text: mixes a stream's name into the seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32: a small, well-tested generator; returns floats in [0, 1) like Math.random. */
export function randomFrom(seed: number, stream: string): () => number {
  let a = seed >>> 0,
    b = fnv1a(stream),
    c = fnv1a(`${stream}#${seed}`),
    d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // let the state mix before the first value
  return next;
}

/** A stream of the run's seed, named for what draws from it. */
export function seededRandom(stream: string): () => number {
  return randomFrom(testSeed(), stream);
}

/** An integer in [0, n) from a stream. */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
