/**
 * The three situations reported in issue 12, run on the real simulator engine through the session's
 * health monitor: Failing/Degraded with the right reason during the fault, OK before and after.
 */
import { describe, expect, it } from 'vitest';
import { HealthTimeline } from '../../../helpers/health-timeline';

describe('global-failover: the eu-west-1 outage (every AZ fails at 30 m for 20 m)', () => {
  const run = new HealthTimeline('global-failover');

  it('before the outage (25 m) every service is OK', () => {
    run.at(25);
    for (const service of run.report.services) expect(service.status, run.describe()).toBe('ok');
    expect(run.resource('recordSet', 'www.example.com eu-west-1').status).toBe('ok');
  });

  it('2 minutes in, Load balancing is Failing: shop-eu-web has no healthy target', () => {
    run.at(32);
    const lb = run.service('elbv2');
    expect(lb.status, run.describe()).toBe('failing');
    const why = lb.reasons[0]!;
    expect(why.status).toBe('failing');
    expect(['tg.noHealthyTargets', 'tg.noTargets']).toContain(why.code);
    expect(why.subject).toBe('shop-eu-web');
    expect(why.params.region).toBe('eu-west-1');
  });

  it('the `www eu-west-1` latency record is Failing: out of answers because its alias target has no healthy target (R53-9)', () => {
    const record = run.resource('recordSet', 'www.example.com eu-west-1');
    expect(record.status).toBe('failing');
    expect(record.reasons[0]).toMatchObject({ code: 'record.outOfAnswers', params: { cause: 'aliasTarget', target: 'shop-eu' } });
    // The other regions keep answering.
    expect(run.resource('recordSet', 'www.example.com us-east-1').status).toBe('ok');
  });

  it('Route 53 is Degraded (failover working), naming the unhealthy check and the records it takes out', () => {
    const dns = run.service('route53');
    expect(dns.status).toBe('degraded');
    const check = dns.reasons.find((r) => r.code === 'hc.unhealthy')!;
    expect(check.subject).toMatch(/^shop-eu-\d+\.eu-west-1\.elb\.amazonaws\.com$/);
    expect(check.params.records).toBe(3);
  });

  it('Auto Scaling fails in eu-west-1: nothing InService and the launches fail', () => {
    run.at(40);
    const group = run.resource('autoScalingGroup', 'shop-eu-web');
    expect(group.status).toBe('failing');
    expect(group.reasons.map((r) => r.code)).toEqual(['asg.noneInService', 'asg.launchFailures']);
    expect(run.service('elbv2').reasons[0]).toMatchObject({ code: 'tg.noTargets', subject: 'shop-eu-web' });
  });

  it('after the region is back (65 m) every service is OK again', () => {
    run.at(65);
    for (const service of run.report.services) expect(service.status, run.describe()).toBe('ok');
    expect(run.resource('recordSet', 'www.example.com eu-west-1').status).toBe('ok');
  });

  it('pushed the change as it happened: ok → failing → ok for Load balancing', () => {
    const statuses = run.pushed.map((report) => report.services.find((s) => s.service === 'elbv2')!.status);
    const changes = statuses.filter((status, index) => index === 0 || status !== statuses[index - 1]);
    expect(changes.slice(-3)).toEqual(['ok', 'failing', 'ok']);
  });
});

describe('serverless: the 18:10–18:18 spike and an operator raising orders-api errors to 25 %', () => {
  const run = new HealthTimeline('serverless');

  it('before the spike (18:08) Lambda and Load balancing are OK', () => {
    run.at(8);
    expect(run.service('lambda').status, run.describe()).toBe('ok');
    expect(run.service('elbv2').status, run.describe()).toBe('ok');
  });

  it('during the spike: search-api throttles more than half of its calls (Failing), at its reserved concurrency', () => {
    run.at(12).inject('RaiseFunctionErrorRate', { FunctionName: 'orders-api', ErrorRate: 0.25 }, 6 * 60);
    run.at(17);
    const lambda = run.service('lambda');
    expect(lambda.status, run.describe()).toBe('failing');
    const throttled = lambda.reasons.find((r) => r.code === 'fn.throttles' && r.subject === 'search-api')!;
    expect(throttled.status).toBe('failing');
    expect(throttled.params.percent).toBeGreaterThan(50);
    expect(lambda.reasons.find((r) => r.code === 'fn.concurrencyLimit' && r.subject === 'search-api')).toMatchObject({ params: { limit: 20, scope: 'reserved' } });
  });

  it('orders-api fails about 25 % of its invocations (Failing, with the share)', () => {
    const errors = run.service('lambda').reasons.find((r) => r.code === 'fn.errors' && r.subject === 'orders-api')!;
    expect(errors.status).toBe('failing');
    expect(errors.params.percent).toBeGreaterThanOrEqual(20);
    expect(errors.params.percent).toBeLessThanOrEqual(30);
  });

  it('the load balancer answering ~12,000 5XX a minute is not Healthy', () => {
    const lb = run.service('elbv2');
    expect(lb.status).toBe('failing');
    const http = lb.reasons.find((r) => r.code === 'lb.http5xx')!;
    expect(http.subject).toBe('mobile-api');
    expect(Number(http.params.errors) / Number(http.params.minutes)).toBeGreaterThan(10_000);
  });

  it('after the spike, the fault and the scenario own 22–25 m fault (18:32) both are OK again', () => {
    run.at(32);
    expect(run.service('lambda').status, run.describe()).toBe('ok');
    expect(run.service('elbv2').status, run.describe()).toBe('ok');
  });
});

describe('shop after a few hours of normal load', () => {
  const run = new HealthTimeline('shop');

  it('target-tracking AlarmLow alarms in ALARM are scaling state: the alarms tile is OK, not Degraded', () => {
    const seen: string[] = [];
    for (let minutes = 60; minutes <= 240; minutes += 20) {
      run.at(minutes);
      const alarms = run.service('cloudwatch');
      const scaling = alarms.reasons.filter((r) => r.code === 'alarm.scaling');
      seen.push(...scaling.map((r) => r.subject));
      expect(alarms.status, `${minutes} m\n${run.describe()}`).toBe('ok');
      expect(alarms.reasons.filter((r) => r.code === 'alarm.inAlarm')).toEqual([]);
    }
    // The situation reported: AlarmLow alarms did go to ALARM during these hours.
    expect(seen.some((name) => /^TargetTracking-.+-AlarmLow-/.test(name))).toBe(true);
  });
});
