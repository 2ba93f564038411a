/**
 * Limits across Auto Scaling resources, checked once a scenario's resources are loaded: the
 * instances all groups together can reach (what the simulator runs in a moment), and AWS's quotas
 * on groups per Region and on policies and scheduled actions per group (as-account-limits.html).
 * Per-field bounds (MaxSize ≤ 10,000 …) are in the resource schemas.
 */
import type { ScenarioReport } from '../scenario/scenario-checks';
import type { LoadedResource } from '../scenario/loaded-resource';
import { MAX_AUTO_SCALING_GROUPS, MAX_POLICIES_PER_GROUP, MAX_SCENARIO_INSTANCES, MAX_SCHEDULED_ACTIONS_PER_GROUP } from '../scenario/limits';

const QUOTAS_PAGE = 'as-account-limits.html';

export function checkAutoScalingLimits(resources: readonly LoadedResource[], report: ScenarioReport): void {
  const groups = resources.filter((r) => r.type === 'AWS::AutoScaling::AutoScalingGroup');
  if (groups.length > MAX_AUTO_SCALING_GROUPS) {
    report('error', ['Resources', groups[MAX_AUTO_SCALING_GROUPS]!.logicalId], `this scenario has ${groups.length} Auto Scaling groups; AWS allows ${MAX_AUTO_SCALING_GROUPS} per Region (${QUOTAS_PAGE})`, {
      code: 'autoScaling.tooManyGroups',
      params: { count: groups.length, max: MAX_AUTO_SCALING_GROUPS },
    });
  }

  const policies = countByGroup(resources, 'AWS::AutoScaling::ScalingPolicy');
  const scheduled = countByGroup(resources, 'AWS::AutoScaling::ScheduledAction');
  // The largest size a group can reach: its MaxSize, or a larger one a scheduled action sets.
  const reach = new Map(groups.map((g) => [g.identity.name, g.properties.MaxSize as number]));
  for (const action of resources) {
    if (action.type !== 'AWS::AutoScaling::ScheduledAction') continue;
    const name = action.properties.AutoScalingGroupName as string;
    const maxSize = action.properties.MaxSize as number | undefined;
    if (maxSize !== undefined && reach.has(name)) reach.set(name, Math.max(reach.get(name)!, maxSize));
  }

  let total = 0;
  let reported = false;
  for (const group of groups) {
    const name = group.identity.name;
    total += reach.get(name) ?? 0;
    if (!reported && total > MAX_SCENARIO_INSTANCES) {
      reported = true;
      const sum = [...reach.values()].reduce((a, b) => a + b, 0);
      report(
        'error',
        ['Resources', group.logicalId, 'Properties', 'MaxSize'],
        `the Auto Scaling groups of this scenario can reach ${sum} instances (the sum of their MaxSize, scheduled actions included); the simulator runs at most ${MAX_SCENARIO_INSTANCES} in one scenario`,
        { code: 'autoScaling.tooManyInstances', params: { count: sum, max: MAX_SCENARIO_INSTANCES } },
      );
    }
    const policyCount = policies.get(name)?.length ?? 0;
    if (policyCount > MAX_POLICIES_PER_GROUP) {
      report('error', ['Resources', policies.get(name)![MAX_POLICIES_PER_GROUP]!.logicalId], `${name} has ${policyCount} scaling policies; AWS allows ${MAX_POLICIES_PER_GROUP} per Auto Scaling group (${QUOTAS_PAGE})`, {
        code: 'autoScaling.tooManyPolicies',
        params: { group: name, count: policyCount, max: MAX_POLICIES_PER_GROUP },
      });
    }
    const scheduledCount = scheduled.get(name)?.length ?? 0;
    if (scheduledCount > MAX_SCHEDULED_ACTIONS_PER_GROUP) {
      report('error', ['Resources', scheduled.get(name)![MAX_SCHEDULED_ACTIONS_PER_GROUP]!.logicalId], `${name} has ${scheduledCount} scheduled actions; AWS allows ${MAX_SCHEDULED_ACTIONS_PER_GROUP} per Auto Scaling group (${QUOTAS_PAGE})`, {
        code: 'autoScaling.tooManyScheduledActions',
        params: { group: name, count: scheduledCount, max: MAX_SCHEDULED_ACTIONS_PER_GROUP },
      });
    }
  }
}

function countByGroup(resources: readonly LoadedResource[], type: string): Map<string, LoadedResource[]> {
  const byGroup = new Map<string, LoadedResource[]>();
  for (const resource of resources) {
    if (resource.type !== type) continue;
    const name = resource.properties.AutoScalingGroupName as string;
    const list = byGroup.get(name);
    if (list) list.push(resource);
    else byGroup.set(name, [resource]);
  }
  return byGroup;
}
