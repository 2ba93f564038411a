/**
 * Starts the core the desktop app talks to: the bundled default scenario in the simulator.
 * A scenario that fails to load must not crash the app or leave a blank window, so failure yields a
 * stand-in core that answers every request with the load error, and the message for a dialog.
 */
import { FlightdeckCore, type Notifier } from '../core/core-host';
import { DEFAULT_SCENARIO, readScenario } from '../core/scenario-files';
import { SimSource } from '../core/sources/sim/sim-source';
import { liveLeadInSeconds } from '../core/sources/sim/lead-in';
import { systemWallClock } from '../core/wall-clock';
import { createSessionManager } from '../core/session/create-session-manager';
import { defaultSettingsDirectory } from '../core/settings/settings-store';
import type { CoreEndpoint } from './ipc';

export interface StartedCore {
  endpoint: CoreEndpoint;
  stop(): void;
  /** Set when the scenario could not be loaded: what to tell the operator. */
  error?: string;
}

/** The contract caps error messages at 4000 characters; a scenario with many errors can exceed it. */
const MAX_MESSAGE = 3900;

export function unavailableCore(message: string): CoreEndpoint {
  const text = `The simulator could not start: ${message}`.slice(0, MAX_MESSAGE);
  return {
    handle: async () => ({ ok: false, error: { code: 'Internal', message: text } }),
    subscribe: () => () => undefined,
  };
}

/**
 * The simulator first; the session manager can switch to an AWS profile (and back) at runtime.
 * Settings and the audit log live in the user's config directory.
 */
export function startSimulationCore(scenarioName: string = DEFAULT_SCENARIO, configDirectory: string = defaultSettingsDirectory(), notifier?: Notifier): StartedCore {
  try {
    const scenario = readScenario(scenarioName);
    const sessions = createSessionManager({
      // Warm start: the scenario opens with history (lead-in.ts), so the charts are filled at once.
      initial: new SimSource(scenario, { wallClock: systemWallClock, speed: 10, leadIn: (loaded) => liveLeadInSeconds(loaded) }),
      createSimulation: () => new SimSource(readScenario(scenarioName), { wallClock: systemWallClock, speed: 10, leadIn: (loaded) => liveLeadInSeconds(loaded) }),
      configDirectory,
      actor: 'desktop',
      startIn: 'last',
    });
    const core = new FlightdeckCore(sessions, notifier ? { notifier } : {});
    core.start();
    return { endpoint: core, stop: () => core.stop() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { endpoint: unavailableCore(message), stop: () => undefined, error: message };
  }
}
