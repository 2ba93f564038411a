import { describe, expect, it } from 'vitest';
import { MetricStore } from '@main/core/sources/sim/cloudwatch/metric-store';
import { mixturePercentiles } from '@main/core/sources/sim/cloudwatch/latency-buckets';
import { evaluateAlarm, type AlarmDefinition } from '@main/core/sources/sim/cloudwatch/alarm';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';
import { readScenario } from '@main/core/scenario-files';

const T0 = Date.UTC(2026, 10, 20, 8, 0, 0) / 1000;
const dims = { AutoScalingGroupName: 'web' };

describe('metric store (CloudWatch periods)', () => {
  it('aggregates raw values into 60 s periods with Sum, Average, Minimum, Maximum, SampleCount', () => {
    const store = new MetricStore(60);
    for (const [offset, value] of [[0, 10], [5, 20], [55, 30], [60, 100]] as const) store.put('AWS/EC2', 'CPUUtilization', dims, T0 + offset, value);
    const series = store.get('AWS/EC2', 'CPUUtilization', dims)!;
    expect(series.points('Average')).toEqual([[T0, 20]]);
    expect(series.points('Sum')).toEqual([[T0, 60]]);
    expect(series.points('Minimum')).toEqual([[T0, 10]]);
    expect(series.points('Maximum')).toEqual([[T0, 30]]);
    expect(series.points('SampleCount')).toEqual([[T0, 3]]);
    // The second period is still open until it is closed explicitly.
    expect(store.closePeriodsBefore(T0 + 120).map((c) => c.start)).toEqual([T0 + 60]);
    expect(series.points('Average')).toEqual([[T0, 20], [T0 + 60, 100]]);
  });

  it('has no datapoint for a period without values (ALB-10: published only while requests flow)', () => {
    const store = new MetricStore(60);
    store.put('AWS/ApplicationELB', 'RequestCount', {}, T0, 5);
    store.put('AWS/ApplicationELB', 'RequestCount', {}, T0 + 180, 5);
    store.closePeriodsBefore(T0 + 240);
    expect(store.get('AWS/ApplicationELB', 'RequestCount', {})!.points('Sum').map((p) => p[0])).toEqual([T0, T0 + 180]);
  });

  it('keeps memory bounded: a ring buffer drops the oldest periods', () => {
    const store = new MetricStore(60, 10);
    for (let minute = 0; minute < 25; minute++) store.put('NS', 'M', {}, T0 + minute * 60, minute);
    store.closePeriodsBefore(T0 + 25 * 60);
    const points = store.get('NS', 'M', {})!.points('Average');
    expect(points).toHaveLength(10);
    expect(points[0]).toEqual([T0 + 15 * 60, 15]);
    expect(points[9]).toEqual([T0 + 24 * 60, 24]);
  });

  it('keeps a series\' datapoints oldest first and wraps at capacity', () => {
    const store = new MetricStore(60, 200);
    for (let minute = 0; minute < 130; minute++) store.put('NS', 'M', {}, T0 + minute * 60, minute);
    store.closePeriodsBefore(T0 + 130 * 60);
    expect(store.get('NS', 'M', {})!.points('Average').map(([, v]) => v)).toEqual(Array.from({ length: 130 }, (_, i) => i));
    for (let minute = 130; minute < 450; minute++) store.put('NS', 'M', {}, T0 + minute * 60, minute);
    store.closePeriodsBefore(T0 + 450 * 60);
    const points = store.get('NS', 'M', {})!.points('Average');
    expect(points.map(([, v]) => v)).toEqual(Array.from({ length: 200 }, (_, i) => 250 + i));
    expect(points[0]![0]).toBe(T0 + 250 * 60);
  });

  it('weights statistic sets by their sample count (TargetResponseTime across ticks)', () => {
    const store = new MetricStore(60);
    store.putStatistics('AWS/ApplicationELB', 'TargetResponseTime', {}, T0, { count: 90, sum: 9, min: 0.1, max: 0.1 });
    store.putStatistics('AWS/ApplicationELB', 'TargetResponseTime', {}, T0 + 5, { count: 10, sum: 5, min: 0.5, max: 0.5 });
    store.closePeriodsBefore(T0 + 60);
    expect(store.get('AWS/ApplicationELB', 'TargetResponseTime', {})!.points('Average')).toEqual([[T0, 0.14]]);
  });
});

function highCpuAlarm(overrides: Partial<AlarmDefinition> = {}): AlarmDefinition {
  return {
    alarmName: 'cpu-high',
    alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high',
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    dimensions: dims,
    statistic: 'Average',
    period: 60,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: 50,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'missing',
    alarmActions: [],
    ...overrides,
  };
}

