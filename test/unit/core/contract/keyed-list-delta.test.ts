/**
 * Field-level patches (issue 15 item 5): for random inventories (fast-check), a changed resource
 * travels as the fields that changed and its keyed lists as their changed members; applying the
 * delta gives exactly the next inventory (order included), composing two deltas has the effect of
 * applying both, and what travels passes the contract's schema and survives JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInventoryDelta, composeInventoryDeltas, diffInventory, Inventory, InventoryDelta, type AutoScalingGroup, type TargetGroup } from '@main/core/contract';
import { applyList, composeLists, diffList, type KeyedShape } from '@main/core/contract/keyed-list-delta';

// Small key pools, so that consecutive lists share most keys (changes, not only additions).
const instanceArb = fc.record(
  {
    instanceId: fc.constantFrom('i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6'),
    availabilityZone: fc.constantFrom('eu-west-1a', 'eu-west-1b'),
    lifecycleState: fc.constantFrom('Pending', 'InService', 'Terminating' as const),
    healthStatus: fc.constantFrom('Healthy', 'Unhealthy' as const),
    instanceType: fc.constantFrom('t3.micro', 'm5.large'),
    launchTime: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-01T00:05:00.000Z'),
  },
  { requiredKeys: ['instanceId', 'availabilityZone', 'lifecycleState', 'healthStatus'] },
);

const groupArb = fc.record(
  {
    autoScalingGroupName: fc.constantFrom('web', 'api', 'jobs', 'db-proxy'),
    minSize: fc.integer({ min: 0, max: 3 }),
    maxSize: fc.integer({ min: 3, max: 9 }),
    desiredCapacity: fc.integer({ min: 0, max: 9 }),
    defaultCooldown: fc.constant(300),
    healthCheckType: fc.constantFrom('EC2', 'ELB' as const),
    healthCheckGracePeriod: fc.constant(300),
    availabilityZones: fc.subarray(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']),
    targetGroupARNs: fc.subarray(['arn:tg/web', 'arn:tg/api']),
    instances: fc.array(instanceArb, { maxLength: 6 }),
    policies: fc.array(fc.record({ policyName: fc.constantFrom('up', 'down', 'track'), policyType: fc.constantFrom('SimpleScaling', 'TargetTrackingScaling' as const), alarmNames: fc.subarray(['hi', 'lo']), targetValue: fc.option(fc.integer({ min: 10, max: 90 }), { nil: undefined }) }), { maxLength: 3 }),
    scheduledActions: fc.array(fc.record({ scheduledActionName: fc.constantFrom('night', 'morning'), desiredCapacity: fc.integer({ min: 0, max: 5 }) }), { maxLength: 2 }),
    instanceMonitoring: fc.constantFrom('basic', 'detailed' as const),
  },
  { requiredKeys: ['autoScalingGroupName', 'minSize', 'maxSize', 'desiredCapacity', 'defaultCooldown', 'healthCheckType', 'healthCheckGracePeriod', 'availabilityZones', 'targetGroupARNs', 'instances', 'policies', 'scheduledActions'] },
) as fc.Arbitrary<AutoScalingGroup>;

const targetArb = fc.record(
  {
    targetId: fc.constantFrom('i-1', 'i-2', 'i-3', 'i-4'),
    port: fc.constantFrom(80, 8080),
    availabilityZone: fc.constantFrom('eu-west-1a', 'eu-west-1b'),
    state: fc.constantFrom('initial', 'healthy', 'unhealthy', 'draining' as const),
    reason: fc.constantFrom('Target.FailedHealthChecks', 'Elb.RegistrationInProgress'),
  },
  { requiredKeys: ['targetId', 'state'] },
);

const targetGroupArb = fc.record({
  targetGroupArn: fc.constantFrom('arn:tg/web', 'arn:tg/api', 'arn:tg/img'),
  targetGroupName: fc.constantFrom('web', 'api'),
  targetType: fc.constant('instance' as const),
  loadBalancerArns: fc.subarray(['arn:lb/shop']),
  targets: fc.array(targetArb, { maxLength: 6 }),
}) as fc.Arbitrary<TargetGroup>;

const listenerArb = fc.record({
  listenerArn: fc.constantFrom('arn:l/80', 'arn:l/443'),
  port: fc.constantFrom(80, 443),
  protocol: fc.constantFrom('HTTP', 'HTTPS'),
  rules: fc.array(
    fc.record({
      ruleArn: fc.constantFrom('arn:r/1', 'arn:r/2', 'arn:r/default'),
      priority: fc.constantFrom('1', '2', 'default'),
      isDefault: fc.boolean(),
      conditions: fc.array(fc.record({ field: fc.constant('path-pattern'), values: fc.subarray(['/api/*', '/img/*']) }), { maxLength: 2 }),
      actions: fc.array(fc.record({ type: fc.constant('forward' as const), targetGroups: fc.array(fc.record({ targetGroupArn: fc.constantFrom('arn:tg/web', 'arn:tg/api'), weight: fc.integer({ min: 0, max: 10 }) }), { maxLength: 2 }) }), { maxLength: 1 }),
    }),
    { maxLength: 3 },
  ),
});

const loadBalancerArb = fc.record(
  {
    loadBalancerArn: fc.constantFrom('arn:lb/shop', 'arn:lb/admin'),
    loadBalancerName: fc.constant('shop'),
    dnsName: fc.constant('shop.elb.amazonaws.com'),
    scheme: fc.constant('internet-facing' as const),
    state: fc.constantFrom('active', 'active_impaired' as const),
    availabilityZones: fc.subarray(['eu-west-1a', 'eu-west-1b']),
    listeners: fc.array(listenerArb, { maxLength: 2 }),
    attributes: fc.array(fc.record({ key: fc.constantFrom('deletion_protection.enabled', 'idle_timeout.timeout_seconds'), value: fc.constantFrom('true', 'false', '60') }), { maxLength: 2 }),
  },
  { requiredKeys: ['loadBalancerArn', 'loadBalancerName', 'dnsName', 'scheme', 'state', 'availabilityZones', 'listeners'] },
);

/** Random inventories: duplicates of a key happen too (then the list travels whole). */
const inventoryArb = fc
  .record({
    loadBalancers: fc.array(loadBalancerArb, { maxLength: 2 }),
    targetGroups: fc.array(targetGroupArb, { maxLength: 3 }),
    autoScalingGroups: fc.array(groupArb, { maxLength: 4 }),
  })
  .map((parts) => Inventory.parse(parts));

