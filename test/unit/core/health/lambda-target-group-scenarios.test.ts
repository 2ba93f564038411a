/**
 * The reported cases on the real engine and the session's health monitor: a Lambda target group
 * with health checks off (LTG-1, API_TargetHealth.html: `unavailable`, Target.HealthCheckDisabled)
 * was "Healthy, 1/1" while its function was throttled. Its verdict now comes from the function.
 */
import { describe, expect, it } from 'vitest';
import { HealthTimeline } from '../../../helpers/health-timeline';

describe('LTG-1: shop — shop-image-resize limited to 0 concurrency (API_TargetHealth, lambda-functions.html)', () => {
  it('LTG-1: before the fault the group is Healthy with a "not checked" note, its target unavailable, not counted healthy', () => {
    const run = new HealthTimeline('shop').at(10);
    const group = run.resource('targetGroup', 'shop-image-resize');
    expect(group.status, run.describe()).toBe('ok');
    expect(group.reasons[0]).toMatchObject({ code: 'tg.healthChecksOff', params: { unchecked: 1, total: 1, functions: 'shop-image-resize' } });
    const counts = run.service('elbv2').counts;
    expect(counts.unchecked).toBe(1);
    expect(counts.healthy).toBe(counts.total! - 1);
  });

  it('LTG-1: with ReservedConcurrentExecutions 0 the group is Failing with the function’s throttles, not Healthy', () => {
    const run = new HealthTimeline('shop').at(10);
    run.source.engine.injectFault('LimitFunctionConcurrency', { FunctionName: 'shop-image-resize', ReservedConcurrentExecutions: 0 });
    run.at(16);
    const group = run.resource('targetGroup', 'shop-image-resize');
    expect(group.status, run.describe()).toBe('failing');
    expect(group.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['fn.throttles', 'fn.reservedZero', 'tg.healthChecksOff']));
    expect(run.service('elbv2').status).toBe('failing');
  });
});

describe('LTG-1: serverless — search-api throttled during the 18:10 spike', () => {
  it('LTG-1: the search target group is not Healthy while its function is throttled', () => {
    const run = new HealthTimeline('serverless').at(16);
    const fn = run.resource('lambdaFunction', 'search-api');
    expect(fn.reasons.map((r) => r.code), run.describe()).toContain('fn.throttles');
    const group = run.report.resources.find((r) => r.kind === 'targetGroup' && r.reasons.some((x) => x.code === 'tg.healthChecksOff' && x.params.functions === 'search-api'))!;
    expect(group.status).not.toBe('ok');
    expect(group.status).toBe(fn.status);
  });
});
