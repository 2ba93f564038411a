/** Properties of the resolver over arbitrary groups of record sets and health states (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResourceRecordSet } from '@main/core/contract/model-route53';
import { answerDistribution, resolveDns, MULTIVALUE_MAX_ANSWERS } from '@main/core/route53/resolver';
import { context, rrset } from './fixtures';

const A = { name: 'www.example.com', type: 'A' };

/** A weighted group: weights 0–255, each with its own health check and value. */
const weightedGroup = fc.array(fc.record({ weight: fc.integer({ min: 0, max: 255 }), healthy: fc.boolean() }), { minLength: 1, maxLength: 12 }).map((specs) => ({
  records: specs.map((s, i) => rrset({ name: 'www.example.com', setIdentifier: `w${i}`, weight: s.weight, resourceRecords: [`10.0.0.${i}`], healthCheckId: `hc-${i}` })),
  unhealthy: specs.flatMap((s, i) => (s.healthy ? [] : [`hc-${i}`])),
  specs,
}));

const draws = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 20 });
const replay = (values: number[]) => {
  let i = 0;
  return { next: () => values[i++ % values.length]! };
};

/** Any valid group of one routing policy, with random health and client location. */
const anyGroup = fc.oneof(
  weightedGroup.map((g) => ({ records: g.records, unhealthy: g.unhealthy, latency: {} as Record<string, number> })),
  fc.array(fc.tuple(fc.constantFrom('us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'sa-east-1'), fc.integer({ min: 1, max: 300 }), fc.boolean()), { minLength: 1, maxLength: 5 }).map((specs) => {
    const unique = [...new Map(specs.map((s) => [s[0], s])).values()];
    return {
      records: unique.map(([region], i) => rrset({ name: 'www.example.com', setIdentifier: region, region, resourceRecords: [`10.1.0.${i}`], healthCheckId: `hc-${region}` })),
      unhealthy: unique.filter((s) => !s[2]).map((s) => `hc-${s[0]}`),
      latency: Object.fromEntries(unique.map(([region, ms]) => [region, ms])),
    };
  }),
  fc.array(fc.boolean(), { minLength: 1, maxLength: 14 }).map((health) => ({
    records: health.map((_, i) => rrset({ name: 'www.example.com', setIdentifier: `m${i}`, multiValueAnswer: true, resourceRecords: [`10.2.0.${i}`], healthCheckId: `hc-${i}` })),
    unhealthy: health.flatMap((ok, i) => (ok ? [] : [`hc-${i}`])),
    latency: {},
  })),
  fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()).map(([primaryOk, secondaryOk, secondaryChecked]) => ({
    records: [
      rrset({ name: 'www.example.com', setIdentifier: 'p', failover: 'PRIMARY', resourceRecords: ['10.3.0.1'], healthCheckId: 'hc-p' }),
      rrset({ name: 'www.example.com', setIdentifier: 's', failover: 'SECONDARY', resourceRecords: ['10.3.0.2'], ...(secondaryChecked ? { healthCheckId: 'hc-s' } : {}) }),
    ],
    unhealthy: [...(primaryOk ? [] : ['hc-p']), ...(secondaryOk ? [] : ['hc-s'])],
    latency: {},
  })),
);

describe('resolver properties', () => {
  it('R53-1: a weighted answer comes only from the healthy non-zero record sets, unless there are none', () => {
    fc.assert(
      fc.property(weightedGroup, draws, ({ records, unhealthy, specs }, values) => {
        const answer = resolveDns(A, context(records, { unhealthy }), replay(values)).answer;
        const index = records.findIndex((r) => r.resourceRecords[0] === answer.values[0]);
        expect(index).toBeGreaterThanOrEqual(0);
        const healthyNonZero = specs.some((s) => s.weight > 0 && s.healthy);
        if (healthyNonZero) expect(specs[index]).toMatchObject({ healthy: true });
        if (healthyNonZero) expect(specs[index]!.weight).toBeGreaterThan(0);
        const anyNonZero = specs.some((s) => s.weight > 0);
        const anyHealthy = specs.some((s) => s.healthy);
        // With nothing healthy every record is treated as healthy, and the weights apply again.
        if (!anyHealthy && anyNonZero) expect(specs[index]!.weight).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('distribution probabilities are positive and sum to 1, for every policy', () => {
    fc.assert(
      fc.property(anyGroup, ({ records, unhealthy, latency }) => {
        const { outcomes } = answerDistribution(A, context(records, { unhealthy, latency }));
        expect(outcomes.length).toBeGreaterThan(0);
        for (const o of outcomes) expect(o.probability).toBeGreaterThan(0);
        expect(outcomes.reduce((sum, o) => sum + o.probability, 0)).toBeCloseTo(1, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('a sampled answer is always one the distribution lists', () => {
    fc.assert(
      fc.property(anyGroup, draws, ({ records, unhealthy, latency }, values) => {
        const ctx = context(records, { unhealthy, latency });
        const keys = new Set(answerDistribution(A, ctx).outcomes.map((o) => o.key));
        expect(keys.has(resolveDns(A, ctx, replay(values)).answer.values.join(','))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('R53-4: failover never answers with the secondary while the primary is healthy', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), draws, (primaryOk, secondaryOk, secondaryChecked, values) => {
        const records: ResourceRecordSet[] = [
          rrset({ name: 'www.example.com', setIdentifier: 'p', failover: 'PRIMARY', resourceRecords: ['10.3.0.1'], healthCheckId: 'hc-p' }),
          rrset({ name: 'www.example.com', setIdentifier: 's', failover: 'SECONDARY', resourceRecords: ['10.3.0.2'], ...(secondaryChecked ? { healthCheckId: 'hc-s' } : {}) }),
        ];
        const unhealthy = [...(primaryOk ? [] : ['hc-p']), ...(secondaryOk ? [] : ['hc-s'])];
        const values_ = resolveDns(A, context(records, { unhealthy }), replay(values)).answer.values;
        const secondaryHealthy = secondaryOk || !secondaryChecked;
        expect(values_).toEqual(primaryOk || !secondaryHealthy ? ['10.3.0.1'] : ['10.3.0.2']);
      }),
    );
  });

  it('R53-6: a multivalue answer has min(8, pool) distinct values, all healthy when any is', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), draws, (health, values) => {
        const records = health.map((_, i) => rrset({ name: 'www.example.com', setIdentifier: `m${i}`, multiValueAnswer: true, resourceRecords: [`10.2.0.${i}`], healthCheckId: `hc-${i}` }));
        const unhealthy = health.flatMap((ok, i) => (ok ? [] : [`hc-${i}`]));
        const answer = resolveDns(A, context(records, { unhealthy }), replay(values)).answer;
        const healthyCount = health.filter(Boolean).length;
        const pool = healthyCount > 0 ? healthyCount : health.length;
        expect(answer.values).toHaveLength(Math.min(MULTIVALUE_MAX_ANSWERS, pool));
        expect(new Set(answer.values).size).toBe(answer.values.length);
        if (healthyCount > 0) for (const v of answer.values) expect(health[Number(v.split('.')[3])]).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
