/**
 * The simulator's side of the two-step action protocol (actions/action-protocol.ts): the same
 * pre-flight checks, execution and following-until-settled that AwsSource gives for a real account,
 * on the running engine, with the same shared rules (core/rules). So every control action behaves in
 * simulation exactly as the operator will meet them on AWS — confirmation, audit log and all.
 */
import type { ControlAction } from '../../contract/model';
import type { ActionBackend, FollowReport, FollowResult, Preflight } from '../../actions/action-executor';
import { observeSnapshot, preflightOf, subjectOf, type ActionState } from '../../rules';
import type { WallClock } from '../../wall-clock';
import type { SimulationEngine } from './engine';

export interface SimFollowOptions {
  /** Wall-clock milliseconds between looks at the engine. */
  intervalMs: number;
  /** Give up after this much wall time (a paused simulation never settles). */
  timeoutMs: number;
}

const DEFAULT_FOLLOW: SimFollowOptions = { intervalMs: 250, timeoutMs: 15 * 60_000 };

export class SimActionBackend implements ActionBackend {
  constructor(
    private readonly engine: () => SimulationEngine,
    private readonly wallClock: WallClock,
    private readonly options: SimFollowOptions = DEFAULT_FOLLOW,
  ) {}

  simulatedNow(): number {
    return this.engine().now;
  }

  /** What the shared rules read, from the engine's inventory: the same model the AWS backend builds. */
  state(action: ControlAction): ActionState {
    const engine = this.engine();
    const inventory = engine.inventory();
    const subject = subjectOf(action);
    if (subject.kind === 'group') {
      return { group: inventory.autoScalingGroups.find((g) => g.autoScalingGroupName === subject.name), nowMs: engine.now };
    }
    const id = subject.id.toLowerCase();
    const db = inventory.dbInstances.find((d) => d.dbInstanceIdentifier === id);
    const source = db?.readReplicaSourceDBInstanceIdentifier === undefined ? undefined : inventory.dbInstances.find((d) => d.dbInstanceIdentifier === db.readReplicaSourceDBInstanceIdentifier);
    const snapshotId = subject.snapshotId?.toLowerCase();
    const snapshot = snapshotId === undefined ? undefined : inventory.dbSnapshots.find((s) => s.dbSnapshotIdentifier === snapshotId);
    const targetId = subject.newInstanceId?.toLowerCase();
    const target = targetId === undefined ? undefined : inventory.dbInstances.find((d) => d.dbInstanceIdentifier === targetId);
    return { db, ...(source ? { source } : {}), ...(snapshot ? { snapshot } : {}), ...(target ? { target } : {}), nowMs: engine.now };
  }

  async preflight(action: ControlAction): Promise<Preflight> {
    return preflightOf(this.state(action), action);
  }

  /** The same typed action, to the service that owns it (sim-action-registry.ts): no re-spelling. */
  async execute(action: ControlAction): Promise<string> {
    return this.engine().perform(action);
  }

  /**
   * Watches the engine after every tick, so each state the resource passes through is reported even
   * at ×3600; gives up after a wall-clock timeout (a paused simulation never settles) or when the
   * simulation is reset or replaced. Never throws.
   */
  async follow(action: ControlAction, report: (progress: FollowReport) => void): Promise<FollowResult> {
    const engine = this.engine();
    const deadline = this.wallClock.now() + this.options.timeoutMs;
    let last = '';
    let result: FollowResult | undefined;
    const look = (): void => {
      if (result) return;
      const observed = this.observe(action);
      if ('outcome' in observed) {
        result = observed;
        return;
      }
      if (observed.status !== last) {
        last = observed.status;
        report(observed);
      }
    };
    look();
    engine.afterStep.add(look);
    try {
      while (!result) {
        if (this.engine() !== engine) return { outcome: 'failed', status: last, message: 'The simulation was reset or replaced while the action was being followed.' };
        if (this.wallClock.now() >= deadline) {
          return { outcome: 'timed-out', status: last, message: `Still ${last} after ${Math.round(this.options.timeoutMs / 60_000)} minutes of wall time (is the simulation paused?); Flightdeck stopped following it.` };
        }
        await new Promise<void>((resolve) => {
          const stop = this.wallClock.every(this.options.intervalMs, () => {
            stop();
            resolve();
          });
        });
      }
      return result;
    } finally {
      engine.afterStep.delete(look);
    }
  }

  private observe(action: ControlAction): FollowResult | FollowReport {
    const inventory = this.engine().inventory();
    if (action.type === 'SetDesiredCapacity' || action.type === 'ExecutePolicy') {
      const group = inventory.autoScalingGroups.find((g) => g.autoScalingGroupName === action.autoScalingGroupName);
      if (!group) return { outcome: 'failed', status: 'deleted', message: `${action.autoScalingGroupName} no longer exists.` };
      const inService = group.instances.filter((i) => i.lifecycleState === 'InService').length;
      const busy = group.instances.some((i) => i.lifecycleState !== 'InService');
      const status = `${inService}/${group.desiredCapacity} InService`;
      if (inService === group.desiredCapacity && !busy) return { outcome: 'settled', status, message: `${group.autoScalingGroupName} settled at ${inService} InService instances.` };
      return { status, message: `${group.autoScalingGroupName}: ${status}${busy ? ', instances launching or terminating' : ''}.` };
    }
    if (action.type === 'CreateDBSnapshot') return observeSnapshot(inventory.dbSnapshots, action.dbSnapshotIdentifier);
    const id = action.type === 'RestoreDBInstanceToPointInTime' ? action.targetDBInstanceIdentifier.toLowerCase() : action.dbInstanceIdentifier;
    const db = inventory.dbInstances.find((d) => d.dbInstanceIdentifier === id);
    if (!db) return { outcome: 'failed', status: 'deleted', message: `${id} no longer exists.` };
    const status = db.dbInstanceStatus;
    if (status === 'available' && action.type === 'RestoreDBInstanceToPointInTime') return { outcome: 'settled', status, message: `${id} is restored and available at ${db.endpoint?.address ?? 'its new endpoint'}.` };
    if (status === 'failed') return { outcome: 'failed', status, message: `${id} is failed.` };
    const promoted = action.type !== 'PromoteReadReplica' || !db.readReplicaSourceDBInstanceIdentifier;
    if (status === 'available' && promoted) {
      return { outcome: 'settled', status, message: action.type === 'PromoteReadReplica' ? `${id} is a standalone instance and available.` : `${id} is available again.` };
    }
    return { status, message: `${id} is ${status}${promoted ? '' : ' (still a replica)'}.` };
  }
}