function storeWith(values: (number | undefined)[]): MetricStore {
  const store = new MetricStore(60);
  values.forEach((value, minute) => {
    if (value !== undefined) store.put('AWS/EC2', 'CPUUtilization', dims, T0 + minute * 60, value);
  });
  store.closePeriodsBefore(T0 + values.length * 60);
  return store;
}

describe('CloudWatch alarms', () => {
  it('CW-1: stays in INSUFFICIENT_DATA while there are no datapoints', () => {
    const result = evaluateAlarm(highCpuAlarm(), undefined, T0 + 180, 'INSUFFICIENT_DATA');
    expect(result.state).toBe('INSUFFICIENT_DATA');
  });

  it('CW-1: goes to ALARM only when DatapointsToAlarm of EvaluationPeriods breach', () => {
    const twoOfThree = storeWith([60, 40, 70]);
    expect(evaluateAlarm(highCpuAlarm(), twoOfThree.get('AWS/EC2', 'CPUUtilization', dims), T0 + 180, 'OK').state).toBe('OK');
    const threeOfThree = storeWith([60, 55, 70]);
    const result = evaluateAlarm(highCpuAlarm(), threeOfThree.get('AWS/EC2', 'CPUUtilization', dims), T0 + 180, 'OK');
    expect(result.state).toBe('ALARM');
    expect(result.latestValue).toBe(70);
    expect(result.reason).toMatch(/^Threshold Crossed: 3 out of the last 3 datapoints \[70 \(20\/11\/26 08:02:00\), 55 .*\] were greater than the threshold \(50\)/);
  });

  it('CW-1: M out of N — 2 of 3 breaching is enough with DatapointsToAlarm 2', () => {
    const store = storeWith([60, 40, 70]);
    expect(evaluateAlarm(highCpuAlarm({ datapointsToAlarm: 2 }), store.get('AWS/EC2', 'CPUUtilization', dims), T0 + 180, 'OK').state).toBe('ALARM');
  });

  it('CW-1: TreatMissingData=breaching counts missing periods as breaching', () => {
    const store = storeWith([60, undefined, 70]);
    const series = store.get('AWS/EC2', 'CPUUtilization', dims);
    expect(evaluateAlarm(highCpuAlarm({ treatMissingData: 'breaching' }), series, T0 + 180, 'OK').state).toBe('ALARM');
    // CW-3: with `missing`, two real breaching datapoints and no non-breaching one go to ALARM.
    expect(evaluateAlarm(highCpuAlarm({ treatMissingData: 'notBreaching' }), series, T0 + 180, 'OK').state).toBe('OK');
  });

  it('CW-1: TreatMissingData=ignore keeps the current state when every period is missing', () => {
    expect(evaluateAlarm(highCpuAlarm({ treatMissingData: 'ignore' }), undefined, T0 + 180, 'ALARM').state).toBe('ALARM');
  });
});

/** A row of the page's table: oldest first; 0 = not breaching, X = breaching, - = missing. */
function row(points: string): (number | undefined)[] {
  return points.split(' ').map((p) => (p === 'X' ? 90 : p === '0' ? 10 : undefined));
}

function stateFor(points: string, treatMissingData: AlarmDefinition['treatMissingData'], current: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA', datapointsToAlarm = 3) {
  const values = row(points);
  const series = storeWith(values).get('AWS/EC2', 'CPUUtilization', dims);
  return evaluateAlarm(highCpuAlarm({ treatMissingData, datapointsToAlarm }), series, T0 + values.length * 60, current);
}

// docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-evaluating-missing-data
describe('CW-3: alarms on sparse metrics follow the documented table (AlarmThatSendsEmail, missing data)', () => {
  const RETAIN = 'retain';
  // [data points, MISSING, IGNORE, BREACHING, NOT BREACHING] for Datapoints to Alarm 3 of Evaluation Periods 3.
  const threeOfThree: [string, string, string, string, string][] = [
    ['0 - X - X', 'OK', 'OK', 'OK', 'OK'],
    ['0 - - - -', 'OK', 'OK', 'OK', 'OK'],
    ['- - - - -', 'INSUFFICIENT_DATA', RETAIN, 'ALARM', 'OK'],
    ['0 X X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
    ['- - - - X', 'INSUFFICIENT_DATA', RETAIN, 'ALARM', 'OK'],
    ['X - - - -', 'ALARM', RETAIN, 'ALARM', 'OK'],
  ];
  // The same page's second table: 2 out of 3.
  const twoOfThree: [string, string, string, string, string][] = [
    ['0 - X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
    ['0 0 X 0 X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
    ['0 - X - -', 'OK', 'OK', 'ALARM', 'OK'],
    ['- - - - 0', 'OK', 'OK', 'ALARM', 'OK'],
    ['- - - - X', 'INSUFFICIENT_DATA', RETAIN, 'ALARM', 'OK'],
  ];
  const modes = ['missing', 'ignore', 'breaching', 'notBreaching'] as const;
  for (const [table, m] of [[threeOfThree, 3], [twoOfThree, 2]] as const) {
    for (const [points, ...expected] of table) {
      it(`CW-3: ${m} of 3, ${points}`, () => {
        modes.forEach((mode, k) => {
          for (const current of ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const) {
            const want = expected[k] === RETAIN ? current : expected[k];
            expect({ mode, current, state: stateFor(points, mode, current, m).state }).toEqual({ mode, current, state: want });
          }
        });
      });
    }
  }

  it('CW-3: a lone breaching datapoint is no longer dropped — the gap before it is looked past', () => {
    // `0 X X - X` under the old N-period window was "2 of 3 → OK"; CloudWatch uses the 3 newest real ones.
    expect(stateFor('0 X X - X', 'missing', 'OK').state).toBe('ALARM');
  });

  it('CW-3: TreatMissingData=ignore does not clear an ALARM when the metric stops', () => {
    expect(stateFor('X X X - -', 'ignore', 'ALARM').state).toBe('ALARM');
    expect(stateFor('- - - - -', 'ignore', 'ALARM').state).toBe('ALARM');
  });
});

describe('CW-4: state reasons state the datapoints evaluated, consistent with the state', () => {
  it('CW-4: an OK reason counts and lists only non-breaching datapoints', () => {
    const result = stateFor('- - 0 X X', 'missing', 'ALARM');
    expect(result.state).toBe('OK');
    expect(result.reason).toBe('Threshold Crossed: 1 out of the last 3 datapoints [10 (20/11/26 08:02:00)] was not greater than the threshold (50) (minimum 1 datapoint for ALARM -> OK transition).');
  });

  it('CW-4: an ALARM reason lists the breaching datapoints it counted, newest first', () => {
    const result = stateFor('0 X X - X', 'missing', 'OK');
    expect(result.reason).toBe(
      'Threshold Crossed: 3 out of the last 3 datapoints [90 (20/11/26 08:04:00), 90 (20/11/26 08:02:00), 90 (20/11/26 08:01:00)] were greater than the threshold (50) (minimum 3 datapoints for OK -> ALARM transition).',
    );
  });

  it('CW-4: missing datapoints filled in are named as such', () => {
    expect(stateFor('0 - - - -', 'breaching', 'OK').reason).toContain('(2 missing datapoints treated as breaching)');
    expect(stateFor('- - - - X', 'missing', 'OK').reason).toMatch(/^Insufficient Data: 2 out of the last 3 datapoints were missing/);
  });

  it('CW-4: every reason agrees with its state across random sparse series', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 300; trial++) {
      const points = Array.from({ length: 6 }, () => (next() < 0.4 ? '-' : next() < 0.5 ? 'X' : '0')).join(' ');
      for (const mode of ['missing', 'ignore', 'breaching', 'notBreaching'] as const) {
        const { state, reason } = stateFor(points, mode, 'OK');
        if (state === 'ALARM') expect(reason).toMatch(/ were? greater than|was greater than/);
        if (state === 'ALARM') expect(reason).not.toMatch(/not greater/);
        if (state === 'OK' && reason) expect(reason).toMatch(/not greater than/);
        const listed = [...reason.matchAll(/(\d+) \(/g)].map((mm) => Number(mm[1]));
        if (state === 'ALARM') expect(listed.every((v) => v > 50)).toBe(true);
        if (state === 'OK') expect(listed.every((v) => v <= 50)).toBe(true);
      }
    }
  });
});

describe('percentiles from response-time distributions', () => {
  it('an exponential component: p50 = ln 2 × mean, p99 = ln 100 × mean', () => {
    const [p50, p90, p99] = mixturePercentiles([{ mean: 0.1, weight: 1 }]);
    expect(p50).toBeCloseTo(0.1 * Math.LN2, 6);
    expect(p90).toBeCloseTo(0.1 * Math.log(10), 6);
    expect(p99).toBeCloseTo(0.1 * Math.log(100), 6);
  });

  it('a log-normal component keeps its mean: median = mean × e^(−σ²/2), p99 = median × e^(2.326σ)', () => {
    const sigma = 0.3;
    const [p50, , p99] = mixturePercentiles([{ mean: 100, weight: 1, sigma }]);
    const median = 100 * Math.exp((-sigma * sigma) / 2);
    expect(p50).toBeCloseTo(median, 3);
    expect(p99 / median).toBeCloseTo(Math.exp(2.3263 * sigma), 3);
  });

  it('a mixture weights its components by request count', () => {
    // 99 % fast requests and 1 % slow ones: p50 is fast, p99 sits between.
    const [p50, , p99] = mixturePercentiles([
      { mean: 0.01, weight: 99 },
      { mean: 1, weight: 1 },
    ]);
    expect(p50).toBeLessThan(0.01);
    expect(p99).toBeGreaterThan(0.04);
  });

  it('the store publishes Lambda-style log-normal percentiles per period', () => {
    const store = new MetricStore(60);
    store.putStatistics('AWS/Lambda', 'Duration', { FunctionName: 'f' }, T0, { count: 10, sum: 1000, min: 40, max: 300 });
    store.putDistribution('AWS/Lambda', 'Duration', { FunctionName: 'f' }, T0, [[100, 10]], 0.3);
    store.closePeriodsBefore(T0 + 60);
    const series = store.get('AWS/Lambda', 'Duration', { FunctionName: 'f' })!;
    const p50 = series.points('p50')[0]![1];
    expect(p50).toBeGreaterThan(94);
    expect(p50).toBeLessThan(97);
    expect(series.points('p99')[0]![1]).toBeGreaterThan(180);
  });
});

describe('alarm history and actions', () => {
  it('CW-2: state changes are recorded with time, old state, new state and reason, and fire their actions', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ rate: '{ Points: [[0m, 60], [10m, 400], [60m, 400]] }' })));
    engine.advanceBy(30 * 60);
    const toAlarm = engine.alarmHistory.find((h) => h.newState === 'ALARM')!;
    expect(toAlarm).toMatchObject({ alarmName: expect.stringMatching(/AlarmHigh/), oldState: 'OK', newState: 'ALARM', reason: expect.stringMatching(/^Threshold Crossed: 3 out of the last 3 datapoints/) });
    expect(toAlarm.timestamp).toMatch(/^2026-11-20T08:\d\d:00\.000Z$/);
    // The action it fired: a scaling activity at that very time, naming the alarm.
    const activity = engine.world.autoScalingGroups.get('web-asg')!.activities.find((a) => a.cause.includes(toAlarm.alarmName))!;
    expect(new Date(activity.startTime).toISOString()).toBe(toAlarm.timestamp);
    expect(engine.inventory().alarms.find((a) => a.alarmName === toAlarm.alarmName)).toMatchObject({ stateReason: expect.any(String) });
  });
});

