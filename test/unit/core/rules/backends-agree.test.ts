/**
 * One table of states, fed to both action backends: the simulator's (SimActionBackend over an
 * engine whose inventory is the state) and the AWS one (AwsActionBackend over aws-sdk-client-mock
 * answering DescribeDBInstances / DescribeAutoScalingGroups / DescribePolicies with the same state).
 * Both must give the same summary, checks and consequences — the shared rules of core/rules — and
 * the verdicts expected here. Where the two used to disagree, docs/rules.md says which won and why
 * (e.g. PromoteReadReplica's ReplicaLag warns above 0 s: USER_ReadRepl.Promote.html; retention 0 on
 * a source of replicas fails: API_PromoteReadReplica.html).
 */
import { describe, expect, it } from 'vitest';
import { DescribeDBInstancesCommand, type DBInstance } from '@aws-sdk/client-rds';
import { DescribeAutoScalingGroupsCommand, DescribePoliciesCommand } from '@aws-sdk/client-auto-scaling';
import type { AutoScalingGroup, ControlAction, DbInstance, Inventory } from '@main/core/contract/model';
import { refusalOfAction, type GroupState } from '@main/core/rules';
import { AwsActionBackend } from '@main/core/sources/aws/actions/aws-action-backend';
import { CallGate } from '@main/core/sources/aws/throttle/call-gate';
import { manualClock } from '@main/core/sources/aws/throttle/time';
import type { SimulationEngine } from '@main/core/sources/sim/engine';
import { SimActionBackend } from '@main/core/sources/sim/sim-actions';
import { mockedClients } from '../../../helpers/aws-mocks';

/** 12:00 UTC: a backup window at 12:10 opens within the 15-minute warning. */
const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

const db = (id: string, more: Partial<DbInstance> = {}): DbInstance => ({
  dbInstanceIdentifier: id,
  dbInstanceClass: 'db.m5.large',
  engine: 'mysql',
  dbInstanceStatus: 'available',
  multiAZ: false,
  availabilityZone: 'eu-west-1a',
  readReplicaDBInstanceIdentifiers: [],
  backupRetentionPeriod: 1,
  preferredBackupWindow: '03:00-03:30',
  endpoint: { address: `${id}.abc.eu-west-1.rds.amazonaws.com`, port: 3306 },
  ...more,
});
const primary = db('orders', { readReplicaDBInstanceIdentifiers: ['orders-r1', 'orders-r2'], backupRetentionPeriod: 7 });
const replica = (more: Partial<DbInstance> = {}) => db('orders-r1', { readReplicaSourceDBInstanceIdentifier: 'orders', backupRetentionPeriod: 0, replicaLagSeconds: 0, ...more });

const group = (more: Partial<GroupState> = {}): GroupState => ({ autoScalingGroupName: 'web', minSize: 2, maxSize: 6, desiredCapacity: 3, policies: [], ...more });
const simple = { policyName: 'scale-out', policyARN: 'arn:aws:autoscaling:eu-west-1:111122223333:scalingPolicy:1:autoScalingGroupName/web:policyName/scale-out', policyType: 'SimpleScaling' as const };
const step = { policyName: 'step-out', policyType: 'StepScaling' as const };
const tracking = { policyName: 'cpu-50', policyType: 'TargetTrackingScaling' as const };

interface Row {
  name: string;
  dbs?: DbInstance[];
  group?: GroupState;
  action: ControlAction;
  /** [code, status] of every check, in order. */
  verdicts: [string, 'pass' | 'warn' | 'fail'][];
  /** The refusal the service answers with, when it refuses. */
  refusal?: string;
}

