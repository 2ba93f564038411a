import { describe, expect, it } from 'vitest';
import { DescribeDBInstancesCommand, PromoteReadReplicaCommand, RebootDBInstanceCommand } from '@aws-sdk/client-rds';
import { DescribeAutoScalingGroupsCommand, DescribePoliciesCommand, SetDesiredCapacityCommand, type DescribeAutoScalingGroupsCommandOutput } from '@aws-sdk/client-auto-scaling';
import { AwsActionBackend } from '@main/core/sources/aws/actions/aws-action-backend';
import { CallGate } from '@main/core/sources/aws/throttle/call-gate';
import { manualClock } from '@main/core/sources/aws/throttle/time';
import type { FollowReport } from '@main/core/actions/action-executor';
import { mockedClients } from '../../../../../helpers/aws-mocks';

function backend(lag?: number) {
  const clock = manualClock(Date.UTC(2026, 5, 1));
  const { clients, stubs } = mockedClients({ region: 'eu-west-1', credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }), endpoints: {}, gate: new CallGate({ clock }) });
  // A datapoint of the minute before now: the current lag.
  const metrics = { latestPoint: () => (lag === undefined ? undefined : { time: Math.floor(clock.now() / 1000) - 120, value: lag, period: 60 }) };
  return { clock, stubs, backend: new AwsActionBackend(clients, clock, metrics, { intervalMs: 15_000, timeoutMs: 600_000 }) };
}

const replica = (status: string, source: string | null = 'orders') => ({
  DBInstances: [{ DBInstanceIdentifier: 'orders-r1', DBInstanceStatus: status, ReadReplicaSourceDBInstanceIdentifier: source ?? undefined, BackupRetentionPeriod: 0, Endpoint: { Address: 'orders-r1.x.eu-west-1.rds.amazonaws.com', Port: 5432 } }],
});

