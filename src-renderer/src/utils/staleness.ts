/**
 * When is data stale: older than two refresh intervals (one missed poll is noise, two is a
 * problem). Only AWS mode has ages (datasets[].fetchedAt); simulated data is never stale.
 */
import type { DatasetStatuses, Service } from '@contract';

export interface Staleness {
  stale: boolean;
  /** Age of the oldest dataset, ms; undefined when nothing has a fetch time. */
  ageMs?: number;
  services: Service[];
}

export function staleness(datasets: DatasetStatuses, now: number, refreshSeconds: number, only?: readonly Service[]): Staleness {
  const limit = 2 * refreshSeconds * 1000;
  let oldest: number | undefined;
  const services: Service[] = [];
  for (const [service, status] of Object.entries(datasets) as [Service, NonNullable<DatasetStatuses[Service]>][]) {
    if (only && !only.includes(service)) continue;
    const explicitlyStale = status.state === 'stale';
    const age = status.fetchedAt !== undefined ? now - status.fetchedAt : undefined;
    if (age !== undefined) oldest = Math.max(oldest ?? 0, age);
    if (explicitlyStale || (age !== undefined && age > limit)) services.push(service);
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
