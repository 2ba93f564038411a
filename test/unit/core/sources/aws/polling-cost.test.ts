/**
 * Cheaper polling (issue 11 item 9): rarely-changing settings on the slow cadence, new resources'
 * settings at once, settings again when a followed action settles, and target health reused only
 * while every sign says it is unchanged (target-health-plan.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeAutoScalingGroupsCommand, DescribePoliciesCommand, DescribeScheduledActionsCommand, SetDesiredCapacityCommand } from '@aws-sdk/client-auto-scaling';
import { GetFunctionConcurrencyCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetHostedZoneCommand, ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AutoScalingGroup, TargetGroup } from '@main/core/contract';
import { SETTINGS_INTERVAL_MS } from '@main/core/sources/aws/poll-plan';
import { attachedInstances, reusableTargetHealth, TARGET_HEALTH_MAX_AGE_MS } from '@main/core/sources/aws/elbv2/target-health-plan';
import { mockedSource, type Stubs } from '../../../../helpers/aws-mocks';

const LB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/50dc6c495c0c9188';
const TG_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/73e2d6bc24d8a067';

function account(stubs: Stubs, targetState: () => string = () => 'healthy'): void {
  stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' });
  stubs.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: LB_ARN, LoadBalancerName: 'shop', DNSName: 'shop.elb', Type: 'application', State: { Code: 'active' } }] });
  stubs.elbv2.on(DescribeListenersCommand).resolves({ Listeners: [{ ListenerArn: `${LB_ARN}/l1`, Port: 80, Protocol: 'HTTP' }] });
  stubs.elbv2.on(DescribeRulesCommand).resolves({ Rules: [{ RuleArn: 'r', Priority: 'default', IsDefault: true, Actions: [{ Type: 'forward', TargetGroupArn: TG_ARN }] }] });
  stubs.elbv2.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN, TargetGroupName: 'web', LoadBalancerArns: [LB_ARN], TargetType: 'instance' }] });
  stubs.elbv2.on(DescribeTargetHealthCommand).callsFake(() => ({ TargetHealthDescriptions: [{ Target: { Id: 'i-1', Port: 80 }, TargetHealth: { State: targetState() } }] }));
  stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves({
    AutoScalingGroups: [
      { AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 4, DesiredCapacity: 1, DefaultCooldown: 300, HealthCheckType: 'ELB', AvailabilityZones: ['eu-west-1a'], TargetGroupARNs: [TG_ARN], CreatedTime: new Date(0), Instances: [{ InstanceId: 'i-1', AvailabilityZone: 'eu-west-1a', LifecycleState: 'InService', HealthStatus: 'Healthy', ProtectedFromScaleIn: false }] },
    ],
  });
  stubs.autoscaling.on(DescribePoliciesCommand).resolves({ ScalingPolicies: [{ AutoScalingGroupName: 'web', PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling' }] });
  stubs.lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'mailer', FunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:mailer' }] });
  stubs.lambda.on(GetFunctionConcurrencyCommand).resolves({ ReservedConcurrentExecutions: 5 });
  stubs.route53.on(ListHostedZonesCommand).resolves({ HostedZones: [{ Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'c', Config: { PrivateZone: false } }] });
  stubs.route53.on(GetHostedZoneCommand).resolves({ DelegationSet: { NameServers: ['ns-1.awsdns-01.org'] } });
}

/** Polls every dataset once a minute for `minutes` virtual minutes. */
async function pollFor(source: ReturnType<typeof mockedSource>['source'], clock: ReturnType<typeof mockedSource>['clock'], minutes: number): Promise<void> {
  for (let i = 0; i < minutes; i++) {
    clock.advance(60_000);
    for (const dataset of ['elbv2', 'autoscaling', 'route53', 'lambda'] as const) await source.refreshDataset(dataset);
  }
}

