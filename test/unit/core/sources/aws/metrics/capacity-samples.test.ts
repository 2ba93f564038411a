/**
 * Capacity without group metrics (issue 11 item 4): desired/min/max/InService from every
 * DescribeAutoScalingGroups poll go into the series the capacity chart shows, for the metrics the
 * group does not collect (EnabledMetrics, off by default: ec2-auto-scaling-metrics.html); those
 * are not asked of CloudWatch, which has no data for them.
 */
import { describe, expect, it } from 'vitest';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { mockedSource, type Stubs } from '../../../../../helpers/aws-mocks';

function group(desired: number, inService: number, enabled: string[] = []) {
  return {
    AutoScalingGroups: [
      {
        AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 6, DesiredCapacity: desired, DefaultCooldown: 300, HealthCheckType: 'EC2', AvailabilityZones: ['eu-west-1a'], CreatedTime: new Date(0),
        EnabledMetrics: enabled.map((Metric) => ({ Metric, Granularity: '1Minute' })),
        Instances: Array.from({ length: inService }, (_, i) => ({ InstanceId: `i-${i}`, AvailabilityZone: 'eu-west-1a', LifecycleState: 'InService' as const, HealthStatus: 'Healthy', ProtectedFromScaleIn: false })),
      },
    ],
  };
}

const points = (snapshot: { metrics: { namespace: string; metricName: string; points: [number, number][] }[] }, metricName: string) =>
  snapshot.metrics.find((m) => m.namespace === 'AWS/AutoScaling' && m.metricName === metricName)?.points.map(([, v]) => v);

function identity(stubs: Stubs) {
  stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' });
}

describe('capacity sampled from DescribeAutoScalingGroups', () => {
  it('fills the capacity series from each poll when group metrics collection is off, and asks CloudWatch only for what it has', async () => {
    const { source, stubs, clock } = mockedSource();
    identity(stubs);
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(group(2, 2));
    await source.connect();
    await source.refresh();
    expect(source.snapshot().inventory.autoScalingGroups[0]!.enabledMetrics).toEqual([]);
    clock.advance(60_000);
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(group(4, 2));
    await source.refreshDataset('autoscaling');
    clock.advance(60_000);
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(group(4, 4));
    await source.refreshDataset('autoscaling');
    const snapshot = source.snapshot();
    expect(points(snapshot, 'GroupDesiredCapacity')).toEqual([2, 4, 4]);
    expect(points(snapshot, 'GroupInServiceInstances')).toEqual([2, 2, 4]);
    expect(points(snapshot, 'GroupMinSize')).toEqual([1, 1, 1]);
    expect(points(snapshot, 'GroupMaxSize')).toEqual([6, 6, 6]);
    // CloudWatch was asked for the EC2 CPU of the group, not for group metrics it does not have.
    const asked = stubs.cloudwatch.commandCalls(GetMetricDataCommand).flatMap((c) => c.args[0].input.MetricDataQueries!.map((q) => q.MetricStat!.Metric!.MetricName));
    expect(asked).toContain('CPUUtilization');
    expect(asked.filter((m) => m!.startsWith('Group'))).toEqual([]);
    source.stop();
  });

  it('publishes a sample only when the value changed in that minute', async () => {
    const { source, stubs } = mockedSource();
    identity(stubs);
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(group(2, 2));
    const published: string[] = [];
    source.onUpdate((u) => published.push(...u.metrics.filter((m) => m.metricName === 'GroupDesiredCapacity').map((m) => JSON.stringify(m.points))));
    await source.connect();
    await source.refreshDataset('autoscaling');
    await source.refreshDataset('autoscaling');
    expect(published).toHaveLength(1);
    source.stop();
  });

  it('leaves collected metrics to CloudWatch', async () => {
    const { source, stubs } = mockedSource();
    identity(stubs);
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(group(2, 2, ['GroupDesiredCapacity', 'GroupInServiceInstances', 'GroupMinSize', 'GroupMaxSize', 'GroupPendingInstances', 'GroupTerminatingInstances', 'GroupTotalInstances']));
    await source.connect();
    await source.refresh();
    // Nothing sampled: the (here empty) CloudWatch series is the only one.
    expect(source.snapshot().metrics.filter((m) => m.metricName === 'GroupDesiredCapacity').flatMap((m) => m.points)).toEqual([]);
    const asked = stubs.cloudwatch.commandCalls(GetMetricDataCommand).flatMap((c) => c.args[0].input.MetricDataQueries!.map((q) => q.MetricStat!.Metric!.MetricName));
    expect(asked).toContain('GroupDesiredCapacity');
    source.stop();
  });
});
