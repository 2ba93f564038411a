import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import type { SimTargetGroup } from '@main/core/sources/sim/alb/alb-state';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

/**
 * The ALB keeps each target group's routable roster from tick to tick until a target joins, leaves or
 * changes state: every such change bumps the group's targetsVersion (issue 15). A change that did not
 * would leave requests going to a target that is no longer routable, so each kind is checked here.
 */
describe('target group version (the ALB keeps its routable roster while it is unchanged)', () => {
  it('ALB-5/ALB-6/ALB-7: registration, each health transition, deregistration and removal change the version', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ rate: '50', max: 4 })));
    const group: SimTargetGroup = [...engine.world.targetGroups.values()][0]!;
    const asg = [...engine.world.autoScalingGroups.values()][0]!;
    const snapshot = () => [...group.targets.values()].map((t) => `${t.id}:${t.state}`).join(',');
    let seen = { targets: snapshot(), version: group.targetsVersion ?? 0 };
    let changes = 0;
    for (let tick = 0; tick < 120; tick++) {
      if (tick === 10) engine.perform({ type: 'SetDesiredCapacity', autoScalingGroupName: asg.name, desiredCapacity: asg.maxSize, honorCooldown: false });
      if (tick === 60) engine.perform({ type: 'SetDesiredCapacity', autoScalingGroupName: asg.name, desiredCapacity: asg.minSize, honorCooldown: false });
      engine.advanceBy(10);
      const now = { targets: snapshot(), version: group.targetsVersion ?? 0 };
      // Whenever the targets or their states differ, the version moved.
      if (now.targets !== seen.targets) {
        expect(now.version).not.toBe(seen.version);
        changes++;
      }
      seen = now;
    }
    expect(changes).toBeGreaterThan(3); // joined, healthy, draining, gone
  });
});
