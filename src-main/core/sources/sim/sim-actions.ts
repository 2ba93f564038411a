/**
 * The simulator's side of the two-step action protocol (actions/action-protocol.ts): the same
 * pre-flight checks, execution and following-until-settled that AwsSource gives for a real account,
 * on the running engine. So PromoteReadReplica, SetDesiredCapacity and RebootDBInstance behave in
 * simulation exactly as the operator will meet them on AWS — confirmation, audit log and all.
 */
import type { ControlAction, PreflightCheck } from '../../contract/model';
import type { ActionBackend, FollowReport, FollowResult, Preflight } from '../../actions/action-executor';
import type { WallClock } from '../../wall-clock';
import type { SimulationEngine } from './engine';
import { RdsService } from './rds/rds-service';

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

  private rds(): RdsService | undefined {
    const database = this.engine().services.database;
    return database instanceof RdsService ? database : undefined;
  }

  simulatedNow(): number {
    return this.engine().now;
  }

  async preflight(action: ControlAction): Promise<Preflight> {
    switch (action.type) {
      case 'PromoteReadReplica': {
        const rds = this.rds();
        if (!rds) return noService(`Promote ${action.dbInstanceIdentifier}`, 'this scenario has no RDS instances');
        return {
          summary: `Promote read replica ${action.dbInstanceIdentifier} to a standalone DB instance`,
          checks: rds.preflightPromotion(action.dbInstanceIdentifier, action.backupRetentionPeriod),
          consequences: rds.promotionConsequences(action.dbInstanceIdentifier, action.backupRetentionPeriod),
        };
      }
      case 'RebootDBInstance': {
        const rds = this.rds();
        if (!rds) return noService(`Reboot ${action.dbInstanceIdentifier}`, 'this scenario has no RDS instances');
        return {
          summary: `Reboot ${action.dbInstanceIdentifier}${action.forceFailover ? ' with failover to the standby' : ''}`,
          checks: rds.preflightReboot(action.dbInstanceIdentifier, action.forceFailover),
          consequences: rds.rebootConsequences(action.dbInstanceIdentifier, action.forceFailover),
        };
      }
      case 'SetDesiredCapacity':
        return this.capacityPreflight(action);
    }
  }

  private capacityPreflight(action: Extract<ControlAction, { type: 'SetDesiredCapacity' }>): Preflight {
    const group = this.engine().world.autoScalingGroups.get(action.autoScalingGroupName);
    const summary = `Set the desired capacity of ${action.autoScalingGroupName} to ${action.desiredCapacity}`;
    if (!group) return { summary, checks: [{ id: 'group-exists', label: 'Group exists', status: 'fail', detail: `AutoScalingGroup '${action.autoScalingGroupName}' not found` }], consequences: [] };
    const inRange = action.desiredCapacity >= group.minSize && action.desiredCapacity <= group.maxSize;
    const change = action.desiredCapacity - group.desiredCapacity;
    const checks: PreflightCheck[] = [
      { id: 'group-exists', label: 'Group exists', status: 'pass', detail: `${group.name}: min ${group.minSize}, max ${group.maxSize}, desired ${group.desiredCapacity}` },
      { id: 'within-bounds', label: 'Within MinSize and MaxSize', status: inRange ? 'pass' : 'fail', detail: inRange ? `${action.desiredCapacity} is within [${group.minSize}, ${group.maxSize}]` : `${action.desiredCapacity} is outside [${group.minSize}, ${group.maxSize}]` },
      ...(group.policies.length > 0 ? [{ id: 'policies', label: 'Scaling policies', status: 'warn' as const, detail: `${group.policies.length} ${group.policies.length === 1 ? 'policy' : 'policies'} may change the capacity again as the load dictates` }] : []),
    ];
    const consequences =
      change > 0
        ? [`Auto Scaling launches ${change} ${change === 1 ? 'instance' : 'instances'} in the zones with the fewest instances.`, `Each boots (${this.engine().settings.instanceBootSeconds} s), registers with its target groups and takes traffic once healthy.`]
        : change < 0
          ? [`Auto Scaling terminates ${-change} ${change === -1 ? 'instance' : 'instances'}, from the zones with the most instances first.`, 'Each drains its connections for the target group\'s deregistration delay before it stops.']
          : ['Nothing changes: the group already has this desired capacity.'];
    return { summary, checks, consequences };
  }

  async execute(action: ControlAction): Promise<string> {
    const engine = this.engine();
    switch (action.type) {
      case 'PromoteReadReplica':
        return engine.runAction('PromoteReadReplica', { DBInstanceIdentifier: action.dbInstanceIdentifier, ...(action.backupRetentionPeriod !== undefined ? { BackupRetentionPeriod: action.backupRetentionPeriod } : {}) });
      case 'RebootDBInstance':
        return engine.runAction('RebootDBInstance', { DBInstanceIdentifier: action.dbInstanceIdentifier, ForceFailover: action.forceFailover });
      case 'SetDesiredCapacity':
        return engine.runAction('SetDesiredCapacity', { AutoScalingGroupName: action.autoScalingGroupName, DesiredCapacity: action.desiredCapacity });
    }
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
    if (action.type === 'SetDesiredCapacity') {
      const group = inventory.autoScalingGroups.find((g) => g.autoScalingGroupName === action.autoScalingGroupName);
      if (!group) return { outcome: 'failed', status: 'deleted', message: `${action.autoScalingGroupName} no longer exists.` };
      const inService = group.instances.filter((i) => i.lifecycleState === 'InService').length;
      const busy = group.instances.some((i) => i.lifecycleState !== 'InService');
      const status = `${inService}/${group.desiredCapacity} InService`;
      if (inService === group.desiredCapacity && !busy) return { outcome: 'settled', status, message: `${group.autoScalingGroupName} settled at ${inService} InService instances.` };
      return { status, message: `${group.autoScalingGroupName}: ${status}${busy ? ', instances launching or terminating' : ''}.` };
    }
    const id = action.dbInstanceIdentifier;
    const db = inventory.dbInstances.find((d) => d.dbInstanceIdentifier === id);
    if (!db) return { outcome: 'failed', status: 'deleted', message: `${id} no longer exists.` };
    const status = db.dbInstanceStatus;
    if (status === 'failed') return { outcome: 'failed', status, message: `${id} is failed.` };
    const promoted = action.type !== 'PromoteReadReplica' || !db.readReplicaSourceDBInstanceIdentifier;
    if (status === 'available' && promoted) {
      return { outcome: 'settled', status, message: action.type === 'PromoteReadReplica' ? `${id} is a standalone instance and available.` : `${id} is available again.` };
    }
    return { status, message: `${id} is ${status}${promoted ? '' : ' (still a replica)'}.` };
  }
}

function noService(summary: string, why: string): Preflight {
  return { summary, checks: [{ id: 'service', label: 'Service present', status: 'fail', detail: why }], consequences: [] };
}