describe('AWS control actions', () => {
  it('pre-flights a promotion: replica, status, backup in progress, lag, retention', async () => {
    const { stubs, backend: b } = backend(45);
    stubs.rds.on(DescribeDBInstancesCommand).resolves(replica('backing-up'));
    const preflight = await b.preflight({ type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' });
    // BackupRetentionPeriod left out: PromoteReadReplica's default is 1 day (docs/rules.md).
    expect(preflight.checks.map((c) => [c.code, c.status])).toEqual([
      ['is-replica.yes', 'pass'],
      ['status-available.not', 'fail'],
      ['not-backing-up.running', 'fail'],
      ['replica-lag.behind', 'warn'],
      ['backup-retention.kept', 'pass'],
    ]);
    expect(preflight.checks.find((c) => c.code === 'replica-lag.behind')!.params).toEqual({ source: 'orders', seconds: 45 });
    expect(preflight.consequences[2]).toEqual({ code: 'promote.irreversible', params: { id: 'orders-r1' } });
    expect(preflight.summary).toEqual({ code: 'promote', params: { id: 'orders-r1' } });
  });

  it('refuses to call a standalone instance a replica, and a missing one', async () => {
    const { stubs, backend: b } = backend(0);
    stubs.rds.on(DescribeDBInstancesCommand).resolves(replica('available', null));
    expect((await b.preflight({ type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' })).checks[0]).toMatchObject({ code: 'is-replica.no', status: 'fail' });
    stubs.rds.on(DescribeDBInstancesCommand).rejects(Object.assign(new Error('DBInstance x not found'), { name: 'DBInstanceNotFoundFault', $metadata: { httpStatusCode: 404 } }));
    expect((await b.preflight({ type: 'PromoteReadReplica', dbInstanceIdentifier: 'x' })).checks).toEqual([{ code: 'db-exists.missing', status: 'fail', params: { id: 'x' } }]);
  });

  it('promotes, then follows modifying → rebooting → available standalone (the path moto skips)', async () => {
    const { stubs, backend: b, clock } = backend(2);
    stubs.rds.on(PromoteReadReplicaCommand).resolves({ DBInstance: { DBInstanceStatus: 'modifying' } });
    stubs.rds
      .on(DescribeDBInstancesCommand)
      .resolvesOnce(replica('modifying'))
      .resolvesOnce(replica('modifying'))
      .resolvesOnce(replica('rebooting', null))
      .resolves(replica('available', null));
    const action = { type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1', backupRetentionPeriod: 7 } as const;
    expect(await b.execute(action)).toBe('PromoteReadReplica accepted: orders-r1 is modifying.');
    expect(stubs.rds.commandCalls(PromoteReadReplicaCommand)[0]!.args[0].input).toEqual({ DBInstanceIdentifier: 'orders-r1', BackupRetentionPeriod: 7 });
    const reports: FollowReport[] = [];
    const result = await b.follow(action, (r) => reports.push(r));
    expect(reports.map((r) => r.status)).toEqual(['modifying', 'rebooting']);
    expect(result).toEqual({ outcome: 'settled', status: 'available', message: 'orders-r1 is a standalone instance and available.' });
    expect(clock.slept).toEqual([15_000, 15_000, 15_000]);
  });

  it('stops following after the timeout', async () => {
    const { stubs, backend: b } = backend(2);
    stubs.rds.on(DescribeDBInstancesCommand).resolves(replica('modifying'));
    const result = await b.follow({ type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' }, () => undefined);
    expect(result).toMatchObject({ outcome: 'timed-out', status: 'modifying' });
  });

  it('needs a Multi-AZ instance to reboot with failover, and waits an interval before looking', async () => {
    const { stubs, backend: b, clock } = backend();
    stubs.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'orders', DBInstanceStatus: 'available', MultiAZ: false }] });
    const single = await b.preflight({ type: 'RebootDBInstance', dbInstanceIdentifier: 'orders', forceFailover: true });
    expect(single.checks.find((c) => c.code.startsWith('multi-az.'))).toMatchObject({ code: 'multi-az.single-az', status: 'fail' });
    stubs.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'orders', DBInstanceStatus: 'available', MultiAZ: true, SecondaryAvailabilityZone: 'eu-west-1b' }] });
    const multi = await b.preflight({ type: 'RebootDBInstance', dbInstanceIdentifier: 'orders', forceFailover: true });
    expect(multi.checks.every((c) => c.status === 'pass')).toBe(true);
    expect(multi.consequences[0]).toMatchObject({ code: 'reboot.failover', params: { to: 'eu-west-1b' } });
    stubs.rds.on(RebootDBInstanceCommand).resolves({ DBInstance: { DBInstanceStatus: 'rebooting' } });
    await b.execute({ type: 'RebootDBInstance', dbInstanceIdentifier: 'orders', forceFailover: true });
    expect(stubs.rds.commandCalls(RebootDBInstanceCommand)[0]!.args[0].input).toEqual({ DBInstanceIdentifier: 'orders', ForceFailover: true });
    const result = await b.follow({ type: 'RebootDBInstance', dbInstanceIdentifier: 'orders', forceFailover: true }, () => undefined);
    expect(result.outcome).toBe('settled');
    expect(clock.slept[0]).toBe(15_000);
  });

  it('checks capacity bounds and follows the group until every instance is InService', async () => {
    const { stubs, backend: b } = backend();
    const group = (desired: number, states: string[]) => ({
      $metadata: {},
      AutoScalingGroups: [{ AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 4, DefaultCooldown: 300, AvailabilityZones: ['eu-west-1a'], HealthCheckType: 'EC2', CreatedTime: new Date(0), DesiredCapacity: desired, Instances: states.map((s, i) => ({ InstanceId: `i-${i}`, LifecycleState: s as 'InService' })) }],
    }) as unknown as DescribeAutoScalingGroupsCommandOutput;
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(group(2, ['InService', 'InService']));
    stubs.autoscaling.on(DescribePoliciesCommand).resolves({ ScalingPolicies: [] });
    expect((await b.preflight({ type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 9 })).checks[1]).toMatchObject({ code: 'within-bounds.outside', status: 'fail' });
    const ok = await b.preflight({ type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 3 });
    expect(ok.consequences[0]).toEqual({ code: 'capacity.launch', params: { group: 'web', count: 1 } });
    stubs.autoscaling.on(SetDesiredCapacityCommand).resolves({});
    await b.execute({ type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 3 });
    expect(stubs.autoscaling.commandCalls(SetDesiredCapacityCommand)[0]!.args[0].input).toEqual({ AutoScalingGroupName: 'web', DesiredCapacity: 3, HonorCooldown: false });
    let described = 0;
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).callsFake(() => (described++ === 0 ? group(3, ['InService', 'InService', 'Pending']) : group(3, ['InService', 'InService', 'InService'])));
    const reports: FollowReport[] = [];
    const result = await b.follow({ type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 3 }, (r) => reports.push(r));
    expect(reports).toEqual([{ status: '2/3 InService', message: 'web: 2/3 InService, instances launching or terminating.' }]);
    expect(result).toMatchObject({ outcome: 'settled', status: '3/3 InService' });
  });
});
