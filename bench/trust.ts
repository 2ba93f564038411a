/**
 * The trust figures (issue 6) as a benchmark section: runs the fuzz, soak and fault-matrix tests and
 * the Electronegativity gate, then tabulates what they recorded in test-results/trust/.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchResult } from './run';
import { readTrustFigures, trustTable } from '../test/helpers/trust-figures';

const ROOT = join(import.meta.dirname, '..');

export async function trustBench(): Promise<BenchResult> {
  const vitest = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/unit/security', 'test/soak', 'test/unit/core/sources/aws/fault-matrix.test.ts', 'test/unit/core/settings', 'test/unit/core/redact.test.ts', 'test/unit/core/secrets-stay-in-main.test.ts', 'test/unit/core/actions', 'test/unit/web/hostile-input.test.ts'], { cwd: ROOT, encoding: 'utf8' });
  if (vitest.status !== 0) throw new Error(`trust tests failed:\n${vitest.stdout.slice(-3000)}`);
  const gate = spawnSync(process.execPath, [join(ROOT, 'scripts/electronegativity-check.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (gate.status !== 0) throw new Error(`electronegativity gate failed (run npm run build first?):\n${gate.stderr}`);
  const figures = readTrustFigures();
  return {
    name: 'trust',
    title: 'Trust: fuzzing, soak, fault matrix, Electronegativity',
    markdown: `${trustTable(figures)}\n\nFrom the fuzz tests (IPC mocked, WebSocket), the 24-hour scale-1000 soak through the web bridge, the AwsSource fault matrix, the settings corruption and two-process tests, the write-ahead audit tests, the web host's hostile-input tests and the Electronegativity gate (\`npm test\` prints the same table).`,
    data: figures,
  };
}
