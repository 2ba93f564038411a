/**
 * Which simulated service owns each control action, and how it runs it: one entry per action type
 * (exhaustive at compile time), each taking the typed ControlAction — the one shape the UI sends and
 * a scenario's Actions are converted to when loaded (scenario/timed-entries.ts). Refusals come from
 * the shared rules (core/rules), thrown by the owning service.
 */
import type { ActionOf, ActionType, ControlAction } from '../../contract/model';
import { promoteReadReplica, rebootDBInstance } from './rds/rds-actions';
import { createDBSnapshot, restoreDBInstanceToPointInTime } from './rds/rds-backups';
import { RdsService } from './rds/rds-service';
import type { ScalingControl, SimServices } from './service-module';
import { simRefusal } from './sim-refusals';

/** What an action may reach: the services of this scenario. */
export interface SimActionHost {
  readonly services: SimServices;
}

export interface SimActionEntry<K extends ActionType> {
  /** The service that owns it (SimService.id). */
  owner: 'asg' | 'rds';
  run(host: SimActionHost, action: ActionOf<K>): string;
}

function rds(host: SimActionHost, type: ActionType): RdsService {
  const database = host.services.database;
  if (!(database instanceof RdsService)) throw simRefusal('action.serviceMissing', `${type} needs a service this scenario does not have (it has no RDS DB instances)`, { kind: type, service: 'rds' });
  return database;
}

function asg(host: SimActionHost, type: ActionType): ScalingControl {
  const scaling = host.services.scaling;
  if (!scaling) throw simRefusal('action.serviceMissing', `${type} needs a service this scenario does not have (it has no Auto Scaling)`, { kind: type, service: 'autoscaling' });
  return scaling;
}

export const SIM_ACTIONS: { [K in ActionType]: SimActionEntry<K> } = {
  PromoteReadReplica: { owner: 'rds', run: (host, action) => promoteReadReplica(rds(host, action.type), action) },
  RebootDBInstance: { owner: 'rds', run: (host, action) => rebootDBInstance(rds(host, action.type), action) },
  SetDesiredCapacity: { owner: 'asg', run: (host, action) => asg(host, action.type).setDesiredCapacityAction(action) },
  ExecutePolicy: { owner: 'asg', run: (host, action) => asg(host, action.type).executePolicyAction(action) },
  CreateDBSnapshot: { owner: 'rds', run: (host, action) => createDBSnapshot(rds(host, action.type), action) },
  RestoreDBInstanceToPointInTime: { owner: 'rds', run: (host, action) => restoreDBInstanceToPointInTime(rds(host, action.type), action) },
};

/** Runs `action` on the service that owns it; throws (the API's words) when it is refused. */
export function runSimAction<K extends ActionType>(host: SimActionHost, action: ActionOf<K>): string {
  return (SIM_ACTIONS[action.type as K] as SimActionEntry<K>).run(host, action);
}

export const runControlAction = (host: SimActionHost, action: ControlAction): string => runSimAction(host, action);
