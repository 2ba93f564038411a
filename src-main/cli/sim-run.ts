/** `flightdeck sim run <scenario> --duration 2h --seed 7 --out report.json`: as fast as the CPU allows. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readScenario } from '../core/scenario-files';
import { parseDuration } from '../core/sources/sim/kernel/duration';
import { SimulationEngine } from '../core/sources/sim/engine';
import { runSimulation, serializeReport } from '../core/sources/sim/report';
import { printWarnings, UsageError } from './output';

export const SIM_RUN_USAGE = `flightdeck sim run <scenario> --duration <e.g. 2h> [--seed <n>] [--out <report.json>] [--template <file>] [--strict]
  <scenario>   a bundled scenario name (e.g. shop) or a path to a scenario YAML file
  --duration   simulated time to run: 90s, 30m, 2h, 1d, 1h30m
  --seed       overrides Simulation.Seed in the file
  --out        where to write the JSON report (docs/sim-report.md); default: standard output
  --template   a CloudFormation template whose Resources replace the scenario's own
  --strict     exit 3 when the run had error-severity events (refused actions, faults that failed …)`;

/** Exit code of a --strict run whose timeline has error-severity events. */
export const STRICT_FAILURE_EXIT = 3;

export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--seed must be an integer, got "${text}"`);
  return Number(text);
}

export function simRun(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { duration: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, template: { type: 'string' }, strict: { type: 'boolean' } },
  });
  const [scenarioArg, ...rest] = positionals;
  if (!scenarioArg) throw new UsageError(`sim run needs a scenario.\n${SIM_RUN_USAGE}`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (!values.duration) throw new UsageError('sim run needs --duration (e.g. --duration 2h)');
  const duration = parseDuration(values.duration);
  if (duration === undefined || duration <= 0) throw new UsageError(`--duration "${values.duration}" is not a duration such as 90s, 30m, 2h or 1d`);

  const scenario = readScenario(scenarioArg, { seed: parseSeed(values.seed), template: values.template });
  printWarnings(scenario.file, scenario.warnings);
  const report = runSimulation(new SimulationEngine(scenario), duration);
  const text = serializeReport(report);
  if (values.out) {
    writeFileSync(values.out, text);
    process.stderr.write(
      `simulated ${duration} s of ${scenario.name} (seed ${report.seed}): ${report.scalingActivities.length} scaling activities, ${report.metrics.length} metric series → ${values.out}\n`,
    );
  } else {
    process.stdout.write(text);
  }
  // Refused actions, faults that could not be applied and other errors are not only timeline entries:
  // an operator running a scenario in CI sees them, and --strict fails the run.
  const errors = report.timeline.filter((event) => event.severity === 'error');
  for (const event of errors) process.stderr.write(`${event.time} error: [${event.service} ${event.kind}] ${event.message}\n`);
  if (errors.length > 0) process.stderr.write(`${errors.length} error event(s) during the run${values.strict ? ' (--strict: failing)' : ''}\n`);
  return values.strict && errors.length > 0 ? STRICT_FAILURE_EXIT : 0;
}
