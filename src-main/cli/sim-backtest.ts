/** `flightdeck sim backtest <scenario> --change change.yaml`: the what-if comparison of docs/backtest.md. */
import { resolve } from 'node:path';
import { FileRefusedError, readBoundedTextFile } from '../core/read-bounded-file';
import { parseDuration } from '../core/sources/sim/kernel/duration';
import { MAX_BACKTEST_SECONDS, MAX_CHANGE_TEXT_CHARS, MAX_OBSERVED_SERIES, ObservedSeries } from '../core/contract/model-backtest';
import { runBacktest } from '../core/sources/sim/backtest/run-backtest';
import { DEFAULT_CPU_THRESHOLD } from '../core/sources/sim/backtest/compare';
import { ScenarioError } from '../core/sources/sim/scenario/diagnostics';
import { openScenario, parseScenarioOptions, SCENARIO_OPTIONS } from './scenario-options';
import { parseOperand } from './command-line';
import { printWarnings, UsageError } from './output';
import { formatBacktestTable } from './sim-backtest-format';

export const SIM_BACKTEST_USAGE = `flightdeck sim backtest <scenario> --change <change.yaml> [--duration <e.g. 8h>] [--seed <n>] [--cpu-threshold <percent>] [--observed <observed.json>] [--json] [--template <file>] [--parameter <Key=Value>]… [--parameters <file>] [--stack-name <name>]
  <scenario>       a bundled scenario name (e.g. shop), a path to a scenario YAML file, or a twin
  --change         a CloudFormation-shaped overlay merged over the scenario's Resources by logical id
                   (docs/backtest.md): e.g. Resources: { WebScaling: { Properties: { TargetTrackingConfiguration: { TargetValue: 40 } } } }
  --duration       simulated time per run, 1m to ${MAX_BACKTEST_SECONDS / 3600}h (default 2h); both runs start at the scenario's StartTime
  --seed           overrides Simulation.Seed (the same for both runs)
  --cpu-threshold  minutes above target count against a group's target-tracking CPU target, else this (default ${DEFAULT_CPU_THRESHOLD})
  --observed       a JSON list of observed series ({ namespace, metricName, dimensions, stat, periodSeconds, start, values })
                   shown beside the simulated capacity and CPU
  --json           print the whole comparison as JSON instead of the table`;

const DEFAULT_DURATION_SECONDS = 2 * 3600;
/** Observed series files: 50 series of 4,000 values fit well within this. */
const MAX_OBSERVED_FILE_BYTES = 8 * 1024 * 1024;

export async function simBacktest(args: string[]): Promise<number> {
  const { operand: scenarioArg, values } = parseOperand(
    args,
    { change: { type: 'string' }, duration: { type: 'string' }, 'cpu-threshold': { type: 'string' }, observed: { type: 'string' }, json: { type: 'boolean' }, ...SCENARIO_OPTIONS },
    `sim backtest needs a scenario.\n${SIM_BACKTEST_USAGE}`,
  );
  if (!values.change) throw new UsageError('sim backtest needs --change <change.yaml> (docs/backtest.md)');
  const durationSeconds = values.duration === undefined ? DEFAULT_DURATION_SECONDS : parseDuration(values.duration);
  if (durationSeconds === undefined || durationSeconds < 60) throw new UsageError(`--duration "${values.duration}" is not a duration of at least a minute such as 30m, 2h or 1d`);
  if (durationSeconds > MAX_BACKTEST_SECONDS) throw new UsageError(`--duration ${values.duration} is longer than the ${MAX_BACKTEST_SECONDS / 3600} hours a backtest may run`);
  const cpuThreshold = values['cpu-threshold'] === undefined ? undefined : Number(values['cpu-threshold']);
  if (cpuThreshold !== undefined && !(cpuThreshold >= 1 && cpuThreshold <= 100)) throw new UsageError(`--cpu-threshold must be a percentage from 1 to 100, got "${values['cpu-threshold']}"`);

  const options = parseScenarioOptions(values);
  const change = readChange(values.change);
  const scenario = openScenario(scenarioArg, options);
  // A twin is compared with the account it copies (its Twin.Observed series) unless --observed says otherwise.
  const observed = values.observed === undefined ? scenario.twin?.observed : parseObserved(values.observed);
  const result = await runBacktest(scenario, {
    change,
    changeFile: resolve(values.change),
    durationSeconds,
    onChangeWarnings: (warnings) => printWarnings(resolve(values.change!), warnings),
    ...(cpuThreshold !== undefined ? { cpuThreshold } : {}),
    ...(observed ? { observed } : {}),
  });
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatBacktestTable(result));
  for (const series of result.unmatchedObserved) process.stderr.write(`observed series matched no Auto Scaling group and is not shown: ${series}\n`);
  return 0;
}

/** A file named on the command line, read with a bound; why it could not be read, in words. */
function readInput(path: string, maxBytes: number): { text: string } | { reason: string } {
  try {
    return { text: readBoundedTextFile(resolve(path), maxBytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? 'file not found' : error instanceof FileRefusedError ? `refused to read it: ${error.message}` : (error as Error).message };
  }
}

/** The change file's text; a problem reading it is a ScenarioError naming the file (exit 1, like a scenario's). */
function readChange(path: string): string {
  const read = readInput(path, MAX_CHANGE_TEXT_CHARS);
  if ('text' in read) return read.text;
  throw new ScenarioError(resolve(path), [{ severity: 'error', message: read.reason, path: '', line: 0, column: 0, code: 'file.unreadable', params: { reason: read.reason } }], 'change file');
}

function parseObserved(path: string): ObservedSeries[] {
  const read = readInput(path, MAX_OBSERVED_FILE_BYTES);
  if ('reason' in read) throw new UsageError(`--observed ${path}: ${read.reason}`);
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    throw new UsageError(`--observed ${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = ObservedSeries.array().max(MAX_OBSERVED_SERIES).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--observed ${path}: ${issue.path.join('.') || 'the file'}: ${issue.message} (a list of { namespace, metricName, dimensions, stat, periodSeconds, start, values })`);
  }
  return parsed.data;
}
