/**
 * Setup for every test project that draws random values: fast-check takes the run's seed, so a
 * property that fails once fails again under the same TEST_SEED.
 */
import fc from 'fast-check';
import { testSeed } from './seed';

fc.configureGlobal({ seed: testSeed() | 0 });
