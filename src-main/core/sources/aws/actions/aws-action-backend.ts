/**
 * The control actions on a real account: pre-flight checks read live state, the action is one SDK
 * call, and following it polls DescribeDBInstances / DescribeAutoScalingGroups until it settles.
 * - PromoteReadReplica: docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_PromoteReadReplica.html
 *   and USER_ReadRepl.Promote.html (the replica reboots; it cannot become a replica again; a
 *   replica that is backing up cannot be promoted; lag means writes not yet applied are lost).
 * - RebootDBInstance ForceFailover: API_RebootDBInstance.html (only for Multi-AZ instances).
 * - SetDesiredCapacity: docs.aws.amazon.com/autoscaling/ec2/APIReference/API_SetDesiredCapacity.html
 *   (must lie within [MinSize, MaxSize]).
 */
import { DescribeAutoScalingGroupsCommand, SetDesiredCapacityCommand, type AutoScalingGroup as SdkGroup } from '@aws-sdk/client-auto-scaling';
import { DescribeDBInstancesCommand, PromoteReadReplicaCommand, RebootDBInstanceCommand, type DBInstance } from '@aws-sdk/client-rds';
import type { ControlAction, PreflightCheck } from '../../../contract/model';
import type { ActionBackend, FollowReport, FollowResult, Preflight } from '../../../actions/action-executor';
import type { AwsClients } from '../clients';
import { isAwsCallError } from '../aws-errors';
import type { Clock } from '../throttle/time';
import type { MetricPoller } from '../metrics/metric-poller';

/** Lag above this many seconds is worth a warning before promoting (our choice). */
export const REPLICA_LAG_WARN_SECONDS = 30;

export interface FollowOptions {
  intervalMs: number;
  timeoutMs: number;
}

export const DEFAULT_FOLLOW: FollowOptions = { intervalMs: 15_000, timeoutMs: 60 * 60_000 };

export class AwsActionBackend implements ActionBackend {
  constructor(
    private clients: Pick<AwsClients, 'rds' | 'autoscaling'>,
    private readonly clock: Clock,
    private readonly metrics?: Pick<MetricPoller, 'latest'>,
    private readonly followOptions: FollowOptions = DEFAULT_FOLLOW,
  ) {}

  useClients(clients: Pick<AwsClients, 'rds' | 'autoscaling'>): void {
    this.clients = clients;
  }

  private async dbInstance(id: string): Promise<DBInstance | undefined> {
    try {
      const out = await this.clients.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
      return out.DBInstances?.[0];
    } catch (error) {
      const code = isAwsCallError(error) ? error.params.awsCode : ((error as { code?: string; name?: string }).code ?? (error as Error).name ?? '');
      if (/DBInstanceNotFound/.test(code)) return undefined;
      throw error;
    }
  }

