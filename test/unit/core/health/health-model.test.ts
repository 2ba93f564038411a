/** The pure health model on small hand-made inventories: each rule, its threshold and its reason. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, Inventory, type AutoScalingGroup, type MetricSeries, type ScalingActivity, type TargetGroup } from '@main/core/contract/model';
import { evaluateHealth, type HealthInput } from '@main/core/health';
import { scalingAlarm } from '@main/core/health/alarms';
import { HealthMonitor } from '@main/core/health/health-monitor';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const T = NOW / 1000;
const LB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188';
const TG_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067';

function targets(...states: [string, TargetGroup['targets'][number]['state']][]): TargetGroup['targets'] {
  return states.map(([zone, state], i) => ({ targetId: `i-${i}`, availabilityZone: zone, state }));
}

function inventory(part: Partial<Inventory> = {}): Inventory {
  return Inventory.parse({
    loadBalancers: [{ loadBalancerArn: LB_ARN, loadBalancerName: 'web', dnsName: 'web-1.eu-west-1.elb.amazonaws.com', scheme: 'internet-facing', state: 'active', availabilityZones: ['eu-west-1a', 'eu-west-1b'] }],
    targetGroups: [{ targetGroupArn: TG_ARN, targetGroupName: 'web-tg', targetType: 'instance', loadBalancerArns: [LB_ARN], targets: targets(['eu-west-1a', 'healthy'], ['eu-west-1b', 'healthy']) }],
    autoScalingGroups: [],
    ...part,
  });
}

/** One Sum series with a value per minute for the last `minutes` minutes. */
function sums(metricName: string, dimensions: Record<string, string>, perMinute: number, minutes = 5, namespace = 'AWS/ApplicationELB'): MetricSeries {
  return { namespace, metricName, dimensions, stat: 'Sum', period: 60, points: Array.from({ length: minutes }, (_, i) => [T - 60 * (i + 1), perMinute] as [number, number]) };
}

function input(part: Partial<HealthInput> = {}): HealthInput {
  return { now: NOW, inventory: inventory(), metrics: [], scalingActivities: [], rdsEvents: [], datasets: {}, thresholds: DEFAULT_HEALTH_THRESHOLDS, ...part };
}

const service = (report: ReturnType<typeof evaluateHealth>, key: string) => report.services.find((s) => s.service === key)!;
const LB_DIMS = { LoadBalancer: 'app/web/50dc6c495c0c9188' };

