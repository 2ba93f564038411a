/**
 * AWS polling per dataset (issue 9 item 6): each dataset's poll is compared with what was published
 * by resource key, and only the resources that changed travel, as a delta that chains from the
 * snapshot's inventory version — the same deltas the simulator sends (issue 15 item 5).
 */
import { describe, expect, it } from 'vitest';
import { DescribeListenersCommand, DescribeLoadBalancersCommand, DescribeRulesCommand, DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { applyInventoryDelta, type Update } from '@main/core/contract';
import { mockedSource, type Stubs } from '../../../../helpers/aws-mocks';

const LB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/50dc6c495c0c9188';
const TG = (name: string) => `arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/${name}/73e2d6bc24d8a067`;

/** Two target groups whose targets' states the test sets; one Auto Scaling group of `desired`. */
function account(stubs: Stubs, world: { states: Record<string, string>; groups: string[]; desired: number }): void {
  stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' });
  stubs.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: LB_ARN, LoadBalancerName: 'shop', DNSName: 'shop.elb', Type: 'application', State: { Code: 'active' } }] });
  stubs.elbv2.on(DescribeListenersCommand).resolves({ Listeners: [] });
  stubs.elbv2.on(DescribeRulesCommand).resolves({ Rules: [] });
  stubs.elbv2.on(DescribeTargetGroupsCommand).callsFake(() => ({ TargetGroups: world.groups.map((name) => ({ TargetGroupArn: TG(name), TargetGroupName: name, LoadBalancerArns: [LB_ARN], TargetType: 'instance' })) }));
  stubs.elbv2.on(DescribeTargetHealthCommand).callsFake((input: { TargetGroupArn: string }) => {
    const name = world.groups.find((g) => TG(g) === input.TargetGroupArn)!;
    return { TargetHealthDescriptions: [{ Target: { Id: `i-${name}`, Port: 80 }, TargetHealth: { State: world.states[name] ?? 'healthy' } }] };
  });
  stubs.autoscaling.on(DescribeAutoScalingGroupsCommand).callsFake(() => ({
    AutoScalingGroups: [{ AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 4, DesiredCapacity: world.desired, DefaultCooldown: 300, HealthCheckType: 'ELB', AvailabilityZones: ['eu-west-1a'], CreatedTime: new Date(0), Instances: [] }],
  }));
}

async function started(world: { states: Record<string, string>; groups: string[]; desired: number }) {
  const { source, stubs, clock } = mockedSource({ settingsIntervalMs: 0 });
  account(stubs, world);
  await source.connect();
  await source.refresh();
  const updates: Update[] = [];
  source.onUpdate((update) => updates.push(update));
  return { source, clock, updates };
}

describe('AwsSource publishes changes by resource key', () => {
  it('a poll in which one target group changed sends that group only; an unchanged poll sends no inventory', async () => {
    const world = { states: {} as Record<string, string>, groups: ['web', 'api'], desired: 2 };
    const { source, clock, updates } = await started(world);
    clock.advance(30_000);
    await source.refreshDataset('elbv2');
    expect(updates[0]!.inventory).toBeUndefined();
    world.states.api = 'unhealthy';
    clock.advance(30_000);
    await source.refreshDataset('elbv2');
    const delta = updates[1]!.inventory!;
    expect(delta.targetGroups!.upserted).toEqual([]);
    expect(delta.targetGroups!.patched!.map((patch) => patch.key)).toEqual([TG('api')]);
    expect(delta.targetGroups!.removed).toEqual([]);
    expect(delta.loadBalancers).toBeUndefined();
    expect(delta.autoScalingGroups).toBeUndefined();
    source.stop();
  });

  it('a target group that is gone is sent as its removed key', async () => {
    const world = { states: {}, groups: ['web', 'api'], desired: 2 };
    const { source, clock, updates } = await started(world);
    world.groups = ['web'];
    clock.advance(30_000);
    await source.refreshDataset('elbv2');
    expect(updates[0]!.inventory!.targetGroups).toEqual({ upserted: [], removed: [TG('api')] });
    expect(source.snapshot().inventory.targetGroups.map((tg) => tg.targetGroupName)).toEqual(['web']);
    source.stop();
  });

  it('datasets polled at the same time publish deltas that chain from the snapshot to the same inventory', async () => {
    const world = { states: {} as Record<string, string>, groups: ['web', 'api'], desired: 2 };
    const { source, clock, updates } = await started(world);
    const before = source.snapshot();
    world.states.web = 'draining';
    world.desired = 3;
    clock.advance(30_000);
    await Promise.all([source.refreshDataset('elbv2'), source.refreshDataset('autoscaling')]);
    const deltas = updates.flatMap((u) => (u.inventory ? [u.inventory] : []));
    expect(deltas).toHaveLength(2);
    expect(deltas[0]!.from).toBe(before.inventoryVersion);
    expect(deltas[1]!.from).toBe(deltas[0]!.to);
    const rebuilt = deltas.reduce(applyInventoryDelta, before.inventory);
    const after = source.snapshot();
    expect(after.inventoryVersion).toBe(deltas[1]!.to);
    expect(rebuilt).toEqual(after.inventory);
    expect(after.inventory.autoScalingGroups[0]!.desiredCapacity).toBe(3);
    source.stop();
  });
});