describe('settings on the slow cadence', () => {
  it('reads listeners, rules, policies, schedules, reserved concurrency and name servers once per settings interval, not on every poll', async () => {
    const { source, stubs, clock } = mockedSource();
    account(stubs);
    await source.connect();
    await source.refresh();
    const minutes = SETTINGS_INTERVAL_MS / 60_000;
    await pollFor(source, clock, minutes - 1);
    // Ten polls of each dataset, one reading of each setting.
    expect(stubs.elbv2.commandCalls(DescribeLoadBalancersCommand)).toHaveLength(minutes);
    for (const [stub, command] of [
      [stubs.elbv2, DescribeListenersCommand],
      [stubs.elbv2, DescribeRulesCommand],
      [stubs.autoscaling, DescribePoliciesCommand],
      [stubs.autoscaling, DescribeScheduledActionsCommand],
      [stubs.lambda, GetFunctionConcurrencyCommand],
      [stubs.route53, GetHostedZoneCommand],
    ] as const) expect(stub.commandCalls(command as never)).toHaveLength(1);
    // What was reused is still shown.
    const inventory = source.snapshot().inventory;
    expect(inventory.loadBalancers[0]!.listeners[0]!.rules).toHaveLength(1);
    expect(inventory.autoScalingGroups[0]!.policies.map((p) => p.policyName)).toEqual(['cpu']);
    expect(inventory.lambdaFunctions[0]!.reservedConcurrentExecutions).toBe(5);
    expect(inventory.hostedZones[0]!.nameServers).toEqual(['ns-1.awsdns-01.org']);
    // Once the interval has passed they are read again.
    await pollFor(source, clock, 1);
    expect(stubs.elbv2.commandCalls(DescribeListenersCommand)).toHaveLength(2);
    expect(stubs.autoscaling.commandCalls(DescribePoliciesCommand)).toHaveLength(2);
    expect(stubs.lambda.commandCalls(GetFunctionConcurrencyCommand)).toHaveLength(2);
    source.stop();
  });

  it('reads a new function\'s concurrency at once, without re-reading the others', async () => {
    const { source, stubs, clock } = mockedSource();
    account(stubs);
    await source.connect();
    await source.refresh();
    stubs.lambda.on(ListFunctionsCommand).resolves({
      Functions: [
        { FunctionName: 'mailer', FunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:mailer' },
        { FunctionName: 'thumbs', FunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:thumbs' },
      ],
    });
    stubs.lambda.on(GetFunctionConcurrencyCommand, { FunctionName: 'thumbs' }).resolves({ ReservedConcurrentExecutions: 9 });
    clock.advance(60_000);
    await source.refreshDataset('lambda');
    const calls = stubs.lambda.commandCalls(GetFunctionConcurrencyCommand).map((c) => c.args[0].input.FunctionName);
    expect(calls).toEqual(['mailer', 'thumbs']);
    expect(source.snapshot().inventory.lambdaFunctions.map((f) => f.reservedConcurrentExecutions)).toEqual([5, 9]);
    source.stop();
  });

  it('reads the group again, policies included, as soon as a followed Set desired capacity settles', async () => {
    const { source, stubs } = mockedSource({ follow: { intervalMs: 1_000, timeoutMs: 60_000 } });
    account(stubs);
    await source.connect();
    await source.refresh();
    const group = (desired: number, inService: number) => ({
      AutoScalingGroups: [
        {
          AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 4, DesiredCapacity: desired, DefaultCooldown: 300, HealthCheckType: 'ELB', AvailabilityZones: ['eu-west-1a'], TargetGroupARNs: [TG_ARN], CreatedTime: new Date(0),
          Instances: Array.from({ length: inService }, (_, i) => ({ InstanceId: `i-${i + 1}`, AvailabilityZone: 'eu-west-1a', LifecycleState: 'InService' as const, HealthStatus: 'Healthy', ProtectedFromScaleIn: false })),
        },
      ],
    });
    stubs.autoscaling.on(SetDesiredCapacityCommand).resolves({});
    stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).resolves(group(3, 3));
    const policiesBefore = stubs.autoscaling.commandCalls(DescribePoliciesCommand).length;
    const action = { type: 'SetDesiredCapacity' as const, autoScalingGroupName: 'web', desiredCapacity: 3 };
    const result = await source.actions.follow(action, () => undefined);
    expect(result.outcome).toBe('settled');
    // The settled count is on screen when the outcome is reported, not one poll later.
    expect(source.snapshot().inventory.autoScalingGroups[0]).toMatchObject({ desiredCapacity: 3 });
    expect(source.snapshot().inventory.autoScalingGroups[0]!.instances).toHaveLength(3);
    expect(stubs.autoscaling.commandCalls(DescribePoliciesCommand)).toHaveLength(policiesBefore + 1);
    source.stop();
  });
});

describe('change detection per dataset', () => {
  it('publishes the inventory only when the refreshed dataset\'s own part changed', async () => {
    const { source, stubs, clock } = mockedSource();
    account(stubs);
    await source.connect();
    await source.refresh();
    const published: boolean[] = [];
    source.onUpdate((u) => published.push(u.inventory !== undefined));
    clock.advance(30_000);
    await source.refreshDataset('elbv2');
    stubs.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: LB_ARN, LoadBalancerName: 'shop', DNSName: 'shop.elb', Type: 'application', State: { Code: 'active_impaired' } }] });
    clock.advance(30_000);
    await source.refreshDataset('elbv2');
    expect(published).toEqual([false, true]);
    expect(source.snapshot().inventory.loadBalancers[0]!.state).toBe('active_impaired');
    source.stop();
  });
});

