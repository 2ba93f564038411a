/**
 * Figures the trust tests record (malformed messages tried, crashes, faults survived, soak heap
 * growth, Electronegativity findings): each test writes its own file under test-results/trust/, and
 * the test run's teardown prints them as one table (test/trust-summary.ts). Benchmarks read the same files.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const TRUST_DIR = resolve(import.meta.dirname, '../../test-results/trust');

export interface TrustFigure {
  figure: string;
  value: string | number;
  /** What "good" means, e.g. "0", "< 10 %". */
  goal: string;
  ok: boolean;
}

export function recordTrustFigures(name: string, figures: TrustFigure[]): void {
  mkdirSync(TRUST_DIR, { recursive: true });
  writeFileSync(join(TRUST_DIR, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

export function readTrustFigures(): TrustFigure[] {
  let files: string[];
  try {
    files = readdirSync(TRUST_DIR).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return files.flatMap((file) => JSON.parse(readFileSync(join(TRUST_DIR, file), 'utf8')) as TrustFigure[]);
}

export function trustTable(figures: TrustFigure[]): string {
  return ['| figure | value | goal | |', '|---|---|---|---|', ...figures.map((f) => `| ${f.figure} | ${f.value} | ${f.goal} | ${f.ok ? 'ok' : 'NOT MET'} |`)].join('\n');
}
