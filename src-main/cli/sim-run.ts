/** `flightdeck sim run <scenario> --duration 2h --seed 7 --out report.json`: as fast as the CPU allows. */
import { accessSync, closeSync, constants, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { parseDuration } from '../core/sources/sim/kernel/duration';
import { SimulationEngine } from '../core/sources/sim/engine';
import { reportText, twinFit } from '../core/sources/sim/report';
import { formatFit } from '../core/twin/compare';
import { newestActivities } from '../core/sources/sim/asg/auto-scaling-group';
import { standardStats } from '../core/metric-catalog';
import { MAX_SCENARIO_SECONDS } from '../core/sources/sim/scenario/limits';
import { UsageError } from './output';
import { parseOperand } from './command-line';
import { openScenario, parseLeadIn, parseScenarioOptions, SCENARIO_OPTIONS } from './scenario-options';
import { formatNotice } from '../core/sources/sim/traffic/default-traffic';

/** Why a run shows no load: said after the summary, which would otherwise read as "nothing happened". */
const NO_TRAFFIC_HINT = 'no client population sent requests (the scenario has no Traffic, or an empty one), so nothing could scale; add Traffic with Target: a load balancer DNS name, a Route 53 record, a Lambda function or a DB instance (docs/scenario-format.md)';

export const SIM_RUN_USAGE = `flightdeck sim run <scenario> --duration <e.g. 2h> [--seed <n>] [--lead-in <e.g. 1h>] [--out <report.json>] [--template <file>] [--parameter <Key=Value>]… [--parameters <file>] [--stack-name <name>] [--strict]
  <scenario>   a bundled scenario name (e.g. shop) or a path to a scenario YAML file
  --duration   simulated time to run: 90s, 30m, 2h, 1d, 1h30m
  --seed       overrides Simulation.Seed in the file
  --lead-in    history simulated before StartTime, whole minutes up to 24h; overrides Simulation.LeadIn
               (default: the file's, else 0)
  --out        where to write the JSON report (docs/sim-report.md); default: standard output
  --template   a CloudFormation template: the stack (its Parameters, Mappings, Conditions, Resources and
               Outputs); the scenario adds Traffic, Faults, Actions, Simulation, and Imports and Resources
               standing in for other stacks (merged with the template's by logical id)
  --parameter  a template parameter value, Key=Value; repeatable; wins over --parameters and Defaults
  --parameters a file of parameter values: Key=Value lines, or JSON as aws cloudformation deploy
               --parameter-overrides (["Key=Value"]) or create-stack --parameters ([{ParameterKey, ParameterValue}]) takes
  --stack-name AWS::StackName (default: the template's file name, else the scenario's, as a valid stack name)
  --strict     exit 3 when the run had error-severity events (refused actions, faults that failed …)`;

/** Exit code of a --strict run whose timeline has error-severity events. */
export const STRICT_FAILURE_EXIT = 3;

export async function simRun(args: string[]): Promise<number> {
  const { operand: scenarioArg, values } = parseOperand(
    args,
    { duration: { type: 'string' }, 'lead-in': { type: 'string' }, out: { type: 'string' }, strict: { type: 'boolean' }, ...SCENARIO_OPTIONS },
    `sim run needs a scenario.\n${SIM_RUN_USAGE}`,
  );
  if (!values.duration) throw new UsageError('sim run needs --duration (e.g. --duration 2h)');
  const duration = parseDuration(values.duration);
  if (duration === undefined || duration <= 0) throw new UsageError(`--duration "${values.duration}" is not a duration such as 90s, 30m, 2h or 1d`);
  // One simulated year at most, the same span as a scenario's offsets: a digit string cannot run forever.
  if (duration > MAX_SCENARIO_SECONDS) throw new UsageError(`--duration ${values.duration} is longer than the ${MAX_SCENARIO_SECONDS / 86_400} days a run may last`);

  const leadInSeconds = parseLeadIn(values['lead-in']);
  // Before the run, not after it: a 12-hour run was simulated whole and then lost to ENOENT.
  if (values.out) checkReportPath(values.out);

  const scenario = openScenario(scenarioArg, parseScenarioOptions(values));
  // Default Traffic and its absence are announced (default-traffic.ts): the report is otherwise silent about them.
  for (const notice of scenario.notices ?? []) process.stderr.write(`${formatNotice(notice)}\n`);
  // A report covers the scenario from StartTime unless a lead-in is asked for (here or in the file).
  // Nobody listens to a headless run: no change tracking for a live bridge, metric rings sized to the
  // run, and the report streamed piece by piece instead of held as an object and a string (issue 15).
  const engine = new SimulationEngine(scenario, { ...(leadInSeconds !== undefined ? { leadInSeconds } : {}), trackChanges: false, plannedSeconds: duration });
  engine.advanceBy(duration);
  if (values.out) {
    writeReportFile(values.out, reportText(engine));
    const activities = [...engine.world.autoScalingGroups.values()].reduce((sum, group) => sum + newestActivities(group).length, 0);
    let series = 0;
    for (const one of engine.metrics.all()) series += standardStats(one.metricName).length;
    process.stderr.write(`simulated ${duration} s of ${scenario.name} (seed ${engine.seed}): ${activities} scaling activities, ${series} metric series → ${values.out}\n`);
    if (scenario.traffic.length === 0) process.stderr.write(`hint: ${NO_TRAFFIC_HINT}\n`);
  } else {
    await writeReportStream(process.stdout, reportText(engine));
  }
  // A twin says how close it came to the account it copies, per series (docs/twin.md).
  const twin = scenario.twin;
  const fit = twinFit(engine);
  if (twin && fit) {
    process.stderr.write(`twin of account ${twin.source.account} in ${twin.source.region}, ${twin.window.start} – ${twin.window.end}; fit to the recording (WAPE, ≥ ${fit.minPoints} periods):\n`);
    for (const line of formatFit(fit)) process.stderr.write(`  ${line}\n`);
  }
  // Refused actions, faults that could not be applied and other errors are not only timeline entries:
  // an operator running a scenario in CI sees them, and --strict fails the run.
  const errors = engine.timeline.filter((event) => event.severity === 'error');
  for (const event of errors) process.stderr.write(`${event.time} error: [${event.service} ${event.kind}] ${event.message}\n`);
  if (errors.length > 0) process.stderr.write(`${errors.length} error ${errors.length === 1 ? 'event' : 'events'} during the run${values.strict ? ' (--strict: failing)' : ''}\n`);
  return values.strict && errors.length > 0 ? STRICT_FAILURE_EXIT : 0;
}

/** Pieces are gathered up to this many characters per write: few system calls, little held. */
const WRITE_BATCH = 1 << 20;

function* batched(pieces: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= WRITE_BATCH) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

function writeReportFile(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of batched(pieces)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** Standard output may be a pipe: wait for it to drain rather than queue the whole report in memory. */
async function writeReportStream(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const chunk of batched(pieces)) if (!out.write(chunk)) await once(out, 'drain');
}

/** `--out` must name a file in a folder that exists and can be written to (checked before the run). */
function checkReportPath(out: string): void {
  const folder = dirname(resolve(out));
  let stats;
  try {
    stats = statSync(folder);
  } catch {
    throw new UsageError(`--out ${out}: the folder ${folder} does not exist`);
  }
  if (!stats.isDirectory()) throw new UsageError(`--out ${out}: ${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${out}: the folder ${folder} cannot be written to`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a folder; name a file such as ${join(out, 'report.json')}`);
}
