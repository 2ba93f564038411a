/**
 * `npm run bench`: runs the benchmarks, writes each one's figures to bench/results/<name>.json and
 * rewrites its section of BENCHMARKS.md. Figures come from here, never from timed assertions in tests.
 * `npm run bench -- simulator` runs only the named benchmarks.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { rendererBundleBench } from './renderer-bundle';
import { rendererChartsBench } from './renderer-charts';
import { simulatorBench } from './simulator';
import { simulatorSizesBench } from './simulator-sizes';
import { scenarioLoadBench } from './scenario-load';
import { trustBench } from './trust';
import { awsApiCallsBench } from './aws-api-calls';
import { awsPollingBench } from './aws-polling';
import { webPushBench } from './web-push';
import { liveUiBench } from './live-ui';
import { liveSoakBench } from './live-soak';
import { redactionBench } from './redaction';

export interface BenchResult {
  name: string;
  title: string;
  /** The section for BENCHMARKS.md (a table, and a line on what it shows). */
  markdown: string;
  data: unknown;
}

const ROOT = join(import.meta.dirname, '..');
const BENCHES: Record<string, () => Promise<BenchResult>> = {
  trust: trustBench,
  simulator: simulatorBench,
  'simulator-sizes': simulatorSizesBench,
  'scenario-load': scenarioLoadBench,
  'renderer-bundle': rendererBundleBench,
  'renderer-charts': rendererChartsBench,
  'aws-api-calls': awsApiCallsBench,
  'aws-polling': awsPollingBench,
  'web-push': webPushBench,
  'live-ui': liveUiBench,
  'live-soak': liveSoakBench,
  redaction: redactionBench,
};

function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Replaces (or appends) the section between the markers for this benchmark. */
function updateMarkdown(result: BenchResult, when: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nWritten by `npm run bench` (bench/run.ts). Medians, measured side by side in one run.\n';
  const begin = `<!-- bench:${result.name}:begin -->`;
  const end = `<!-- bench:${result.name}:end -->`;
  const section = `${begin}\n## ${result.title}\n\n_${when} — ${machine()}_\n\n${result.markdown}\n${end}`;
  const pattern = new RegExp(`${begin}[\\s\\S]*?${end}`);
  writeFileSync(file, pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown benchmark ${name} (known: ${Object.keys(BENCHES).join(', ')})`);
    process.stderr.write(`bench: ${name} …\n`);
    const result = await bench();
    const when = new Date().toISOString();
    writeFileSync(join(ROOT, 'bench/results', `${name}.json`), `${JSON.stringify({ when, machine: machine(), ...result }, null, 2)}\n`);
    updateMarkdown(result, when);
    process.stdout.write(`\n## ${result.title}\n\n${result.markdown}\n`);
  }
}

await main();