describe('load balancers', () => {
  it('ELB + target 5XX as a share of requests: 1 % degraded, 5 % failing, with the numbers', () => {
    const at = (elbPerMinute: number) =>
      service(evaluateHealth(input({ metrics: [sums('RequestCount', LB_DIMS, 1000), sums('HTTPCode_ELB_5XX_Count', LB_DIMS, elbPerMinute), sums('HTTPCode_Target_5XX_Count', LB_DIMS, 5)] })), 'elbv2');
    expect(at(0).status).toBe('ok'); // 0.5 %
    expect(at(10).status).toBe('degraded'); // 1.5 %
    const failing = at(100); // 10.5 %
    expect(failing.status).toBe('failing');
    expect(failing.reasons[0]).toMatchObject({ code: 'lb.http5xx', subject: 'web', params: { percent: 11, errors: 525, elb: 500, target: 25, requests: 5000, minutes: 5 } });
  });

  it('a 5XX count that was never published is zero, not unknown (ALB-10: only when non-zero)', () => {
    expect(service(evaluateHealth(input({ metrics: [sums('RequestCount', LB_DIMS, 1000)] })), 'elbv2').status).toBe('ok');
  });

  it('too few requests to judge a share: 3 errors in 10 requests is not an outage', () => {
    expect(service(evaluateHealth(input({ metrics: [sums('RequestCount', LB_DIMS, 2), sums('HTTPCode_ELB_5XX_Count', LB_DIMS, 1, 3)] })), 'elbv2').status).toBe('ok');
  });

  it('points older than the window do not count', () => {
    const old: MetricSeries = { ...sums('HTTPCode_ELB_5XX_Count', LB_DIMS, 900), points: [[T - 3600, 900]] };
    expect(service(evaluateHealth(input({ metrics: [sums('RequestCount', LB_DIMS, 1000), old] })), 'elbv2').status).toBe('ok');
  });

  it('a target group with no healthy target is failing; one zone down is degraded, per AZ', () => {
    const down = evaluateHealth(input({ inventory: inventory({ targetGroups: [{ ...inventory().targetGroups[0]!, targets: targets(['eu-west-1a', 'unhealthy'], ['eu-west-1b', 'unhealthy'], ['eu-west-1b', 'unhealthy']) }] }) }));
    expect(service(down, 'elbv2').reasons[0]).toMatchObject({ code: 'tg.noHealthyTargets', status: 'failing', subject: 'web-tg', params: { unhealthy: 3, total: 3 } });
    const zone = evaluateHealth(input({ inventory: inventory({ targetGroups: [{ ...inventory().targetGroups[0]!, targets: targets(['eu-west-1a', 'unhealthy'], ['eu-west-1b', 'healthy']) }] }) }));
    expect(service(zone, 'elbv2').status).toBe('degraded');
    expect(service(zone, 'elbv2').reasons.find((r) => r.code === 'tg.zoneUnhealthy')).toMatchObject({ params: { zone: 'eu-west-1a', unhealthy: 1, total: 1 } });
  });

  it('targets in `initial` are not failures; no registered target behind a load balancer is failing', () => {
    const initial = evaluateHealth(input({ inventory: inventory({ targetGroups: [{ ...inventory().targetGroups[0]!, targets: targets(['eu-west-1a', 'initial']) }] }) }));
    expect(service(initial, 'elbv2').status).toBe('unknown');
    const empty = evaluateHealth(input({ inventory: inventory({ targetGroups: [{ ...inventory().targetGroups[0]!, targets: [] }] }) }));
    expect(service(empty, 'elbv2').reasons[0]).toMatchObject({ code: 'tg.noTargets', status: 'failing' });
  });
});

describe('data missing or stale is Unknown, never Healthy', () => {
  it('before the first metric period closes, load balancers and functions wait', () => {
    const report = evaluateHealth(input({ metricsSince: NOW - 30_000 }));
    expect(service(report, 'elbv2')).toMatchObject({ status: 'unknown', reasons: [{ code: 'metrics.waiting' }] });
  });

  it('a service whose data is stale or still loading is Unknown when it would have been OK', () => {
    const report = evaluateHealth(input({ datasets: { elbv2: { state: 'stale', fetchedAt: NOW - 600_000 }, autoscaling: { state: 'loading' }, cloudwatch: { state: 'ok' } } }));
    expect(service(report, 'elbv2').status).toBe('unknown');
    expect(service(report, 'elbv2').reasons.map((r) => r.code)).toContain('data.stale');
    expect(service(report, 'autoscaling')).toMatchObject({ status: 'unknown', total: 0, reasons: [{ code: 'data.missing' }] });
  });
});

