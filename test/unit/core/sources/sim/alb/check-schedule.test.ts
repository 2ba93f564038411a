import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import type { SimTargetGroup } from '@main/core/sources/sim/alb/alb-state';
import { checkSchedule, dueAt } from '@main/core/sources/sim/alb/check-schedule';
import { countByState } from '@main/core/sources/sim/alb/target-group';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

/**
 * The health checks walk a schedule kept from tick to tick (issue 15 item 6): the group's targets in
 * order, when each is due, and the host counts (ALB-13). It must always say what the group itself says,
 * through registrations, health transitions, draining and removal; otherwise a check would be skipped
 * or a host count published wrong.
 */
describe('health-check schedule (kept while the group is unchanged)', () => {
  it('ALB-4/ALB-7/ALB-13: targets, due times and host counts match the group after every tick', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ rate: '50', max: 4 })));
    const group: SimTargetGroup = [...engine.world.targetGroups.values()][0]!;
    const asg = [...engine.world.autoScalingGroups.values()][0]!;
    const states = new Set<string>();
    let checked = 0;
    for (let tick = 0; tick < 150; tick++) {
      if (tick === 10) engine.perform({ type: 'SetDesiredCapacity', autoScalingGroupName: asg.name, desiredCapacity: asg.maxSize, honorCooldown: false });
      if (tick === 60) engine.perform({ type: 'SetDesiredCapacity', autoScalingGroupName: asg.name, desiredCapacity: asg.minSize, honorCooldown: false });
      const before = [...group.targets.values()].map((t) => t.nextCheckAt).reduce((a, b) => a + b, 0);
      engine.advanceBy(10);
      const after = [...group.targets.values()].map((t) => t.nextCheckAt).reduce((a, b) => a + b, 0);
      if (after !== before) checked++;
      const schedule = checkSchedule(group);
      const targets = [...group.targets.values()];
      expect(schedule.targets.slice(0, schedule.length)).toEqual(targets);
      expect(Array.from(schedule.due.subarray(0, schedule.length))).toEqual(targets.map(dueAt));
      // A group is not walked before its earliest due time: that must be the earliest of its targets'.
      expect(schedule.nextDue).toBe(Math.min(Infinity, ...targets.map(dueAt)));
      expect({ healthy: schedule.healthy, unhealthy: schedule.unhealthy }).toEqual(countByState(group));
      for (const target of targets) states.add(target.state);
    }
    // The run went through the states the schedule must follow, and checks kept running.
    expect([...states].sort()).toEqual(expect.arrayContaining(['draining', 'healthy', 'initial']));
    expect(checked).toBeGreaterThan(30);
  });
});