  private async group(name: string): Promise<SdkGroup | undefined> {
    const out = await this.clients.autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }));
    return out.AutoScalingGroups?.[0];
  }

  async preflight(action: ControlAction): Promise<Preflight> {
    switch (action.type) {
      case 'PromoteReadReplica':
        return this.preflightPromote(action);
      case 'RebootDBInstance':
        return this.preflightReboot(action);
      case 'SetDesiredCapacity':
        return this.preflightCapacity(action);
    }
  }

  private async preflightPromote(action: Extract<ControlAction, { type: 'PromoteReadReplica' }>): Promise<Preflight> {
    const id = action.dbInstanceIdentifier;
    const db = await this.dbInstance(id);
    if (!db) return { summary: `Promote ${id}`, checks: [{ id: 'exists', label: 'DB instance exists', status: 'fail', detail: `No DB instance ${id} in this region.` }], consequences: [] };
    const source = db.ReadReplicaSourceDBInstanceIdentifier;
    const status = db.DBInstanceStatus ?? 'unknown';
    const lag = this.metrics?.latest('AWS/RDS', 'ReplicaLag', 'DBInstanceIdentifier', id);
    const retention = action.backupRetentionPeriod ?? db.BackupRetentionPeriod ?? 0;
    const checks: PreflightCheck[] = [
      { id: 'is-replica', label: 'Is a read replica', status: source ? 'pass' : 'fail', detail: source ? `Replicates from ${source}.` : `${id} is not a read replica: there is nothing to promote.` },
      { id: 'status-available', label: 'Status is available', status: status === 'available' ? 'pass' : 'fail', detail: `Status: ${status}.` },
      {
        id: 'not-backing-up',
        label: 'Not backing up',
        status: status === 'backing-up' ? 'fail' : 'pass',
        detail: status === 'backing-up' ? 'RDS cannot promote a replica while it is backing up; wait for the backup to finish.' : 'No backup in progress.',
      },
      lag === undefined
        ? { id: 'replica-lag', label: 'Replica lag', status: 'warn', detail: 'No recent ReplicaLag datapoint: the lag is unknown.' }
        : lag < 0
          ? { id: 'replica-lag', label: 'Replica lag', status: 'warn', detail: 'ReplicaLag is -1: replication is not running.' }
          : {
              id: 'replica-lag',
              label: 'Replica lag',
              status: lag > REPLICA_LAG_WARN_SECONDS ? 'warn' : 'pass',
              detail: `${lag} s behind ${source ?? 'the source'}: writes not yet replicated will not be on the promoted instance.`,
            },
      {
        id: 'backup-retention',
        label: 'Backups after promotion',
        status: retention > 0 ? 'pass' : 'warn',
        detail: retention > 0 ? `Automated backups kept ${retention} day${retention === 1 ? '' : 's'}.` : 'Backup retention 0: the promoted instance will have no automated backups.',
      },
    ];
    return {
      summary: `Promote read replica ${id} to a standalone DB instance`,
      checks,
      consequences: [
        `${id} stops replicating from ${source ?? 'its source'} and becomes a standalone instance that accepts writes.`,
        `${id} is rebooted during promotion; expect a short outage on its endpoint.`,
        `This cannot be undone: ${id} cannot be made a replica of ${source ?? 'its source'} again.`,
        `${source ?? 'The source'} and its other replicas keep running unchanged; applications must be pointed at ${db.Endpoint?.Address ?? id} to write to it.`,
        ...(action.backupRetentionPeriod !== undefined ? [`Backup retention is set to ${action.backupRetentionPeriod} days.`] : []),
      ],
    };
  }

  private async preflightReboot(action: Extract<ControlAction, { type: 'RebootDBInstance' }>): Promise<Preflight> {
    const id = action.dbInstanceIdentifier;
    const db = await this.dbInstance(id);
    if (!db) return { summary: `Reboot ${id}`, checks: [{ id: 'exists', label: 'DB instance exists', status: 'fail', detail: `No DB instance ${id} in this region.` }], consequences: [] };
    const status = db.DBInstanceStatus ?? 'unknown';
    const checks: PreflightCheck[] = [{ id: 'status-available', label: 'Status is available', status: status === 'available' ? 'pass' : 'fail', detail: `Status: ${status}.` }];
    if (action.forceFailover) {
      checks.push({
        id: 'multi-az',
        label: 'Multi-AZ (has a standby)',
        status: db.MultiAZ ? 'pass' : 'fail',
        detail: db.MultiAZ ? `Standby in ${db.SecondaryAvailabilityZone ?? 'another AZ'}.` : 'ForceFailover needs a Multi-AZ instance; RDS refuses it otherwise.',
      });
    }
    return {
      summary: action.forceFailover ? `Reboot ${id} with failover to its standby` : `Reboot ${id}`,
      checks,
      consequences: action.forceFailover
        ? [`The standby in ${db.SecondaryAvailabilityZone ?? 'the other AZ'} becomes the primary; the endpoint's DNS record moves to it (typically 60–120 s).`, 'Open connections are dropped.']
        : ['The database restarts in place; it is unavailable for the reboot (usually minutes).', 'Open connections are dropped.'],
    };
  }

  private async preflightCapacity(action: Extract<ControlAction, { type: 'SetDesiredCapacity' }>): Promise<Preflight> {
    const name = action.autoScalingGroupName;
    const group = await this.group(name);
    if (!group) return { summary: `Set ${name} desired capacity`, checks: [{ id: 'exists', label: 'Group exists', status: 'fail', detail: `No Auto Scaling group ${name}.` }], consequences: [] };
    const min = group.MinSize ?? 0;
    const max = group.MaxSize ?? 0;
    const current = group.DesiredCapacity ?? 0;
    const wanted = action.desiredCapacity;
    const within = wanted >= min && wanted <= max;
    const delta = wanted - current;
    return {
      summary: `Set desired capacity of ${name} from ${current} to ${wanted}`,
      checks: [
        { id: 'within-bounds', label: 'Within MinSize and MaxSize', status: within ? 'pass' : 'fail', detail: `Bounds [${min}, ${max}]; requested ${wanted}.` },
        { id: 'changes-something', label: 'Changes the capacity', status: delta === 0 ? 'warn' : 'pass', detail: delta === 0 ? `${name} already wants ${current}.` : `${delta > 0 ? '+' : ''}${delta} instances.` },
      ],
      consequences:
        delta > 0
          ? [`Auto Scaling launches ${delta} instance${delta === 1 ? '' : 's'}; they join the target groups once healthy.`, 'Scaling policies may change the capacity again on their next evaluation.']
          : delta < 0
            ? [`Auto Scaling terminates ${-delta} instance${delta === -1 ? '' : 's'} (termination policy; connections drain first).`, 'Scaling policies may change the capacity again on their next evaluation.']
            : ['Nothing changes.'],
    };
  }

  async execute(action: ControlAction): Promise<string> {
    switch (action.type) {
      case 'PromoteReadReplica': {
        const out = await this.clients.rds.send(
          new PromoteReadReplicaCommand({ DBInstanceIdentifier: action.dbInstanceIdentifier, ...(action.backupRetentionPeriod !== undefined ? { BackupRetentionPeriod: action.backupRetentionPeriod } : {}) }),
        );
        return `PromoteReadReplica accepted: ${action.dbInstanceIdentifier} is ${out.DBInstance?.DBInstanceStatus ?? 'modifying'}.`;
      }
      case 'RebootDBInstance': {
        const out = await this.clients.rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: action.dbInstanceIdentifier, ForceFailover: action.forceFailover }));
        return `RebootDBInstance accepted: ${action.dbInstanceIdentifier} is ${out.DBInstance?.DBInstanceStatus ?? 'rebooting'}.`;
      }
      case 'SetDesiredCapacity':
        await this.clients.autoscaling.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: action.autoScalingGroupName, DesiredCapacity: action.desiredCapacity, HonorCooldown: false }));
        return `SetDesiredCapacity accepted: ${action.autoScalingGroupName} → ${action.desiredCapacity}.`;
    }
  }

  /** Polls until settled; reports each change of status. Never throws. */
  async follow(action: ControlAction, report: (progress: FollowReport) => void): Promise<FollowResult> {
    const deadline = this.clock.now() + this.followOptions.timeoutMs;
    let last = '';
    // A reboot reads `available` until RDS has started it: look only after one interval, so that
    // the instance we see settled is the rebooted one.
    if (action.type === 'RebootDBInstance') await this.clock.sleep(this.followOptions.intervalMs);
    for (;;) {
      let observed: FollowResult | FollowReport;
      try {
        observed = await this.observe(action);
      } catch (error) {
        observed = { status: 'unknown', message: `Could not describe the resource: ${error instanceof Error ? error.message : String(error)}` };
      }
      if ('outcome' in observed) return observed;
      if (observed.status !== last) {
        last = observed.status;
        report(observed);
      }
      if (this.clock.now() >= deadline) return { outcome: 'timed-out', status: last, message: `Still ${last} after ${Math.round(this.followOptions.timeoutMs / 60_000)} minutes; Flightdeck stopped following it.` };
      await this.clock.sleep(this.followOptions.intervalMs);
    }
  }

  private async observe(action: ControlAction): Promise<FollowResult | FollowReport> {
    if (action.type === 'SetDesiredCapacity') {
      const group = await this.group(action.autoScalingGroupName);
      if (!group) return { outcome: 'failed', status: 'deleted', message: `${action.autoScalingGroupName} no longer exists.` };
      const instances = group.Instances ?? [];
      const inService = instances.filter((i) => i.LifecycleState === 'InService').length;
      const busy = instances.some((i) => i.LifecycleState !== 'InService' && i.LifecycleState !== 'Standby');
      const status = `${inService}/${group.DesiredCapacity ?? 0} InService`;
      if (inService === group.DesiredCapacity && !busy) return { outcome: 'settled', status, message: `${action.autoScalingGroupName} settled at ${inService} InService instances.` };
      return { status, message: `${action.autoScalingGroupName}: ${status}${busy ? ', instances launching or terminating' : ''}.` };
    }
    const id = action.dbInstanceIdentifier;
    const db = await this.dbInstance(id);
    if (!db) return { outcome: 'failed', status: 'deleted', message: `${id} no longer exists.` };
    const status = db.DBInstanceStatus ?? 'unknown';
    if (status === 'failed' || status === 'incompatible-parameters' || status === 'storage-full') return { outcome: 'failed', status, message: `${id} is ${status}.` };
    const promoted = action.type !== 'PromoteReadReplica' || !db.ReadReplicaSourceDBInstanceIdentifier;
    if (status === 'available' && promoted) {
      return { outcome: 'settled', status, message: action.type === 'PromoteReadReplica' ? `${id} is a standalone instance and available.` : `${id} is available again.` };
    }
    return { status, message: `${id} is ${status}${promoted ? '' : ' (still a replica)'}.` };
  }
}
