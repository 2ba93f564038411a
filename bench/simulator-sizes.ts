/**
 * `npm run bench -- simulator-sizes`: the simulator across sizes with the number of groups growing
 * (issue 15) — 1,000, 4,000 and 10,000 instances, 40 per Auto Scaling group (25, 100 and 250 groups),
 * 24 simulated hours each, run the way `flightdeck sim run` runs (compiled, no change tracking, rings sized to
 * the run, report streamed) — and a 7-day run of scale-1000. Each run is its own process (its peak RSS is
 * its own); three runs per size, interleaved, medians (the 7-day run once). CPU seconds (user + system) count the engine and the report,
 * not the loading of the scenario. BENCH_SIM_HOURS shortens every run (e.g. 2) on a busy machine.
 */
import { runSimWorker } from './built-sim-worker';
import type { BenchResult } from './run';

interface WorkerRun {
  wallMs: number;
  cpuSeconds: number;
  simulatedSeconds: number;
  maxRssMB: number;
  instances: number;
  reportBytes: number;
}

const PER_GROUP = 40;
/** MaxSize 80 per group: 250 groups may reach 20,000 instances, the simulator's cap (same shape at every size). */
const MAX_SIZE_FACTOR = 2;
const GROUPS = [25, 100, 250];
/** Runs per size (BENCH_SIM_RUNS; default 3): CPU and wall are medians, peak RSS the highest. */
const RUNS = Math.max(1, Number(process.env.BENCH_SIM_RUNS ?? 3));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function simulatorSizesBench(): Promise<BenchResult> {
  const hours = Number(process.env.BENCH_SIM_HOURS ?? 24);
  const sizes = [];
  // Runs of the three sizes interleaved, RUNS rounds: a busy moment of the machine falls on one run of
  // each size, not on every run of one (a single 1,000-instance run varied 4.8–8.5 s between two
  // quiet-machine benches, enough to move the ratio from 0.78 to 1.21). Medians per size.
  const runs = new Map<number, WorkerRun[]>();
  for (let round = 0; round < RUNS; round++) {
    for (const groups of GROUPS) {
      const r = await runSimWorker<WorkerRun>(`scale:${groups}:${PER_GROUP}:${MAX_SIZE_FACTOR}`, hours * 3600, ['--report']);
      runs.set(groups, [...(runs.get(groups) ?? []), r]);
    }
  }
  for (const groups of GROUPS) {
    const all = runs.get(groups)!;
    const r = { ...all[0]!, cpuSeconds: median(all.map((x) => x.cpuSeconds)), wallMs: median(all.map((x) => x.wallMs)), maxRssMB: Math.max(...all.map((x) => x.maxRssMB)) };
    const planned = groups * PER_GROUP;
    sizes.push({ planned, groups, hours, runs: all.length, cpuSecondsEach: all.map((x) => x.cpuSeconds), ...r, cpuMsPerInstanceHour: (r.cpuSeconds * 1000) / (planned * hours) });
  }
  const weekHours = Math.min(7 * 24, hours * 7);
  const week = await runSimWorker<WorkerRun>('scale-1000', weekHours * 3600, ['--report']);
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  const ratio = last.cpuMsPerInstanceHour / first.cpuMsPerInstanceHour;
  const mb = (value: number) => `${Math.round(value)} MB`;
  const rows = [
    `Groups growing, ${PER_GROUP} instances each, ${hours} simulated hours, the way \`sim run\` runs (compiled, report streamed: bench/sim-worker.ts built by bench/built-sim-worker.ts); one process per run, ${RUNS} runs per size interleaved (CPU and wall: medians; peak RSS: the highest):`,
    '',
    '| instances (start) | groups | instances at end | CPU (user + sys): median (each run) | wall | peak RSS | CPU ms per instance-hour | report |',
    '|---|---|---|---|---|---|---|---|',
    ...sizes.map((s) => `| ${s.planned.toLocaleString('en')} | ${s.groups} | ${s.instances.toLocaleString('en')} | ${s.cpuSeconds.toFixed(1)} s (${s.cpuSecondsEach.map((c) => c.toFixed(1)).join(', ')}) | ${(s.wallMs / 1000).toFixed(1)} s | ${mb(s.maxRssMB)} | ${s.cpuMsPerInstanceHour.toFixed(3)} | ${mb(s.reportBytes / 1e6)} |`),
    '',
    `Cost per instance-hour at ${last.planned.toLocaleString('en')} ÷ at ${first.planned.toLocaleString('en')}: **${ratio.toFixed(2)}** (goal ≤ 1.2).`,
    `Goal: 24 simulated hours of 10,000 instances in ≤ 60 s and ≤ 1 GB peak${hours === 24 ? ` — measured **${last.cpuSeconds.toFixed(1)} s CPU, ${mb(last.maxRssMB)}**` : ` (measured over ${hours} h here)`}.`,
    `scale-1000 for ${weekHours === 168 ? '7 simulated days' : `${weekHours} simulated hours (BENCH_SIM_HOURS × 7)`}: **${mb(week.maxRssMB)} peak**, ${week.cpuSeconds.toFixed(1)} s CPU (goal for 7 days: < 600 MB).`,
    hours < 24 ? `Short runs: loading the scenario and the first minutes weigh more at the small sizes, so the ratio above flatters; the goals are for 24 h (\`npm run bench -- simulator-sizes\` without BENCH_SIM_HOURS).` : '',
  ];
  return { name: 'simulator-sizes', title: 'Simulator across sizes (groups growing) and a 7-day run', markdown: rows.join('\n'), data: { hours, sizes, week: { days: weekHours / 24, ...week }, perInstanceCostRatio: ratio } };
}