describe('target health plan', () => {
  it('reuses a healthy group\'s target health until it is old, and reads a moving target on every poll', async () => {
    const { source, stubs, clock } = mockedSource();
    let state = 'healthy';
    account(stubs, () => state);
    await source.connect();
    await source.refresh();
    expect(stubs.elbv2.commandCalls(DescribeTargetHealthCommand)).toHaveLength(1);
    clock.advance(30_000);
    await source.refreshDataset('elbv2');
    expect(stubs.elbv2.commandCalls(DescribeTargetHealthCommand)).toHaveLength(1);
    clock.advance(TARGET_HEALTH_MAX_AGE_MS);
    state = 'draining';
    await source.refreshDataset('elbv2');
    expect(stubs.elbv2.commandCalls(DescribeTargetHealthCommand)).toHaveLength(2);
    expect(source.snapshot().inventory.targetGroups[0]!.targets[0]!.state).toBe('draining');
    // Draining is moving: followed on every poll until it is steady again.
    clock.advance(30_000);
    await source.refreshDataset('elbv2');
    clock.advance(30_000);
    await source.refreshDataset('elbv2');
    expect(stubs.elbv2.commandCalls(DescribeTargetHealthCommand)).toHaveLength(4);
    source.stop();
  });

  const targetGroup = (states: string[]): TargetGroup => ({
    targetGroupArn: TG_ARN,
    targetGroupName: 'web',
    targetType: 'instance',
    loadBalancerArns: [LB_ARN],
    targets: states.map((state, i) => ({ targetId: `i-${i + 1}`, state: state as 'healthy' })),
  }) as TargetGroup;
  const group = (instances: string[]): AutoScalingGroup =>
    ({ autoScalingGroupName: 'web', targetGroupARNs: [TG_ARN], instances: instances.map((id) => ({ instanceId: id, availabilityZone: 'a', lifecycleState: 'InService', healthStatus: 'Healthy' })) }) as unknown as AutoScalingGroup;

  it('reads a group again when its Auto Scaling group launched or terminated an instance, or CloudWatch counts disagree', () => {
    const tg = targetGroup(['healthy', 'healthy']);
    const reads = new Map([[TG_ARN, { at: 0, instances: attachedInstances(TG_ARN, [group(['i-1', 'i-2'])]) }]]);
    const plan = (groups: AutoScalingGroup[], counts: Record<string, number | undefined> = {}) =>
      reusableTargetHealth({ now: 30_000, targetGroups: [tg], autoScalingGroups: groups, reads, latestCount: (name) => counts[name] });
    expect(plan([group(['i-1', 'i-2'])]).has(TG_ARN)).toBe(true);
    expect(plan([group(['i-1', 'i-2', 'i-3'])]).has(TG_ARN)).toBe(false);
    expect(plan([group(['i-1'])]).has(TG_ARN)).toBe(false);
    expect(plan([group(['i-1', 'i-2'])], { HealthyHostCount: 2, UnHealthyHostCount: 0 }).has(TG_ARN)).toBe(true);
    expect(plan([group(['i-1', 'i-2'])], { UnHealthyHostCount: 1 }).has(TG_ARN)).toBe(false);
    expect(plan([group(['i-1', 'i-2'])], { HealthyHostCount: 1 }).has(TG_ARN)).toBe(false);
    expect(reusableTargetHealth({ now: TARGET_HEALTH_MAX_AGE_MS, targetGroups: [tg], autoScalingGroups: [group(['i-1', 'i-2'])], reads, latestCount: () => undefined }).size).toBe(0);
  });
});
