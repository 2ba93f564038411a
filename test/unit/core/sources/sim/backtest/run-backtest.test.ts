/**
 * Issue 17 item 4: a backtest replays one scenario twice with the same seed and traffic and compares
 * them. Directions are asserted, never timings.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { BacktestCancelled, exampleChange, runBacktest } from '@main/core/sources/sim/backtest/run-backtest';
import { compareRuns, resample } from '@main/core/sources/sim/backtest/compare';
import type { RunSamples } from '@main/core/sources/sim/backtest/run-samples';
import { BacktestResult, type ObservedSeries } from '@main/core/contract/model-backtest';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';

const shop = readScenario('shop');
const target = (value: number) => `Resources:\n  WebCpuTargetTracking:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValue: ${value}\n`;
// Shop's afternoon: traffic builds from 14:00 to a plateau at 15:30 (docs in the scenario).
const FOUR_HOURS = 4 * 3600;

describe('runBacktest on shop (varying traffic)', () => {
  it('a lower target value costs more instance-hours and gives fewer minutes above the (unchanged) target', async () => {
    const result = await runBacktest(shop, { change: target(35), durationSeconds: FOUR_HOURS });
    expect(BacktestResult.parse(result)).toBeTruthy();
    const web = result.groups.find((g) => g.name === 'shop-web-asg')!;
    expect(web).toMatchObject({ cpuThreshold: 50, thresholdSource: 'targetTracking' });
    // Each group's own latency, from its target group (shop-web's pages are lighter than the orders').
    const orders = result.groups.find((g) => g.name === 'shop-orders-asg')!;
    expect(web.base.p99LatencySeconds!).toBeGreaterThan(0);
    expect(orders.base.p99LatencySeconds!).toBeGreaterThan(web.base.p99LatencySeconds!);
    expect(web.changed.instanceHours).toBeGreaterThan(web.base.instanceHours);
    expect(web.changed.minutesAboveTarget).toBeLessThan(web.base.minutesAboveTarget);
    expect(result.changed.instanceHours).toBeGreaterThan(result.base.instanceHours);
    expect(result.changed.costUsd!).toBeGreaterThan(result.base.costUsd!);
    expect(result.changed.minutesAboveTarget).toBeLessThan(result.base.minutesAboveTarget);
    expect(result.delta.instanceHours!.delta).toBeGreaterThan(0);
    expect(result.delta.instanceHours!.ratio).toBeGreaterThan(1);
    // The capacity curves: one point a minute, the changed run holding more web servers at some minute.
    expect(web.capacity.base).toHaveLength(240);
    expect(web.capacity.changed.some((count, minute) => count > web.capacity.base[minute]!)).toBe(true);
    // Groups the change does not touch replay exactly: same seed, same traffic.
    const images = result.groups.find((g) => g.name === 'shop-images-asg')!;
    expect(images.capacity.changed).toEqual(images.capacity.base);
    // A higher target saves instance-hours and spends minutes above 50 %.
    const higher = await runBacktest(shop, { change: target(70), durationSeconds: FOUR_HOURS });
    expect(higher.changed.instanceHours).toBeLessThan(higher.base.instanceHours);
    expect(higher.changed.minutesAboveTarget).toBeGreaterThan(higher.base.minutesAboveTarget);
  }, 120_000);

  it('a change to the value already there gives two identical runs (deltas 0): only the change differs', async () => {
    const result = await runBacktest(shop, { change: target(50), durationSeconds: 3600, seed: 9 });
    expect(result.seed).toBe(9);
    expect(result.changed).toEqual(result.base);
    for (const group of result.groups) expect(group.capacity.changed).toEqual(group.capacity.base);
    expect(Object.values(result.delta).every((d) => d.delta === null || d.delta === 0)).toBe(true);
  });

  it('a bigger instance (Simulation.InstanceTypes Vcpus) needs fewer instance-hours for the same traffic', async () => {
    const result = await runBacktest(shop, { change: 'Simulation:\n  InstanceTypes:\n    c5.large: { Vcpus: 4 }\n', durationSeconds: FOUR_HOURS });
    const web = result.groups.find((g) => g.name === 'shop-web-asg')!;
    expect(web.changed.instanceHours).toBeLessThan(web.base.instanceHours);
  }, 120_000);

  it('checks the change before running, reports progress per run and can be cancelled', async () => {
    await expect(runBacktest(shop, { change: target(40).replace('TargetValue', 'TargetValu'), durationSeconds: 3600 })).rejects.toBeInstanceOf(ScenarioError);
    await expect(runBacktest(shop, { change: target(40), durationSeconds: 30 })).rejects.toThrow(/1 minute/);
    await expect(runBacktest(shop, { change: target(40), durationSeconds: 3 * 86_400 })).rejects.toThrow(/48 hours/);
    const seen: string[] = [];
    const controller = new AbortController();
    const run = runBacktest(shop, {
      change: target(40),
      durationSeconds: 3600,
      signal: controller.signal,
      pause: async () => undefined,
      onProgress: (progress) => {
        seen.push(progress.run);
        if (progress.run === 'changed') controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(BacktestCancelled);
    expect(seen[0]).toBe('base');
    expect(seen).toContain('changed');
  });

  it('the example change for a scenario is a valid change', async () => {
    expect(exampleChange(shop)).toContain('TargetValue: 40');
    const result = await runBacktest(shop, { change: exampleChange(shop), durationSeconds: 600 });
    expect(result.changedPaths).toEqual(['Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValue']);
  });
});

describe('exampleChange', () => {
  /** shop with its target-tracking policies given other metrics and targets (only the properties the example reads). */
  const withPolicies = (policies: Record<string, Record<string, unknown>>): typeof shop => ({
    ...shop,
    resources: shop.resources.map((r) => (policies[r.logicalId] ? { ...r, properties: { ...r.properties, TargetTrackingConfiguration: policies[r.logicalId] } } : r)),
  });

  it('says percent only of a CPU target: a request-count target is lowered in its own unit', () => {
    const requestCount = { PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: 'x' }, TargetValue: 1000 };
    const text = exampleChange(withPolicies({ WebCpuTargetTracking: requestCount, ImagesCpuTargetTracking: requestCount }));
    expect(text).toContain('TargetValue: 800');
    expect(text).not.toContain('%');
    // A CPU target is preferred when the scenario has one.
    expect(exampleChange(withPolicies({ WebCpuTargetTracking: requestCount }))).toContain('# What if ImagesCpuTargetTracking aimed at 50 % instead of 60 %?');
  });

  it('never proposes the value the policy already has (a low CPU target is raised instead)', () => {
    const low = { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 5 };
    expect(exampleChange(withPolicies({ WebCpuTargetTracking: low }))).toContain('TargetValue: 15');
  });
});

