/**
 * The one interface both data sources implement: the bundled simulator (SimSource) and real AWS
 * accounts (AwsSource). The renderer never knows which one it talks to, except to show the mode.
 */
import type { SessionInfo, SimClock, Snapshot, TimelineEvent, Update } from '../contract/model';
import type { ScenarioModel } from './sim/scenario/load-scenario';

export interface DataSource {
  /** Which mode, profile / scenario; may change (a scenario load, a reconnect). */
  readonly session: SessionInfo;
  /** The full current picture, for a client that (re)connects. */
  snapshot(): Snapshot;
  /** Deltas as they happen; returns the unsubscribe function. */
  onUpdate(listener: (update: Update) => void): () => void;
  start(): void;
  stop(): void;
  /** Simulation only: the virtual clock controls. AwsSource throws NotSupported. */
  control?: SimulationControls;
}

export interface SimulationControls {
  clock(): SimClock;
  pause(): void;
  resume(): void;
  step(seconds: number): void;
  setSpeed(speed: number): void;
  /** Back to the scenario's start with the same seed. */
  reset(): void;
  /** Replace the running scenario (already loaded and validated). */
  load(scenario: ScenarioModel): void;
  /** Inject a fault now; throws with a clear message when it cannot apply. */
  injectFault(type: string, parameters: Record<string, unknown>, durationSeconds?: number): TimelineEvent;
  readonly scenarioName: string;
}
