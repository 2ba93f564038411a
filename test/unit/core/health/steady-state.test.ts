/**
 * Quiet when nothing is wrong: every bundled scenario, at a time with no fault running, is OK in
 * every service — and the first seconds of a run are Unknown (starting), never Failing.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarioNames } from '@main/core/scenario-files';
import { HealthTimeline } from '../../../helpers/health-timeline';

/** Minutes after the start with no fault running and the start-up well out of the window. */
const QUIET_AT: Record<string, number> = { shop: 45, 'global-failover': 25, serverless: 8, 'scale-1000': 40, photos: 40 };

describe('steady state is quiet in every bundled scenario', () => {
  it('knows a quiet time for every bundled scenario', () => {
    expect(bundledScenarioNames().sort()).toEqual(Object.keys(QUIET_AT).sort());
  });

  for (const [name, minutes] of Object.entries(QUIET_AT)) {
    it(`${name} at ${minutes} min: every service OK, no resource failing or degraded`, () => {
      const run = new HealthTimeline(name).at(minutes);
      for (const service of run.report.services) expect(service.status, run.describe()).toBe('ok');
      const loud = run.report.resources.filter((r) => r.status !== 'ok').map((r) => `${r.kind} ${r.name}: ${r.status} ${r.reasons.map((x) => x.code).join(',')}`);
      expect(loud).toEqual([]);
    });
  }
});

// Bundled scenarios start warm (the stack already running at StartTime); a cold start — the stack
// created at StartTime, as Simulation.ColdStart or a stack just created on AWS — is what these check.
describe('the first seconds of a cold start', () => {
  for (const name of ['shop', 'global-failover']) {
    it(`${name}: Auto Scaling is Unknown (starting) while instances launch, never Failing next to an empty target group`, () => {
      const run = new HealthTimeline(name, { coldStart: true });
      for (const seconds of [0, 5, 15]) {
        run.at(seconds / 60);
        const asg = run.service('autoscaling');
        const lb = run.service('elbv2');
        expect(asg.status, `${seconds} s\n${run.describe()}`).toBe('unknown');
        expect(asg.reasons[0]!.code).toBe('asg.starting');
        // No targets yet, no metrics yet: Unknown, not Healthy 0/0 and not Failing.
        expect(lb.status, `${seconds} s\n${run.describe()}`).toBe('unknown');
      }
    });
  }

  it('targets in `initial` are not failures: Unknown while they are checked, never Failing', () => {
    const run = new HealthTimeline('global-failover', { coldStart: true }).at(0.5);
    const group = run.resource('targetGroup', 'shop-us-web');
    expect(group.status).toBe('unknown');
    expect(group.reasons[0]).toMatchObject({ code: 'tg.initial', params: { initial: 4, total: 4 } });
  });
});

describe('a warm start is quiet from the first minutes (issue 12 item 2)', () => {
  for (const name of ['shop', 'global-failover', 'serverless', 'photos']) {
    it(`${name}: no load balancer or Auto Scaling failure in the first 5 minutes (no start-up 5XX burst)`, () => {
      const run = new HealthTimeline(name);
      for (const minutes of [1, 3, 5]) {
        run.at(minutes);
        for (const service of ['elbv2', 'autoscaling'] as const) expect(run.service(service).status, `${minutes} min\n${run.describe()}`).not.toBe('failing');
      }
    });
  }
});

describe('a lead-in gives verdicts from the first second (warm start with history)', () => {
  it('serverless opened with 75 minutes of history: Lambda is judged at once, not "waiting for the first minute"', () => {
    const run = new HealthTimeline('serverless', { leadInSeconds: 75 * 60 });
    const lambda = run.service('lambda');
    expect(lambda.status, run.describe()).toBe('ok');
    expect(lambda.reasons.map((r) => r.code)).not.toContain('metrics.waiting');
  });
});
