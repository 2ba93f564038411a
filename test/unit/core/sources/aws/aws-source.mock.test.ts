/**
 * AwsSource behaviour that moto cannot show: AccessDenied on one service, throttling and 5xx with
 * backoff, timeouts, credentials expiring mid-session, SSO/MFA states, scaling activities,
 * GetAccountSettings, health-checker percentages and GetMetricData pagination.
 */
import { describe, expect, it } from 'vitest';
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeAutoScalingGroupsCommand, DescribeScalingActivitiesCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { GetAccountSettingsCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetHealthCheckStatusCommand, ListHealthChecksCommand } from '@aws-sdk/client-route-53';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Update } from '@main/core/contract';
import { mockedSource, type Stubs } from '../../../../helpers/aws-mocks';

function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $fault: status >= 500 ? 'server' : 'client' });
}

function withIdentity(stubs: Stubs): void {
  stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/Ops/jane', UserId: 'AROA:jane' });
}

const LB = {
  LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/50dc6c495c0c9188',
  LoadBalancerName: 'shop',
  DNSName: 'shop-1.eu-west-1.elb.amazonaws.com',
  Scheme: 'internet-facing' as const,
  Type: 'application' as const,
  State: { Code: 'active' as const },
  AvailabilityZones: [{ ZoneName: 'eu-west-1a' }],
};

