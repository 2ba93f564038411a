/**
 * `flightdeck serve [--port N] [--scenario FILE] [--speed N] [--seed N] [--profile P] [--region R]`:
 * web mode on 127.0.0.1. Starts in AWS mode with --profile; else where the last session was
 * (last-session.json), else in the simulator.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlightdeckCore } from '../core/core-host';
import { DEFAULT_SCENARIO, readScenario } from '../core/scenario-files';
import { SimSource } from '../core/sources/sim/sim-source';
import { formatNotice } from '../core/sources/sim/traffic/default-traffic';
import { systemWallClock } from '../core/wall-clock';
import { startWebServer } from '../web/web-server';
import { createSessionManager } from '../core/session/create-session-manager';
import { defaultSettingsDirectory } from '../core/settings/settings-store';
import { openScenario, parseLeadIn, parseScenarioOptions, SCENARIO_OPTIONS } from './scenario-options';
import { parseOptions } from './command-line';
import { LIVE_LEAD_IN_SECONDS, liveLeadInSeconds } from '../core/sources/sim/lead-in';
import { formatDuration } from '../core/sources/sim/kernel/duration';
import type { ScenarioModel } from '../core/sources/sim/scenario/load-scenario';
import { EXIT, UsageError } from './output';
import { regionProblem } from '../core/sources/aws/credentials/connect-problem';
import { DEFAULT_CHAIN } from '../core/sources/aws/credentials/default-chain';
import { resolveRegion } from '../core/sources/aws/profiles/profile-list';
import { AWS_PROFILE_OPTIONS, missingProfileProblem } from './aws-connect';
import { readSharedFiles } from '../core/sources/aws/profiles/shared-ini';
import type { LastSession } from '../core/session/last-session';

export const SERVE_USAGE = `flightdeck serve [--port <n>] [--scenario <name|file>] [--template <file>] [--parameter <Key=Value>]… [--parameters <file>] [--stack-name <name>] [--speed <n>] [--seed <n>] [--lead-in <e.g. 1h>] [--profile <name>] [--region <region>]
  --port       TCP port on 127.0.0.1 (default: a free port)
  --scenario   bundled scenario name or YAML file (default: ${DEFAULT_SCENARIO})
  --template, --parameter, --parameters, --stack-name
               a CloudFormation template as the stack, with its parameter values and stack name
               (as for sim run)
  --speed      simulated seconds per wall second, 1–3600 (default: 10)
  --seed       overrides Simulation.Seed
  --lead-in    history simulated before the first frame, whole minutes up to 24h, 0 for none; overrides
               Simulation.LeadIn (default: the file's, else ${LIVE_LEAD_IN_SECONDS / 60}m, less for large scenarios)
  --profile    start in AWS mode with this profile ("${DEFAULT_CHAIN}" for the standard chain);
               without it, the last session (mode, profile, region) is restored
  --region     the region for --profile (default: the profile's)`;

/** The built renderer: out/renderer next to this bundle (out/main/cli.js). */
function rendererDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, 'renderer'), join(dir, 'out', 'renderer')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error('the renderer is not built: run `npm run build` first');
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, got "${text}"`);
  return port;
}

/** --profile/--region checked before anything starts: a typo is a usage error, not a session state. */
function awsStart(profile: string | undefined, region: string | undefined): LastSession | 'last' {
  if (region !== undefined && profile === undefined) throw new UsageError('--region needs --profile');
  if (profile === undefined) return 'last';
  if (region !== undefined && regionProblem(region)) throw new UsageError(regionProblem(region)!.message);
  const files = readSharedFiles();
  const missing = missingProfileProblem(process.env, files, profile);
  if (missing) throw new UsageError(missing.message);
  // The same order as every AWS session: --region, AWS_REGION, the profile's region, AWS_DEFAULT_REGION, us-east-1.
  return { mode: 'aws', profile, region: resolveRegion(files, profile, region) };
}

export async function serve(args: string[]): Promise<number> {
  const values = parseOptions(args, { port: { type: 'string' }, scenario: { type: 'string' }, speed: { type: 'string' }, 'lead-in': { type: 'string' }, ...AWS_PROFILE_OPTIONS, ...SCENARIO_OPTIONS });
  const speed = values.speed === undefined ? 10 : Number(values.speed);
  if (!Number.isFinite(speed) || speed < 1 || speed > 3600) throw new UsageError(`--speed must be between 1 and 3600, got "${values.speed}"`);
  const port = parsePort(values.port);
  const startIn = awsStart(values.profile, values.region);
  const leadInOverride = parseLeadIn(values['lead-in']);
  const leadIn = (loaded: ScenarioModel) => liveLeadInSeconds(loaded, leadInOverride);
  // Usage errors before anything is looked up or started.
  const stackOptions = parseScenarioOptions(values);
  const renderer = rendererDir();

  const scenario = openScenario(values.scenario ?? DEFAULT_SCENARIO, stackOptions);
  for (const notice of scenario.notices ?? []) process.stderr.write(`${formatNotice(notice)}\n`);
  // Starts in the simulator; session.switch moves to an AWS profile (and back) without a restart.
  const sessions = createSessionManager({
      initial: new SimSource(scenario, { wallClock: systemWallClock, speed, leadIn }),
      createSimulation: () => new SimSource(readScenario(values.scenario ?? DEFAULT_SCENARIO, stackOptions), { wallClock: systemWallClock, speed, leadIn }),
      configDirectory: defaultSettingsDirectory(),
      actor: 'web',
      startIn,
  });
  const core = new FlightdeckCore(sessions);
  core.start();
  const guard = guardProcess((message) => process.stderr.write(`flightdeck serve: ${message}\n`));
  const server = await startWebServer({ core, rendererDir: renderer, port });
  process.stdout.write(`Flightdeck listening on ${server.url}\n`);
  // What the page opens on: the AWS profile asked for or restored, else the simulation.
  const session = (await sessions.opening) ?? sessions.active.session;
  if (session.mode === 'aws') process.stdout.write(`AWS: profile ${session.profile}, region ${session.region} (the simulator stays one switch away). Press Ctrl+C to stop.\n`);
  else process.stdout.write(`Simulation: ${scenario.name} (seed ${scenario.simulation.seed}) at ×${speed}, ${formatDuration(leadIn(scenario))} of history. Press Ctrl+C to stop.\n`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  process.stderr.write(`${signal}: stopping\n`);
  // A second signal while stopping means "now": the default handler would print nothing.
  const now = (again: NodeJS.Signals) => {
    process.stderr.write(`${again} again: exiting at once\n`);
    process.exit(EXIT_FORCED);
  };
  process.once('SIGINT', now);
  process.once('SIGTERM', now);
  // Timers of work in flight (an action being followed, a poll) must not keep the process alive:
  // stop what can be stopped within the grace period, then exit whatever is still pending.
  const stopped = await withinGrace(async () => {
    core.stop();
    await server.close();
  }, SHUTDOWN_GRACE_MS);
  guard.dispose();
  if (!stopped) process.stderr.write(`could not stop cleanly within ${SHUTDOWN_GRACE_MS} ms; exiting anyway\n`);
  process.exit(stopped ? EXIT.ok : EXIT_FORCED);
}

/** SIGTERM/SIGINT end `serve` within 2 s: 1.5 s to stop cleanly, then exit regardless. */
export const SHUTDOWN_GRACE_MS = 1500;
/** Exit status when the stop was forced (second signal, or the grace period ran out). */
const EXIT_FORCED = 1;

async function withinGrace(work: () => Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work().then(() => true as const), expired]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Last resort for the web host: an exception or rejection nobody caught is logged, and the host
 * keeps serving — one bad request must not take the operator's dashboard down. Every known input
 * path is guarded where it is parsed (src-main/web); this only catches what those missed.
 */
export function guardProcess(log: (message: string) => void): { dispose(): void } {
  const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error));
  const onException = (error: unknown) => log(`uncaught exception (still serving): ${describe(error)}`);
  const onRejection = (reason: unknown) => log(`unhandled rejection (still serving): ${describe(reason)}`);
  // A reader that went away (`flightdeck serve | head`): every write there fails with EPIPE, and
  // logging that failure to the same closed pipe failed again, a busy loop that never ended.
  const onStdioError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') onException(error);
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  process.stdout.on('error', onStdioError);
  process.stderr.on('error', onStdioError);
  return {
    dispose() {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
      process.stdout.off('error', onStdioError);
      process.stderr.off('error', onStdioError);
    },
  };
}
