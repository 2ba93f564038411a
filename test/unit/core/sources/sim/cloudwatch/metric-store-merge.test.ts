/**
 * Issue 15: the ALB merges its target groups' bucketed distributions instead of bucketing every target's
 * component again, and alarms aggregate their evaluation range in one walk. Both must give exactly what
 * the straightforward way gives (reports stay byte-identical).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { MetricStore } from '@main/core/sources/sim/cloudwatch/metric-store';
import { appendBucketed, bucketDistribution, type BucketedDistribution } from '@main/core/sources/sim/cloudwatch/latency-buckets';
import type { MetricStat } from '@main/core/contract/model';

const T0 = 1_763_596_800; // a minute boundary

describe('metric store: merged distributions and one-pass aggregation', () => {
  it('merging bucketed target-group distributions gives the same percentiles as bucketing every component', () => {
    const random = createRandom(5, 'merge');
    const direct = new MetricStore();
    const merged = new MetricStore();
    for (let minute = 0; minute < 30; minute++) {
      for (let tick = 0; tick < 6; tick++) {
        const at = T0 + minute * 60 + tick * 10;
        const groups = Array.from({ length: 4 }, () => Array.from({ length: 1 + random.int(50) }, (): [number, number] => [0.005 + random.next() * 2, 1 + random.int(100)]));
        const all = groups.flat();
        const set = { count: all.reduce((s, [, w]) => s + w, 0), sum: all.reduce((s, [m, w]) => s + m * w, 0), min: 0, max: 5 };
        direct.putStatistics('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: 'lb' }, at, set);
        direct.putDistribution('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: 'lb' }, at, all);
        merged.putStatistics('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: 'lb' }, at, set);
        const lb: BucketedDistribution = { keys: [], weights: [] };
        for (const group of groups) appendBucketed(lb, bucketDistribution(group));
        const series = merged.get('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: 'lb' })!;
        merged.putBucketedInto(series, at, lb);
      }
    }
    direct.closePeriodsBefore(T0 + 3600);
    merged.closePeriodsBefore(T0 + 3600);
    for (const stat of ['p50', 'p90', 'p99'] as const) {
      const a = direct.get('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: 'lb' })!.points(stat);
      const b = merged.get('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: 'lb' })!.points(stat);
      expect(a).toHaveLength(30);
      expect(b).toEqual(a);
    }
  });

  it('aggregateRange equals aggregate period by period, with gaps, for every statistic and period', () => {
    const random = createRandom(9, 'range');
    const store = new MetricStore();
    for (let minute = 0; minute < 200; minute++) {
      if (random.next() < 0.3) continue; // missing periods
      store.putDistribution('X', 'Y', {}, T0 + minute * 60, [[0.1 + random.next(), 5]]);
      store.putStatistics('X', 'Y', {}, T0 + minute * 60, { count: 1 + random.int(5), sum: random.next() * 100, min: random.next(), max: 1 + random.next() * 10 });
      store.putDistribution('X', 'Y', {}, T0 + minute * 60, [[0.1 + random.next(), 5]]);
    }
    store.closePeriodsBefore(T0 + 200 * 60);
    const series = store.get('X', 'Y', {})!;
    const stats: MetricStat[] = ['Sum', 'SampleCount', 'Minimum', 'Maximum', 'Average', 'p50', 'p90', 'p99'];
    for (const period of [60, 120, 300]) {
      for (const end of [T0 + 60 * 60, T0 + 150 * 60, T0 + 200 * 60, T0 + 201 * 60]) {
        const aligned = end - (end % period);
        for (const stat of stats) {
          const range = series.aggregateRange(aligned, period, 7, stat);
          const one = Array.from({ length: 7 }, (_, k) => series.aggregate(aligned - (k + 1) * period, period, stat));
          expect(range).toEqual(one);
          if (end <= T0 + 200 * 60) expect(range.filter((value) => value !== undefined).length).toBeGreaterThan(0);
        }
      }
    }
  });
});
