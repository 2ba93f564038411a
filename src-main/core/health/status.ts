/** Ordering and combining verdicts. */
import type { HealthReason, HealthStatus, ResourceHealth } from '../contract/model';

const RANK: Record<HealthStatus, number> = { failing: 3, degraded: 2, unknown: 1, ok: 0 };

export function worse(a: HealthStatus, b: HealthStatus): HealthStatus {
  return RANK[a] >= RANK[b] ? a : b;
}

export function worstOf(statuses: Iterable<HealthStatus>, start: HealthStatus = 'ok'): HealthStatus {
  let status = start;
  for (const next of statuses) status = worse(status, next);
  return status;
}

/** Worst first; notes (status ok) last; stable otherwise. */
export function byConcern(reasons: readonly HealthReason[]): HealthReason[] {
  return reasons
    .map((reason, index) => ({ reason, index }))
    .sort((a, b) => RANK[b.reason.status] - RANK[a.reason.status] || a.index - b.index)
    .map(({ reason }) => reason);
}

export function resource(kind: ResourceHealth['kind'], id: string, name: string, reasons: HealthReason[]): ResourceHealth {
  return { kind, id, name, status: worstOf(reasons.map((r) => r.status)), reasons: byConcern(reasons) };
}

export function reason(code: HealthReason['code'], status: HealthStatus, subject: string, params: HealthReason['params'] = {}): HealthReason {
  return { code, status, subject, params };
}
