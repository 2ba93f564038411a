import { describe, expect, it } from 'vitest';
import { InstanceColumns, LIFECYCLE, lifecycleCode } from '@main/core/sources/sim/asg/instance-columns';
import { SimInstance, type SimActivity } from '@main/core/sources/sim/asg/asg-state';

const activity = { activityId: 'a', autoScalingGroupName: 'g', cause: '', description: '', startTime: 0, statusCode: 'InProgress', progress: 0 } as SimActivity;

function instance(id: string, columns: InstanceColumns): SimInstance {
  return new SimInstance(
    { instanceId: id, autoScalingGroupName: 'g', availabilityZone: 'us-east-1a', instanceType: 't3.micro', vcpus: 2, lifecycleState: 'InService', healthStatus: 'Healthy', launchTime: 0, readyAt: 0, activity, warmUntil: 0 },
    columns,
  );
}

describe('instance columns (issue 15 item 6: per-tick numbers in typed arrays)', () => {
  it('an instance reads and writes its numbers in its slot, starting at zero', () => {
    const columns = new InstanceColumns(1);
    const a = instance('i-a', columns);
    const b = instance('i-b', columns); // past the first capacity: the arrays grow, a keeps its values
    expect([a.utilisation, a.backlog, a.cpuPercent, a.busyThisTick]).toEqual([0, 0, 0, false]);
    a.backlog = 1.25;
    a.utilisation = 0.7;
    a.cpuPercent = 71.5;
    a.busyThisTick = true;
    b.backlog = 3;
    instance('i-c', columns);
    expect([a.utilisation, a.backlog, a.cpuPercent, a.busyThisTick]).toEqual([0.7, 1.25, 71.5, true]);
    expect(columns.backlog[b.slot]).toBe(3);
  });

  it('the tick start clears utilisation and the busy flag of every instance, not its backlog or CPU', () => {
    const columns = new InstanceColumns();
    const a = instance('i-a', columns);
    a.utilisation = 0.5;
    a.busyThisTick = true;
    a.backlog = 2;
    a.cpuPercent = 40;
    columns.startTick();
    expect([a.utilisation, a.busyThisTick, a.backlog, a.cpuPercent]).toEqual([0, false, 2, 40]);
  });

  it('a detached instance keeps its numbers, and its slot goes to the next launch at zero', () => {
    const columns = new InstanceColumns();
    const a = instance('i-a', columns);
    const slot = a.slot;
    a.backlog = 4;
    a.utilisation = 0.9;
    a.detach();
    const b = instance('i-b', columns);
    expect(b.slot).toBe(slot);
    expect([b.backlog, b.utilisation]).toEqual([0, 0]);
    b.backlog = 7;
    columns.startTick();
    expect([a.backlog, a.utilisation]).toEqual([4, 0.9]);
    expect(columns.size).toBe(1);
  });

  it('a kept (slot, generation) names the same instance only while it is in the world; in service follows its state', () => {
    const columns = new InstanceColumns();
    const a = instance('i-a', columns);
    const kept = { slot: a.slot, generation: columns.generation[a.slot] };
    expect(columns.inService[a.slot]).toBe(1);
    expect(columns.vcpus[a.slot]).toBe(2);
    a.lifecycleState = 'Terminating';
    expect(columns.inService[a.slot]).toBe(0);
    expect(columns.generation[kept.slot]).toBe(kept.generation);
    a.detach();
    expect(columns.generation[kept.slot]).not.toBe(kept.generation); // freed: no longer a
    const b = instance('i-b', columns);
    expect(b.slot).toBe(kept.slot);
    expect(columns.generation[kept.slot]).not.toBe(kept.generation); // handed out again: b, not a
    expect(a.lifecycleState).toBe('Terminating');
    expect(a.vcpus).toBe(2);
  });

  it('the lifecycle code, rebalancing flag, warm-up end and zone follow the instance (the group walk reads them from the columns)', () => {
    const columns = new InstanceColumns();
    const a = instance('i-a', columns);
    expect(columns.state[a.slot]).toBe(LIFECYCLE.inService);
    expect(columns.zoneNames[columns.zone[a.slot]!]).toBe('us-east-1a');
    a.lifecycleState = 'Pending';
    expect(columns.state[a.slot]).toBe(LIFECYCLE.pending);
    for (const state of ['Terminating', 'Terminating:Wait', 'Terminating:Proceed'] as const) {
      a.lifecycleState = state;
      expect(columns.state[a.slot]).toBe(LIFECYCLE.terminating);
    }
    expect([lifecycleCode('Terminated'), lifecycleCode('Pending:Wait'), lifecycleCode('Standby')]).toEqual([LIFECYCLE.terminated, LIFECYCLE.other, LIFECYCLE.other]);
    expect(columns.rebalancing[a.slot]).toBe(0);
    a.rebalancing = true;
    expect(columns.rebalancing[a.slot]).toBe(1);
    a.rebalancing = undefined;
    expect([columns.rebalancing[a.slot], a.rebalancing]).toEqual([0, undefined]);
    a.warmUntil = 5000;
    a.availabilityZone = 'us-east-1c';
    expect(columns.warmUntil[a.slot]).toBe(5000);
    expect(columns.zoneNames[columns.zone[a.slot]!]).toBe('us-east-1c');
    const slot = a.slot;
    a.detach();
    expect([a.warmUntil, a.availabilityZone]).toEqual([5000, 'us-east-1c']);
    a.warmUntil = 7000; // detached: its own field, not the freed slot's
    expect(columns.warmUntil[slot]).toBe(5000);
    expect(a.warmUntil).toBe(7000);
  });
});
