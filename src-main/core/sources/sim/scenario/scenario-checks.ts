/**
 * A service's validation hook: the rules that span several resources (a record set's zone, a group's
 * target groups, a replica's source …) or the scenario's Traffic, Faults and Actions. Each service
 * registers its hook in resource-registry.ts beside its resource specs; the loader runs them all and
 * names none (so it imports no service's validator, and no service imports the loader).
 */
import type { LoadedResource } from './loaded-resource';
import type { DiagnosticCode, PathSegment } from './diagnostics';
import type { TimedAction, TimedFault } from './timed-entries';
import type { TrafficInput } from './sections';

/** `detail`: the problem's code and parameters, for the window (the message stays English, for the CLI). */
export type ScenarioReport = (severity: 'error' | 'warning', path: readonly PathSegment[], message: string, detail?: DiagnosticCode) => void;

export interface ScenarioCheck {
  /** The service whose rules these are. */
  readonly service: string;
  /**
   * `resources`: across the template's resources, as soon as they are loaded (their problems are the
   * template's); `scenario`: once Traffic, Faults and Actions are parsed too (a problem is reported where
   * its path points: the template's Resources, or the scenario file).
   */
  readonly phase: 'resources' | 'scenario';
  check(scenario: { resources: readonly LoadedResource[]; traffic: readonly TrafficInput[]; timeline: readonly (TimedFault | TimedAction)[] }, report: ScenarioReport): void;
}