describe('Auto Scaling', () => {
  const group = (part: Partial<AutoScalingGroup>): AutoScalingGroup =>
    ({ autoScalingGroupName: 'web-asg', minSize: 1, maxSize: 10, desiredCapacity: 4, defaultCooldown: 300, healthCheckType: 'ELB', healthCheckGracePeriod: 90, availabilityZones: ['eu-west-1a'], targetGroupARNs: [], instances: [], policies: [], scheduledActions: [], ...part }) as AutoScalingGroup;
  const instance = (state: string, launchedSecondsAgo: number) => ({ instanceId: `i-${state}-${launchedSecondsAgo}`, availabilityZone: 'eu-west-1a', lifecycleState: state, healthStatus: 'Healthy', launchTime: new Date(NOW - launchedSecondsAgo * 1000).toISOString() });
  const activity = (status: ScalingActivity['statusCode'], minutesAgo: number): ScalingActivity => ({ activityId: `a-${status}-${minutesAgo}`, autoScalingGroupName: 'web-asg', cause: 'c', description: 'Launching a new EC2 instance', startTime: new Date(NOW - minutesAgo * 60_000).toISOString(), statusCode: status, statusMessage: 'The Availability Zone is unavailable', progress: 100 });
  const run = (g: AutoScalingGroup, activities: ScalingActivity[] = []) => evaluateHealth(input({ inventory: inventory({ autoScalingGroups: [g] as never }), scalingActivities: activities }));

  it('below desired within the warm-up allowance is capacity on its way (OK with a note); beyond it, degraded', () => {
    const ok = run(group({ instances: [instance('InService', 900), instance('InService', 900), instance('Pending', 60), instance('Pending', 60)] as never }));
    expect(service(ok, 'autoscaling')).toMatchObject({ status: 'ok', reasons: [{ code: 'asg.launching', params: { inService: 2, desired: 4, launching: 2 } }] });
    const late = run(group({ instances: [instance('InService', 900), instance('InService', 900), instance('Pending', 400), instance('Pending', 400)] as never }));
    expect(service(late, 'autoscaling').reasons[0]).toMatchObject({ code: 'asg.belowDesired', status: 'degraded', params: { seconds: 300 } });
  });

  it('failed launches count until a later launch succeeds', () => {
    const g = group({ desiredCapacity: 2, instances: [instance('InService', 900), instance('InService', 900)] as never });
    expect(service(run(g, [activity('Failed', 5)]), 'autoscaling').reasons[0]).toMatchObject({ code: 'asg.launchFailures', params: { count: 1, message: 'The Availability Zone is unavailable' } });
    expect(service(run(g, [activity('Failed', 5), activity('Successful', 2)]), 'autoscaling').status).toBe('ok');
  });

  it('nothing InService and no launch under way is failing', () => {
    expect(service(run(group({ desiredCapacity: 2 }), [activity('Failed', 1)]), 'autoscaling').reasons[0]).toMatchObject({ code: 'asg.noneInService', status: 'failing' });
  });
});