describe('AwsSource on mocked AWS APIs', () => {
  it('shows which permission AccessDenied names, and keeps the other services working', async () => {
    const { source, stubs } = mockedSource();
    withIdentity(stubs);
    stubs.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [LB] });
    stubs.rds
      .on(DescribeDBInstancesCommand)
      .rejects(awsError('AccessDenied', 'User: arn:aws:sts::111122223333:assumed-role/Ops/jane is not authorized to perform: rds:DescribeDBInstances on resource: arn:aws:rds:eu-west-1:111122223333:db:*'));
    stubs.lambda.on(ListFunctionsCommand).rejects(awsError('AccessDeniedException', 'Access denied', 403));
    await source.connect();
    await source.refresh();
    const snapshot = source.snapshot();
    expect(snapshot.inventory.loadBalancers.map((lb) => lb.loadBalancerName)).toEqual(['shop']);
    expect(snapshot.datasets.elbv2!.state).toBe('ok');
    expect(snapshot.datasets.rds).toMatchObject({ state: 'error', error: { code: 'AccessDenied', message: 'DescribeDBInstances was denied: missing rds:DescribeDBInstances', hint: expect.stringContaining('rds:DescribeDBInstances') } });
    // Lambda's message names no action: the permission is the API that was called.
    expect(snapshot.datasets.lambda!.error!.hint).toContain('lambda:ListFunctions');
    expect(snapshot.datasets.cloudwatch!.state).toBe('ok');
    expect(source.session).toMatchObject({ credentialState: 'connected', accountId: '111122223333' });
    // AccessDenied is not retried: one call each.
    expect(stubs.rds.commandCalls(DescribeDBInstancesCommand)).toHaveLength(1);
  });

  it('backs off with jitter on throttling and succeeds within the retry budget', async () => {
    const { source, stubs, clock } = mockedSource();
    withIdentity(stubs);
    stubs.elbv2
      .on(DescribeLoadBalancersCommand)
      .rejectsOnce(awsError('Throttling', 'Rate exceeded'))
      .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'))
      .resolves({ LoadBalancers: [LB] });
    await source.connect();
    clock.slept.length = 0;
    await source.refreshDataset('elbv2');
    expect(stubs.elbv2.commandCalls(DescribeLoadBalancersCommand)).toHaveLength(3);
    // Full jitter with random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(clock.slept).toEqual([250, 500]);
    expect(source.snapshot().datasets.elbv2!.state).toBe('ok');
  });

  it('marks a dataset stale (keeping its age) when 5xx persist after retries, and error when it never loaded', async () => {
    const { source, stubs, clock } = mockedSource();
    withIdentity(stubs);
    stubs.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [LB] });
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).rejects(awsError('InternalFailure', 'We encountered an internal error', 500));
    await source.connect();
    await source.refresh();
    expect(source.snapshot().datasets.autoscaling).toMatchObject({ state: 'error', error: { code: 'InternalFailure' } });
    expect(stubs.autoscaling.commandCalls(DescribeAutoScalingGroupsCommand)).toHaveLength(3);
    const fetchedAt = source.snapshot().datasets.elbv2!.fetchedAt!;
    clock.advance(30_000);
    stubs.elbv2.on(DescribeLoadBalancersCommand).rejects(awsError('ServiceUnavailable', 'Service Unavailable', 503));
    await source.refreshDataset('elbv2');
    const elbv2 = source.snapshot().datasets.elbv2!;
    expect(elbv2).toMatchObject({ state: 'stale', fetchedAt, error: { code: 'ServiceUnavailable' } });
    // The data from the last good poll is still shown, marked stale rather than silently kept.
    expect(source.snapshot().inventory.loadBalancers).toHaveLength(1);
  });

  it('retries a timed-out call', async () => {
    const { source, stubs } = mockedSource();
    withIdentity(stubs);
    stubs.elbv2
      .on(DescribeTargetGroupsCommand)
      .rejectsOnce(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }))
      .resolves({ TargetGroups: [] });
    await source.connect();
    await source.refreshDataset('elbv2');
    expect(stubs.elbv2.commandCalls(DescribeTargetGroupsCommand)).toHaveLength(2);
    expect(source.snapshot().datasets.elbv2!.state).toBe('ok');
  });

  it('turns credentials that expire mid-session into a session state with its fix, and stops polling until Retry', async () => {
    const { source, stubs } = mockedSource();
    withIdentity(stubs);
    await source.connect();
    await source.refresh();
    const changes: unknown[] = [];
    source.onSessionChanged((s) => changes.push(s));
    stubs.elbv2.on(DescribeLoadBalancersCommand).rejects(awsError('ExpiredToken', 'The security token included in the request is expired'));
    await source.refreshDataset('elbv2');
    expect(source.session).toMatchObject({ credentialState: 'expired', credentialHint: expect.stringContaining('profile prod') });
    expect(changes).toHaveLength(1);
    expect(source.snapshot().datasets.elbv2).toMatchObject({ state: 'stale', error: { code: 'ExpiredToken' } });
    const before = stubs.rds.commandCalls(DescribeDBInstancesCommand).length;
    await source.refreshDataset('rds');
    expect(stubs.rds.commandCalls(DescribeDBInstancesCommand)).toHaveLength(before);
  });

  it('maps SSO, MFA and missing-profile failures at connect to states with the exact fix', async () => {
    const cases: [string, string, string][] = [
      ['The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.', 'sso-expired', 'aws sso login --profile prod'],
      ['The SSO session token associated with profile=prod was not found or is invalid. To refresh this SSO session run aws sso login with the corresponding profile.', 'sso-missing', 'aws sso login --profile prod'],
      ['Profile prod requires multi-factor authentication, but no MFA code callback was provided.', 'mfa-required', 'MFA'],
      ['Could not resolve credentials using profile: [prod] in configuration/credentials file(s).', 'missing', 'aws configure --profile prod'],
    ];
    for (const [message, state, hint] of cases) {
      const { source } = mockedSource({
        credentialProvider: async () => {
          throw Object.assign(new Error(message), { name: 'CredentialsProviderError' });
        },
      });
      const session = await source.connect();
      expect(session, message).toMatchObject({ mode: 'aws', credentialState: state, credentialHint: expect.stringContaining(hint) });
    }
  });

  it('reads scaling activities newest-first, publishes only new or changed ones, and stops paging at a known finished one', async () => {
    const { source, stubs } = mockedSource();
    withIdentity(stubs);
    const activity = (id: string, status: string, progress: number, minute: number) => ({
      ActivityId: id,
      AutoScalingGroupName: 'web',
      Cause: `At 2026-06-01T11:${minute}:00Z a monitor alarm TargetTracking-web-AlarmHigh in state ALARM triggered policy cpu-50 changing the desired capacity from 2 to 3.`,
      Description: 'Launching a new EC2 instance: i-0abc',
      StartTime: new Date(Date.UTC(2026, 5, 1, 11, minute)),
      StatusCode: status as 'InProgress',
      Progress: progress,
    });
    stubs.autoscaling.on(DescribeScalingActivitiesCommand).resolves({ Activities: [activity('b', 'InProgress', 30, 50), activity('a', 'Successful', 100, 40)] });
    const updates: Update[] = [];
    source.onUpdate((u) => updates.push(u));
    await source.connect();
    await source.refreshDataset('autoscaling');
    expect(updates.at(-1)!.scalingActivities.map((a) => [a.activityId, a.statusCode])).toEqual([
      ['a', 'Successful'],
      ['b', 'InProgress'],
    ]);
    expect(source.snapshot().scalingActivities[1]).toMatchObject({ activityId: 'b', autoScalingGroupName: 'web', progress: 30, startTime: '2026-06-01T11:50:00.000Z' });

    stubs.autoscaling.on(DescribeScalingActivitiesCommand).resolves({ Activities: [activity('b', 'Successful', 100, 50), activity('a', 'Successful', 100, 40)], NextToken: 'more' });
    await source.refreshDataset('autoscaling');
    expect(updates.at(-1)!.scalingActivities.map((a) => [a.activityId, a.statusCode])).toEqual([['b', 'Successful']]);
    // `a` was already held as Successful: everything older is known, the next page is not read.
    expect(stubs.autoscaling.commandCalls(DescribeScalingActivitiesCommand)).toHaveLength(2);
  });

  it('holds scaling activities oldest first by start time although the API lists those in progress first', async () => {
    // "Activities are sorted by start time. Activities still in progress are described first."
    // (autoscaling/ec2/APIReference/API_DescribeScalingActivities.html): a long warm-up started at
    // 11:05 comes before the 11:50 and 11:40 activities that have finished.
    const { source, stubs } = mockedSource();
    withIdentity(stubs);
    const activity = (id: string, status: string, minute: number) => ({
      ActivityId: id,
      AutoScalingGroupName: 'web',
      Cause: `At 2026-06-01T11:${minute}:00Z a user request update of AutoScalingGroup constraints.`,
      Description: `Launching a new EC2 instance: i-${id}`,
      StartTime: new Date(Date.UTC(2026, 5, 1, 11, minute)),
      StatusCode: status as 'InProgress',
      Progress: status === 'InProgress' ? 30 : 100,
    });
    stubs.autoscaling.on(DescribeScalingActivitiesCommand).resolves({ Activities: [activity('c', 'InProgress', 5), activity('b', 'Successful', 50), activity('a', 'Successful', 40)] });
    const updates: Update[] = [];
    source.onUpdate((u) => updates.push(u));
    await source.connect();
    await source.refreshDataset('autoscaling');
    expect(updates.at(-1)!.scalingActivities.map((a) => a.activityId)).toEqual(['c', 'a', 'b']);
    expect(source.snapshot().scalingActivities.map((a) => a.activityId)).toEqual(['c', 'a', 'b']);
    // A newer activity read later still goes after them; one first read later but older goes before.
    stubs.autoscaling.on(DescribeScalingActivitiesCommand).resolves({ Activities: [activity('d', 'InProgress', 55), activity('e', 'InProgress', 1), activity('c', 'Successful', 5), activity('b', 'Successful', 50)] });
    await source.refreshDataset('autoscaling');
    expect(source.snapshot().scalingActivities.map((a) => a.activityId)).toEqual(['e', 'c', 'a', 'b', 'd']);
  });

  it('reads the account concurrency from GetAccountSettings', async () => {
    const { source, stubs } = mockedSource();
    withIdentity(stubs);
    stubs.lambda.on(GetAccountSettingsCommand).resolves({ AccountLimit: { ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 900 } });
    await source.connect();
    await source.refreshDataset('lambda');
    expect(source.snapshot().inventory.lambdaAccount).toEqual({ concurrentExecutionsLimit: 1000, unreservedConcurrentExecutions: 900 });
  });

  it('calls a health check healthy only when more than 18 % of checkers report success (R53-7)', async () => {
    const observations = (healthy: number, total: number) =>
      Array.from({ length: total }, (_, i) => ({ Region: 'us-east-1' as const, StatusReport: { Status: i < healthy ? 'Success: HTTP Status Code 200, OK' : 'Failure: Connection timed out.', CheckedTime: new Date(Date.UTC(2026, 5, 1, 11, 59, i)) } }));
    const { source, stubs } = mockedSource();
    withIdentity(stubs);
    const config = { Type: 'HTTPS' as const, FullyQualifiedDomainName: 'shop.example.com', RequestInterval: 30, FailureThreshold: 3 };
    stubs.route53.on(ListHealthChecksCommand).resolves({
      HealthChecks: [
        { Id: 'few', CallerReference: 'a', HealthCheckConfig: config, HealthCheckVersion: 1 },
        { Id: 'enough', CallerReference: 'b', HealthCheckConfig: config, HealthCheckVersion: 1 },
      ],
      IsTruncated: false,
      MaxItems: 100,
      Marker: '',
    });
    stubs.route53.on(GetHealthCheckStatusCommand, { HealthCheckId: 'few' }).resolves({ HealthCheckObservations: observations(2, 16) });
    stubs.route53.on(GetHealthCheckStatusCommand, { HealthCheckId: 'enough' }).resolves({ HealthCheckObservations: observations(3, 16) });
    await source.connect();
    await source.refreshDataset('route53');
    const checks = Object.fromEntries(source.snapshot().inventory.healthChecks.map((c) => [c.id, c]));
    expect(checks.few).toMatchObject({ status: 'Unhealthy', checkersHealthyPercent: 12.5 });
    expect(checks.enough).toMatchObject({ status: 'Healthy', checkersHealthyPercent: 18.8 });
    // When it turned Healthy is not known from the first read: the newest CheckedTime is only when a
    // checker last checked (it moved on every poll and read as a change).
    expect(checks.enough!.lastChange).toBeUndefined();

    // The next poll: checkers checked again, status unchanged — still no change to show.
    const later = (healthy: number, total: number) => observations(healthy, total).map((o, i) => ({ ...o, StatusReport: { ...o.StatusReport, CheckedTime: new Date(Date.UTC(2026, 5, 1, 12, 5, i)) } }));
    stubs.route53.on(GetHealthCheckStatusCommand, { HealthCheckId: 'enough' }).resolves({ HealthCheckObservations: later(3, 16) });
    // `few` turns Healthy: its change is the newest CheckedTime of the read that first saw it.
    stubs.route53.on(GetHealthCheckStatusCommand, { HealthCheckId: 'few' }).resolves({ HealthCheckObservations: later(8, 16) });
    await source.refreshDataset('route53');
    const again = Object.fromEntries(source.snapshot().inventory.healthChecks.map((c) => [c.id, c]));
    expect(again.enough!.lastChange).toBeUndefined();
    expect(again.few).toMatchObject({ status: 'Healthy', lastChange: '2026-06-01T12:05:15.000Z' });
    // And it stays there while the status holds.
    stubs.route53.on(GetHealthCheckStatusCommand, { HealthCheckId: 'few' }).resolves({ HealthCheckObservations: observations(8, 16).map((o) => ({ ...o, StatusReport: { ...o.StatusReport, CheckedTime: new Date(Date.UTC(2026, 5, 1, 12, 10)) } })) });
    await source.refreshDataset('route53');
    expect(source.snapshot().inventory.healthChecks.find((c) => c.id === 'few')!.lastChange).toBe('2026-06-01T12:05:15.000Z');
  });

  it('follows GetMetricData NextToken and merges the pages of each series', async () => {
    const { source, stubs, clock } = mockedSource();
    withIdentity(stubs);
    stubs.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [LB] });
    const t = (minutesAgo: number) => new Date(Math.floor((clock.now() - minutesAgo * 60_000) / 60_000) * 60_000);
    stubs.cloudwatch
      .on(GetMetricDataCommand)
      .resolvesOnce({ MetricDataResults: [{ Id: 'm0', Timestamps: [t(5), t(4)], Values: [10, 11], StatusCode: 'PartialData' }], NextToken: 'page-2' })
      .resolvesOnce({ MetricDataResults: [{ Id: 'm0', Timestamps: [t(3)], Values: [12], StatusCode: 'Complete' }] })
      .resolves({ MetricDataResults: [] });
    await source.connect();
    await source.refresh();
    const calls = stubs.cloudwatch.commandCalls(GetMetricDataCommand);
    // Page 1 and page 2 of the standard statistics, then the percentiles' own call.
    expect(calls).toHaveLength(3);
    expect(calls[1]!.args[0].input.NextToken).toBe('page-2');
    expect(calls[2]!.args[0].input.MetricDataQueries!.map((q) => q.MetricStat!.Stat)).toEqual(['p50', 'p90', 'p99']);
    const series = source.snapshot().metrics.find((m) => m.metricName === 'RequestCount')!;
    expect(series.dimensions).toEqual({ LoadBalancer: 'app/shop/50dc6c495c0c9188' });
    expect(series.points.map((p) => p[1])).toEqual([10, 11, 12]);
  });
});
