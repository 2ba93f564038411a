/**
 * The one interface both data sources implement: the bundled simulator (SimSource) and real AWS
 * accounts (AwsSource). The renderer never knows which one it talks to, except to show the mode.
 */
import type { SessionInfo, SimClock, Snapshot, Update } from '../contract/model';

export interface DataSource {
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
}