const promote = (more: Partial<Extract<ControlAction, { type: 'PromoteReadReplica' }>> = {}): ControlAction => ({ type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1', ...more });
const reboot = (forceFailover: boolean, id = 'orders'): ControlAction => ({ type: 'RebootDBInstance', dbInstanceIdentifier: id, forceFailover });
const capacity = (desiredCapacity: number): ControlAction => ({ type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity });
const execute = (policyName: string, more: { metricValue?: number; breachThreshold?: number } = {}): ControlAction => ({ type: 'ExecutePolicy', autoScalingGroupName: 'web', policyName, ...more });

const ROWS: Row[] = [
  {
    name: 'a caught-up replica promotes cleanly',
    dbs: [primary, replica()],
    action: promote(),
    verdicts: [['is-replica.yes', 'pass'], ['status-available.ok', 'pass'], ['not-backing-up.idle', 'pass'], ['replica-lag.caught-up', 'pass'], ['backup-retention.kept', 'pass']],
  },
  {
    name: 'any lag above 0 s warns (AWS used to pass below 30 s)',
    dbs: [primary, replica({ replicaLagSeconds: 12 })],
    action: promote(),
    verdicts: [['is-replica.yes', 'pass'], ['status-available.ok', 'pass'], ['not-backing-up.idle', 'pass'], ['replica-lag.behind', 'warn'], ['backup-retention.kept', 'pass']],
  },
  {
    name: 'replication stopped (ReplicaLag −1) warns',
    dbs: [primary, replica({ replicaLagSeconds: -1 })],
    action: promote(),
    verdicts: [['is-replica.yes', 'pass'], ['status-available.ok', 'pass'], ['not-backing-up.idle', 'pass'], ['replica-lag.stopped', 'warn'], ['backup-retention.kept', 'pass']],
  },
  {
    name: 'retention 0 on a replica with no replicas of its own warns',
    dbs: [primary, replica()],
    action: promote({ backupRetentionPeriod: 0 }),
    verdicts: [['is-replica.yes', 'pass'], ['status-available.ok', 'pass'], ['not-backing-up.idle', 'pass'], ['replica-lag.caught-up', 'pass'], ['backup-retention.disabled', 'warn']],
  },
  {
    name: 'retention 0 on a source of replicas fails (AWS used to warn)',
    dbs: [primary, replica({ readReplicaDBInstanceIdentifiers: ['orders-r1-leaf'] })],
    action: promote({ backupRetentionPeriod: 0 }),
    verdicts: [['is-replica.yes', 'pass'], ['status-available.ok', 'pass'], ['not-backing-up.idle', 'pass'], ['replica-lag.caught-up', 'pass'], ['backup-retention.source-of-replicas', 'fail']],
    refusal: 'retention-with-replicas',
  },
  {
    name: 'a replica backing up cannot be promoted',
    dbs: [primary, replica({ dbInstanceStatus: 'backing-up', backupRetentionPeriod: 1 })],
    action: promote(),
    verdicts: [['is-replica.yes', 'pass'], ['status-available.not', 'fail'], ['not-backing-up.running', 'fail'], ['replica-lag.caught-up', 'pass'], ['backup-retention.kept', 'pass']],
    refusal: 'not-available',
  },
  {
    name: 'a backup window opening within 15 minutes warns',
    dbs: [primary, replica({ backupRetentionPeriod: 1, preferredBackupWindow: '12:10-12:40' })],
    action: promote(),
    verdicts: [['is-replica.yes', 'pass'], ['status-available.ok', 'pass'], ['not-backing-up.window-soon', 'warn'], ['replica-lag.caught-up', 'pass'], ['backup-retention.kept', 'pass']],
  },
  {
    name: 'a standalone instance is not a replica',
    dbs: [primary],
    action: promote({ dbInstanceIdentifier: 'orders' }),
    verdicts: [['is-replica.no', 'fail'], ['status-available.ok', 'pass'], ['not-backing-up.idle', 'pass'], ['backup-retention.kept', 'pass']],
    refusal: 'not-a-replica',
  },
  { name: 'a missing instance', dbs: [primary], action: promote({ dbInstanceIdentifier: 'ghost' }), verdicts: [['db-exists.missing', 'fail']], refusal: 'db-not-found' },
  { name: 'a plain reboot of an available instance', dbs: [primary], action: reboot(false), verdicts: [['status-available.ok', 'pass']] },
  { name: 'a reboot while rebooting is refused', dbs: [db('orders', { dbInstanceStatus: 'rebooting' })], action: reboot(false), verdicts: [['status-available.not', 'fail']], refusal: 'not-available' },
  { name: 'failover needs Multi-AZ', dbs: [primary], action: reboot(true), verdicts: [['status-available.ok', 'pass'], ['multi-az.single-az', 'fail']], refusal: 'not-multi-az' },
  {
    name: 'failover to the standby',
    dbs: [db('orders', { multiAZ: true, secondaryAvailabilityZone: 'eu-west-1b', readReplicaDBInstanceIdentifiers: ['orders-r1'] })],
    action: reboot(true),
    verdicts: [['status-available.ok', 'pass'], ['multi-az.standby', 'pass']],
  },
  {
    name: 'capacity within bounds, with policies that may act again',
    group: group({ policies: [simple] }),
    action: capacity(5),
    verdicts: [['group-exists.found', 'pass'], ['within-bounds.inside', 'pass'], ['changes-capacity.changes', 'pass'], ['scaling-policies.present', 'warn']],
  },
  { name: 'capacity outside bounds', group: group(), action: capacity(9), verdicts: [['group-exists.found', 'pass'], ['within-bounds.outside', 'fail'], ['changes-capacity.changes', 'pass']], refusal: 'outside-bounds' },
  { name: 'capacity unchanged warns', group: group(), action: capacity(3), verdicts: [['group-exists.found', 'pass'], ['within-bounds.inside', 'pass'], ['changes-capacity.same', 'warn']] },
  { name: 'a missing group', action: capacity(3), verdicts: [['group-exists.missing', 'fail']], refusal: 'group-not-found' },
  { name: 'a simple policy by ARN', group: group({ policies: [simple] }), action: execute(simple.policyARN), verdicts: [['group-exists.found', 'pass'], ['policy-exists.found', 'pass'], ['policy-type.supported', 'pass']] },
  {
    name: 'a simple policy given step values',
    group: group({ policies: [simple] }),
    action: execute('scale-out', { metricValue: 80, breachThreshold: 70 }),
    verdicts: [['group-exists.found', 'pass'], ['policy-exists.found', 'pass'], ['policy-type.supported', 'pass'], ['step-values.unexpected', 'fail']],
    refusal: 'step-values-unexpected',
  },
  {
    name: 'a step policy without its values',
    group: group({ policies: [step] }),
    action: execute('step-out'),
    verdicts: [['group-exists.found', 'pass'], ['policy-exists.found', 'pass'], ['policy-type.supported', 'pass'], ['step-values.missing', 'fail']],
    refusal: 'step-values-missing',
  },
  {
    name: 'a step policy with its values',
    group: group({ policies: [step] }),
    action: execute('step-out', { metricValue: 85, breachThreshold: 70 }),
    verdicts: [['group-exists.found', 'pass'], ['policy-exists.found', 'pass'], ['policy-type.supported', 'pass'], ['step-values.given', 'pass']],
  },
  { name: 'a target tracking policy', group: group({ policies: [tracking] }), action: execute('cpu-50'), verdicts: [['group-exists.found', 'pass'], ['policy-exists.found', 'pass'], ['policy-type.target-tracking', 'fail']], refusal: 'target-tracking' },
  { name: 'a missing policy', group: group({ policies: [simple] }), action: execute('nope'), verdicts: [['group-exists.found', 'pass'], ['policy-exists.missing', 'fail']], refusal: 'policy-not-found' },
];

function fullGroup(g: GroupState): AutoScalingGroup {
  return {
    ...g,
    policies: g.policies.map((p) => ({ ...p, alarmNames: [] })),
    defaultCooldown: 300,
    healthCheckType: 'EC2',
    healthCheckGracePeriod: 0,
    availabilityZones: ['eu-west-1a'],
    targetGroupARNs: [],
    instances: [],
    scheduledActions: [],
  };
}

/** The simulator's backend over an engine whose inventory is exactly the row's state. */
function simBackend(row: Row): SimActionBackend {
  const inventory = { dbInstances: row.dbs ?? [], autoScalingGroups: row.group ? [fullGroup(row.group)] : [] } as unknown as Inventory;
  const engine = { now: NOW, inventory: () => inventory } as unknown as SimulationEngine;
  const wallClock = { now: () => NOW, every: () => () => undefined };
  return new SimActionBackend(() => engine, wallClock);
}

function sdkDb(d: DbInstance): DBInstance {
  return {
    DBInstanceIdentifier: d.dbInstanceIdentifier,
    DBInstanceClass: d.dbInstanceClass,
    Engine: d.engine,
    DBInstanceStatus: d.dbInstanceStatus,
    MultiAZ: d.multiAZ,
    AvailabilityZone: d.availabilityZone,
    SecondaryAvailabilityZone: d.secondaryAvailabilityZone,
    ReadReplicaSourceDBInstanceIdentifier: d.readReplicaSourceDBInstanceIdentifier,
    ReadReplicaDBInstanceIdentifiers: d.readReplicaDBInstanceIdentifiers,
    BackupRetentionPeriod: d.backupRetentionPeriod,
    PreferredBackupWindow: d.preferredBackupWindow,
    Endpoint: d.endpoint ? { Address: d.endpoint.address, Port: d.endpoint.port } : undefined,
  };
}

/** The AWS backend over mocked SDK clients answering with the row's state; ReplicaLag from "CloudWatch". */
function awsBackend(row: Row): AwsActionBackend {
  const clock = manualClock(NOW);
  const { clients, stubs } = mockedClients({ region: 'eu-west-1', credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }), endpoints: {}, gate: new CallGate({ clock }) });
  const byId = new Map((row.dbs ?? []).map((d) => [d.dbInstanceIdentifier, d]));
  stubs.rds.on(DescribeDBInstancesCommand).callsFake((input: { DBInstanceIdentifier?: string }) => {
    const found = byId.get(input.DBInstanceIdentifier ?? '');
    if (!found) throw Object.assign(new Error(`DBInstance ${input.DBInstanceIdentifier} not found.`), { name: 'DBInstanceNotFoundFault', $metadata: { httpStatusCode: 404 } });
    return { DBInstances: [sdkDb(found)] };
  });
  const g = row.group;
  stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves({
    AutoScalingGroups: g ? [{ AutoScalingGroupName: g.autoScalingGroupName, MinSize: g.minSize, MaxSize: g.maxSize, DesiredCapacity: g.desiredCapacity, DefaultCooldown: 300, AvailabilityZones: ['eu-west-1a'], HealthCheckType: 'EC2', CreatedTime: new Date(0), Instances: [] }] : [],
  });
  stubs.autoscaling.on(DescribePoliciesCommand).resolves({ ScalingPolicies: (g?.policies ?? []).map((p) => ({ AutoScalingGroupName: g!.autoScalingGroupName, PolicyName: p.policyName, PolicyARN: p.policyARN, PolicyType: p.policyType })) });
  // A datapoint of the minute before NOW: current (polling/replica-lag.ts).
  const metrics = {
    latestPoint: (_namespace: string, _metric: string, _dimension: string, id: string) => {
      const value = byId.get(id)?.replicaLagSeconds;
      return value === undefined ? undefined : { time: Math.floor(NOW / 1000) - 120, value, period: 60 };
    },
  };
  return new AwsActionBackend(clients, clock, metrics);
}

describe('RDS-2 RDS-1 ASG-16: the simulator and the AWS backend give the same verdicts for the same state (core/rules; API_PromoteReadReplica, API_RebootDBInstance, API_SetDesiredCapacity, API_ExecutePolicy)', () => {
  it.each(ROWS)('$name', async (row) => {
    const sim = await simBackend(row).preflight(row.action);
    const aws = await awsBackend(row).preflight(row.action);
    expect(sim.checks.map((c) => [c.code, c.status])).toEqual(row.verdicts);
    expect(aws).toEqual(sim);
    // A failing check is exactly what the service refuses, in both modes.
    const state = await awsBackend(row).state(row.action);
    expect(refusalOfAction(state, row.action)?.code).toBe(row.refusal);
    expect(refusalOfAction(simBackend(row).state(row.action), row.action)?.code).toBe(row.refusal);
  });
});