describe('a change that breaks the service never reads as a saving (reviewer repros)', () => {
  it('LBA-5 no public IPv4: the change\'s warnings travel in the result as codes, and requests served fall to none', async () => {
    const change = 'Resources:\n  ShopLoadBalancer:\n    Properties:\n      IpAddressType: dualstack-without-public-ipv4\n';
    const result = BacktestResult.parse(await runBacktest(shop, { change, changeFile: 'no-ipv4.yaml', durationSeconds: 3600 }));
    expect(result.changeWarnings.length).toBeGreaterThan(0);
    expect(result.changeWarnings[0]).toMatchObject({ file: 'no-ipv4.yaml', path: 'Resources.ShopRecords.Properties.RecordSets[0].AliasTarget.DNSName' });
    expect(result.changeWarnings.every((w) => w.code.length > 0 && Object.keys(w.params).length > 0)).toBe(true);
    expect(result.base.requestsServed).toBeGreaterThan(1000);
    expect(result.changed.requestsServed).toBe(0);
    expect(result.delta.requestsServed!.delta).toBe(-result.base.requestsServed);
    // An unchanged scenario warns of nothing.
    expect((await runBacktest(shop, { change: target(40), durationSeconds: 600 })).changeWarnings).toEqual([]);
  });

  it('a vCPU count that breaks the instances: minutes without CPU data and failed requests are counted, not hidden', async () => {
    const change = 'Simulation:\n  InstanceTypes:\n    c5.large: { Vcpus: 1 }\n';
    const result = await runBacktest(shop, { change, durationSeconds: FOUR_HOURS });
    const web = result.groups.find((g) => g.name === 'shop-web-asg')!;
    expect(web.changed.minutesWithoutCpuData).toBe(web.cpu.changed.filter((v) => v === null).length);
    expect(web.changed.minutesWithoutCpuData).toBeGreaterThan(web.base.minutesWithoutCpuData);
    expect(result.changed.minutesWithoutCpuData).toBe(result.groups.reduce((sum, g) => sum + g.changed.minutesWithoutCpuData, 0));
    expect(result.changed.requestsFailed).toBeGreaterThanOrEqual(result.changed.http5xx);
    expect(result.changed.requestsFailed).toBeGreaterThan(result.base.requestsFailed);
    expect(result.changed.requestsServed).toBeLessThan(result.base.requestsServed);
  });
});

