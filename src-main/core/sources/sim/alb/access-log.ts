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
import { isoTime } from '../kernel/iso-time';

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
    time: isoTime(atMs),
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
