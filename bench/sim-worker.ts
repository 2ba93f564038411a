/**
 * One simulator run in its own process, so its peak memory is its own: prints
 * {wallMs, simulatedSeconds, maxRssMB, heapUsedMB, instances} as JSON.
 * Usage: node --expose-gc --import tsx bench/sim-worker.ts <scenario|scale:GROUPS:PER_GROUP> <seconds>
 */
import { readScenario } from '../src-main/core/scenario-files';
import { SimulationEngine } from '../src-main/core/sources/sim/engine';
import { loadScenario } from '../src-main/core/sources/sim/scenario/load-scenario';
import { scaleScenarioYaml } from './scale-scenario';

const [which = 'shop', secondsText = '86400'] = process.argv.slice(2);
const scenario = which.startsWith('scale:')
  ? (() => {
      const [, groups, perGroup] = which.split(':').map(Number);
      return loadScenario(scaleScenarioYaml({ groups: groups!, instancesPerGroup: perGroup! }), { file: `scale-${groups! * perGroup!}.yaml` });
    })()
  : readScenario(which);
const seconds = Number(secondsText);
const start = performance.now();
const engine = new SimulationEngine(scenario);
engine.advanceBy(seconds);
const wallMs = performance.now() - start;
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(
  `${JSON.stringify({
    wallMs,
    simulatedSeconds: engine.simulatedSeconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 1e6,
    instances: engine.world.instances.size,
  })}\n`,
);
