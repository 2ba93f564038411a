/**
 * When is data stale: when core says so, or when it is older than the limit core gives for its
 * dataset (`staleAfterMs`: three of its refresh intervals, which differ by service) — the window
 * checks the age itself for when no status reaches it. Its own guess of two intervals of a
 * preference core never used marked Lambda (refreshed every 2 min) stale on every cycle. Only AWS
 * mode has ages (datasets[].fetchedAt); simulated data is never stale.
 */
import type { DatasetStatuses, Service } from '@contract';

export interface Staleness {
  stale: boolean;
  /** Age of the oldest dataset, ms; undefined when nothing has a fetch time. */
  ageMs?: number;
  services: Service[];
}

export function staleness(datasets: DatasetStatuses, now: number, only?: readonly Service[]): Staleness {
  let oldest: number | undefined;
  const services: Service[] = [];
  for (const [service, status] of Object.entries(datasets) as [Service, NonNullable<DatasetStatuses[Service]>][]) {
    if (only && !only.includes(service)) continue;
    const explicitlyStale = status.state === 'stale';
    const age = status.fetchedAt !== undefined ? now - status.fetchedAt : undefined;
    if (age !== undefined) oldest = Math.max(oldest ?? 0, age);
    const tooOld = age !== undefined && status.staleAfterMs !== undefined && age > status.staleAfterMs;
    if (explicitlyStale || tooOld) services.push(service);
  }
  return { stale: services.length > 0, ageMs: oldest, services };
}

/** "3 min", "45 s" — coarse on purpose. */
export function formatAge(ms: number): { value: number; unit: 's' | 'min' | 'h' } {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return { value: seconds, unit: 's' };
  if (seconds < 7200) return { value: Math.round(seconds / 60), unit: 'min' };
  return { value: Math.round(seconds / 3600), unit: 'h' };
}
