/**
 * Missing or old data is Unknown, never Healthy (docs/health.md), for every resource and not only
 * for the service tiles: the review found the RDS list, the Auto Scaling list and the request path
 * green "Healthy" while moto was down and the tiles said Unknown.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, Inventory, type DatasetStatuses, type MetricSeries } from '@main/core/contract/model';
import { evaluateHealth, type HealthInput } from '@main/core/health';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const T = NOW / 1000;
const LB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188';
const TG_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067';
const LB_DIMS = { LoadBalancer: 'app/web/50dc6c495c0c9188' };
const REFUSED = { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5280' };

const inventory = Inventory.parse({
  loadBalancers: [{ loadBalancerArn: LB_ARN, loadBalancerName: 'web', dnsName: 'web-1.eu-west-1.elb.amazonaws.com', scheme: 'internet-facing', state: 'active', availabilityZones: ['eu-west-1a'] }],
  targetGroups: [{ targetGroupArn: TG_ARN, targetGroupName: 'web-tg', targetType: 'instance', loadBalancerArns: [LB_ARN], targets: [{ targetId: 'i-1', availabilityZone: 'eu-west-1a', state: 'healthy' }] }],
  autoScalingGroups: [
    { autoScalingGroupName: 'web-asg', minSize: 1, maxSize: 4, desiredCapacity: 1, defaultCooldown: 300, healthCheckType: 'ELB', healthCheckGracePeriod: 90, availabilityZones: ['eu-west-1a'], targetGroupARNs: [TG_ARN], instances: [{ instanceId: 'i-1', availabilityZone: 'eu-west-1a', lifecycleState: 'InService', healthStatus: 'Healthy', launchTime: new Date(NOW - 3_600_000).toISOString() }], policies: [], scheduledActions: [] },
  ],
  dbInstances: [
    { dbInstanceIdentifier: 'orders', dbInstanceClass: 'db.r6g.large', engine: 'mysql', dbInstanceStatus: 'available', multiAZ: true, readReplicaDBInstanceIdentifiers: [], backupRetentionPeriod: 7 },
    { dbInstanceIdentifier: 'reports', dbInstanceClass: 'db.r6g.large', engine: 'mysql', dbInstanceStatus: 'stopped', multiAZ: false, readReplicaDBInstanceIdentifiers: [], backupRetentionPeriod: 7 },
  ],
  alarms: [{ alarmName: 'p99-latency', metricName: 'TargetResponseTime', evaluationPeriods: 1, threshold: 1, comparisonOperator: 'GreaterThanThreshold', alarmActions: ['arn:aws:sns:eu-west-1:123456789012:pager'], stateValue: 'ALARM', stateReason: 'Threshold Crossed', stateUpdatedTimestamp: new Date(NOW - 600_000).toISOString() }],
});

function sums(metricName: string, perMinute: number): MetricSeries {
  return { namespace: 'AWS/ApplicationELB', metricName, dimensions: LB_DIMS, stat: 'Sum', period: 60, points: Array.from({ length: 5 }, (_, i) => [T - 60 * (i + 3), perMinute] as [number, number]) };
}

function run(datasets: DatasetStatuses) {
  const input: HealthInput = { now: NOW, inventory, metrics: [sums('RequestCount', 1000)], scalingActivities: [], rdsEvents: [], datasets, metricsDelaySeconds: 120, thresholds: DEFAULT_HEALTH_THRESHOLDS };
  return evaluateHealth(input);
}

const FRESH: DatasetStatuses = { elbv2: { state: 'ok', fetchedAt: NOW - 10_000 }, autoscaling: { state: 'ok', fetchedAt: NOW - 10_000 }, route53: { state: 'ok', fetchedAt: NOW - 10_000 }, rds: { state: 'ok', fetchedAt: NOW - 10_000 }, lambda: { state: 'ok', fetchedAt: NOW - 10_000 }, cloudwatch: { state: 'ok', fetchedAt: NOW - 10_000 } };
/** moto killed: every refresh since three minutes ago failed (polling/dataset-book.ts keeps the data, marked stale with the error). */
const OFFLINE: DatasetStatuses = Object.fromEntries(Object.keys(FRESH).map((name) => [name, { state: 'stale', fetchedAt: NOW - 180_000, error: REFUSED }]));

