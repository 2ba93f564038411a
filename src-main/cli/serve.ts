/** `flightdeck serve [--port N] [--scenario FILE] [--speed N] [--seed N]`: web mode on 127.0.0.1. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FlightdeckCore } from '../core/core-host';
import { DEFAULT_SCENARIO, readScenario } from '../core/scenario-files';
import { SimSource } from '../core/sources/sim/sim-source';
import { systemWallClock } from '../core/wall-clock';
import { startWebServer } from '../web/web-server';
import { createSessionManager } from '../core/session/create-session-manager';
import { defaultSettingsDirectory } from '../core/settings/settings-store';
import { parseLeadIn, parseSeed } from './sim-run';
import { LIVE_LEAD_IN_SECONDS, liveLeadInSeconds } from '../core/sources/sim/lead-in';
import { formatDuration } from '../core/sources/sim/kernel/duration';
import type { ScenarioModel } from '../core/sources/sim/scenario/load-scenario';
import { printWarnings, UsageError } from './output';

export const SERVE_USAGE = `flightdeck serve [--port <n>] [--scenario <name|file>] [--speed <n>] [--seed <n>] [--lead-in <e.g. 1h>]
  --port       TCP port on 127.0.0.1 (default: a free port)
  --scenario   bundled scenario name or YAML file (default: ${DEFAULT_SCENARIO})
  --speed      simulated seconds per wall second, 1–3600 (default: 10)
  --seed       overrides Simulation.Seed
  --lead-in    history simulated before the first frame, whole minutes up to 24h, 0 for none; overrides
               Simulation.LeadIn (default: the file's, else ${LIVE_LEAD_IN_SECONDS / 60}m, less for large scenarios)`;

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

export async function serve(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: 'string' }, scenario: { type: 'string' }, speed: { type: 'string' }, seed: { type: 'string' }, 'lead-in': { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const speed = values.speed === undefined ? 10 : Number(values.speed);
  if (!Number.isFinite(speed) || speed < 1 || speed > 3600) throw new UsageError(`--speed must be between 1 and 3600, got "${values.speed}"`);
  const port = parsePort(values.port);
  const leadInOverride = parseLeadIn(values['lead-in']);
  const leadIn = (loaded: ScenarioModel) => liveLeadInSeconds(loaded, leadInOverride);
  const renderer = rendererDir();

  const scenario = readScenario(values.scenario ?? DEFAULT_SCENARIO, { seed: parseSeed(values.seed) });
  printWarnings(scenario.file, scenario.warnings);
  // Starts in the simulator; session.switch moves to an AWS profile (and back) without a restart.
  const core = new FlightdeckCore(
    createSessionManager({
      initial: new SimSource(scenario, { wallClock: systemWallClock, speed, leadIn }),
      createSimulation: () => new SimSource(readScenario(values.scenario ?? DEFAULT_SCENARIO, { seed: parseSeed(values.seed) }), { wallClock: systemWallClock, speed, leadIn }),
      configDirectory: defaultSettingsDirectory(),
    }),
  );
  core.start();
  const server = await startWebServer({ core, rendererDir: renderer, port });
  process.stdout.write(`Flightdeck listening on ${server.url}\n`);
  process.stdout.write(`Simulation: ${scenario.name} (seed ${scenario.simulation.seed}) at ×${speed}, ${formatDuration(leadIn(scenario))} of history. Press Ctrl+C to stop.\n`);

  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  core.stop();
  await server.close();
  return 0;
}
