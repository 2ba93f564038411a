/** The bundled serverless scenario through the real engine: ALB → lambda target groups → LambdaService. */
import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { LambdaService } from '@main/core/sources/sim/lambda/lambda-service';
import { runSimulation, serializeReport } from '@main/core/sources/sim/report';

const sum = (points: [number, number][], from: number, to: number) => points.filter(([t]) => t >= from && t < to).reduce((total, [, v]) => total + v, 0);

describe('serverless.yaml', () => {
  const scenario = readScenario('serverless');
  const engine = new SimulationEngine(scenario);
  const t0 = engine.startTime / 1000;
  engine.advanceBy(30 * 60);
  const lambda = engine.services.functions as LambdaService;
  const series = (namespace: string, metric: string, dims: Record<string, string>) => engine.metrics.get(namespace, metric, dims)?.points('Sum') ?? [];

  it('loads without warnings and wires the Lambda module as services.functions', () => {
    expect(scenario.warnings).toEqual([]);
    expect(lambda).toBeInstanceOf(LambdaService);
    expect(engine.inventory().lambdaFunctions.map((f) => [f.functionName, f.reservedConcurrentExecutions])).toEqual([
      ['orders-api', undefined],
      ['search-api', 20],
      ['thumbnails-api', undefined],
    ]);
    expect(engine.inventory().lambdaAccount).toEqual({ concurrentExecutionsLimit: 1_000, unreservedConcurrentExecutions: 980 });
  });

  it('LAM-3/ALB-12: the spike (10–18 m) throttles search-api in AWS/Lambda, and the ALB answers those requests 502 itself', () => {
    const throttles = series('AWS/Lambda', 'Throttles', { FunctionName: 'search-api' });
    const before = sum(throttles, t0, t0 + 600);
    const during = sum(throttles, t0 + 660, t0 + 18 * 60);
    const after = sum(throttles, t0 + 19 * 60, t0 + 30 * 60);
    expect(before).toBe(0);
    expect(after).toBe(0);
    // ~360 searches/s want ~43 concurrent executions against 20 reserved: about half are throttled.
    const offered = during + sum(series('AWS/Lambda', 'Invocations', { FunctionName: 'search-api' }), t0 + 660, t0 + 18 * 60);
    expect(during / offered).toBeGreaterThan(0.4);
    expect(during / offered).toBeLessThan(0.65);
    const lb = engine.world.loadBalancers.values().next().value!;
    const elb5xx = series('AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', { LoadBalancer: lb.fullName });
    const functionErrors = (from: number, to: number) =>
      ['orders-api', 'search-api', 'thumbnails-api'].reduce((total, name) => total + sum(series('AWS/Lambda', 'Errors', { FunctionName: name }), from, to), 0);
    // Before the spike only the functions' own 0.1 % errors come back, as 502s from the load balancer.
    expect(sum(elb5xx, t0, t0 + 600)).toBeLessThanOrEqual(functionErrors(t0, t0 + 600) + 3);
    const elb5xxDuring = sum(elb5xx, t0 + 660, t0 + 18 * 60);
    expect(elb5xxDuring).toBeGreaterThanOrEqual(during - 3);
    expect(elb5xxDuring).toBeLessThanOrEqual(during + functionErrors(t0 + 660, t0 + 18 * 60) + 3);
    expect(sum(series('AWS/ApplicationELB', 'HTTPCode_ELB_502_Count', { LoadBalancer: lb.fullName }), t0, t0 + 1_800)).toBe(sum(elb5xx, t0, t0 + 1_800));
    expect(series('AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', { LoadBalancer: lb.fullName })).toEqual([]);
    // The others share the unreserved pool and never throttle.
    for (const name of ['orders-api', 'thumbnails-api']) expect(sum(series('AWS/Lambda', 'Throttles', { FunctionName: name }), t0, t0 + 1_800)).toBe(0);
    const kinds = engine.timeline.filter((e) => e.service === 'lambda').map((e) => `${e.kind} ${e.resource}`);
    expect(kinds).toEqual(['ThrottlingStarted search-api', 'ThrottlingStopped search-api']);
  });

  it('ALB-12: the RaiseFunctionErrorRate fault (22–25 m) shows as Lambda Errors and ALB-generated 502s', () => {
    const errors = series('AWS/Lambda', 'Errors', { FunctionName: 'orders-api' });
    const invocations = series('AWS/Lambda', 'Invocations', { FunctionName: 'orders-api' });
    expect(sum(errors, t0 + 22 * 60, t0 + 25 * 60) / sum(invocations, t0 + 22 * 60, t0 + 25 * 60)).toBeCloseTo(0.2, 3); // whole counts (CW-5); the fault's ErrorRate replaces the function's own 0.1 %
    expect(sum(errors, t0 + 26 * 60, t0 + 30 * 60) / sum(invocations, t0 + 26 * 60, t0 + 30 * 60)).toBeCloseTo(0.001, 4);
    const lb = engine.world.loadBalancers.values().next().value!;
    const elb502 = series('AWS/ApplicationELB', 'HTTPCode_ELB_502_Count', { LoadBalancer: lb.fullName });
    expect(sum(elb502, t0 + 22 * 60, t0 + 25 * 60)).toBeGreaterThan(10 * sum(elb502, t0 + 26 * 60, t0 + 29 * 60));
  });

  it('LAM-4/LAM-6: cold starts at the start and during the spike only; the estimate counts every invocation', () => {
    const coldStarts = series('Flightdeck/Lambda', 'ColdStarts', { FunctionName: 'orders-api' });
    expect(sum(coldStarts, t0, t0 + 60)).toBeGreaterThan(0);
    expect(sum(coldStarts, t0 + 60, t0 + 600)).toBeLessThan(sum(coldStarts, t0, t0 + 60));
    expect(sum(coldStarts, t0 + 19 * 60, t0 + 30 * 60)).toBe(0);
    const estimate = lambda.costEstimate('orders-api', 1_800);
    expect(estimate.requests).toBeCloseTo(sum(series('AWS/Lambda', 'Invocations', { FunctionName: 'orders-api' }), t0, t0 + 1_800), 0);
    expect(estimate.usd).toBeGreaterThan(0);
  });

  it('the same seed gives a byte-identical report; another seed a different one', () => {
    const report = (seed: number) => serializeReport(runSimulation(new SimulationEngine(readScenario('serverless', { seed })), 20 * 60));
    const first = report(7);
    expect(report(7)).toBe(first);
    expect(report(8)).not.toBe(first);
    expect(JSON.parse(first).metrics.some((m: { namespace: string; metricName: string }) => m.namespace === 'AWS/Lambda' && m.metricName === 'Throttles')).toBe(true);
  });
});
