import { describe, expect, it } from 'vitest';
import { alignDown, MAX_QUERIES_PER_CALL, planMetricCalls } from '@main/core/sources/aws/metrics/metric-batches';
import { autoScalingGroupMetrics, dbInstanceMetrics, isExtendedStat, lambdaAccountMetrics, lambdaFunctionMetrics, loadBalancerDimension, loadBalancerMetrics, metricKeyId, standardStats, targetGroupDimension, targetGroupMetrics } from '@main/core/metric-catalog';
import type { MetricKey } from '@main/core/contract';

const NOW = 1_780_000_000; // epoch seconds
const series = (keys: MetricKey[], newest?: (i: number) => number | undefined) => keys.map((key, i) => ({ id: `m${i}`, key, watermark: { newest: newest?.(i) } }));
/** Ten standard-statistic series per function (the three Duration percentiles left out). */
const lambdaKeys = (n: number) => Array.from({ length: n }, (_, i) => lambdaFunctionMetrics(`fn-${i}`).filter((k) => !isExtendedStat(k.stat))).flat();

describe('GetMetricData planning', () => {
  it('puts new series into one back-fill window, at most 500 queries per call', () => {
    const calls = planMetricCalls(series(lambdaKeys(120)), { now: NOW, backfillSeconds: 3 * 3600 });
    expect(calls.map((c) => c.queries.length)).toEqual([500, 500, 200]);
    for (const call of calls) {
      expect(call.startTime).toBe(alignDown(NOW - 3 * 3600, 60));
      expect(call.endTime).toBe(alignDown(NOW, 60) + 60);
      expect(call.period).toBe(60);
    }
    expect(new Set(calls.flatMap((c) => c.queries.map((q) => q.id))).size).toBe(1200);
  });

  it('asks held series only for datapoints newer than the newest one held, grouping equal windows', () => {
    const newest = alignDown(NOW, 60) - 120;
    const calls = planMetricCalls(series(lambdaKeys(2), (i) => (i < 6 ? newest : i < 9 ? newest - 60 : undefined)), { now: NOW, backfillSeconds: 3600 });
    expect(calls.map((c) => [c.startTime, c.queries.length])).toEqual([
      [newest + 60, 6],
      [newest, 3],
      [alignDown(NOW - 3600, 60), 11],
    ]);
  });

  it('does not ask again, beyond the settle margin, for a window already asked: sparse series share one call', () => {
    const end = alignDown(NOW, 60) + 60;
    // Twelve sparse series whose last non-zero minutes all differ, all asked up to `end` last time.
    const calls = planMetricCalls(series(lambdaKeys(2), (i) => end - 3600 - i * 60).map((s) => ({ ...s, watermark: { ...s.watermark, queriedUntil: end - 60 } })), { now: NOW, backfillSeconds: 3600 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ startTime: end - 60 - 300, endTime: end });
    expect(calls[0]!.queries).toHaveLength(20);
  });

  it('skips series that are already up to date, and splits by period', () => {
    const upToDate = alignDown(NOW, 60) + 60;
    const fiveMinute = { ...lambdaFunctionMetrics('x')[0]!, period: 300 };
    const calls = planMetricCalls([...series(lambdaKeys(1), () => upToDate), { id: 'p', key: fiveMinute, watermark: {} }], { now: NOW, backfillSeconds: 3600 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ period: 300, startTime: alignDown(NOW - 3600, 300) });
  });

  it('puts percentiles in calls of their own, so an endpoint that cannot compute them loses only those', () => {
    const calls = planMetricCalls(series(lambdaFunctionMetrics('f')), { now: NOW, backfillSeconds: 3600 });
    expect(calls.map((c) => [c.extended, c.queries.map((q) => q.key.stat)])).toEqual([
      [false, ['Sum', 'Sum', 'Sum', 'Average', 'Maximum', 'Maximum', 'Sum', 'Average', 'Maximum', 'Sum']],
      [true, ['p50', 'p90', 'p99']],
    ]);
  });

  it('keeps each call under 100,800 datapoints', () => {
    const calls = planMetricCalls(series(lambdaKeys(100)), { now: NOW, backfillSeconds: 14 * 24 * 3600 });
    const points = (c: (typeof calls)[number]) => c.queries.length * Math.ceil((c.endTime - c.startTime) / c.period);
    expect(calls.length).toBeGreaterThan(Math.ceil(600 / MAX_QUERIES_PER_CALL));
    for (const call of calls) expect(points(call)).toBeLessThanOrEqual(100_800);
  });
});

