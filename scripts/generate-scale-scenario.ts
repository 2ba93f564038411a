// Writes resources/scenarios/scale-1000.yaml from bench/scale-scenario.ts (npm run generate:scale).
import { writeFileSync } from 'node:fs';
import { scaleScenarioYaml } from '../bench/scale-scenario';

writeFileSync(new URL('../resources/scenarios/scale-1000.yaml', import.meta.url), scaleScenarioYaml({ groups: 25, instancesPerGroup: 40 }));
