/**
 * EC2 CPU at the period the account really publishes (issue 11 item 4): AWS/EC2 CPUUtilization
 * exists in 5-minute periods under basic monitoring (the default) and in 1-minute periods under
 * detailed monitoring (docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html).
 * CloudWatch is read for the last 15 minutes at 60 s; the CPU series is then polled at that period.
 */
import { describe, expect, it } from 'vitest';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { GetMetricDataCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { mockedSource, type Stubs } from '../../../../../helpers/aws-mocks';
import { monitoringFromTimestamps } from '@main/core/sources/aws/metrics/cpu-monitoring';

const GROUPS = {
  AutoScalingGroups: ['basic-web', 'detailed-web'].map((name) => ({
    AutoScalingGroupName: name, MinSize: 1, MaxSize: 4, DesiredCapacity: 2, DefaultCooldown: 300, HealthCheckType: 'EC2', AvailabilityZones: ['eu-west-1a'], CreatedTime: new Date(0),
    Instances: [{ InstanceId: `i-${name}`, AvailabilityZone: 'eu-west-1a', LifecycleState: 'InService' as const, HealthStatus: 'Healthy', ProtectedFromScaleIn: false }],
  })),
};

/** What CloudWatch holds: basic-web every 5 minutes, detailed-web every minute. */
function answer(input: GetMetricDataCommandInput) {
  const start = input.StartTime!.getTime() / 1000;
  const end = input.EndTime!.getTime() / 1000;
  return {
    MetricDataResults: input.MetricDataQueries!.map((q) => {
      const stat = q.MetricStat!;
      const group = stat.Metric!.Dimensions!.find((d) => d.Name === 'AutoScalingGroupName')?.Value ?? '';
      if (stat.Metric!.MetricName !== 'CPUUtilization' || !group) return { Id: q.Id, Timestamps: [], Values: [] };
      const every = group === 'detailed-web' ? 60 : 300;
      const times: number[] = [];
      for (let t = Math.ceil(start / every) * every; t < end; t += Math.max(every, stat.Period!)) times.push(t);
      return { Id: q.Id, Timestamps: times.map((t) => new Date(t * 1000)), Values: times.map(() => 40) };
    }),
  };
}

function identity(stubs: Stubs) {
  stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' });
}

describe('EC2 CPU at the period the account publishes', () => {
  it('tells detailed (points under five minutes apart) from basic, and says basic without data', () => {
    expect(monitoringFromTimestamps([0, 60, 120])).toEqual({ monitoring: 'detailed', seen: true });
    expect(monitoringFromTimestamps([0, 300, 600])).toEqual({ monitoring: 'basic', seen: true });
    expect(monitoringFromTimestamps([300])).toEqual({ monitoring: 'basic', seen: false });
    expect(monitoringFromTimestamps([])).toEqual({ monitoring: 'basic', seen: false });
  });

  it('labels each group and polls its CPU at 300 s (basic) or 60 s (detailed)', async () => {
    const { source, stubs } = mockedSource();
    identity(stubs);
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(GROUPS);
    stubs.cloudwatch.on(GetMetricDataCommand).callsFake(answer);
    await source.connect();
    await source.refresh();
    const snapshot = source.snapshot();
    const byName = Object.fromEntries(snapshot.inventory.autoScalingGroups.map((g) => [g.autoScalingGroupName, g.instanceMonitoring]));
    expect(byName).toEqual({ 'basic-web': 'basic', 'detailed-web': 'detailed' });
    const cpu = (group: string) => snapshot.metrics.filter((m) => m.metricName === 'CPUUtilization' && m.dimensions.AutoScalingGroupName === group);
    expect(cpu('basic-web').map((m) => m.period)).toEqual([300]);
    expect(cpu('detailed-web').map((m) => m.period)).toEqual([60]);
    // Basic monitoring: consecutive points five minutes apart, not a one-minute series of gaps.
    const times = cpu('basic-web')[0]!.points.map(([t]) => t);
    expect(times.length).toBeGreaterThan(2);
    expect(times.slice(1).every((t, i) => t - times[i]! === 300)).toBe(true);
    source.stop();
  });

  it('asks again after five minutes while a group has no data, and keeps a decision based on data for 30', async () => {
    const { source, stubs, clock } = mockedSource();
    identity(stubs);
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(GROUPS);
    stubs.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    await source.connect();
    await source.refreshDataset('autoscaling');
    const probes = () => stubs.cloudwatch.commandCalls(GetMetricDataCommand).filter((c) => c.args[0].input.MetricDataQueries!.some((q) => q.MetricStat!.Stat === 'SampleCount')).length;
    // No data: the default, basic; not asked again on the next poll (idle groups cost little) …
    expect(source.snapshot().inventory.autoScalingGroups.map((g) => g.instanceMonitoring)).toEqual(['basic', 'basic']);
    stubs.cloudwatch.on(GetMetricDataCommand).callsFake(answer);
    clock.advance(30_000);
    await source.refreshDataset('autoscaling');
    expect(probes()).toBe(1);
    // … but after five minutes.
    clock.advance(5 * 60_000);
    await source.refreshDataset('autoscaling');
    expect(source.snapshot().inventory.autoScalingGroups.map((g) => g.instanceMonitoring)).toEqual(['basic', 'detailed']);
    expect(probes()).toBe(2);
    // A decision based on data holds for 30 minutes.
    clock.advance(25 * 60_000);
    await source.refreshDataset('autoscaling');
    expect(probes()).toBe(2);
    clock.advance(5 * 60_000);
    await source.refreshDataset('autoscaling');
    expect(probes()).toBe(3);
    source.stop();
  });

  it('a CloudWatch failure while deciding names the gap and keeps the groups', async () => {
    const { source, stubs } = mockedSource();
    identity(stubs);
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(GROUPS);
    stubs.cloudwatch.on(GetMetricDataCommand).rejects(Object.assign(new Error('User is not authorized to perform: cloudwatch:GetMetricData'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    await source.connect();
    await source.refreshDataset('autoscaling');
    const status = source.datasetStatuses().autoscaling!;
    expect(status.state).toBe('ok');
    expect(status.error?.code).toBe('AccessDenied');
    expect(source.snapshot().inventory.autoScalingGroups).toHaveLength(2);
    source.stop();
  });
});
