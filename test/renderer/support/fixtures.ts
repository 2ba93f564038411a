/**
 * Contract-shaped sample data for renderer tests: one ALB, one target group, one Auto Scaling group.
 * Built as schema input and parsed, so the contract's defaults fill in lists these tests ignore.
 */
import { Inventory, Snapshot, Update, type MetricSeries, type ScalingActivity, type SessionInfo, type SimClock } from '@contract';
import type { z } from 'zod';

export const GROUP = 'web-asg';
export const START = Date.UTC(2024, 0, 1, 0, 0, 0);

export const simSession: SessionInfo = { mode: 'simulation', scenarioName: 'shop', seed: 7, region: 'us-east-1' };
export const awsSession: SessionInfo = { mode: 'aws', profile: 'prod', region: 'ap-northeast-2', credentialState: 'connected', readOnly: true };

export function emptyInventory(): Inventory {
  return Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [] });
}

export function clock(minutes = 0, running = true, speed = 10): SimClock {
  return { now: START + minutes * 60_000, startTime: START, running, speed };
}

export function activity(id: string, minute: number, statusCode: ScalingActivity['statusCode'] = 'Successful'): ScalingActivity {
  return {
    activityId: id,
    autoScalingGroupName: GROUP,
    cause: `At ${new Date(START + minute * 60_000).toISOString()} a monitor alarm TargetTracking-${GROUP}-AlarmHigh in state ALARM triggered policy cpu50-target-tracking changing the desired capacity from 2 to 3.`,
    description: `Launching a new EC2 instance: i-${id}`,
    startTime: new Date(START + minute * 60_000).toISOString(),
    ...(statusCode === 'InProgress' ? {} : { endTime: new Date(START + (minute + 1) * 60_000).toISOString() }),
    statusCode,
    progress: statusCode === 'InProgress' ? 30 : 100,
  };
}

export function series(metricName: string, namespace: string, points: [number, number][], stat: MetricSeries['stat'] = 'Average'): MetricSeries {
  return { namespace, metricName, dimensions: { AutoScalingGroupName: GROUP }, stat, period: 60, points };
}

/** n one-minute points starting at minute `from`. */
export function minutes(from: number, count: number, value: (minute: number) => number): [number, number][] {
  return Array.from({ length: count }, (_, i) => [(START + (from + i) * 60_000) / 1000, value(from + i)] as [number, number]);
}

export function capacitySeries(from: number, count: number): MetricSeries[] {
  return [
    series('GroupDesiredCapacity', 'AWS/AutoScaling', minutes(from, count, () => 2)),
    series('GroupInServiceInstances', 'AWS/AutoScaling', minutes(from, count, () => 2)),
    series('CPUUtilization', 'AWS/EC2', minutes(from, count, (m) => 40 + (m % 10))),
  ];
}

export function snapshot(overrides: Partial<z.input<typeof Snapshot>> = {}): Snapshot {
  return Snapshot.parse({
    session: simSession,
    clock: clock(10),
    inventory: {
      loadBalancers: [
        {
          loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/1',
          loadBalancerName: 'shop-alb',
          dnsName: 'shop-alb-1.us-east-1.elb.amazonaws.com',
          scheme: 'internet-facing',
          state: 'active',
          availabilityZones: ['us-east-1a', 'us-east-1b'],
        },
      ],
      targetGroups: [
        {
          targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1',
          targetGroupName: 'web',
          protocol: 'HTTP',
          port: 80,
          targetType: 'instance',
          healthCheckPath: '/health',
          loadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/1'],
          targets: [
            { targetId: 'i-1', port: 80, availabilityZone: 'us-east-1a', state: 'healthy' },
            { targetId: 'i-2', port: 80, availabilityZone: 'us-east-1b', state: 'unhealthy', reason: 'Target.FailedHealthChecks', description: 'Health checks failed' },
          ],
        },
      ],
      autoScalingGroups: [
        {
          autoScalingGroupName: GROUP,
          minSize: 2,
          maxSize: 6,
          desiredCapacity: 2,
          defaultCooldown: 300,
          healthCheckType: 'ELB',
          healthCheckGracePeriod: 60,
          availabilityZones: ['us-east-1a', 'us-east-1b'],
          targetGroupARNs: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1'],
          instances: [
            { instanceId: 'i-1', availabilityZone: 'us-east-1a', lifecycleState: 'InService', healthStatus: 'Healthy' },
            { instanceId: 'i-2', availabilityZone: 'us-east-1b', lifecycleState: 'Pending', healthStatus: 'Healthy' },
          ],
          policies: [
            { policyName: 'cpu50-target-tracking', policyType: 'TargetTrackingScaling', targetValue: 50, predefinedMetricType: 'ASGAverageCPUUtilization', alarmNames: ['AlarmHigh', 'AlarmLow'] },
          ],
        },
      ],
    },
    scalingActivities: [activity('a1', 1), activity('a2', 5)],
    metrics: capacitySeries(0, 10),
    ...overrides,
  });
}

