/**
 * AwsSource against a real moto_server: the topology is created through the SDK, then read back
 * through the same code path a real account takes (profile file with endpoint_url, static keys,
 * CallGate, paginators), and the domain snapshot is compared with what was created.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsSource } from '@main/core/sources/aws/aws-source';
import type { Clock } from '@main/core/sources/aws/throttle/time';
import { startMoto, writeMotoProfiles, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';
import { createTopology, sdkConfig, type Topology } from '../../helpers/aws-topology';
import { AssociateWebACLCommand, CreateWebACLCommand, WAFV2Client } from '@aws-sdk/client-wafv2';

const moto = motoSuite('aws-source.moto.test.ts');

/** Real time for timestamps; instant waits, so backoff never slows a test. */
const instantWaits: Clock = { now: () => Date.now(), sleep: async () => undefined };

describe.runIf(moto.available)('AwsSource against moto_server', () => {
  let server: MotoServer;
  let profiles: ReturnType<typeof writeMotoProfiles>;
  let topology: Topology;

  beforeAll(async () => {
    server = await startMoto();
    // An assume-role profile that needs MFA, sourcing its keys from `moto`.
    profiles = writeMotoProfiles(
      server.endpoint,
      `\n[profile moto-admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = moto\nmfa_serial = arn:aws:iam::123456789012:mfa/jane\nregion = us-east-1\nendpoint_url = ${server.endpoint}\n`,
    );
  }, 180_000);
  afterAll(async () => server?.stop(), 120_000);
  beforeEach(async () => {
    await server.reset();
    topology = await createTopology({ endpoint: server.directEndpoint });
    // Generous on a loaded 2-core machine: a 10 s default timed out mid-topology.
  }, 120_000);

  async function connectedSource(profile = 'moto') {
    const source = new AwsSource({ profile, env: profiles.env, clock: instantWaits });
    await source.connect();
    await source.refresh();
    return source;
  }

  it('connects with the profile, shows the caller and labels the custom endpoint', async () => {
    const source = await connectedSource();
    expect(source.session).toMatchObject({
      mode: 'aws',
      profile: 'moto',
      region: 'us-east-1',
      credentialState: 'connected',
      accountId: '123456789012',
      customEndpoint: server.endpoint,
    });
    expect(source.session.mode === 'aws' && source.session.callerArn).toMatch(/^arn:aws:sts::123456789012:/);
    source.stop();
  });

  it('asks for an MFA code for an assume-role profile, then assumes the role with it on Retry', async () => {
    const source = new AwsSource({ profile: 'moto-admin', env: profiles.env, clock: instantWaits });
    expect(await source.connect()).toMatchObject({ credentialState: 'mfa-required', credentialHint: expect.stringContaining('MFA') });
    server.clearCounts();
    await source.retry('123456');
    expect(source.session).toMatchObject({ credentialState: 'connected', accountId: '123456789012', callerArn: expect.stringContaining(':assumed-role/admin/') });
    const assumeRole = server.calls.find((c) => c.operation === 'AssumeRole');
    expect(assumeRole!.body).toContain('TokenCode=123456');
    expect(assumeRole!.body).toContain(`SerialNumber=${encodeURIComponent('arn:aws:iam::123456789012:mfa/jane')}`);
    expect(source.snapshot().inventory.loadBalancers).toHaveLength(1);
    source.stop();
  });

  it('reads the load balancer with listener rules in evaluation order, target groups and target health', async () => {
    const source = await connectedSource();
    const { inventory } = source.snapshot();
    expect(inventory.loadBalancers).toHaveLength(1);
    const lb = inventory.loadBalancers[0]!;
    expect(lb).toMatchObject({ loadBalancerArn: topology.loadBalancerArns[0], loadBalancerName: 'web', scheme: 'internet-facing' });
    expect(lb.availabilityZones.sort()).toEqual(['us-east-1a', 'us-east-1b']);
    const rules = lb.listeners[0]!.rules;
    expect(rules.map((r) => r.priority)).toEqual(['5', '10', 'default']);
    expect(rules[0]!.actions[0]).toMatchObject({ type: 'fixed-response', fixedResponseStatusCode: '503' });
    expect(rules[1]!.conditions[0]).toEqual({ field: 'path-pattern', values: ['/api/*'] });
    expect(rules[1]!.actions[0]!.targetGroups).toEqual([{ targetGroupArn: topology.targetGroupArns[1], weight: 1 }]);
    const web = inventory.targetGroups.find((tg) => tg.targetGroupName === 'web-tg')!;
    expect(web.healthCheck).toMatchObject({ path: '/health', intervalSeconds: 30 });
    expect(web.loadBalancerArns).toEqual([topology.loadBalancerArns[0]]);
    // The group's two instances are registered with the target group by Auto Scaling.
    expect(web.targets).toHaveLength(2);
    expect(web.targets.every((t) => t.state === 'healthy')).toBe(true);
    source.stop();
  });

  it('reads Auto Scaling groups with instances, policies and scheduled actions', async () => {
    const source = await connectedSource();
    const group = source.snapshot().inventory.autoScalingGroups[0]!;
    expect(group).toMatchObject({ autoScalingGroupName: 'web-asg', minSize: 1, maxSize: 6, desiredCapacity: 2, healthCheckType: 'ELB', healthCheckGracePeriod: 120, launchTemplateName: 'web-lt' });
    expect(group.instances).toHaveLength(2);
    expect(group.targetGroupARNs).toEqual([topology.targetGroupArns[0]]);
    const byName = Object.fromEntries(group.policies.map((p) => [p.policyName, p]));
    expect(byName['cpu-50']).toMatchObject({ policyType: 'TargetTrackingScaling', targetValue: 50, predefinedMetricType: 'ASGAverageCPUUtilization' });
    expect(byName['step-out']).toMatchObject({ policyType: 'StepScaling', adjustmentType: 'ChangeInCapacity' });
    expect(byName['step-out']!.stepAdjustments).toHaveLength(2);
    expect(group.scheduledActions).toEqual([expect.objectContaining({ scheduledActionName: 'night', recurrence: '0 22 * * *', desiredCapacity: 1 })]);
    source.stop();
  });

  it('reads hosted zones with their four name servers, every routing policy and health-check status', async () => {
    const source = await connectedSource();
    const { inventory } = source.snapshot();
    const zone = inventory.hostedZones[0]!;
    expect(zone).toMatchObject({ id: topology.hostedZoneId, name: 'example.com.', privateZone: false });
    expect(zone.nameServers).toHaveLength(4);
    const policies = (name: string) => inventory.recordSets.filter((r) => r.name === name).map((r) => r.routingPolicy);
    expect(policies('www.example.com.')).toEqual(['weighted', 'weighted']);
    expect(policies('db.example.com.')).toEqual(['failover', 'failover']);
    expect(policies('geo.example.com.')).toEqual(['geolocation', 'geolocation']);
    expect(policies('mv.example.com.')).toEqual(['multivalue', 'multivalue']);
    expect(policies('api.example.com.')).toEqual(['simple']);
    const blue = inventory.recordSets.find((r) => r.setIdentifier === 'blue')!;
    expect(blue).toMatchObject({ weight: 70, healthCheckId: topology.healthCheckId, resourceRecords: ['192.0.2.1'], ttl: 60 });
    expect(inventory.recordSets.find((r) => r.setIdentifier === 'default')!.geoLocation).toEqual({ countryCode: '*' });
    // moto reports every checker as "Success" (it does not check): 100 % > 18 % → Healthy.
    expect(inventory.healthChecks).toEqual([expect.objectContaining({ id: topology.healthCheckId, type: 'HTTP', ipAddress: '192.0.2.10', status: 'Healthy', checkersHealthyPercent: 100 })]);
    source.stop();
  });

  it('reads the RDS topology (Multi-AZ primary, two replicas), events, and replica lag from metrics', async () => {
    const source = await connectedSource();
    const snapshot = source.snapshot();
    const dbs = Object.fromEntries(snapshot.inventory.dbInstances.map((db) => [db.dbInstanceIdentifier, db]));
    expect(dbs.orders).toMatchObject({ multiAZ: true, backupRetentionPeriod: 7, engine: 'postgres', dbInstanceStatus: 'available' });
    expect(dbs.orders!.readReplicaDBInstanceIdentifiers.sort()).toEqual(['orders-r1', 'orders-r2']);
    expect(dbs['orders-r1']).toMatchObject({ readReplicaSourceDBInstanceIdentifier: 'orders', replicaLagSeconds: 4 });
    expect(dbs['orders-r2']!.readReplicaSourceDBInstanceIdentifier).toBe('orders');
    expect(snapshot.rdsEvents.some((e) => e.sourceIdentifier === 'orders' && e.eventCategories.includes('creation'))).toBe(true);
    source.stop();
  });

  it('reads Lambda functions with reserved concurrency; GetAccountSettings, absent from moto, is a named gap, not a failure', async () => {
    const source = await connectedSource();
    const snapshot = source.snapshot();
    const fns = Object.fromEntries(snapshot.inventory.lambdaFunctions.map((f) => [f.functionName, f]));
    expect(fns.thumbnails).toMatchObject({ runtime: 'nodejs20.x', memorySize: 256, reservedConcurrentExecutions: 5 });
    expect(fns.mailer!.reservedConcurrentExecutions).toBeUndefined();
    expect(snapshot.inventory.lambdaAccount).toBeUndefined();
    expect(snapshot.datasets.lambda).toMatchObject({ state: 'ok', error: { message: expect.stringContaining('GetAccountSettings') } });
    source.stop();
  });

  it('reads alarms and the standard metric series, with the values written by PutMetricData', async () => {
    const source = await connectedSource();
    const snapshot = source.snapshot();
    expect(snapshot.inventory.alarms).toEqual([expect.objectContaining({ alarmName: 'web-asg-cpu-high', threshold: 80, dimensions: { AutoScalingGroupName: 'web-asg' } })]);
    const requests = snapshot.metrics.find((m) => m.metricName === 'RequestCount' && Object.keys(m.dimensions).length === 1);
    expect(requests).toMatchObject({ namespace: 'AWS/ApplicationELB', stat: 'Sum', period: 60, dimensions: { LoadBalancer: topology.written.loadBalancerDimension } });
    expect(requests!.points).toEqual(topology.written.requestCounts);
    const cpu = snapshot.metrics.find((m) => m.namespace === 'AWS/EC2' && m.metricName === 'CPUUtilization');
    expect(cpu!.points.map((p) => p[1])).toEqual([40, 41.5]);
    // Points a minute apart: detailed monitoring, read from moto's GetMetricData, and polled at 60 s.
    expect(snapshot.inventory.autoScalingGroups.find((g) => g.autoScalingGroupName === 'web-asg')!.instanceMonitoring).toBe('detailed');
    expect(cpu!.period).toBe(60);
    // Every standard series is polled, with or without data: LB 9 + TG pairs 2×8 + ASG 8 + DBs 4+5+5
    // + Lambda 2×13 + the account's 2.
    expect(snapshot.metrics).toHaveLength(9 + 16 + 8 + 14 + 26 + 2);
    // moto answers percentile queries with HTTP 500: those alone are missing, and named.
    expect(snapshot.metrics.filter((m) => m.stat === 'p99').every((m) => m.points.length === 0)).toBe(true);
    expect(snapshot.datasets.cloudwatch!.error!.message).toContain('GetMetricData');
    for (const dataset of ['elbv2', 'autoscaling', 'route53', 'rds', 'lambda', 'cloudwatch'] as const) {
      expect(snapshot.datasets[dataset]!.state, dataset).toBe('ok');
      expect(snapshot.datasets[dataset]!.fetchedAt).toBeGreaterThan(Date.now() - 60_000);
    }
    source.stop();
  });

  it('asks only for newer datapoints on the next poll and publishes only new points', async () => {
    const source = await connectedSource();
    const updates: Parameters<Parameters<AwsSource['onUpdate']>[0]>[0][] = [];
    source.onUpdate((u) => updates.push(u));
    server.clearCounts();
    await source.refreshDataset('cloudwatch');
    // One call per (period, window): the series whose newest point is minute−2 (RequestCount,
    // TargetResponseTime, HealthyHostCount, ReplicaLag), the one at minute−3 (CPU), and those still
    // empty — asked only for the settle margin (5 minutes) before the end of the window already asked.
    type Body = { StartTime: number; MetricDataQueries: { MetricStat: { Stat: string } }[] };
    const all = server.calls.filter((c) => c.operation === 'monitoring.GetMetricData').map((c) => JSON.parse(c.body!) as Body);
    const calls = all.filter((c) => !c.MetricDataQueries.some((q) => q.MetricStat.Stat.startsWith('p')));
    expect(calls).toHaveLength(3);
    // The percentiles' own call: moto fails it (HTTP 500 once data exists), tried three times.
    expect(all.length - calls.length).toBe(3);
    expect(source.snapshot().datasets.cloudwatch).toMatchObject({ state: 'ok', error: { message: expect.stringContaining('GetMetricData') } });
    const newest = topology.written.requestCounts.at(-1)![0];
    const starts = calls.map((c) => [c.StartTime, c.MetricDataQueries.length]).sort((a, b) => b[0]! - a[0]!);
    expect(starts[0]).toEqual([newest + 60, 4]); // newest held minute−2 → ask from minute−1
    expect(starts[1]).toEqual([newest, 1]); // newest held minute−3 → ask from minute−2
    const firstEnd = Math.floor(Date.now() / 60_000) * 60 + 60;
    expect([firstEnd - 300, firstEnd - 360]).toContain(starts[2]![0]); // empty: the settle margin only (minute may have turned)
    // 15 percentile series go in their own call; the group's 7 group metrics are not collected
    // (EnabledMetrics empty) and are sampled from DescribeAutoScalingGroups instead.
    expect(starts[2]![1]).toBe(75 - 15 - 5 - 7);
    expect(updates.at(-1)!.metrics).toEqual([]);
    source.stop();
  });

  it('samples the group\'s capacity from DescribeAutoScalingGroups, group metrics collection being off (issue 11 item 4)', async () => {
    const source = await connectedSource();
    const snapshot = source.snapshot();
    expect(snapshot.inventory.autoScalingGroups[0]!.enabledMetrics).toEqual([]);
    const series = (metricName: string) => snapshot.metrics.find((m) => m.namespace === 'AWS/AutoScaling' && m.metricName === metricName && m.dimensions.AutoScalingGroupName === 'web-asg');
    expect(series('GroupDesiredCapacity')!.points.map(([, v]) => v)).toEqual([2]);
    expect(series('GroupMaxSize')!.points.map(([, v]) => v)).toEqual([6]);
    expect(series('GroupInServiceInstances')!.points).toHaveLength(1);
    source.stop();
  });

  it('re-reads no setting within the settings interval and no healthy target group\'s health, yet shows them all (issue 11 item 9)', async () => {
    const source = await connectedSource();
    const before = source.snapshot().inventory;
    server.clearCounts();
    for (const dataset of ['elbv2', 'autoscaling', 'route53', 'lambda'] as const) await source.refreshDataset(dataset);
    for (const operation of ['DescribeListeners', 'DescribeRules', 'DescribePolicies', 'DescribeScheduledActions', 'lambda.GET /2019-09-30/functions/{name}/concurrency', 'route53.GET /hostedzone/{id}']) {
      expect(server.count(operation), operation).toBe(0);
    }
    // Live data is still read: the groups, the load balancers, the target groups.
    expect(server.count('DescribeAutoScalingGroups')).toBe(1);
    expect(server.count('DescribeLoadBalancers')).toBe(1);
    const after = source.snapshot().inventory;
    expect(after.loadBalancers[0]!.listeners).toEqual(before.loadBalancers[0]!.listeners);
    expect(after.autoScalingGroups[0]!.policies).toEqual(before.autoScalingGroups[0]!.policies);
    expect(after.lambdaFunctions.find((f) => f.functionName === 'thumbnails')!.reservedConcurrentExecutions).toBe(5);
    expect(after.hostedZones[0]!.nameServers).toHaveLength(4);
    source.stop();
  });

  it('reads the web ACL associated with the load balancer and its rules (wafv2:GetWebACLForResource)', async () => {
    const waf = new WAFV2Client(sdkConfig(server.directEndpoint));
    const created = await waf.send(
      new CreateWebACLCommand({
        Name: 'web-acl',
        Scope: 'REGIONAL',
        DefaultAction: { Allow: {} },
        VisibilityConfig: { MetricName: 'web-acl', CloudWatchMetricsEnabled: true, SampledRequestsEnabled: false },
        Rules: [
          {
            Name: 'block-admin',
            Priority: 0,
            Action: { Block: {} },
            Statement: { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: new TextEncoder().encode('/admin'), TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
            VisibilityConfig: { MetricName: 'BlockAdmin', CloudWatchMetricsEnabled: true, SampledRequestsEnabled: false },
          },
        ],
      }),
    );
    await waf.send(new AssociateWebACLCommand({ WebACLArn: created.Summary!.ARN!, ResourceArn: topology.loadBalancerArns[0]! }));
    const source = await connectedSource();
    const { webAcls } = source.snapshot().inventory;
    expect(webAcls).toHaveLength(1);
    expect(webAcls[0]).toMatchObject({ webAclArn: created.Summary!.ARN, name: 'web-acl', defaultAction: 'ALLOW', associatedResourceArns: [topology.loadBalancerArns[0]], region: 'us-east-1' });
    expect(webAcls[0]!.rules).toEqual([expect.objectContaining({ name: 'block-admin', priority: 0, action: 'BLOCK', metricName: 'BlockAdmin', statement: expect.objectContaining({ type: 'ByteMatchStatement', field: 'UriPath', positionalConstraint: 'STARTS_WITH' }) })]);
    source.stop();
  });
});