/** The same inventory changed a little: what consecutive frames look like (a copy with some resources redrawn). */
const nextOf = (inventory: Inventory) =>
  fc.record({ loadBalancers: fc.array(loadBalancerArb, { maxLength: 2 }), targetGroups: fc.array(targetGroupArb, { maxLength: 3 }), autoScalingGroups: fc.array(groupArb, { maxLength: 4 }), keep: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }) }).map(({ keep, ...fresh }) => {
    const next = structuredClone(inventory);
    // Per collection: keep it, take the fresh one, or change one member of one resource.
    const groups = next.autoScalingGroups;
    if (keep[0] && groups[0] && groups[0].instances[0]) groups[0].instances[0] = { ...groups[0].instances[0], lifecycleState: 'InService', healthStatus: keep[1] ? 'Healthy' : 'Unhealthy' };
    else if (!keep[2]) next.autoScalingGroups = Inventory.parse({ ...fresh, loadBalancers: [], targetGroups: [] }).autoScalingGroups;
    const tgs = next.targetGroups;
    if (keep[3] && tgs[0] && tgs[0].targets.length > 0) tgs[0].targets.pop();
    else if (!keep[4]) next.targetGroups = fresh.targetGroups;
    if (keep[5] && next.loadBalancers[0]) next.loadBalancers[0].listeners.reverse();
    else if (!keep[6]) next.loadBalancers = Inventory.parse({ ...fresh, targetGroups: [], autoScalingGroups: [] }).loadBalancers;
    if (keep[7] && next.autoScalingGroups[0]) delete next.autoScalingGroups[0].instanceMonitoring;
    return next;
  });

const pairArb = inventoryArb.chain((a) => fc.tuple(fc.constant(a), fc.oneof(inventoryArb, nextOf(a))));
const tripleArb = pairArb.chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), fc.oneof(inventoryArb, nextOf(b))));

