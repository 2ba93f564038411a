/**
 * `npm run bench`: runs every benchmark in BENCHES (or those named on the command line) and writes
 * each one's figures to bench/results/<name>.json. Figures are recorded, never asserted on.
 * To add one: export a function that measures and writes its results, and list it below.
 */
import { runAwsApiCallsBench } from './aws-api-calls';

interface Bench {
  name: string;
  description: string;
  run(): Promise<Record<string, unknown>>;
}

const BENCHES: Bench[] = [
  { name: 'aws-api-calls', description: 'AWS API calls and bytes per refresh vs one GetMetricStatistics per metric (needs moto_server)', run: runAwsApiCallsBench },
];

const wanted = process.argv.slice(2);
const selected = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
if (wanted.length && selected.length !== wanted.length) {
  process.stderr.write(`unknown bench; available: ${BENCHES.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}
let failed = 0;
for (const bench of selected) {
  process.stdout.write(`bench ${bench.name}: ${bench.description}\n`);
  try {
    const result = await bench.run();
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    failed++;
    process.stderr.write(`bench ${bench.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.exit(failed ? 1 : 0);
