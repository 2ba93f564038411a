/**
 * What a data source plugs into the two-step action protocol (actions/action-protocol.ts): the
 * pre-flight checks for an action, running it, and following the resource until it settles.
 * AwsSource implements it with the SDK (sources/aws/actions/); the simulator can implement the same
 * interface on its engine and get the identical confirmation, read-only and audit behaviour.
 */
import type { ControlAction } from '../contract/model';
import { isCoreError } from '../core-error';
import type { AuditActor } from '../contract/model-audit';
import type { Preflight } from '../rules';

/** The summary, checks and consequences of an action, as codes (core/rules/). */
export type { Preflight } from '../rules';

export interface FollowReport {
  /** The resource's state as last seen, e.g. `modifying`, `3/5 InService`. */
  status: string;
  message: string;
}

export interface FollowResult extends FollowReport {
  outcome: 'settled' | 'failed' | 'timed-out';
}

/**
 * Whether `execute` failed in a way that leaves the change's outcome unknown: the call may have been
 * carried out (an AWS write answered 5xx, timed out or lost its connection after sending; the AWS
 * gate marks it `params.outcome: 'unknown'` and does not send it again). The protocol then says so
 * — not "failed" — and follows the resource as for an accepted action.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  return isCoreError(error) && error.params.outcome === 'unknown';
}

export interface PreflightProvider {
  preflight(action: ControlAction): Promise<Preflight>;
}

export interface ActionExecutor {
  /** Sends the action; resolves with AWS's (or the simulator's) acknowledgement in one line. */
  execute(action: ControlAction): Promise<string>;
  /** Polls the resource until it settles, reporting each change; never throws. */
  follow(action: ControlAction, report: (progress: FollowReport) => void): Promise<FollowResult>;
}

export type ActionBackend = PreflightProvider &
  ActionExecutor & {
    /**
     * The simulator's virtual time (epoch ms), so progress carries the clock the rest of the
     * window shows; absent on AWS, where the wall clock is the only clock.
     */
    simulatedNow?(): number;
  };

/** Who is acting where: recorded in the audit log and checked against the profile's settings. */
export interface ActionTarget {
  mode: 'aws' | 'simulation';
  /** The profile name (AWS), or `simulation`. */
  profile: string;
  accountId?: string;
  region: string;
  /** The scenario, in simulation. */
  scenario?: string;
  /** Who asked (desktop window, web page, command line); set by the session manager. */
  actor?: AuditActor;
  /**
   * Changes between sessions: the protocol refuses a nonce prepared under another session. The
   * session manager extends the source's key with the source instance and a per-load generation,
   * so a round trip (prod → staging → prod), a scenario load or a reset also changes it.
   */
  sessionKey: string;
}

/** The identifier an action is about, for the audit log and the typed confirmation. */
export function actionTargetId(action: ControlAction): string {
  switch (action.type) {
    case 'PromoteReadReplica':
    case 'RebootDBInstance':
    case 'CreateDBSnapshot':
      return action.dbInstanceIdentifier;
    // The resource the restore creates: the name the operator types to confirm it.
    case 'RestoreDBInstanceToPointInTime':
      return action.targetDBInstanceIdentifier;
    case 'SetDesiredCapacity':
    case 'ExecutePolicy':
      return action.autoScalingGroupName;
  }
}
