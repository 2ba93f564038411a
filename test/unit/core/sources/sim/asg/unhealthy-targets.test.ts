import { describe, expect, it } from 'vitest';
import type { SimTargetGroup } from '@main/core/sources/sim/alb/alb-state';
import { targetsChanged } from '@main/core/sources/sim/alb/target-group';
import { anyUnhealthyTarget, elbTargetsView, unhealthyTargetIn, type ElbTargetsView } from '@main/core/sources/sim/asg/unhealthy-targets';

function targetGroup(states: Record<string, string>): SimTargetGroup {
  return { targets: new Map(Object.entries(states).map(([id, state]) => [id, { id, state }])) } as unknown as SimTargetGroup;
}

describe('ASG-9 (ELB health checks): whether a group\'s target groups hold an unhealthy target, held on the group', () => {
  it('follows every change its target groups announce (targetsVersion), and any target group of the group counts', () => {
    const a = targetGroup({ 'i-1': 'healthy', 'i-2': 'initial' });
    const b = targetGroup({ 'i-3': 'healthy' });
    const world = new Map([['arn:a', a], ['arn:b', b]]);
    const group: { targetGroupArns: string[]; elbTargets?: ElbTargetsView } = { targetGroupArns: ['arn:a', 'arn:missing', 'arn:b'] };
    const view = elbTargetsView(group, world);
    expect(view.targetGroups).toEqual([a, undefined, b]);
    expect(anyUnhealthyTarget(view)).toBe(false);
    b.targets.get('i-3')!.state = 'unhealthy';
    targetsChanged(b);
    expect(anyUnhealthyTarget(elbTargetsView(group, world))).toBe(true);
    expect(unhealthyTargetIn(view.targetGroups, 'i-3')).toBe(true);
    expect(unhealthyTargetIn(view.targetGroups, 'i-1')).toBe(false);
    b.targets.delete('i-3'); // a removal is seen by the size even before the version moves
    expect(anyUnhealthyTarget(view)).toBe(false);
  });

  it('is looked up again when the group\'s ARNs or the world\'s target groups change, else kept', () => {
    const a = targetGroup({ 'i-1': 'unhealthy' });
    const world = new Map<string, SimTargetGroup>();
    const group: { targetGroupArns: string[]; elbTargets?: ElbTargetsView } = { targetGroupArns: ['arn:a'] };
    const first = elbTargetsView(group, world);
    expect(elbTargetsView(group, world)).toBe(first);
    expect(anyUnhealthyTarget(first)).toBe(false);
    world.set('arn:a', a);
    expect(anyUnhealthyTarget(elbTargetsView(group, world))).toBe(true);
    group.targetGroupArns = [];
    expect(anyUnhealthyTarget(elbTargetsView(group, world))).toBe(false);
  });
});
