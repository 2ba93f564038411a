/**
 * The load balancer's access log as a bounded ring; the entry of a sampled request (ALB-9: one per
 * target group per minute, with an X-Amzn-Trace-Id; its outcome drawn from the tick's counts, ALB-12);
 * and the entry of a request AWS WAF blocked (WAF-8):
 * elb_status_code 403, no target (`-`), target_processing_time -1 (not dispatched to a target) and
 * actions_executed `waf` (load-balancer-access-logs.html); the web ACL and rule come from what AWS
 * WAF's own log records (terminatingRuleId; logging-fields.html).
 */
import type { AccessLogEntry } from '../../../contract/model';
import type { BlockedSample } from '../service-module';
import type { SimListener, SimLoadBalancer } from './alb-state';

/** Access-log sampling: at most this many entries kept (a ring), one per target group per minute. */
export const ACCESS_LOG_CAPACITY = 1000;

/** What the sampled request was and how it went (ALB-12: the outcome from the same counts as the metrics). */
export interface ServedSample {
  method?: string;
  host?: string;
  path: string;
  clientLocation?: string;
  targetGroupName: string;
  target?: string;
  outcome: { elb: number; target?: number };
  seconds: number;
}

/**
 * `new Date(atMs).toISOString()`, with the part up to the minute kept from the last call: every target
 * group's sampled request of a minute falls in the same minute (ALB-9), and formatting a date was the
 * sampling's largest cost. Whole milliseconds only (what the samples are); others are formatted afresh.
 */
export function isoTime(atMs: number): string {
  if (!Number.isInteger(atMs)) return new Date(atMs).toISOString();
  const minute = Math.floor(atMs / 60_000) * 60_000;
  if (minute !== isoMinute.start) {
    const text = new Date(minute).toISOString();
    // "…THH:MM:00.000Z" (a year past 9999 has more digits in front): the seconds are the last 7 characters.
    isoMinute.start = minute;
    isoMinute.prefix = text.slice(0, -7);
  }
  const ms = atMs - minute;
  const seconds = Math.floor(ms / 1000);
  const millis = ms - seconds * 1000;
  return `${isoMinute.prefix}${seconds < 10 ? '0' : ''}${seconds}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

const isoMinute = { start: NaN, prefix: '' };

export function servedEntry(lb: SimLoadBalancer, listener: SimListener | undefined, sample: ServedSample, atMs: number, traceId: string): AccessLogEntry {
  return {
    time: isoTime(atMs),
    loadBalancerName: lb.name,
    clientLocation: sample.clientLocation,
    request: `${sample.method ?? 'GET'} ${listener?.protocol === 'HTTPS' ? 'https' : 'http'}://${sample.host ?? lb.dnsName}:${listener?.port ?? 80}${sample.path} HTTP/1.1`,
    host: sample.host,
    targetGroupName: sample.targetGroupName,
    target: sample.target,
    elbStatusCode: sample.outcome.elb,
    ...(sample.outcome.target !== undefined ? { targetStatusCode: sample.outcome.target } : {}),
    targetProcessingTimeSeconds: Math.round(sample.seconds * 1e6) / 1e6,
    traceId,
  };
}

export function blockedEntry(lb: SimLoadBalancer, listener: SimListener | undefined, sample: BlockedSample, atMs: number, traceId: string): AccessLogEntry {
  return {
    time: new Date(atMs).toISOString(),
    loadBalancerName: lb.name,
    request: `GET ${listener?.protocol === 'HTTPS' ? 'https' : 'http'}://${sample.host ?? lb.dnsName}:${listener?.port ?? 80}${sample.path} HTTP/1.1`,
    ...(sample.host ? { host: sample.host } : {}),
    elbStatusCode: 403,
    targetProcessingTimeSeconds: -1,
    traceId,
    clientIp: sample.clientIp,
    actionsExecuted: ['waf'],
    waf: { webAclName: sample.webAclName, ruleName: sample.ruleName, action: 'BLOCK' },
  };
}

/** Keeps `entry` in a ring of `capacity` (the oldest is overwritten); returns the new cursor. */
export function keepInRing<T>(ring: T[], cursor: number, capacity: number, entry: T): number {
  if (ring.length < capacity) ring.push(entry);
  else ring[cursor % capacity] = entry;
  return cursor + 1;
}

/** The ring's entries, oldest first. */
export function ringInOrder<T>(ring: readonly T[], cursor: number, capacity: number): T[] {
  if (ring.length < capacity) return [...ring];
  const cut = cursor % capacity;
  return [...ring.slice(cut), ...ring.slice(0, cut)];
}
