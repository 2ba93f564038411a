import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { scenarioFrom } from '../../../../../helpers/scenarios';

const sum = (points: [number, number][] | undefined) => (points ?? []).reduce((total, [, v]) => total + v, 0);

function scenario(invocationType: string, errorRate = 1, maxAge = 21600): string {
  return `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 2, Tick: 5s }
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Metadata: { Simulation: { DurationMs: 100, DurationSpread: 0.01, ColdStartMs: 0, ErrorRate: ${errorRate} } }
    Properties: { FunctionName: worker, Role: r, Code: { ZipFile: x } }
  WorkerAsync:
    Type: AWS::Lambda::EventInvokeConfig
    Properties: { FunctionName: !Ref Worker, Qualifier: $LATEST, MaximumEventAgeInSeconds: ${maxAge} }
Traffic:
  - { Name: events, Target: !GetAtt Worker.Arn, InvocationType: ${invocationType}, Rate: 1 }
`;
}

// docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
describe('LAM-8: asynchronous invocation is reachable from a scenario (invocation-async)', () => {
  it('LAM-8: a Traffic entry with InvocationType Event invokes the function asynchronously: events are received and failed ones retried twice', () => {
    const engine = new SimulationEngine(scenarioFrom(scenario('Event')));
    engine.advanceBy(20 * 60);
    const dims = { FunctionName: 'worker' };
    const received = sum(engine.metrics.get('AWS/Lambda', 'AsyncEventsReceived', dims)?.points('Sum'));
    const invocations = sum(engine.metrics.get('AWS/Lambda', 'Invocations', dims)?.points('Sum'));
    expect(received).toBeGreaterThan(0);
    // Every event fails: one attempt plus two retries (1 min, then 2 min later) for the events old enough.
    expect(invocations).toBeGreaterThan(2.5 * received);
    expect(invocations).toBeLessThanOrEqual(3 * received);
    expect(sum(engine.metrics.get('AWS/Lambda', 'AsyncEventsDropped', dims)?.points('Sum'))).toBeGreaterThan(0);
  });

  it('LAM-8: RequestResponse (the default) invokes synchronously: nothing is queued', () => {
    const engine = new SimulationEngine(scenarioFrom(scenario('RequestResponse', 0)));
    engine.advanceBy(5 * 60);
    const dims = { FunctionName: 'worker' };
    expect(sum(engine.metrics.get('AWS/Lambda', 'Invocations', dims)?.points('Sum'))).toBe(300);
    expect(engine.metrics.get('AWS/Lambda', 'AsyncEventsReceived', dims)).toBeUndefined();
  });

  it('LAM-8: InvocationType on a load-balancer target is a load error', () => {
    const yaml = scenario('Event').replace('Target: !GetAtt Worker.Arn', 'Target: example.com');
    expect(() => scenarioFrom(yaml)).toThrow(ScenarioError);
    expect(() => scenarioFrom(yaml)).toThrow(/InvocationType applies only when Target is a Lambda function/);
  });
});

describe('LAM-8: ClaimedAccountConcurrency (monitoring-concurrency)', () => {
  it('LAM-8: reserved concurrency plus the unreserved concurrency in use', () => {
    const yaml = scenario('RequestResponse', 0).replace('Properties: { FunctionName: worker, Role: r, Code: { ZipFile: x } }', 'Properties: { FunctionName: worker, Role: r, Code: { ZipFile: x }, ReservedConcurrentExecutions: 50 }');
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(3 * 60);
    const claimed = engine.metrics.get('AWS/Lambda', 'ClaimedAccountConcurrency', {})!.points('Maximum');
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.every(([, v]) => v === 50)).toBe(true);
  });
});