const resource = (report: ReturnType<typeof run>, name: string) => report.resources.find((r) => r.name === name)!;
const service = (report: ReturnType<typeof run>, name: string) => report.services.find((s) => s.service === name)!;

describe('every resource of a stale or unreadable dataset is Unknown, never Healthy', () => {
  it('on current data the resources are judged as usual (the test can fail)', () => {
    const report = run(FRESH);
    expect(['orders', 'web-asg', 'web-tg', 'web'].map((name) => resource(report, name).status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(resource(report, 'reports').status).toBe('failing');
    expect(service(report, 'cloudwatch').status).toBe('degraded');
  });

  it('offline: DB instances, groups, target groups and load balancers are Unknown, with what they last showed', () => {
    const report = run(OFFLINE);
    for (const name of ['orders', 'reports', 'web-asg', 'web-tg', 'web', 'p99-latency']) expect(resource(report, name).status, name).toBe('unknown');
    expect(resource(report, 'orders').reasons[0]).toMatchObject({ code: 'data.stale', status: 'unknown', subject: 'orders', params: { cause: 'refreshFailed', since: '2026-11-20T14:57:00.000Z', last: 'ok' } });
    // What it last saw stays, as context after the data reason.
    expect(resource(report, 'reports').reasons.map((r) => r.code)).toEqual(['data.stale', 'db.notAvailable']);
    expect(resource(report, 'reports').reasons[0]!.params.last).toBe('failing');
  });

  it('a dataset that could not be read at all is Unknown too (data.missing, state error)', () => {
    const report = run({ ...FRESH, rds: { state: 'error', error: REFUSED } });
    expect(resource(report, 'orders')).toMatchObject({ status: 'unknown', reasons: [{ code: 'data.missing', params: { state: 'error', last: 'ok' } }] });
    expect(resource(report, 'web-asg').status).toBe('ok');
  });

  it('the reason tells a failed refresh from data that is only old', () => {
    const old = run({ ...FRESH, rds: { state: 'stale', fetchedAt: NOW - 600_000 } });
    expect(resource(old, 'orders').reasons[0]!.params).toMatchObject({ cause: 'tooOld', since: '2026-11-20T14:50:00.000Z' });
    expect(service(run(OFFLINE), 'rds').reasons[0]).toMatchObject({ code: 'data.stale', params: { cause: 'refreshFailed', since: '2026-11-20T14:57:00.000Z', last: 'failing' } });
  });

  it('one stale line per tile: load balancing and Lambda do not say it again for the CloudWatch metrics', () => {
    const report = run(OFFLINE);
    expect(service(report, 'elbv2').reasons.filter((r) => r.code === 'data.stale')).toHaveLength(1);
    expect(service(report, 'elbv2').reasons[0]).toMatchObject({ code: 'data.stale', params: { cause: 'refreshFailed' } });
  });

  it('"last seen" is the verdict of the last data, not Unknown for the stale metrics it is judged on', () => {
    const report = run(OFFLINE);
    expect(service(report, 'elbv2').reasons[0]!.params.last).toBe('ok');
    expect(resource(report, 'web').reasons[0]!.params.last).toBe('ok');
  });

  it('only the CloudWatch metrics stale: the load balancer is Unknown for its metrics, and the line says the refresh failed', () => {
    const report = run({ ...FRESH, cloudwatch: { state: 'stale', fetchedAt: NOW - 180_000, error: REFUSED } });
    expect(resource(report, 'web-tg').status).toBe('ok');
    expect(resource(report, 'web').reasons.find((r) => r.code === 'data.stale')!.params).toMatchObject({ scope: 'metrics', cause: 'refreshFailed' });
    expect(service(report, 'elbv2').reasons.filter((r) => r.code === 'data.stale')).toHaveLength(1);
  });

  it('the alarms tile is Unknown on stale data, the stale reason first (not Degraded from what it last saw)', () => {
    const alarms = service(run(OFFLINE), 'cloudwatch');
    expect(alarms.status).toBe('unknown');
    expect(alarms.reasons.map((r) => r.code)).toEqual(['data.stale', 'alarm.inAlarm']);
    expect(alarms.reasons[0]!.params.last).toBe('degraded');
    expect(service(run(OFFLINE), 'rds').status).toBe('unknown');
  });
});