describe('CW-5: counts are whole numbers; percentiles stay within [Minimum, Maximum]', () => {
  it('CW-5: a percentile of a modelled distribution is clamped to the recorded Maximum and Minimum', () => {
    const store = new MetricStore(60);
    store.putStatistics('AWS/Lambda', 'Duration', { FunctionName: 'f' }, T0, { count: 10, sum: 1000, min: 90, max: 110 });
    store.putDistribution('AWS/Lambda', 'Duration', { FunctionName: 'f' }, T0, [[100, 10]], 0.5);
    store.closePeriodsBefore(T0 + 60);
    const series = store.get('AWS/Lambda', 'Duration', { FunctionName: 'f' })!;
    expect(series.points('p99')[0]![1]).toBe(110);
    expect(series.points('p50')[0]![1]).toBeGreaterThanOrEqual(90);
    expect(series.aggregate(T0, 60, 'p99')).toBe(110);
  });

  it('CW-5: Lambda and ALB counts of every bundled scenario are whole per period; p99 ≤ Maximum', () => {
    for (const name of ['serverless', 'shop']) {
      const engine = new SimulationEngine(readScenario(name));
      engine.advanceBy(30 * 60);
      for (const series of engine.metrics.all()) {
        const counts = /Count$|^Invocations$|^Errors$|^Throttles$|^ConcurrentExecutions$|^RequestCount$|^AsyncEvents|^ColdStarts$/.test(series.metricName);
        if (counts) for (const [, value] of series.points('Sum')) expect({ metric: series.metricName, value, whole: Number.isInteger(value) }).toMatchObject({ whole: true });
        const max = series.points('Maximum');
        const p99 = series.points('p99');
        p99.forEach(([, value], i) => expect(value).toBeLessThanOrEqual(max[i]![1] + 1e-9));
      }
    }
  });
});
