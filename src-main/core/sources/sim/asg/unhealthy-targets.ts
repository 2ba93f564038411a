/**
 * ASG-9 with HealthCheckType ELB: whether a group's target groups hold an unhealthy target, asked by
 * every health look (each group, every 30 s). At 10,000 instances over 24 hours the lookups of the
 * group's target groups by ARN (a Map lookup on a long string each time) and a WeakMap of what was
 * already known cost ~1 % of the run (issue 15 item 6): both are now held on the group.
 */
import type { SimTargetGroup } from '../alb/alb-state';

/** A group's target groups as its health looks see them (SimAutoScalingGroup.elbTargets). */
export interface ElbTargetsView {
  /** The group's TargetGroupARNs, and how many target groups the world had, when they were looked up. */
  arns: readonly string[];
  worldTargetGroups: number;
  /** Each ARN's target group, in the group's order (undefined: none of that ARN). */
  targetGroups: (SimTargetGroup | undefined)[];
  /** Per target group: whether it holds an unhealthy target, and the targetsVersion and size that was worked out at. */
  unhealthy: boolean[];
  versions: number[];
  sizes: number[];
}

/**
 * The group's view, looked up again only if its ARNs or the world's target groups changed (target
 * groups are made when the scenario is built; the guard keeps this right if that ever changes).
 */
export function elbTargetsView(group: { targetGroupArns: readonly string[]; elbTargets?: ElbTargetsView }, worldTargetGroups: ReadonlyMap<string, SimTargetGroup>): ElbTargetsView {
  const held = group.elbTargets;
  if (held !== undefined && held.arns === group.targetGroupArns && held.worldTargetGroups === worldTargetGroups.size) return held;
  const count = group.targetGroupArns.length;
  return (group.elbTargets = {
    arns: group.targetGroupArns,
    worldTargetGroups: worldTargetGroups.size,
    targetGroups: group.targetGroupArns.map((arn) => worldTargetGroups.get(arn)),
    unhealthy: new Array<boolean>(count).fill(false),
    versions: new Array<number>(count).fill(-1),
    sizes: new Array<number>(count).fill(-1),
  });
}

/**
 * Whether one of the view's target groups holds an unhealthy target. A target group's targets are
 * walked again only when they changed: every change to its targets or their states bumps its
 * targetsVersion (alb/target-group.ts targetsChanged).
 */
export function anyUnhealthyTarget(view: ElbTargetsView): boolean {
  for (let i = 0; i < view.targetGroups.length; i++) {
    const targetGroup = view.targetGroups[i];
    if (targetGroup === undefined) continue;
    const version = targetGroup.targetsVersion ?? 0;
    if (view.versions[i] !== version || view.sizes[i] !== targetGroup.targets.size) {
      view.unhealthy[i] = holdsUnhealthyTarget(targetGroup);
      view.versions[i] = version;
      view.sizes[i] = targetGroup.targets.size;
    }
    if (view.unhealthy[i]) return true;
  }
  return false;
}

function holdsUnhealthyTarget(targetGroup: SimTargetGroup): boolean {
  for (const target of targetGroup.targets.values()) if (target.state === 'unhealthy') return true;
  return false;
}

/** Whether the instance's target is unhealthy in one of the target groups. */
export function unhealthyTargetIn(targetGroups: readonly (SimTargetGroup | undefined)[], instanceId: string): boolean {
  for (const targetGroup of targetGroups) if (targetGroup?.targets.get(instanceId)?.state === 'unhealthy') return true;
  return false;
}
