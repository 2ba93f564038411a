/**
 * Metric math as the CloudWatch User Guide's "Using metric math" page describes it
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html, "Metric math syntax and
 * functions"): operators on scalars and time series, SUM/AVG/MIN/MAX over arrays and series, METRICS()
 * with its filter, IF with comparison and logical operators, FILL with a value, REPEAT or LINEAR.
 */
import { describe, expect, it } from 'vitest';
import { evaluateQuery, type Datapoints, type MathQuery, type MathValue } from '@main/core/metrics/metric-math';

const _ = undefined;

function run(expression: string, metrics: Record<string, Datapoints>, extra: MathQuery[] = []): MathValue {
  const queries: MathQuery[] = [...Object.keys(metrics).map((id) => ({ id, metric: true as const })), ...extra, { id: 'e1', expression }];
  const length = Object.values(metrics)[0]?.length ?? 3;
  return evaluateQuery(queries, 'e1', { length, fetch: (id) => metrics[id]! });
}
const series = (value: MathValue) => {
  if (value.kind !== 'series') throw new Error(`expected a time series, got ${value.kind}`);
  return value.series.values;
};

describe('metric math operators (using-metric-math.html, syntax)', () => {
  it('honours precedence: ^ before unary minus before * / before + -, comparisons, then AND, OR', () => {
    expect(run('1 + 2 * 3', {})).toEqual({ kind: 'scalar', value: 7 });
    expect(run('(1 + 2) * 3', {})).toEqual({ kind: 'scalar', value: 9 });
    expect(run('2 ^ 3 ^ 2', {})).toEqual({ kind: 'scalar', value: 512 });
    expect(run('-2 ^ 2', {})).toEqual({ kind: 'scalar', value: -4 });
    expect(run('1 + 1 > 1 AND 0 OR 1', {})).toEqual({ kind: 'scalar', value: 1 });
    expect(run('1 < 2 && 2 <= 2 && 3 >= 4 || 1 != 1', {})).toEqual({ kind: 'scalar', value: 0 });
    expect(run('NOT 0', {})).toEqual({ kind: 'scalar', value: 1 });
  });
});

describe('metric math evaluation (using-metric-math.html, functions)', () => {
  it('arithmetic on time series is per period; a period missing on either side has no result', () => {
    expect(series(run('100 * m1 / m2', { m1: [1, 2, _], m2: [10, _, 4] }))).toEqual([10, _, _]);
    expect(series(run('-m1 + 1', { m1: [1, 2, 3] }))).toEqual([0, -1, -2]);
  });

  it('a division by zero gives no datapoint (our choice: it neither breaches nor hides a threshold)', () => {
    expect(series(run('m1 / m2', { m1: [1, 1], m2: [0, 2] }))).toEqual([_, 0.5]);
  });

  it('SUM/AVG/MIN/MAX of an array give a time series; of one time series a single value', () => {
    const metrics = { m1: [1, 5, _], m2: [3, 1, 2] };
    expect(series(run('SUM(METRICS())', metrics))).toEqual([4, 6, 2]);
    expect(series(run('AVG([m1, m2])', metrics))).toEqual([2, 3, 2]);
    expect(series(run('SUM(m1, m2)', metrics))).toEqual([4, 6, 2]);
    expect(series(run('MAX(METRICS())', metrics))).toEqual([3, 5, 2]);
    expect(series(run('MIN(METRICS())', metrics))).toEqual([1, 1, 2]);
    expect(run('AVG(m1)', metrics)).toEqual({ kind: 'scalar', value: 3 });
    expect(series(run('m2 - MIN(m2)', metrics))).toEqual([2, 0, 1]);
  });

  it('METRICS("x") takes the metrics whose Id contains x', () => {
    const metrics = { errors4xx: [1, 1], errors5xx: [2, 2], requests: [100, 100] };
    expect(series(run('100 * SUM(METRICS("errors")) / requests', metrics))).toEqual([3, 3]);
  });

  it('IF(condition, a, b) per period; without b a false period has no datapoint', () => {
    const metrics = { m1: [0, 10, 20], m2: [5, 5, 5] };
    expect(series(run('IF(m1 > 0, 100 * m2 / m1, 0)', metrics))).toEqual([0, 50, 25]);
    expect(series(run('IF(m1 >= 10 AND m2 == 5, 1)', metrics))).toEqual([_, 1, 1]);
  });

  it('FILL with a value, REPEAT or LINEAR', () => {
    const metrics = { m1: [_, 2, _, _, 8, _] };
    expect(series(run('FILL(m1, 0)', metrics))).toEqual([0, 2, 0, 0, 8, 0]);
    expect(series(run('FILL(m1, REPEAT)', metrics))).toEqual([2, 2, 2, 2, 8, 8]);
    expect(series(run('FILL(m1, LINEAR)', metrics))).toEqual([_, 2, 4, 6, 8, _]);
    expect(series(run('SUM(FILL(METRICS(), 0))', { a: [_, 1], b: [2, _] }))).toEqual([2, 1]);
  });

  it('PERIOD(m) is the period in seconds (widdix jenkins2-ha-agents: (m1/1048576)/PERIOD(m1))', () => {
    const value = evaluateQuery([{ id: 'm1', metric: true }, { id: 'e1', expression: '(m1/1048576)/PERIOD(m1)' }], 'e1', { length: 2, fetch: () => [1048576 * 300, _], periodSeconds: 300 });
    expect(series(value)).toEqual([1, _]);
  });

  it('expressions may use other expressions; unknown ids, cycles and unsupported functions are errors', () => {
    expect(series(run('e0 * 2', { m1: [1, 2] }, [{ id: 'e0', expression: 'm1 + 1' }]))).toEqual([4, 6]);
    expect(() => run('m9 + 1', { m1: [1] })).toThrow(/"m9" is not the Id of a query/);
    expect(() => run('e0', { m1: [1] }, [{ id: 'e0', expression: 'e1' }])).toThrow(/refers to itself/);
    expect(() => run('ANOMALY_DETECTION_BAND(m1)', { m1: [1] })).toThrow(/ANOMALY_DETECTION_BAND is not supported/);
  });
});
