/**
 * The control actions on a real account: the pre-flight reads live state and asks the shared rules
 * (core/rules/, the same the simulator uses), the action is one SDK call (aws-action-calls.ts), and
 * following it polls DescribeDBInstances / DescribeAutoScalingGroups until it settles.
 * - PromoteReadReplica: docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_PromoteReadReplica.html
 * - RebootDBInstance ForceFailover: API_RebootDBInstance.html (only for Multi-AZ instances).
 * - SetDesiredCapacity / ExecutePolicy: docs.aws.amazon.com/autoscaling/ec2/APIReference/
 */
import { DescribeAutoScalingGroupsCommand, DescribePoliciesCommand, type AutoScalingGroup as SdkGroup } from '@aws-sdk/client-auto-scaling';
import { DescribeDBInstancesCommand, DescribeDBSnapshotsCommand, type DBInstance } from '@aws-sdk/client-rds';
import { ScalingPolicySummary, type ControlAction, type DbInstance } from '../../../contract/model';
import type { ActionBackend, FollowReport, FollowResult, Preflight } from '../../../actions/action-executor';
import { isAwsCallError } from '../aws-errors';
import { observeSnapshot, preflightOf, subjectOf, type ActionState, type GroupState } from '../../../rules';
import type { Clock } from '../throttle/time';
import { replicaLagOf, withLagFields, type LatestPointSource } from '../polling/replica-lag';
import { toDbInstance, toDbSnapshot, withEarliestRestorableTime } from '../rds/discover-rds';
import { sendControlAction, type ActionClients } from './aws-action-calls';

export interface FollowOptions {
  intervalMs: number;
  timeoutMs: number;
}

export const DEFAULT_FOLLOW: FollowOptions = { intervalMs: 15_000, timeoutMs: 60 * 60_000 };

export class AwsActionBackend implements ActionBackend {
  constructor(
    private clients: ActionClients,
    private readonly clock: Clock,
    private readonly metrics?: LatestPointSource,
    private readonly followOptions: FollowOptions = DEFAULT_FOLLOW,
  ) {}

