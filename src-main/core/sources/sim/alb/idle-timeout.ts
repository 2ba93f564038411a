/**
 * LBA-4: the load balancer closes a request the target has not answered within its idle timeout
 * (idle_timeout.timeout_seconds, default 60 s) and answers the client HTTP 504 itself:
 * HTTPCode_ELB_504_Count, no target status code, and no TargetResponseTime sample.
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html (HTTP 504)
 *
 * The simulator gives each target's requests of one tick one mean response time (alb-service.ts), so
 * a target whose mean exceeds the timeout has all of that tick's requests time out: a step, not a
 * tail, which keeps the default (60 s, far above a queue's worst wait) free of spurious 504s.
 */

interface TimedCodes {
  target2xx: number;
  elb504: number;
}

interface TimedLatency {
  count: number;
  sum: number;
  components: [meanSeconds: number, weight: number][];
}

/** Moves the served requests whose response time exceeds `idleSeconds` to ELB 504 (in place). */
export function applyIdleTimeout(result: { codes: TimedCodes; latency: TimedLatency }, idleSeconds: number): void {
  const { codes, latency } = result;
  const late = latency.components.filter(([mean]) => mean > idleSeconds);
  if (late.length === 0) return;
  const lateWeight = late.reduce((total, [, weight]) => total + weight, 0);
  const timedOut = Math.min(codes.target2xx, Math.round(lateWeight));
  codes.target2xx -= timedOut;
  codes.elb504 += timedOut;
  latency.components = latency.components.filter(([mean]) => mean <= idleSeconds);
  const keptWeight = latency.components.reduce((total, [, weight]) => total + weight, 0);
  const keptSum = latency.components.reduce((total, [mean, weight]) => total + mean * weight, 0);
  latency.count = codes.target2xx;
  // The kept components' weights may be fractional (downstream failures scale them): rescale to the count.
  latency.sum = keptWeight > 0 ? (keptSum / keptWeight) * latency.count : 0;
  if (latency.count === 0) latency.components = [];
}
