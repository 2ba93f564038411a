import { describe, expect, it } from 'vitest';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { buildRoute53 } from '@main/core/sources/sim/route53/build-route53';
import {
  CHECKERS_PER_REGION,
  endpointHealthy,
  forceHealthCheckFailure,
  initialHealthChecks,
  stepHealthChecks,
  type EndpointProbe,
  type HealthCheckDefinition,
  type HealthChecksState,
} from '@main/core/sources/sim/route53/health-checks';
import { scenarioFrom } from '../../../../../helpers/scenarios';

const definition = (overrides: Partial<HealthCheckDefinition> = {}): HealthCheckDefinition => ({
  id: 'hc-1',
  logicalId: 'Check',
  type: 'HTTPS',
  fullyQualifiedDomainName: 'web.example.com',
  port: 443,
  requestIntervalSeconds: 10,
  failureThreshold: 3,
  inverted: false,
  disabled: false,
  regions: [],
  childHealthChecks: [],
  ...overrides,
});

/** Steps `state` every second from `fromS` to `toS` (inclusive) with the endpoint `up(t)`; returns the last state and every status seen. */
function run(state: HealthChecksState, fromS: number, toS: number, up: (seconds: number, checker: { region: string; index: number }) => boolean, seed = 1) {
  const random = createRandom(seed, 'route53-health');
  const statuses: { t: number; status: string }[] = [];
  let current = state;
  for (let t = fromS; t <= toS; t++) {
    const probe: EndpointProbe = (_check, checker) => up(t, checker);
    current = stepHealthChecks(current, t * 1000, probe, random).state;
    statuses.push({ t, status: current.checks[0]!.status });
  }
  return { state: current, statuses, statusAt: (t: number) => statuses.find((s) => s.t === t)!.status };
}

/** First second at which the first health check had `status`, at or after `fromS`. */
const firstTime = (statuses: { t: number; status: string }[], status: string, fromS: number) => statuses.find((s) => s.t >= fromS && s.status === status)?.t;

