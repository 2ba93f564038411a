import { describe, expect, it } from 'vitest';
import { matchRule, sortRules, type SimListenerRule } from '@main/core/sources/sim/alb/listener-rules';
import { MAX_CACHED_SHAPES, matchRuleCached } from '@main/core/sources/sim/alb/rule-cache';

const rule = (priority: number, conditions: SimListenerRule['conditions'], name: string): SimListenerRule => ({
  arn: name,
  priority,
  conditions,
  action: { type: 'forward', targetGroups: [{ targetGroupArn: name, weight: 1 }] },
});

/**
 * The rule cache (issue 15 item 6) must give matchRule's answer for every request, asked once or many
 * times, in any order: a cached answer that differed would send requests to the wrong target group.
 */
describe('listener rules matched once per path and host', () => {
  const shapes = [
    { path: '/orders/42' },
    { path: '/orders/42', host: 'shop.example.com' },
    { path: '/orders/42', host: 'SHOP.example.com:8080' },
    { path: '/orders/42', host: 'admin.example.com' },
    { path: '/orders/special?x=1' },
    { path: '/Orders/42' },
    { path: '/cart', host: 'a.example.com' },
    { path: '/cart' },
  ];

  it('ALB-1/ALB-2/ALB-3: path and host rules give matchRule\'s rule, the first time and from the cache', () => {
    const rules = sortRules([
      rule(Infinity, [], 'default'),
      rule(30, [{ field: 'host-header', values: ['*.example.com'] }], 'any-host-30'),
      rule(20, [{ field: 'path-pattern', values: ['/orders*'] }, { field: 'host-header', values: ['shop.example.com'] }], 'shop-orders-20'),
      rule(10, [{ field: 'path-pattern', values: ['/orders/special'] }], 'special-10'),
    ]);
    for (let round = 0; round < 3; round++) {
      for (const shape of round === 1 ? [...shapes].reverse() : shapes) expect(matchRuleCached(rules, shape)?.arn).toBe(matchRule(rules, shape)?.arn);
    }
    expect(matchRuleCached(rules, { path: '/orders/42', host: 'shop.example.com' })!.arn).toBe('shop-orders-20');
    expect(matchRuleCached(rules, { path: '/cart', host: 'a.example.com' })!.arn).toBe('any-host-30');
    expect(matchRuleCached(rules, { path: '/orders/special?x=1' })!.arn).toBe('special-10');
  });

  it('ALB-1: no matching rule stays no rule when asked again', () => {
    const rules = [rule(10, [{ field: 'path-pattern', values: ['/api/*'] }], 'api-10')];
    expect(matchRuleCached(rules, { path: '/web' })).toBeUndefined();
    expect(matchRuleCached(rules, { path: '/web' })).toBeUndefined();
    expect(matchRuleCached(rules, { path: '/api/x' })!.arn).toBe('api-10');
  });

  it('rules on the method or a header are matched for each request (their answer depends on more than path and host)', () => {
    const rules = sortRules([
      rule(Infinity, [], 'default'),
      rule(10, [{ field: 'http-request-method', values: ['POST'] }], 'post-10'),
      rule(20, [{ field: 'http-header', headerName: 'X-Beta', values: ['on'] }], 'beta-20'),
    ]);
    expect(matchRuleCached(rules, { path: '/', method: 'POST' })!.arn).toBe('post-10');
    expect(matchRuleCached(rules, { path: '/', method: 'GET' })!.arn).toBe('default');
    expect(matchRuleCached(rules, { path: '/', headers: { 'x-beta': 'ON' } })!.arn).toBe('beta-20');
    expect(matchRuleCached(rules, { path: '/' })!.arn).toBe('default');
  });

  it('a rule added to the array after its first use is seen (the cache is dropped when the length differs)', () => {
    const rules = [rule(Infinity, [], 'default')];
    expect(matchRuleCached(rules, { path: '/new' })!.arn).toBe('default');
    rules.unshift(rule(5, [{ field: 'path-pattern', values: ['/new'] }], 'new-5'));
    expect(matchRuleCached(rules, { path: '/new' })!.arn).toBe('new-5');
  });

  it('beyond MAX_CACHED_SHAPES paths, requests are still matched correctly (just not kept)', () => {
    const rules = [rule(10, [{ field: 'path-pattern', values: ['/p/1*'] }], 'ones'), rule(Infinity, [], 'default')];
    for (let i = 0; i < MAX_CACHED_SHAPES + 50; i++) {
      const shape = { path: `/p/${i}` };
      expect(matchRuleCached(rules, shape)!.arn).toBe(String(i).startsWith('1') ? 'ones' : 'default');
    }
    expect(matchRuleCached(rules, { path: `/p/${MAX_CACHED_SHAPES + 40}` })!.arn).toBe(matchRule(rules, { path: `/p/${MAX_CACHED_SHAPES + 40}` })!.arn);
  });
});