describe('compareRuns with observed series (pure)', () => {
  const run = (inService: number[], cpu: (number | null)[]): RunSamples => ({
    startTime: Date.parse('2026-11-20T14:00:00Z'),
    minutes: inService.length,
    groups: [{ name: 'web', instanceType: 'c5.large', inService, billed: inService, cpu, cpuTargets: [50], activities: 1, requests: { http5xx: 0, requestsServed: 100, requestsFailed: 0, p99LatencySeconds: 0.2, worstMinuteP99Seconds: 0.3 } }],
    http5xx: 0,
    requestsServed: 100,
    requestsFailed: 0,
    p99LatencySeconds: 0.2,
    worstMinuteP99Seconds: 0.3,
  });
  const observed = (metricName: string, namespace: string, values: (number | null)[], periodSeconds = 60, group = 'web'): ObservedSeries => ({
    namespace,
    metricName,
    dimensions: { AutoScalingGroupName: group },
    stat: 'Average',
    periodSeconds,
    start: '2026-11-20T14:00:00Z',
    values,
  });

  it('puts the real capacity and CPU beside the simulated ones, with reality\'s figures, and lists what matched nothing', () => {
    const result = compareRuns({
      scenario: 'twin',
      seed: 1,
      base: run([2, 2, 3, 3], [40, 60, 55, 45]),
      changed: run([2, 3, 4, 4], [40, 45, 40, 35]),
      changedPaths: ['Resources.P.Properties.TargetTrackingConfiguration.TargetValue'],
      observed: [
        observed('GroupInServiceInstances', 'AWS/AutoScaling', [3, 4], 120),
        observed('CPUUtilization', 'AWS/EC2', [70, null, 52, 49]),
        observed('CPUUtilization', 'AWS/EC2', [1], 60, 'other-group'),
      ],
    });
    const web = result.groups[0]!;
    expect(web.capacity.observed).toEqual([3, 3, 4, 4]);
    expect(web.cpu.observed).toEqual([70, null, 52, 49]);
    expect(result.observed).toMatchObject({ minutesAboveTarget: 2, matchedSeries: 2 });
    expect(result.observed!.instanceHours).toBeCloseTo(14 / 60, 5);
    expect(result.unmatchedObserved).toEqual(['AWS/EC2 CPUUtilization {"AutoScalingGroupName":"other-group"}']);
    expect(result.base.minutesAboveTarget).toBe(2);
    expect(result.changed.minutesAboveTarget).toBe(0);
    expect(result.delta.instanceHours!.delta).toBeCloseTo(3 / 60, 5);
    expect(result.delta.instanceHours!.ratio).toBeCloseTo(1.3, 5);
    expect(result.delta.http5xx).toEqual({ delta: 0, ratio: null });
  });

  it('resample: a series that starts later or ends earlier leaves null minutes', () => {
    const series = observed('CPUUtilization', 'AWS/EC2', [10, 20], 60);
    expect(resample({ ...series, start: '2026-11-20T14:01:00Z' }, Date.parse('2026-11-20T14:00:00Z'), 4)).toEqual([null, 10, 20, null]);
  });
});
