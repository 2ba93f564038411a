/**
 * Large capacity changes cost time linear in the group's size (issue 10, item 7: 20,000 instances took
 * 42 s to load). The batch paths must choose exactly what the one-at-a-time rules choose, so that the
 * same seed still gives the same bytes: these tests compare them (no timings here; see bench/).
 */
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { chooseAvailabilityZone, selectForTermination, setDesiredCapacity, terminationOrder } from '@main/core/sources/sim/asg/auto-scaling-group';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const engineFor = (options: Parameters<typeof webTier>[0]) => new SimulationEngine(scenarioFrom(webTier(options)));
const groupOf = (engine: SimulationEngine) => engine.world.autoScalingGroups.get('web-asg')!;

describe('Auto Scaling capacity changes in one pass', () => {
  it('ASG-10: launching many at once spreads them over the zones as launching one at a time does', () => {
    const engine = engineFor({ min: 0, max: 40, desired: 0 });
    const group = groupOf(engine);
    // One at a time, the rule is: the zone with the fewest, ties to the first listed.
    const expected = new Map<string, number>(group.availabilityZones.map((az) => [az, 0]));
    for (let n = 0; n < 31; n++) {
      let best = group.availabilityZones[0]!;
      for (const az of group.availabilityZones) if (expected.get(az)! < expected.get(best)!) best = az;
      expected.set(best, expected.get(best)! + 1);
    }
    setDesiredCapacity(engine, group, 31, { kind: 'user' });
    const actual = new Map<string, number>(group.availabilityZones.map((az) => [az, 0]));
    for (const instance of group.instances.values()) actual.set(instance.availabilityZone, actual.get(instance.availabilityZone)! + 1);
    expect(actual).toEqual(expected);
    expect(chooseAvailabilityZone(group)).toBe(group.availabilityZones[1]);
  });

  it('ASG-10: the termination order of a scale-in equals selecting one victim at a time (unhealthy first, then the busiest zone)', () => {
    const engine = engineFor({ min: 0, max: 40, desired: 24 });
    const group = groupOf(engine);
    const instances = [...group.instances.values()];
    // Unbalance the zones and mark some unhealthy, so that every rule of the order is exercised.
    instances.slice(0, 6).forEach((instance) => (instance.availabilityZone = group.availabilityZones[2]!));
    for (const index of [3, 11, 17]) instances[index]!.healthStatus = 'Unhealthy';

    const oneAtATime = [];
    for (let n = 0; n < 20; n++) {
      const victim = selectForTermination(group)!;
      oneAtATime.push(victim);
      victim.lifecycleState = 'Terminating';
    }
    for (const victim of oneAtATime) victim.lifecycleState = 'Pending';

    expect(terminationOrder(group, 20).map((i) => i.instanceId)).toEqual(oneAtATime.map((i) => i.instanceId));
    // Asking for more than there are gives every counted instance once.
    expect(new Set(terminationOrder(group, 100)).size).toBe(24);
  });

  it('a scale-in to zero terminates every instance once', () => {
    const engine = engineFor({ min: 0, max: 40, desired: 30 });
    const group = groupOf(engine);
    setDesiredCapacity(engine, group, 0, { kind: 'user' });
    expect([...group.instances.values()].every((i) => i.lifecycleState.startsWith('Terminat'))).toBe(true);
  });
});
