/**
 * Simulator throughput: simulated seconds per wall second and peak memory for each bundled scenario
 * (24 simulated hours each), and the cost at two sizes of the scale scenario to show it grows
 * linearly with the number of resources. Each run is its own process; medians of 3 runs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runSimWorker } from './built-sim-worker';
import type { BenchResult } from './run';

const ROOT = join(import.meta.dirname, '..');

interface Run {
  wallMs: number;
  simulatedSeconds: number;
  maxRssMB: number;
  heapUsedMB: number;
  instances: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(which: string, seconds: number, repeats = 3) {
  const runs: Run[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await runSimWorker<Run>(which, seconds));
  const wallMs = median(runs.map((r) => r.wallMs));
  return {
    scenario: which,
    simulatedHours: seconds / 3600,
    wallSeconds: Math.round(wallMs) / 1000,
    simulatedSecondsPerWallSecond: Math.round(seconds / (wallMs / 1000)),
    peakRssMB: Math.round(Math.max(...runs.map((r) => r.maxRssMB))),
    instancesAtEnd: runs[0]!.instances,
  };
}

export async function simulatorBench(): Promise<BenchResult> {
  const day = 86_400;
  const scenarios = readdirSync(join(ROOT, 'resources/scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
  const perScenario = [];
  for (const name of scenarios) perScenario.push(await measure(name, day));
  // Two sizes, same shape, side by side: cost per instance-hour should stay flat.
  const sizes = [await measure('scale:25:20', day), await measure('scale:25:40', day)];
  const perInstance = sizes.map((s) => ({ ...s, wallMsPerInstanceHour: Math.round(((s.wallSeconds * 1000) / (s.instancesAtEnd * 24)) * 1000) / 1000 }));
  const ratio = perInstance[1]!.wallMsPerInstanceHour / perInstance[0]!.wallMsPerInstanceHour;
  const scale = perScenario.find((s) => s.scenario === 'scale-1000');
  const rows = [
    '| scenario | simulated | wall (median of 3) | sim s / wall s | peak RSS |',
    '|---|---|---|---|---|',
    ...perScenario.map((s) => `| ${s.scenario} | ${s.simulatedHours} h | ${s.wallSeconds} s | ${s.simulatedSecondsPerWallSecond.toLocaleString('en')} | ${s.peakRssMB} MB |`),
    '',
    'Linear growth with resources (same scenario shape, 25 groups, side by side):',
    '',
    '| instances | wall for 24 h | ms per instance-hour |',
    '|---|---|---|',
    ...perInstance.map((s) => `| ${s.instancesAtEnd} | ${s.wallSeconds} s | ${s.wallMsPerInstanceHour} |`),
    '',
    `Cost per instance-hour at the larger size ÷ at the smaller: **${ratio.toFixed(2)}** (1.00 = perfectly linear).`,
    scale ? `Target: 24 simulated hours of scale-1000 in under 10 s — measured **${scale.wallSeconds} s**.` : '',
  ];
  return { name: 'simulator', title: 'Simulator throughput', markdown: rows.join('\n'), data: { perScenario, sizes: perInstance, perInstanceCostRatio: ratio } };
}
