/**
 * Says which seed the run used: once at the start, and again at the end of a failed run with the
 * command that makes the same random choices, so a failure seen once can be reproduced.
 */
import type { Reporter, TestRunEndReason } from 'vitest/node';

export class SeedReporter implements Reporter {
  constructor(private readonly seed: number) {}

  onInit() {
    process.stdout.write(`test seed ${this.seed} (set TEST_SEED=${this.seed} to make the same random choices)\n`);
  }

  onTestRunEnd(_modules: unknown, _errors: unknown, reason: TestRunEndReason) {
    if (reason === 'failed') {
      process.stdout.write(`\nThis run failed with test seed ${this.seed}. Reproduce it with: TEST_SEED=${this.seed} npm test\n`);
    }
  }
}