describe('field-level inventory patches (fast-check)', () => {
  it('apply(a, diff(a, b)) deep-equals b for random inventories, order included, after the schema and JSON', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const delta = diffInventory(a, b, { from: 1, to: 2 });
        if (!delta) {
          expect(a).toEqual(b);
          return;
        }
        expect(applyInventoryDelta(a, delta)).toEqual(b);
        // What travels: JSON, validated by the contract on the way in.
        const travelled = InventoryDelta.parse(JSON.parse(JSON.stringify(delta)));
        expect(applyInventoryDelta(a, travelled)).toEqual(b);
      }),
      { numRuns: 400 },
    );
  });

  it('composing two deltas has the effect of applying both (a slow client’s merged frames)', () => {
    fc.assert(
      fc.property(tripleArb, ([a, b, c]) => {
        const first = diffInventory(a, b, { from: 1, to: 2 }) ?? { from: 1, to: 2 };
        const second = diffInventory(b, c, { from: 2, to: 3 }) ?? { from: 2, to: 3 };
        const both = composeInventoryDeltas(first, second)!;
        expect(applyInventoryDelta(a, both)).toEqual(c);
        expect(applyInventoryDelta(a, InventoryDelta.parse(JSON.parse(JSON.stringify(both))))).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('a group whose one instance changed state travels as that instance’s changed field only', () => {
    const group = fc.sample(groupArb.filter((g) => g.instances.length > 0 && new Set(g.instances.map((i) => i.instanceId)).size === g.instances.length), { numRuns: 1, seed: 5 })[0]!;
    const a = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [group] });
    const b = structuredClone(a);
    const instance = b.autoScalingGroups[0]!.instances[0]!;
    instance.lifecycleState = instance.lifecycleState === 'InService' ? 'Terminating' : 'InService';
    const delta = diffInventory(a, b, { from: 0, to: 1 })!;
    expect(delta.autoScalingGroups).toEqual({
      upserted: [],
      removed: [],
      patched: [{ key: group.autoScalingGroupName, lists: { instances: { upserted: [], removed: [], patched: [{ key: instance.instanceId, set: { lifecycleState: instance.lifecycleState } }] } } }],
    });
  });

  it('a patch names fields that went away, and the schema adds no defaults to what a patch leaves out', () => {
    const a = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [fc.sample(groupArb, { numRuns: 1, seed: 9 })[0]!] });
    a.autoScalingGroups[0]!.instanceMonitoring = 'basic';
    a.autoScalingGroups[0]!.scheduledActions = [{ scheduledActionName: 'night', desiredCapacity: 1 }];
    const b = structuredClone(a);
    delete b.autoScalingGroups[0]!.instanceMonitoring;
    b.autoScalingGroups[0]!.desiredCapacity += 1;
    const delta = InventoryDelta.parse(JSON.parse(JSON.stringify(diffInventory(a, b, { from: 0, to: 1 }))));
    const patch = delta.autoScalingGroups!.patched![0]!;
    expect(patch.unset).toEqual(['instanceMonitoring']);
    // scheduledActions has a default ([]) in a whole group; in a patch it must stay untouched.
    expect(patch.set).toEqual({ desiredCapacity: b.autoScalingGroups[0]!.desiredCapacity });
    expect(applyInventoryDelta(a, delta)).toEqual(b);
  });

  it('the schema refuses a patch of a field the resource does not have', () => {
    const bad = { from: 0, to: 1, autoScalingGroups: { upserted: [], removed: [], patched: [{ key: 'web', unset: ['nonsense'] }] } };
    expect(InventoryDelta.safeParse(bad).success).toBe(false);
  });
});

describe('keyed lists in general (fast-check)', () => {
  // Records with nested keyed lists two levels deep, plain arrays and optional fields.
  const shape: KeyedShape = { key: (r: { id: string }) => r.id, lists: { kids: { key: (k: { k: string }) => k.k, lists: { leaves: { key: (l: { l: string }) => l.l } } } } };
  const leaf = fc.record({ l: fc.constantFrom('x', 'y', 'z'), v: fc.integer({ min: 0, max: 2 }) });
  const kid = fc.record({ k: fc.constantFrom('p', 'q', 'r'), v: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), leaves: fc.array(leaf, { maxLength: 3 }) }, { requiredKeys: ['k'] });
  const record = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), n: fc.integer({ min: 0, max: 2 }), tags: fc.array(fc.constantFrom('t', 'u'), { maxLength: 2 }), kids: fc.array(kid, { maxLength: 3 }) }, { requiredKeys: ['id'] });
  const list = fc.array(record, { maxLength: 5 });

  it('apply(diff(a, b), a) deep-equals b, and compose(d1, d2) equals d1 then d2', () => {
    fc.assert(
      fc.property(list, list, list, (a, b, c) => {
        const ab = diffList(shape, a, b) ?? { upserted: [], removed: [] };
        const bc = diffList(shape, b, c) ?? { upserted: [], removed: [] };
        expect(applyList(shape, a, ab)).toEqual(b);
        expect(applyList(shape, a, JSON.parse(JSON.stringify(composeLists(shape, ab, bc))))).toEqual(c);
      }),
      { numRuns: 1000 },
    );
  });
});
