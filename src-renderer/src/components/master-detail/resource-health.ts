/**
 * A resource's health for a master list: core's verdict when there is one, else the first guess
 * from its own fields. Sorted worst first, so that "sort by health" puts what needs attention on top.
 */
import type { HealthStatus } from '@contract';
import type { Tone } from '@/utils/tone';

export interface ListHealth {
  status: HealthStatus;
  tone: Tone;
}

const RANK: Record<HealthStatus, number> = { failing: 0, degraded: 1, unknown: 2, ok: 3 };

export function healthRank(status: HealthStatus): number {
  return RANK[status] ?? 2;
}

/** When core has not judged the resource yet: its own fields' tone as a status. */
export function statusFromTone(tone: Tone): HealthStatus {
  return tone === 'bad' ? 'failing' : tone === 'warn' ? 'degraded' : tone === 'ok' ? 'ok' : 'unknown';
}
