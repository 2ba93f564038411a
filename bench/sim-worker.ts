/**
 * One simulator run in its own process, so its peak memory is its own: prints
 * {wallMs, cpuSeconds, simulatedSeconds, maxRssMB, heapUsedMB, instances, reportBytes} as JSON.
 * Runs the way `flightdeck sim run` does (no change tracking, rings sized to the run); with --report
 * it also streams the report (to nowhere), so the peak includes writing it.
 * Usage: node --expose-gc --import tsx bench/sim-worker.ts <scenario|scale:GROUPS:PER_GROUP[:MAX_SIZE_FACTOR]> <seconds> [--report]
 * (the benchmarks run it compiled: bench/built-sim-worker.ts; out/bench/sim-worker.js after a bench run).
 */
import { readScenario } from '../src-main/core/scenario-files';
import { SimulationEngine } from '../src-main/core/sources/sim/engine';
import { reportText } from '../src-main/core/sources/sim/report';
import { loadScenario } from '../src-main/core/sources/sim/scenario/load-scenario';
import { scaleScenarioYaml } from './scale-scenario';

const [which = 'shop', secondsText = '86400', ...flags] = process.argv.slice(2);
const scenario = which.startsWith('scale:')
  ? (() => {
      const [, groups, perGroup, maxSizeFactor] = which.split(':').map(Number);
      return loadScenario(scaleScenarioYaml({ groups: groups!, instancesPerGroup: perGroup!, ...(maxSizeFactor ? { maxSizeFactor } : {}) }), { file: `scale-${groups! * perGroup!}.yaml` });
    })()
  : readScenario(which);
const seconds = Number(secondsText);
const cpuAtStart = process.cpuUsage();
const start = performance.now();
const engine = new SimulationEngine(scenario, { trackChanges: false, plannedSeconds: seconds });
engine.advanceBy(seconds);
let reportBytes = 0;
if (flags.includes('--report')) for (const piece of reportText(engine)) reportBytes += Buffer.byteLength(piece);
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuAtStart);
const instances = engine.world.instances.size;
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(
  `${JSON.stringify({
    wallMs,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    simulatedSeconds: engine.simulatedSeconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 1e6,
    instances,
    reportBytes,
  })}\n`,
);
