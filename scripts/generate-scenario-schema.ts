// Writes resources/scenario.schema.json (npm run generate:schema); a unit test keeps it current.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src-main/core/sources/sim/scenario/json-schema';

writeFileSync(new URL('../resources/scenario.schema.json', import.meta.url), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