export function update(overrides: Partial<z.input<typeof Update>> = {}): Update {
  return Update.parse({ scalingActivities: [], metrics: [], ...overrides });
}

/** The capacity chart's three series for a group, as views query them (no period: the finest). */
export function capacityQueries(groupName: string) {
  const dimensions = { AutoScalingGroupName: groupName };
  return {
    desired: { namespace: 'AWS/AutoScaling', metricName: 'GroupDesiredCapacity', dimensions, stat: 'Average' as const },
    inService: { namespace: 'AWS/AutoScaling', metricName: 'GroupInServiceInstances', dimensions, stat: 'Average' as const },
    cpu: { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions, stat: 'Average' as const },
  };
}

export const LB_DNS = 'shop-alb-1.us-east-1.elb.amazonaws.com';
export const TG_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1';

/** The snapshot's inventory plus Route 53, RDS, Lambda and alarms: every view has something to show. */
export function fullInventory(): Inventory {
  const base = snapshot().inventory;
  return Inventory.parse({
    ...base,
    loadBalancers: base.loadBalancers.map((lb) => ({
      ...lb,
      listeners: [
        {
          listenerArn: 'arn:listener/1',
          port: 80,
          protocol: 'HTTP',
          rules: [
            { ruleArn: 'arn:rule/default', priority: 'default', isDefault: true, conditions: [], actions: [{ type: 'forward', targetGroups: [{ targetGroupArn: TG_ARN, weight: 1 }] }] },
            { ruleArn: 'arn:rule/10', priority: '10', isDefault: false, conditions: [{ field: 'path-pattern', values: ['/api/*'] }], actions: [{ type: 'forward', targetGroups: [{ targetGroupArn: TG_ARN, weight: 1 }] }] },
          ],
        },
      ],
    })),
    alarms: [
      {
        alarmName: `TargetTracking-${GROUP}-AlarmHigh-12345678-1234-1234-1234-123456789012`,
        namespace: 'AWS/EC2',
        metricName: 'CPUUtilization',
        dimensions: { AutoScalingGroupName: GROUP },
        evaluationPeriods: 3,
        threshold: 50,
        comparisonOperator: 'GreaterThanThreshold',
        alarmActions: [],
        stateValue: 'ALARM',
        stateReason: 'Threshold Crossed',
        stateUpdatedTimestamp: new Date(START + 5 * 60_000).toISOString(),
      },
    ],
    hostedZones: [{ id: 'Z1', name: 'example.com.', privateZone: false, resourceRecordSetCount: 4, nameServers: ['ns-1.awsdns-01.com.'] }],
    recordSets: [
      { hostedZoneId: 'Z1', name: 'www.example.com.', type: 'A', setIdentifier: 'blue', weight: 90, resourceRecords: [], aliasTarget: { hostedZoneId: 'Z35', dnsName: `${LB_DNS}.`, evaluateTargetHealth: true }, routingPolicy: 'weighted' },
      { hostedZoneId: 'Z1', name: 'www.example.com.', type: 'A', setIdentifier: 'green', weight: 10, resourceRecords: ['192.0.2.10'], routingPolicy: 'weighted' },
      { hostedZoneId: 'Z1', name: 'api.example.com.', type: 'A', setIdentifier: 'primary', failover: 'PRIMARY', healthCheckId: 'hc-1', resourceRecords: ['192.0.2.1'], routingPolicy: 'failover' },
      { hostedZoneId: 'Z1', name: 'api.example.com.', type: 'A', setIdentifier: 'secondary', failover: 'SECONDARY', resourceRecords: ['192.0.2.2'], routingPolicy: 'failover' },
    ],
    healthChecks: [{ id: 'hc-1', type: 'HTTP', ipAddress: '192.0.2.1', port: 80, resourcePath: '/health', status: 'Unhealthy', checkersHealthyPercent: 0 }],
    dbInstances: [
      { dbInstanceIdentifier: 'shop-db', dbInstanceClass: 'db.r6g.large', engine: 'mysql', dbInstanceStatus: 'available', multiAZ: true, availabilityZone: 'us-east-1a', secondaryAvailabilityZone: 'us-east-1b', readReplicaDBInstanceIdentifiers: ['shop-db-replica-1'], backupRetentionPeriod: 7 },
      { dbInstanceIdentifier: 'shop-db-replica-1', dbInstanceClass: 'db.r6g.large', engine: 'mysql', dbInstanceStatus: 'available', multiAZ: false, availabilityZone: 'us-east-1c', readReplicaSourceDBInstanceIdentifier: 'shop-db', readReplicaDBInstanceIdentifiers: [], backupRetentionPeriod: 0, replicaLagSeconds: 2 },
    ],
    lambdaFunctions: [{ functionName: 'thumbnailer', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:thumbnailer', runtime: 'nodejs20.x', memorySize: 1024, timeout: 30, reservedConcurrentExecutions: 50 }],
    lambdaAccount: { concurrentExecutionsLimit: 1000, unreservedConcurrentExecutions: 950 },
  });
}
