/**
 * The twin's parts (issue 17): the Twin section's checks and bounds, the batched history read within
 * GetMetricData's quotas (500 queries, 100,800 datapoints per call; API_GetMetricData.html), the
 * replay's Steps curve, and a fit that refuses to give a figure below its minimum of periods.
 */
import { describe, expect, it } from 'vitest';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { loadScenario, type ScenarioModel } from '@main/core/sources/sim/scenario/load-scenario';
import { type ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { rateAt } from '@main/core/sources/sim/traffic/rate-curve';
import { queriesPerCall, readHistory } from '@main/core/sources/aws/twin/read-history';
import { MIN_FIT_POINTS, slopeThroughOrigin, wape } from '@main/core/twin/fit-math';
import { compareWithRecording } from '@main/core/twin/compare';
import { periodFor } from '@main/core/twin/history-queries';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { FlightdeckCore } from '@main/core/core-host';
import { manualWallClock } from '../../../helpers/core';

const twinYaml = (twin: string, traffic = 'Traffic: []') => `
Simulation: { StartTime: '2026-12-06T00:00:00Z' }
Resources:
  Fn: { Type: AWS::Lambda::Function, Properties: { FunctionName: api, MemorySize: 128, Timeout: 3 } }
${traffic}
Twin:
${twin}
`;

const section = `  Source: { Account: '123456789012', Region: eu-west-1, Profile: prod }
  Window: { Start: '2026-12-06T00:00:00Z', End: '2026-12-06T02:00:00Z' }
  PeriodSeconds: 300
  Placeholders: [ { Resource: Fn, Path: Environment.Variables.DB_PASSWORD } ]
  Observed:
    - { Namespace: AWS/Lambda, MetricName: Invocations, Dimensions: { FunctionName: api }, Stat: Sum, Values: [1, 2, null] }`;

function errors(yaml: string): string[] {
  try {
    loadScenario(yaml, { file: 'twin.yaml' });
    return [];
  } catch (error) {
    return (error as ScenarioError).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`);
  }
}

describe('the Twin section', () => {
  it('is exposed typed as loaded.twin', () => {
    const loaded: ScenarioModel = loadScenario(twinYaml(section), { file: 'twin.yaml' });
    expect(loaded.twin).toEqual({
      source: { account: '123456789012', region: 'eu-west-1', profile: 'prod' },
      window: { start: '2026-12-06T00:00:00.000Z', end: '2026-12-06T02:00:00.000Z' },
      periodSeconds: 300,
      placeholders: [{ resource: 'Fn', path: 'Environment.Variables.DB_PASSWORD' }],
      observed: [{ namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: { FunctionName: 'api' }, stat: 'Sum', periodSeconds: 300, start: '2026-12-06T00:00:00.000Z', values: [1, 2, null] }],
    });
  });

  it('says what is wrong and where: a bad account, a window backwards, more values than periods', () => {
    expect(errors(twinYaml(section.replace("'123456789012'", "'1234'")))).toEqual([expect.stringMatching(/^Twin\.Source\.Account: .*12-digit/)]);
    expect(errors(twinYaml(section.replace("End: '2026-12-06T02:00:00Z'", "End: '2026-12-05T00:00:00Z'")))).toEqual([expect.stringMatching(/^Twin\.Window\.End: Window\.End must be after Window\.Start/)]);
    const tooMany = section.replace('[1, 2, null]', `[${new Array(25).fill(1).join(', ')}]`);
    expect(errors(twinYaml(tooMany))).toEqual([expect.stringMatching(/^Twin\.Observed\[0\]\.Values: 25 values, but the window holds 24 periods/)]);
    expect(errors(twinYaml(section.replace('PeriodSeconds: 300', 'PeriodSeconds: 90')))).toEqual([expect.stringMatching(/multiple of 60/)]);
  });

  it('replays a recorded history period by period (Rate Steps), holding the last value', () => {
    const loaded = loadScenario(twinYaml(section, "Traffic: [ { Name: calls, Target: !GetAtt Fn.Arn, Rate: { Steps: { Every: 5m, Values: [1, 4, 2] } } } ]"), { file: 'twin.yaml' });
    const rate = loaded.traffic[0]!.Rate;
    expect([0, 299, 300, 650, 10_000].map((t) => rateAt(rate, t, 0))).toEqual([1, 1, 4, 2, 2]);
  });
});

describe('the history read', () => {
  it('keeps each GetMetricData call within 500 queries and 100,800 datapoints, and follows NextToken', async () => {
    expect(queriesPerCall(288)).toBe(350); // 24 h at 5 minutes: 350 × 288 = 100,800
    expect(queriesPerCall(10)).toBe(500);
    const calls: { queries: number; token?: string }[] = [];
    const client = {
      send: async (command: { input: { MetricDataQueries: { Id: string }[]; NextToken?: string; StartTime: Date } }) => {
        const input = command.input;
        calls.push({ queries: input.MetricDataQueries.length, ...(input.NextToken ? { token: input.NextToken } : {}) });
        const first = !input.NextToken;
        // The first page answers period 0, the second period 1 (CloudWatch pages by datapoints).
        return {
          MetricDataResults: input.MetricDataQueries.map((q) => ({ Id: q.Id, Timestamps: [new Date(input.StartTime.getTime() + (first ? 0 : 300_000))], Values: [first ? 1 : 2] })),
          NextToken: first ? 'more' : undefined,
        };
      },
    } as unknown as CloudWatchClient;
    const queries = Array.from({ length: 800 }, (_, i) => ({ namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: { FunctionName: `f${i}` }, stat: 'Sum' as const }));
    const progress: number[] = [];
    const series = await readHistory(client, queries, { startSeconds: 1_800_000_000, endSeconds: 1_800_000_000 + 288 * 300, periodSeconds: 300 }, (p) => progress.push(p.call));
    expect(calls.map((c) => c.queries)).toEqual([350, 350, 350, 350, 100, 100]);
    expect(calls.filter((c) => c.token === 'more')).toHaveLength(3);
    expect(progress).toEqual([1, 2, 3]);
    expect(series).toHaveLength(800);
    expect(series[799]!.values.slice(0, 3)).toEqual([1, 2, null]);
  });

  it('chooses 5-minute periods, longer only when a window would pass 1,000 values', () => {
    expect(periodFor(24 * 3600)).toBe(300);
    expect(periodFor(7 * 86_400)).toBe(660);
  });
});

describe('the fit', () => {
  it('gives no figure below the minimum of paired periods', () => {
    expect(wape(new Array(MIN_FIT_POINTS - 1).fill([1, 1]))).toEqual({ points: MIN_FIT_POINTS - 1, error: null });
    expect(wape(new Array(MIN_FIT_POINTS).fill([1.1, 1]))).toEqual({ points: MIN_FIT_POINTS, error: expect.closeTo(0.1, 6) });
    // A quiet series (all zero) is a figure only when the twin is quiet too.
    expect(wape(new Array(MIN_FIT_POINTS).fill([0, 0])).error).toBe(0);
    expect(wape(new Array(MIN_FIT_POINTS).fill([1, 0])).error).toBeNull();
    expect(slopeThroughOrigin([[1, 2], [2, 4]])).toBe(2);
  });

  it('matches the twin’s series by name, not by the simulator’s own ids', () => {
    const twin = loadScenario(twinYaml(section), { file: 'twin.yaml' }).twin!;
    const observed = { ...twin, observed: [{ ...twin.observed[0]!, namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: { LoadBalancer: 'app/web/50dc6c495c0c9188' }, values: new Array(24).fill(600) }] };
    const simulated = [{ namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', stat: 'Sum' as const, period: 60, dimensions: { LoadBalancer: 'app/web/0123456789abcdef' }, points: Array.from({ length: 120 }, (_, i) => [Date.parse(twin.window.start) / 1000 + i * 60, 120] as [number, number]) }];
    const fit = compareWithRecording(observed, simulated, Date.parse(twin.window.end) / 1000);
    expect(fit.series).toEqual([{ kind: 'requests', resource: 'web', namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', stat: 'Sum', points: 24, error: 0, verdict: 'measured' }]);
  });

  it('a loaded twin tells the window whose twin it is, and reports its fit on request', async () => {
    const host = new FlightdeckCore(new SimSource(loadScenario(twinYaml(section), { file: 'twin.yaml' }), { wallClock: manualWallClock(), paused: true }));
    const session = await host.handle('session.get', {});
    expect(session).toMatchObject({ ok: true, value: { mode: 'simulation', twin: { source: { account: '123456789012', region: 'eu-west-1' }, windowStart: '2026-12-06T00:00:00.000Z', placeholders: 1 } } });
    const fit = await host.handle('sim.twin.fit', {});
    expect(fit).toMatchObject({ ok: true, value: { method: 'wape', minPoints: MIN_FIT_POINTS, series: [] } });
  });
});