describe('Route 53 health checks', () => {
  it('R53-7: RequestInterval defaults to 30 s and FailureThreshold to 3; they load as given otherwise', () => {
    const state = buildRoute53(
      scenarioFrom(`Resources:
  Default:
    Type: AWS::Route53::HealthCheck
    Properties: { HealthCheckConfig: { Type: HTTP, IPAddress: 192.0.2.44 } }
  Fast:
    Type: AWS::Route53::HealthCheck
    Properties: { HealthCheckConfig: { Type: HTTPS, IPAddress: 192.0.2.44, RequestInterval: 10, FailureThreshold: 1 } }
`).resources,
    );
    expect(state.healthChecks.checks.map((c) => [c.definition.requestIntervalSeconds, c.definition.failureThreshold, c.definition.port])).toEqual([
      [30, 3, 80],
      [10, 1, 443],
    ]);
  });

  it('R53-7: an endpoint is healthy when more than 18 % of checkers report it healthy: 3 of 16 (18.75 %) yes, 2 of 16 (12.5 %) no', () => {
    expect(endpointHealthy(3, 16)).toBe(true);
    expect(endpointHealthy(2, 16)).toBe(false);
    expect(endpointHealthy(18, 100)).toBe(false);
    expect(endpointHealthy(19, 100)).toBe(true);
    expect(endpointHealthy(0, 0)).toBe(false);
  });

  it(`R53-7: with the default eight regions × ${CHECKERS_PER_REGION} checkers, 5 of 24 healthy (20.8 %) keep the endpoint healthy and 4 (16.7 %) do not`, () => {
    const state = initialHealthChecks([definition({ failureThreshold: 1 })]);
    expect(state.checks[0]!.checkers).toHaveLength(24);
    const upFor = (count: number) => (_t: number, checker: { region: string; index: number }) =>
      ['us-east-1', 'us-west-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'].indexOf(checker.region) * CHECKERS_PER_REGION + checker.index < count;
    const five = run(state, 0, 30, upFor(5));
    expect(five.state.checks[0]).toMatchObject({ status: 'Healthy', checkersHealthyPercent: 20.83 });
    const four = run(state, 0, 30, upFor(4));
    expect(four.state.checks[0]).toMatchObject({ status: 'Unhealthy', checkersHealthyPercent: 16.67 });
    expect(four.state.transitions[0]!.reason).toContain('4 of 24 checkers (16.67%) report the endpoint healthy, not more than 18%');
  });

  it('R53-7: Regions limits the checkers: 3 regions give 9, and 2 of 9 (22 %) are enough', () => {
    const state = initialHealthChecks([definition({ failureThreshold: 1, regions: ['us-east-1', 'eu-west-1', 'ap-southeast-1'] })]);
    expect(state.checks[0]!.checkers).toHaveLength(9);
    const upFor = (count: number) => (_t: number, checker: { region: string; index: number }) => checker.region === 'us-east-1' && checker.index < count;
    expect(run(state, 0, 20, upFor(2)).state.checks[0]!.status).toBe('Healthy');
    expect(run(state, 0, 20, upFor(1)).state.checks[0]!.status).toBe('Unhealthy');
  });

  it('R53-7: with RequestInterval 10 and FailureThreshold 3 an outage at 100 s turns the check Unhealthy after the third failed probe, between 120 s and 130 s', () => {
    const result = run(initialHealthChecks([definition()]), 0, 300, (t) => t < 100 || t >= 200);
    expect(result.statusAt(99)).toBe('Healthy');
    expect(result.statusAt(119)).toBe('Healthy');
    const down = firstTime(result.statuses, 'Unhealthy', 100)!;
    expect(down).toBeGreaterThanOrEqual(120);
    expect(down).toBeLessThan(130);
    expect(result.statusAt(130)).toBe('Unhealthy');
    // Recovery needs only more than 18 % of checkers back: the first five to see three successes.
    const up = firstTime(result.statuses, 'Healthy', 200)!;
    expect(up).toBeGreaterThanOrEqual(220);
    expect(up).toBeLessThan(230);
    const transitions = result.state.transitions;
    expect(transitions.map((t) => [t.oldStatus, t.newStatus, t.time])).toEqual([
      ['Healthy', 'Unhealthy', down * 1000],
      ['Unhealthy', 'Healthy', up * 1000],
    ]);
    expect(transitions[0]).toMatchObject({ healthCheckId: 'hc-1', logicalId: 'Check' });
    expect(transitions[0]!.reason).toMatch(/^\d of 24 checkers \([\d.]+%\) report the endpoint healthy, not more than 18%; last failure: Failure: Connection timed out/);
  });

  it('R53-7: FailureThreshold 1 flips at the first failed probe; the default 30 s interval and threshold 3 take 60–90 s', () => {
    const fast = run(initialHealthChecks([definition({ failureThreshold: 1 })]), 0, 200, (t) => t < 100);
    const fastDown = firstTime(fast.statuses, 'Unhealthy', 100)!;
    expect(fastDown).toBeGreaterThanOrEqual(100);
    expect(fastDown).toBeLessThan(110);
    const slow = run(initialHealthChecks([definition({ requestIntervalSeconds: 30 })]), 0, 300, (t) => t < 100);
    const slowDown = firstTime(slow.statuses, 'Unhealthy', 100)!;
    expect(slowDown).toBeGreaterThanOrEqual(160);
    expect(slowDown).toBeLessThan(190);
  });

  it('a forced failure (the fault) fails every probe while it lasts, then the check recovers', () => {
    const state = forceHealthCheckFailure(initialHealthChecks([definition()]), { healthCheckId: 'hc-1', fromMs: 100_000, untilMs: 200_000, reason: 'FailHealthCheck fault' });
    const result = run(state, 0, 300, () => true);
    expect(firstTime(result.statuses, 'Unhealthy', 0)).toBeGreaterThanOrEqual(120);
    expect(result.statusAt(199)).toBe('Unhealthy');
    expect(result.statusAt(300)).toBe('Healthy');
    expect(result.state.transitions[0]!.reason).toContain('Failure: FailHealthCheck fault');
    expect(result.state.forced).toEqual([]);
  });

  it('Inverted flips the status; Disabled is always Healthy', () => {
    const inverted = run(initialHealthChecks([definition({ inverted: true })]), 0, 5, () => true);
    expect(inverted.state.checks[0]!.status).toBe('Unhealthy');
    expect(inverted.state.transitions[0]!.reason).toContain('(inverted)');
    const disabled = run(initialHealthChecks([definition({ disabled: true })]), 0, 100, () => false);
    expect(disabled.statuses.every((s) => s.status === 'Healthy')).toBe(true);
  });

  it('a CALCULATED check is healthy while at least HealthThreshold of its children are', () => {
    const children = [definition({ id: 'a', failureThreshold: 1 }), definition({ id: 'b', failureThreshold: 1 })];
    const calculated = definition({ id: 'calc', logicalId: 'Calc', type: 'CALCULATED', childHealthChecks: ['a', 'b'], healthThreshold: 1 });
    const random = createRandom(1, 'route53-health');
    let state = initialHealthChecks([...children, calculated]);
    const step = (t: number, up: (id: string) => boolean) => (state = stepHealthChecks(state, t * 1000, (check) => up(check.id), random).state);
    for (let t = 0; t <= 20; t++) step(t, (id) => id === 'a');
    expect(state.checks.map((c) => c.status)).toEqual(['Healthy', 'Unhealthy', 'Healthy']);
    for (let t = 21; t <= 40; t++) step(t, () => false);
    expect(state.checks.map((c) => c.status)).toEqual(['Unhealthy', 'Unhealthy', 'Unhealthy']);
    expect(state.transitions.at(-1)).toMatchObject({ healthCheckId: 'calc', reason: '0 of 2 child health checks are healthy; HealthThreshold is 1' });
  });

  it('is a pure step: the input state is left as it was, and the same seed gives the same transitions', () => {
    const state = initialHealthChecks([definition()]);
    const before = structuredClone(state);
    stepHealthChecks(state, 5000, () => false, createRandom(1, 'x'));
    expect(state).toEqual(before);
    const a = run(state, 0, 300, (t) => t < 100, 9).state.transitions;
    const b = run(state, 0, 300, (t) => t < 100, 9).state.transitions;
    expect(a).toEqual(b);
    expect(a.length).toBe(1);
  });
});
