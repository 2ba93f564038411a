import { describe, expect, it } from 'vitest';
import { TokenBucket } from '@main/core/sources/aws/throttle/token-bucket';
import { backoffDelay, THROTTLE_BACKOFF, TRANSIENT_BACKOFF } from '@main/core/sources/aws/throttle/backoff';
import { CallGate, type CallRecord } from '@main/core/sources/aws/throttle/call-gate';
import { API_RATES } from '@main/core/sources/aws/throttle/api-rates';
import { manualClock } from '@main/core/sources/aws/throttle/time';
import { virtualClock } from '../../../../../helpers/virtual-clock';
import { CoreError } from '@main/core/core-error';
import { classifyAwsError, missingPermission } from '@main/core/sources/aws/aws-errors';

const error = (name: string, status = 400) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('token bucket', () => {
  it('allows a burst of `capacity`, then one request per 1/refill seconds', () => {
    const clock = manualClock(0);
    const bucket = new TokenBucket(40, 10, clock);
    const waits = Array.from({ length: 45 }, () => bucket.reserve());
    expect(waits.slice(0, 40).every((w) => w === 0)).toBe(true);
    expect(waits.slice(40)).toEqual([100, 200, 300, 400, 500]);
    clock.advance(10_000);
    expect(bucket.available()).toBe(40);
  });

  it('keeps 200 concurrent ELB calls inside the documented rate (burst 40, 10/s)', async () => {
    const clock = virtualClock(0);
    const sent: number[] = [];
    const gate = new CallGate({ clock });
    await clock.drive(Promise.all(Array.from({ length: 200 }, () => gate.run('elbv2', 'DescribeTargetHealth', async () => sent.push(clock.now())))));
    // Any one-second window holds at most 40 + 10 calls, and 200 calls need (200 − 40) / 10 = 16 s.
    sent.sort((a, b) => a - b);
    for (let i = 0; i < sent.length; i++) expect(sent.filter((t) => t >= sent[i]! && t < sent[i]! + 1000).length).toBeLessThanOrEqual(50);
    expect(Math.max(...sent)).toBe(16_000);
  });

  it('has a documented budget for every service', () => {
    expect(API_RATES.elbv2).toMatchObject({ capacity: 40, refillPerSecond: 10 });
    expect(API_RATES.rds.refillPerSecond).toBe(12);
    expect(API_RATES.route53.refillPerSecond).toBe(10);
    expect(API_RATES.lambda.refillPerSecond).toBe(15);
  });
});

describe('backoff', () => {
  it('uses full jitter under an exponential, capped ceiling', () => {
    expect(backoffDelay(THROTTLE_BACKOFF, 1, () => 0.999)).toBe(499);
    expect(backoffDelay(THROTTLE_BACKOFF, 3, () => 0.5)).toBe(1000);
    expect(backoffDelay(THROTTLE_BACKOFF, 10, () => 0.999)).toBe(19_980);
    expect(backoffDelay(TRANSIENT_BACKOFF, 1, () => 0)).toBe(0);
  });

  it.each(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'PriorRequestNotComplete'])('retries %s, then gives up after the budget', async (code) => {
    const clock = manualClock(0);
    const records: CallRecord[] = [];
    const gate = new CallGate({ clock, random: () => 1 - 1e-9, observe: (r) => records.push(r) });
    let calls = 0;
    const failing = gate.run('route53', 'ListHostedZones', async () => {
      calls++;
      throw error(code);
    });
    await expect(failing).rejects.toMatchObject({ code: 'AwsCallFailed', params: { kind: 'throttled', awsCode: code } });
    expect(calls).toBe(THROTTLE_BACKOFF.maxAttempts);
    expect(records.map((r) => r.outcome)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'error']);
    // Waits grow 500, 1000, 2000, 4000, 8000 (ceilings; random ≈ 1).
    expect(clock.slept.filter((ms) => ms > 100)).toEqual([499, 999, 1999, 3999, 7999]);
  });

  it('does not retry AccessDenied and names the permission', async () => {
    const gate = new CallGate({ clock: manualClock(0) });
    let calls = 0;
    const denied = gate.run('autoscaling', 'DescribePolicies', async () => {
      calls++;
      throw error('AccessDenied', 403);
    });
    await expect(denied).rejects.toBeInstanceOf(CoreError);
    await expect(denied).rejects.toMatchObject({ code: 'AwsCallFailed', params: { kind: 'access-denied', awsCode: 'AccessDenied', permission: 'autoscaling:DescribePolicies' } });
    expect(calls).toBe(1);
  });

  it('classifies errors', () => {
    expect(classifyAwsError(error('Whatever', 429))).toBe('throttled');
    expect(classifyAwsError(error('InternalError', 500))).toBe('transient');
    expect(classifyAwsError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('transient');
    expect(classifyAwsError(error('ExpiredToken'))).toBe('credentials');
    expect(classifyAwsError(error('DBInstanceNotFound', 404))).toBe('not-found');
    expect(missingPermission(new Error('User: x is not authorized to perform: elasticloadbalancing:DescribeRules on resource: *'), 'elbv2', 'DescribeRules')).toBe('elasticloadbalancing:DescribeRules');
    expect(missingPermission(new Error('denied'), 'route53', 'GetHealthCheckStatus')).toBe('route53:GetHealthCheckStatus');
  });
});
