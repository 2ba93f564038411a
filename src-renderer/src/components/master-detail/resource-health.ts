/**
 * A resource's health for a master list: core's verdict when there is one, else the first guess
 * from its own fields. Sorted worst first, so that "sort by health" puts what needs attention on top.
 */
import type { HealthStatus } from '@contract';
import type { VirtualColumn } from '@/components/table/virtual-table';
import { healthTone } from '@/utils/health-text';
import type { Tone } from '@/utils/tone';

type Translate = (key: string) => string;

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

/** Core's verdict (its status, in its tone) when there is one, else the guess from the resource's own fields. */
export function listHealth(verdict: { status: HealthStatus } | undefined, guess: Tone): ListHealth {
  const status = verdict?.status ?? statusFromTone(guess);
  return { status, tone: verdict ? healthTone(status) : guess };
}

export function sameListHealth(a: ListHealth, b: ListHealth): boolean {
  return a.status === b.status && a.tone === b.tone;
}

/** The health column of a master list: the status in words, sorted worst first (ListHealthBadge draws it). */
export function healthColumn<Row extends { health: ListHealth }>(t: Translate): VirtualColumn<Row> {
  return { key: 'health', label: t('resourceLists.health'), width: '86px', value: (r) => t(`health.status.${r.health.status}`), sortValue: (r) => healthRank(r.health.status) };
}
