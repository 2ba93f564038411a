/**
 * The one interface both data sources implement: the bundled simulator (SimSource) and real AWS
 * accounts (AwsSource). The renderer never knows which one it talks to, except to show the mode.
 */
import type { DnsTrace, MetricKey, RunningFault, SessionInfo, SimClock, Snapshot, TimelineEvent, Update } from '../contract/model';
import type { SsoLoginPrompt } from '../contract/model-aws';
import type { TwinFit } from '../contract/model-twin';
import type { RequestOf } from '../contract';
import type { ActionBackend, ActionTarget } from '../actions/action-executor';
import type { ScenarioModel } from './sim/scenario/load-scenario';

export interface SnapshotOptions {
  metrics?: (series: MetricKey) => boolean;
}

export interface DataSource {
  /** Which mode, profile / scenario; may change (a scenario load, a reconnect). */
  readonly session: SessionInfo;
  /**
   * The full current picture, for a client that (re)connects; `metrics` keeps only the series it
   * accepts (a subscription's history: the others are not even read).
   */
  snapshot(options?: SnapshotOptions): Snapshot;
  /** Deltas as they happen; returns the unsubscribe function. */
  onUpdate(listener: (update: Update) => void): () => void;
  start(): void;
  stop(): void;
  /** Simulation only: the virtual clock controls. AwsSource throws NotSupported. */
  control?: SimulationControls;

  // ---- optional capabilities (AWS mode today; the simulator can add them) ----
  /** The session changes on its own (connecting → connected, credentials expire). */
  onSessionChanged?(listener: (session: SessionInfo) => void): () => void;
  /** Pre-flight, execution and follow-up of control actions (used by actions/action-protocol.ts). */
  actions?: ActionBackend;
  /** Who acts where, for the action protocol's checks and the audit log. */
  actionTarget?(): ActionTarget;
  traceDns?(request: RequestOf<'dns.trace'>): Promise<DnsTrace>;
  /** Re-resolve credentials (after `aws sso login`, new keys, or with an MFA code). */
  retry?(mfaCode?: string): Promise<SessionInfo>;
  ssoLogin?(): Promise<SsoLoginPrompt>;
  /** The profile's settings changed (read-only flag, colour). */
  applyProfileSettings?(settings: { readOnly: boolean; environmentColour?: string }): void;
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
  /** Faults still in effect that can be ended. */
  runningFaults(): RunningFault[];
  /** End a running fault now; throws with a clear message when there is no such running fault. */
  stopFault(id: string): TimelineEvent;
  readonly scenarioName: string;
  /** The loaded scenario (a backtest replays it headless, beside the live run). */
  readonly scenario: ScenarioModel;
  /** A twin's fit to the recording it copies, over what has run (docs/twin.md); null when the scenario is no twin. */
  twinFit(): TwinFit | null;
}
