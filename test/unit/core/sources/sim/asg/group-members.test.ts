import { describe, expect, it } from 'vitest';
import { InstanceColumns } from '@main/core/sources/sim/asg/instance-columns';
import { addGroupInstance, groupMembers, removeGroupInstance, SimInstance, type GroupMembers, type SimActivity, type SimAutoScalingGroup } from '@main/core/sources/sim/asg/asg-state';
import { countedInstances, countInService } from '@main/core/sources/sim/asg/auto-scaling-group';

const activity = { activityId: 'a', autoScalingGroupName: 'g', cause: '', description: '', startTime: 0, statusCode: 'InProgress', progress: 0 } as SimActivity;

function instance(id: string, columns: InstanceColumns): SimInstance {
  return new SimInstance(
    { instanceId: id, autoScalingGroupName: 'g', availabilityZone: 'us-east-1a', instanceType: 't3.micro', vcpus: 2, lifecycleState: 'InService', healthStatus: 'Healthy', launchTime: 0, readyAt: 0, activity, warmUntil: 0 },
    columns,
  );
}

/** The members as AsgService builds them from scratch: the instances in launch order and their slots. */
function rebuilt(group: SimAutoScalingGroup): GroupMembers {
  const instances = [...group.instances.values()];
  return { version: group.instancesVersion ?? 0, instances, slots: instances.map((i) => i.slot) };
}

describe("a group's members follow its launches and terminations (issue 15 item 6: no rebuild per change)", () => {
  it('after every add and remove they equal a rebuild: launch order, slots, version', () => {
    const columns = new InstanceColumns(2);
    const group = { instances: new Map() } as SimAutoScalingGroup;
    const launched = ['i-a', 'i-b', 'i-c'].map((id) => instance(id, columns));
    for (const one of launched) addGroupInstance(group, one);
    group.members = rebuilt(group);
    const steps: (() => void)[] = [
      () => removeGroupInstance(group, 'i-b'),
      () => addGroupInstance(group, instance('i-d', columns)),
      () => removeGroupInstance(group, 'i-a'),
      () => removeGroupInstance(group, 'i-missing'),
      () => addGroupInstance(group, instance('i-e', columns)),
      () => removeGroupInstance(group, 'i-e'),
    ];
    for (const step of steps) {
      step();
      expect(group.members).toEqual(rebuilt(group));
    }
    expect(group.members!.instances.map((i) => i.instanceId)).toEqual(['i-c', 'i-d']);
  });

  it('an id added again keeps its place in the Map: the members are left to be rebuilt, not appended to', () => {
    const columns = new InstanceColumns();
    const group = { instances: new Map() } as SimAutoScalingGroup;
    addGroupInstance(group, instance('i-a', columns));
    addGroupInstance(group, instance('i-b', columns));
    group.members = rebuilt(group);
    const again = instance('i-a', columns);
    addGroupInstance(group, again);
    expect(group.members.version).not.toBe(group.instancesVersion);
    expect(rebuilt(group).instances).toEqual([again, group.instances.get('i-b')]);
  });
});

describe('capacity counts from the columns (issue 15 item 6)', () => {
  it('count what the lifecycle strings say: everything not on its way out, a rebalancing launch once in service', () => {
    const columns = new InstanceColumns();
    const group = { instances: new Map() } as SimAutoScalingGroup;
    const states = ['Pending', 'InService', 'Terminating', 'Terminating:Wait', 'Terminating:Proceed', 'Terminated', 'Pending:Wait', 'Standby'] as const;
    for (const [n, state] of states.entries()) {
      for (const rebalancing of [false, true]) {
        const one = instance(`i-${n}-${rebalancing}`, columns);
        one.lifecycleState = state;
        one.rebalancing = rebalancing || undefined;
        addGroupInstance(group, one);
      }
    }
    groupMembers(group); // built: later changes go through the members
    const late = instance('i-late', columns);
    addGroupInstance(group, late);
    late.lifecycleState = 'Terminating';
    // The former rule, on the lifecycle strings.
    const all = [...group.instances.values()];
    const byStrings = all.filter((i) => !i.lifecycleState.startsWith('Terminat') && !(i.rebalancing && i.lifecycleState === 'Pending'));
    expect(countedInstances(group)).toEqual(byStrings);
    expect(countInService(group)).toBe(byStrings.filter((i) => i.lifecycleState === 'InService').length);
    expect(countInService(group)).toBe(2);
  });
});
