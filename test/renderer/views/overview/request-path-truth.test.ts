// @vitest-environment happy-dom
/**
 * Operator review of the Overview's request path:
 * - every `shop-alb :80` rule turned red "7.4 % 5XX over 5 min", including a host-header rule whose
 *   target group served no 5XX: the load balancer's 5XX cannot be put on a rule (HTTPCode_ELB_5XX_Count
 *   has no TargetGroup dimension), so it is shown once, on the load balancer's first rule, said to be
 *   load balancer-wide, and the other rules carry only what holds for each (the load balancer's state);
 * - a promoted read replica sat in the "RDS primary" column with dashed inferred edges from every
 *   Auto Scaling group, as if the applications used it: it is standalone now and nothing points at it.
 */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { diffInventory, Inventory, type HealthReason, type HealthResourceKind, type ResourceHealth } from '@contract';
import { useInventoryStore } from '@/stores/inventory';
import RequestPathMap from '@/views/overview/RequestPathMap.vue';
import { buildRequestPath, type HealthLookup } from '@/views/overview/request-path';
import { fullInventory } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

const WORDS = { defaultRule: 'default', policy: (p: string) => p, dbStatus: (s: string) => s, multiAZ: 'Multi-AZ', promoted: 'promoted' };

/** Two more rules on the load balancer, each to its own target group: one of them served no 5XX. */
function shopWithHostRule(): Inventory {
  const inventory = fullInventory();
  const lb = inventory.loadBalancers[0]!;
  const listener = lb.listeners[0]!;
  const orderTg = { ...inventory.targetGroups[0]!, targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/order/2', targetGroupName: 'order' };
  const hostRule = { ruleArn: 'arn:rule/30', priority: '30', isDefault: false, conditions: [{ field: 'host-header', values: ['order.example.com'] }], actions: [{ type: 'forward' as const, targetGroups: [{ targetGroupArn: orderTg.targetGroupArn, weight: 1 }] }] };
  return Inventory.parse({ ...inventory, targetGroups: [...inventory.targetGroups, orderTg], loadBalancers: [{ ...lb, listeners: [{ ...listener, rules: [...listener.rules, hostRule] }] }] });
}

function lookup(verdicts: ResourceHealth[]): HealthLookup {
  return (kind: HealthResourceKind, id: string) => verdicts.find((v) => v.kind === kind && (v.id === id || v.name === id));
}

const http5xx: HealthReason = { code: 'lb.http5xx', status: 'failing', subject: 'shop-alb', params: { percent: 7.4, minutes: 5, errors: 2113, requests: 28475, elb: 2113, target: 0 } };

describe('listener rules and the load balancer-wide 5XX', () => {
  it('puts the load balancer 5XX on its first rule only, marked load balancer-wide; the other rules are not red for it', () => {
    const inventory = shopWithHostRule();
    const lb = inventory.loadBalancers[0]!;
    const health = lookup([{ kind: 'loadBalancer', id: lb.loadBalancerArn, name: 'shop-alb', status: 'failing', reasons: [http5xx] }]);
    const rules = buildRequestPath(inventory, health, WORDS).nodes.filter((n) => n.kind === 'rule');
    expect(rules).toHaveLength(3);
    expect(rules.map((r) => [r.status, r.tone, Boolean(r.loadBalancerWide)])).toEqual([
      ['failing', 'bad', true],
      ['ok', 'ok', false],
      ['ok', 'ok', false],
    ]);
    const hostRule = rules.find((r) => r.detail.includes('host-header order.example.com'))!;
    expect(hostRule.reasons.some((r) => r.code === 'lb.http5xx')).toBe(false);
  });

  it('keeps what is true of every rule on every rule: the load balancer not active', () => {
    const inventory = shopWithHostRule();
    const lb = inventory.loadBalancers[0]!;
    const state: HealthReason = { code: 'lb.state', status: 'failing', subject: 'shop-alb', params: { state: 'failed' } };
    const health = lookup([{ kind: 'loadBalancer', id: lb.loadBalancerArn, name: 'shop-alb', status: 'failing', reasons: [state, http5xx] }]);
    const rules = buildRequestPath(inventory, health, WORDS).nodes.filter((n) => n.kind === 'rule');
    expect(rules.every((r) => r.status === 'failing' && r.reasons.some((reason) => reason.code === 'lb.state'))).toBe(true);
    expect(rules.filter((r) => r.reasons.some((reason) => reason.code === 'lb.http5xx'))).toHaveLength(1);
  });

  it('says on the map that the 5XX is the whole load balancer’s, and why in the hover text', () => {
    setActivePinia(createPinia());
    const inventory = shopWithHostRule();
    const lb = inventory.loadBalancers[0]!;
    const health = lookup([{ kind: 'loadBalancer', id: lb.loadBalancerArn, name: 'shop-alb', status: 'failing', reasons: [http5xx] }]);
    const wrapper = mountWithApp(RequestPathMap, { props: { path: buildRequestPath(inventory, health, WORDS) } });
    const red = wrapper.findAll('[data-testid="path-node"][data-kind="rule"][data-tone="bad"]');
    expect(red).toHaveLength(1);
    expect(red[0]!.attributes('data-scope')).toBe('loadBalancer');
    expect(red[0]!.get('[data-testid="path-node-reason"]').text()).toMatch(/^whole load balancer: 7\.4 % 5XX over 5 min/);
    expect(red[0]!.attributes('title')).toContain('(HTTPCode_ELB_5XX_Count) has no target group, so no rule can be blamed for it');
  });
});

describe('a promoted read replica on the request path', () => {
  beforeEach(() => setActivePinia(createPinia()));

  function promote(inventory: Inventory, id: string): Inventory {
    return Inventory.parse({
      ...inventory,
      dbInstances: inventory.dbInstances.map((db) => {
        if (db.dbInstanceIdentifier === id) {
          const { readReplicaSourceDBInstanceIdentifier: _source, replicaLagSeconds: _lag, ...standalone } = db;
          return standalone;
        }
        return { ...db, readReplicaDBInstanceIdentifiers: db.readReplicaDBInstanceIdentifiers.filter((replica) => replica !== id) };
      }),
    });
  }

  it('is standalone, in its own column after the replicas, with no inferred edge from the groups', () => {
    const store = useInventoryStore();
    const before = fullInventory();
    store.replace(before, 1);
    const after = promote(before, 'shop-db-replica-1');
    // As the live feed brings it: a delta on top of the snapshot.
    expect(store.applyDelta(diffInventory(before, after, { from: 1, to: 2 })!)).toBe(true);
    expect([...store.promotedReplicas]).toEqual(['shop-db-replica-1']);

    const path = buildRequestPath(store.inventory, undefined, WORDS, undefined, store.promotedReplicas);
    const promoted = path.nodes.find((n) => n.id === 'db:shop-db-replica-1')!;
    const primary = path.nodes.find((n) => n.id === 'db:shop-db')!;
    expect(promoted.kind).toBe('dbStandalone');
    expect(promoted.detail).toBe('available · promoted');
    expect(primary.kind).toBe('dbInstance');
    expect(promoted.column).toBeGreaterThan(primary.column);
    expect(path.edges.filter((e) => e.to === promoted.id)).toEqual([]);
    expect(path.edges.some((e) => e.to === primary.id && e.inferred)).toBe(true);
  });

  it('a primary the window never saw as a replica stays a primary (DescribeDBInstances keeps no trace of a promotion)', () => {
    const store = useInventoryStore();
    store.replace(promote(fullInventory(), 'shop-db-replica-1'), 1);
    expect(store.promotedReplicas.size).toBe(0);
    const path = buildRequestPath(store.inventory, undefined, WORDS, undefined, store.promotedReplicas);
    expect(path.nodes.find((n) => n.id === 'db:shop-db-replica-1')!.kind).toBe('dbInstance');
  });

  it('a reset scenario where it is a replica again puts it back among the replicas', () => {
    const store = useInventoryStore();
    store.replace(fullInventory(), 1);
    store.replace(promote(fullInventory(), 'shop-db-replica-1'), 2);
    expect(store.promotedReplicas.size).toBe(1);
    store.replace(fullInventory(), 3);
    expect(store.promotedReplicas.size).toBe(0);
  });
});