describe('alarms', () => {
  const alarm = (alarmName: string, stateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA', alarmActions: string[] = []) => ({ alarmName, evaluationPeriods: 1, comparisonOperator: 'GreaterThanThreshold', alarmActions, stateValue, stateReason: '', stateUpdatedTimestamp: '2026-11-20T14:00:00Z', metricName: 'CPUUtilization', threshold: 80 });

  it('target-tracking AlarmLow/AlarmHigh and alarms that only scale are scaling state, not degradation', () => {
    expect(scalingAlarm({ alarmName: 'TargetTracking-web-asg-AlarmLow-9ae871a1-f324-4268-b802-288e1ff51018', alarmActions: [] })).toEqual({ direction: 'low', group: 'web-asg' });
    expect(scalingAlarm({ alarmName: 'orders-cpu-below-30', alarmActions: ['arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:1:autoScalingGroupName/orders:policyName/in'] })).toEqual({ direction: 'step' });
    expect(scalingAlarm({ alarmName: 'p99-latency', alarmActions: ['arn:aws:sns:us-east-1:123456789012:pager'] })).toBeUndefined();
    const report = evaluateHealth(input({ inventory: inventory({ alarms: [alarm('TargetTracking-web-asg-AlarmLow-9ae871a1-f324-4268-b802-288e1ff51018', 'ALARM'), alarm('p99-latency', 'OK')] as never }) }));
    expect(service(report, 'cloudwatch')).toMatchObject({ status: 'ok', counts: { inAlarm: 0, scaling: 1 } });
  });

  it('any other alarm in ALARM is degraded, named with its metric', () => {
    const report = evaluateHealth(input({ inventory: inventory({ alarms: [alarm('p99-latency', 'ALARM', ['arn:aws:sns:us-east-1:123456789012:pager'])] as never }) }));
    expect(service(report, 'cloudwatch')).toMatchObject({ status: 'degraded', reasons: [{ code: 'alarm.inAlarm', subject: 'p99-latency', params: { metric: 'CPUUtilization', threshold: 80 } }] });
  });
});

describe('RDS', () => {
  const db = (part: Record<string, unknown>) => ({ dbInstanceIdentifier: 'db', dbInstanceClass: 'db.r6g.large', engine: 'mysql', dbInstanceStatus: 'available', multiAZ: true, readReplicaDBInstanceIdentifiers: [], backupRetentionPeriod: 7, ...part });
  const run = (dbs: unknown[], rdsEvents: HealthInput['rdsEvents'] = []) => service(evaluateHealth(input({ inventory: inventory({ dbInstances: dbs as never }), rdsEvents })), 'rds');

  it('not available, failover in progress, replica lag over the threshold, replication stopped', () => {
    expect(run([db({ dbInstanceStatus: 'failed' })]).reasons[0]).toMatchObject({ code: 'db.notAvailable', status: 'failing', params: { status: 'failed' } });
    expect(run([db({ dbInstanceStatus: 'rebooting' })]).status).toBe('degraded');
    const started = { sourceIdentifier: 'db', sourceType: 'db-instance', date: '2026-11-20T14:58:00Z', message: 'Multi-AZ instance failover started.', eventCategories: ['failover'], eventId: 'RDS-EVENT-0013' };
    expect(run([db({ dbInstanceStatus: 'rebooting' })], [started]).reasons[0]).toMatchObject({ code: 'db.failover', status: 'degraded' });
    expect(run([db({})], [started, { ...started, date: '2026-11-20T14:59:00Z', eventId: 'RDS-EVENT-0049' }]).status).toBe('ok');
    expect(run([db({ dbInstanceIdentifier: 'r', readReplicaSourceDBInstanceIdentifier: 'db', replicaLagSeconds: 45 })]).reasons[0]).toMatchObject({ code: 'db.replicaLag', params: { seconds: 45, threshold: 30 } });
    expect(run([db({ dbInstanceIdentifier: 'r', readReplicaSourceDBInstanceIdentifier: 'db', replicaLagSeconds: -1 })]).status).toBe('failing');
  });
});

describe('Lambda', () => {
  const fn = { functionName: 'search-api', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:search-api', memorySize: 1024, timeout: 5, reservedConcurrentExecutions: 20 };
  const dims = { FunctionName: 'search-api' };
  it('throttles as a share of invocations + throttles, and concurrency at the reserved limit', () => {
    const report = evaluateHealth(
      input({
        inventory: inventory({ lambdaFunctions: [fn] as never }),
        metrics: [sums('Invocations', dims, 4600, 5, 'AWS/Lambda'), sums('Throttles', dims, 5400, 5, 'AWS/Lambda'), { ...sums('ConcurrentExecutions', dims, 20, 5, 'AWS/Lambda'), stat: 'Maximum' }],
      }),
    );
    const lambda = service(report, 'lambda');
    expect(lambda.status).toBe('failing');
    expect(lambda.reasons[0]).toMatchObject({ code: 'fn.throttles', subject: 'search-api', params: { percent: 54, throttles: 27000, requests: 50000 } });
    expect(lambda.reasons[1]).toMatchObject({ code: 'fn.concurrencyLimit', params: { peak: 20, limit: 20, scope: 'reserved' } });
  });
});

describe('HealthMonitor', () => {
  it('pushes a report only when a verdict changes, and follows a metric window forward', () => {
    const monitor = new HealthMonitor({ wallNow: () => NOW });
    const snapshot = { session: { mode: 'aws' as const, profile: 'p', region: 'eu-west-1', credentialState: 'connected' as const, readOnly: false }, inventory: inventory(), scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [], datasets: {} };
    expect(monitor.reset(snapshot).services[0]!.status).toBe('ok');
    const empty = { scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [] };
    expect(monitor.ingest(empty)).toBeUndefined();
    const burst = monitor.ingest({ ...empty, metrics: [sums('RequestCount', LB_DIMS, 1000, 7), sums('HTTPCode_ELB_5XX_Count', LB_DIMS, 200, 7)] });
    expect(burst?.services[0]!.status).toBe('failing');
  });
});
