/** vitest globalSetup: clears last run's trust figures, and prints this run's as a table at the end. */
import { rmSync } from 'node:fs';
import { readTrustFigures, TRUST_DIR, trustTable } from './helpers/trust-figures';

export function setup(): void {
  rmSync(TRUST_DIR, { recursive: true, force: true });
}

export function teardown(): void {
  const figures = readTrustFigures();
  if (figures.length > 0) process.stdout.write(`\nTrust figures (test-results/trust/):\n\n${trustTable(figures)}\n\n`);
}
