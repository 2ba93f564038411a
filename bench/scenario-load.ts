/**
 * Loading large scenarios: how long a scenario of 2,000, 10,000 and 20,000 instances (the scenario
 * cap) takes to parse and validate, to build (every instance launched) and to boot. Each run in its
 * own process, medians of 3. The cost per instance should stay flat from the smallest to the largest.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchResult } from './run';

const ROOT = join(import.meta.dirname, '..');

interface Run {
  loadMs: number;
  buildMs: number;
  bootMs: number;
  instances: number;
}

function runOnce(instances: number): Run {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/scenario-load-worker.ts'), String(instances)], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`scenario-load-worker ${instances} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Run;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function scenarioLoadBench(): Promise<BenchResult> {
  const sizes = [2_000, 10_000, 20_000].map((instances) => {
    const runs = Array.from({ length: 3 }, () => runOnce(instances));
    const loadMs = Math.round(median(runs.map((r) => r.loadMs)));
    const buildMs = Math.round(median(runs.map((r) => r.buildMs)));
    const bootMs = Math.round(median(runs.map((r) => r.bootMs)));
    return { instances, loadMs, buildMs, bootMs, buildMicrosecondsPerInstance: Math.round(((loadMs + buildMs) * 1000) / instances) };
  });
  const ratio = sizes[2]!.buildMicrosecondsPerInstance / sizes[0]!.buildMicrosecondsPerInstance;
  const rows = [
    '| instances | parse + validate | build (all launched) | boot (120 simulated s) | µs per instance to load |',
    '|---|---|---|---|---|',
    ...sizes.map((s) => `| ${s.instances.toLocaleString('en')} | ${s.loadMs} ms | ${s.buildMs} ms | ${s.bootMs} ms | ${s.buildMicrosecondsPerInstance} |`),
    '',
    `Cost per instance at 20,000 ÷ at 2,000: **${ratio.toFixed(2)}** (1.00 = perfectly linear). The largest scenario allowed (20,000 instances, docs/scenario-format.md) loads in the time shown in its row.`,
  ];
  return { name: 'scenario-load', title: 'Loading large scenarios', markdown: rows.join('\n'), data: { sizes, perInstanceCostRatio: ratio } };
}