describe('the shared metric catalog', () => {
  it('has the standard set per resource type, with AWS statistics', () => {
    const lb = 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/abc';
    const tg = 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web-tg/def';
    expect(loadBalancerDimension(lb)).toBe('app/web/abc');
    expect(targetGroupDimension(tg)).toBe('targetgroup/web-tg/def');
    const names = (keys: MetricKey[]) => keys.map((k) => `${k.namespace}:${k.metricName}:${k.stat}`);
    expect(names(loadBalancerMetrics('app/web/abc'))).toEqual([
      'AWS/ApplicationELB:RequestCount:Sum',
      'AWS/ApplicationELB:TargetResponseTime:Average',
      'AWS/ApplicationELB:TargetResponseTime:p50',
      'AWS/ApplicationELB:TargetResponseTime:p90',
      'AWS/ApplicationELB:TargetResponseTime:p99',
      'AWS/ApplicationELB:HTTPCode_Target_5XX_Count:Sum',
      'AWS/ApplicationELB:HTTPCode_ELB_5XX_Count:Sum',
      'AWS/ApplicationELB:HTTPCode_ELB_4XX_Count:Sum',
      'AWS/ApplicationELB:HTTPCode_ELB_3XX_Count:Sum',
    ]);
    expect(targetGroupMetrics('app/web/abc', 'targetgroup/web-tg/def')[0]!.dimensions).toEqual({ LoadBalancer: 'app/web/abc', TargetGroup: 'targetgroup/web-tg/def' });
    expect(names(autoScalingGroupMetrics('web'))[0]).toBe('AWS/EC2:CPUUtilization:Average');
    expect(names(dbInstanceMetrics('db', true))).toContain('AWS/RDS:ReplicaLag:Average');
    expect(names(dbInstanceMetrics('db', false))).not.toContain('AWS/RDS:ReplicaLag:Average');
    expect(names(lambdaFunctionMetrics('f'))).toEqual([
      'AWS/Lambda:Invocations:Sum',
      'AWS/Lambda:Errors:Sum',
      'AWS/Lambda:Throttles:Sum',
      'AWS/Lambda:Duration:Average',
      'AWS/Lambda:Duration:p50',
      'AWS/Lambda:Duration:p90',
      'AWS/Lambda:Duration:p99',
      'AWS/Lambda:Duration:Maximum',
      'AWS/Lambda:ConcurrentExecutions:Maximum',
      'AWS/Lambda:AsyncEventsReceived:Sum',
      'AWS/Lambda:AsyncEventAge:Average',
      'AWS/Lambda:AsyncEventAge:Maximum',
      'AWS/Lambda:AsyncEventsDropped:Sum',
    ]);
    expect(lambdaAccountMetrics().map((k) => [k.metricName, k.stat, k.dimensions])).toEqual([
      ['ConcurrentExecutions', 'Maximum', {}],
      ['UnreservedConcurrentExecutions', 'Maximum', {}],
    ]);
    expect(names(autoScalingGroupMetrics('web'))).toHaveLength(8);
    expect(standardStats('SomethingElse')).toEqual(['Average']);
    expect(metricKeyId({ namespace: 'N', metricName: 'M', dimensions: { b: '2', a: '1' }, stat: 'Sum', period: 60 })).toBe('N|M|a=1,b=2|Sum|60');
  });
});
