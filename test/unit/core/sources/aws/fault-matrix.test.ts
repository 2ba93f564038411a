/**
 * The poller survives any error from any source (issue 6): for each service, each kind of failure —
 * throttling, 5xx, timeouts, DNS failure, expired credentials, AccessDenied, malformed responses —
 * the failing dataset keeps its last good data with its age (stale), the others keep updating, and
 * when the failure clears the dataset recovers without a restart. Then: the whole network goes away
 * and comes back.
 */
import { describe, expect, it } from 'vitest';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { mockedClients, mockedSource, type Stubs } from '../../../../helpers/aws-mocks';
import { recordTrustFigures } from '../../../../helpers/trust-figures';
import { virtualClock } from '../../../../helpers/virtual-clock';

type Dataset = 'elbv2' | 'autoscaling' | 'route53' | 'rds' | 'lambda' | 'cloudwatch';

/** A good answer per service, so each dataset has data (and an age) before things go wrong. */
const GOOD: Record<Dataset, { command: unknown; answer: unknown; malformed: unknown }> = {
  elbv2: {
    command: DescribeLoadBalancersCommand,
    answer: { LoadBalancers: [{ LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/1', LoadBalancerName: 'shop', DNSName: 'shop-1.eu-west-1.elb.amazonaws.com', Scheme: 'internet-facing', Type: 'application', State: { Code: 'active' }, AvailabilityZones: [] }] },
    malformed: { LoadBalancers: [{ LoadBalancerArn: 42, Type: 'application', State: { Code: 'on fire' } }] },
  },
  autoscaling: {
    command: DescribeAutoScalingGroupsCommand,
    answer: { AutoScalingGroups: [{ AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 4, DesiredCapacity: 2, DefaultCooldown: 300, HealthCheckType: 'EC2', HealthCheckGracePeriod: 0, AvailabilityZones: ['eu-west-1a'], Instances: [], CreatedTime: new Date() }] },
    malformed: { AutoScalingGroups: [{ AutoScalingGroupName: 'web', MinSize: -5, MaxSize: 'many', Instances: 'none' }] },
  },
  route53: {
    command: ListHostedZonesCommand,
    answer: { HostedZones: [{ Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'x', Config: { PrivateZone: false } }], IsTruncated: false },
    malformed: { HostedZones: [{ Id: 7, Name: null }], IsTruncated: false },
  },
  rds: {
    command: DescribeDBInstancesCommand,
    answer: { DBInstances: [{ DBInstanceIdentifier: 'db', DBInstanceClass: 'db.r6g.large', Engine: 'mysql', DBInstanceStatus: 'available', MultiAZ: false, BackupRetentionPeriod: 1, ReadReplicaDBInstanceIdentifiers: [] }] },
    malformed: { DBInstances: [{ DBInstanceStatus: 'available', ReadReplicaDBInstanceIdentifiers: 'db-2' }] },
  },
  lambda: {
    command: ListFunctionsCommand,
    answer: { Functions: [{ FunctionName: 'api', FunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:api', MemorySize: 128, Timeout: 3 }] },
    malformed: { Functions: [{ FunctionName: 'api', MemorySize: 'lots' }] },
  },
  cloudwatch: {
    command: DescribeAlarmsCommand,
    answer: { MetricAlarms: [{ AlarmName: 'cpu', EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanThreshold', StateValue: 'OK', StateReason: 'fine', StateUpdatedTimestamp: new Date(), AlarmActions: [] }] },
    malformed: { MetricAlarms: [{ StateValue: 'ALARM', EvaluationPeriods: 'two' }] },
  },
};

const sdkError = (name: string, message: string, status: number) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $fault: status >= 500 ? 'server' : 'client' });
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

type Failure = { name: string; reject?: () => Error; malformed?: true; credentials?: true };
const FAILURES: Failure[] = [
  { name: 'throttling', reject: () => sdkError('ThrottlingException', 'Rate exceeded', 400) },
  { name: '5xx', reject: () => sdkError('InternalFailure', 'We encountered an internal error', 500) },
  { name: 'timeout', reject: () => Object.assign(new Error('Connection timed out after 30000 ms'), { name: 'TimeoutError' }) },
  { name: 'DNS failure', reject: () => socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND service.eu-west-1.amazonaws.com') },
  { name: 'AccessDenied', reject: () => sdkError('AccessDenied', 'User is not authorized to perform this operation', 403) },
  { name: 'malformed response', malformed: true },
  { name: 'expired credentials', reject: () => sdkError('ExpiredTokenException', 'The security token included in the request is expired', 400), credentials: true },
];
const DATASETS = Object.keys(GOOD) as Dataset[];

function healthy(stubs: Stubs): void {
  stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/Ops/jane' });
  for (const dataset of DATASETS) (stubs[dataset] as Stubs['elbv2']).on(GOOD[dataset].command as never).resolves(GOOD[dataset].answer as never);
}

let survived = 0;

describe('fault matrix: every error for every service', () => {
  for (const dataset of DATASETS) {
    for (const failure of FAILURES) {
      it(`${dataset} × ${failure.name}: last good data kept with its age, others updating, recovery without restart`, async () => {
        // Every set of clients (Retry makes new ones) starts out answering well.
        let latest: Stubs | undefined;
        const mocked = mockedSource({
          createClients: (options) => {
            const made = mockedClients(options);
            healthy(made.stubs);
            latest = made.stubs;
            return made.clients;
          },
        });
        const { source, clock } = mocked;
        await source.connect();
        await source.refresh();
        const good = source.snapshot();
        const fetchedAt = good.datasets[dataset]!.fetchedAt!;
        expect(good.datasets[dataset]!.state).toBe('ok');

        clock.advance(60_000);
        const stub = latest![dataset] as Stubs['elbv2'];
        if (failure.malformed) stub.on(GOOD[dataset].command as never).resolves(GOOD[dataset].malformed as never);
        else stub.on(GOOD[dataset].command as never).rejects(failure.reject!());
        await expect(source.refresh()).resolves.toBeUndefined();
        const during = source.snapshot();
        expect(during.datasets[dataset]).toMatchObject({ state: 'stale', fetchedAt, error: { code: expect.any(String), message: expect.any(String) } });
        // The last good data is what is shown, never a half-mapped answer.
        expect(JSON.stringify(during.inventory)).toBe(JSON.stringify(good.inventory));
        if (failure.credentials) {
          // Expired credentials stop the whole session until Retry, with the fix.
          expect(source.session).toMatchObject({ credentialState: 'expired', credentialHint: expect.stringContaining('prod') });
        } else {
          for (const other of DATASETS.filter((d) => d !== dataset)) expect(during.datasets[other]!.state, other).toBe('ok');
          expect(source.session).toMatchObject({ credentialState: 'connected' });
        }

        clock.advance(60_000);
        healthy(latest!);
        // Retry re-resolves the credentials (its polling loops are covered in aws-source-polling.test.ts).
        if (failure.credentials) await source.connect();
        await source.refresh();
        const after = source.snapshot();
        expect(after.datasets[dataset]!.state).toBe('ok');
        expect(after.datasets[dataset]!.fetchedAt).toBeGreaterThan(fetchedAt);
        expect(source.session).toMatchObject({ credentialState: 'connected' });
        survived++;
        source.stop();
      });
    }
  }

  it('network loss: every service unreachable → offline with the last data; back → connected, no restart', async () => {
    const { source, stubs, clock } = mockedSource();
    healthy(stubs);
    await source.connect();
    await source.refresh();
    clock.advance(60_000);
    for (const dataset of DATASETS) (stubs[dataset] as Stubs['elbv2']).on(GOOD[dataset].command as never).rejects(socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND aws'));
    await source.refresh();
    expect(source.session).toMatchObject({ credentialState: 'offline', credentialMessage: expect.stringContaining('Cannot reach AWS') });
    for (const dataset of DATASETS) expect(source.snapshot().datasets[dataset]).toMatchObject({ state: 'stale', error: { code: 'ENOTFOUND' } });
    expect(source.snapshot().inventory.loadBalancers).toHaveLength(1);
    healthy(stubs);
    clock.advance(60_000);
    await source.refresh();
    expect(source.session).toMatchObject({ credentialState: 'connected' });
    for (const dataset of DATASETS) expect(source.snapshot().datasets[dataset]!.state).toBe('ok');
    source.stop();
    recordTrustFigures('fault-matrix', [
      { figure: 'poller fault matrix: failures survived (6 services × 7 errors) + network loss', value: `${survived} + 1`, goal: `${DATASETS.length * FAILURES.length} + 1`, ok: survived === DATASETS.length * FAILURES.length },
    ]);
  });

  it('offline at start: reconnects by itself, with backoff, when the network returns', async () => {
    const clock = virtualClock(Date.UTC(2026, 5, 1, 12));
    let latest: Stubs | undefined;
    let online = false;
    const { source } = mockedSource({
      clock,
      createClients: (options) => {
        const made = mockedClients(options);
        healthy(made.stubs);
        made.stubs.sts.on(GetCallerIdentityCommand).callsFake(async () => {
          if (!online) throw socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND sts.eu-west-1.amazonaws.com');
          return { Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/Ops/jane' };
        });
        latest = made.stubs;
        return made.clients;
      },
    });
    const sessions: string[] = [];
    source.onSessionChanged((s) => sessions.push((s as { credentialState: string }).credentialState));
    source.start();
    // The first connect retries STS a few times (transient backoff) before it calls itself offline.
    await clock.drive(clock.sleep(4_000));
    expect(source.session).toMatchObject({ credentialState: 'offline', credentialMessage: expect.stringContaining('ENOTFOUND') });
    const attempts = () => latest!.sts.commandCalls(GetCallerIdentityCommand).length;
    const before = attempts();
    await clock.drive(clock.sleep(60_000));
    // Reconnects after 5 s, 10 s, 20 s, 40 s (each with the SDK call's own retries): a handful a minute, not a busy loop.
    expect(attempts() - before).toBeGreaterThanOrEqual(3);
    expect(attempts() - before).toBeLessThanOrEqual(20);
    online = true;
    await clock.drive(source.ready);
    expect(source.session).toMatchObject({ credentialState: 'connected' });
    expect(source.snapshot().inventory.loadBalancers).toHaveLength(1);
    expect(sessions).toContain('offline');
    source.stop();
  });
});