  useClients(clients: ActionClients): void {
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

  /** Snapshots of one instance, or the one with an identifier (DescribeDBSnapshots); none when it does not exist. */
  private async snapshots(filter: { DBInstanceIdentifier: string } | { DBSnapshotIdentifier: string }) {
    try {
      const out = await this.clients.rds.send(new DescribeDBSnapshotsCommand(filter));
      return (out.DBSnapshots ?? []).map(toDbSnapshot);
    } catch (error) {
      const code = isAwsCallError(error) ? error.params.awsCode : ((error as { code?: string; name?: string }).code ?? (error as Error).name ?? '');
      if (/DBSnapshotNotFound/.test(code)) return [];
      throw error;
    }
  }

  /** The DB instance as the contract's model, with its ReplicaLag from CloudWatch (current, or stale with its age). */
  private async dbModel(id: string, withRestoreWindow = false): Promise<DbInstance | undefined> {
    const db = await this.dbInstance(id);
    if (!db) return undefined;
    let model = toDbInstance(db);
    if (withRestoreWindow && model.backupRetentionPeriod > 0) model = withEarliestRestorableTime([model], await this.snapshots({ DBInstanceIdentifier: model.dbInstanceIdentifier }))[0]!;
    // Only a recent datapoint is the lag now; an old one is passed on as such (polling/replica-lag.ts).
    return model.readReplicaSourceDBInstanceIdentifier ? withLagFields(model, replicaLagOf(this.metrics, model.dbInstanceIdentifier, this.clock.now())) : model;
  }

  /** The group with its scaling policies (DescribePolicies), as the rules read it. */
  private async groupModel(name: string): Promise<GroupState | undefined> {
    const group = await this.group(name);
    if (!group) return undefined;
    const out = await this.clients.autoscaling.send(new DescribePoliciesCommand({ AutoScalingGroupName: name }));
    return {
      autoScalingGroupName: group.AutoScalingGroupName ?? name,
      minSize: group.MinSize ?? 0,
      maxSize: group.MaxSize ?? 0,
      desiredCapacity: group.DesiredCapacity ?? 0,
      policies: (out.ScalingPolicies ?? []).map((p) => ({
        policyName: p.PolicyName ?? '',
        ...(p.PolicyARN ? { policyARN: p.PolicyARN } : {}),
        policyType: ScalingPolicySummary.shape.policyType.catch('SimpleScaling').parse(p.PolicyType ?? 'SimpleScaling'),
      })),
    };
  }

  /** Reads what the action's rules need, live. */
  async state(action: ControlAction): Promise<ActionState> {
    const subject = subjectOf(action);
    const nowMs = this.clock.now();
    if (subject.kind === 'group') return { group: await this.groupModel(subject.name), nowMs };
    const db = await this.dbModel(subject.id, subject.newInstanceId !== undefined);
    const sourceId = db?.readReplicaSourceDBInstanceIdentifier;
    // A cross-Region source is an ARN: its other replicas are not ours to describe.
    const source = sourceId && !sourceId.startsWith('arn:') ? await this.dbModel(sourceId) : undefined;
    const snapshot = subject.snapshotId !== undefined ? (await this.snapshots({ DBSnapshotIdentifier: subject.snapshotId }))[0] : undefined;
    const target = subject.newInstanceId !== undefined ? await this.dbModel(subject.newInstanceId) : undefined;
    return { db, ...(source ? { source } : {}), ...(snapshot ? { snapshot } : {}), ...(target ? { target } : {}), nowMs };
  }

  async preflight(action: ControlAction): Promise<Preflight> {
    return preflightOf(await this.state(action), action);
  }

  async execute(action: ControlAction): Promise<string> {
    return sendControlAction(this.clients, action);
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
    if (action.type === 'SetDesiredCapacity' || action.type === 'ExecutePolicy') {
      const group = await this.group(action.autoScalingGroupName);
      if (!group) return { outcome: 'failed', status: 'deleted', message: `${action.autoScalingGroupName} no longer exists.` };
      const instances = group.Instances ?? [];
      const inService = instances.filter((i) => i.LifecycleState === 'InService').length;
      const busy = instances.some((i) => i.LifecycleState !== 'InService' && i.LifecycleState !== 'Standby');
      const status = `${inService}/${group.DesiredCapacity ?? 0} InService`;
      if (inService === group.DesiredCapacity && !busy) return { outcome: 'settled', status, message: `${action.autoScalingGroupName} settled at ${inService} InService instances.` };
      return { status, message: `${action.autoScalingGroupName}: ${status}${busy ? ', instances launching or terminating' : ''}.` };
    }
    if (action.type === 'CreateDBSnapshot') return observeSnapshot(await this.snapshots({ DBSnapshotIdentifier: action.dbSnapshotIdentifier }), action.dbSnapshotIdentifier) as FollowResult | FollowReport;
    const id = action.type === 'RestoreDBInstanceToPointInTime' ? action.targetDBInstanceIdentifier : action.dbInstanceIdentifier;
    const db = await this.dbInstance(id);
    if (!db) {
      // A restore's new instance that is not there was never created (its outcome may have been unknown).
      if (action.type === 'RestoreDBInstanceToPointInTime') return { outcome: 'failed', status: 'not-found', message: `${id} does not exist: the restore did not create it.` };
      return { outcome: 'failed', status: 'deleted', message: `${id} no longer exists.` };
    }
    const status = db.DBInstanceStatus ?? 'unknown';
    if (status === 'available' && action.type === 'RestoreDBInstanceToPointInTime') return { outcome: 'settled', status, message: `${id} is restored and available at ${db.Endpoint?.Address ?? 'its new endpoint'}.` };
    if (status === 'failed' || status === 'incompatible-parameters' || status === 'storage-full') return { outcome: 'failed', status, message: `${id} is ${status}.` };
    const promoted = action.type !== 'PromoteReadReplica' || !db.ReadReplicaSourceDBInstanceIdentifier;
    if (status === 'available' && promoted) {
      return { outcome: 'settled', status, message: action.type === 'PromoteReadReplica' ? `${id} is a standalone instance and available.` : `${id} is available again.` };
    }
    return { status, message: `${id} is ${status}${promoted ? '' : ' (still a replica)'}.` };
  }
}
