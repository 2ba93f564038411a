/**
 * What AWS mode's dataset statuses add up to, without lying: the header shows the worst state of
 * any dataset (an error outranks stale data, which outranks loading); a view may say "none in this
 * account or region" only after a successful answer; one error shared by several datasets (no
 * network, expired credentials) is shown once with the datasets it affects.
 */
import type { DatasetStatus, DatasetStatuses, Service } from '@contract';
import { staleness } from './staleness';

export type WorstState = 'error' | 'stale' | 'loading' | 'fresh';

export interface DatasetSummary {
  state: WorstState;
  /** The datasets in that state. */
  services: Service[];
  total: number;
}

export function worstDatasetState(datasets: DatasetStatuses, now: number): DatasetSummary {
  const entries = Object.entries(datasets).filter((entry): entry is [Service, DatasetStatus] => entry[1] !== undefined);
  const total = entries.length;
  const errors = entries.filter(([, status]) => status.state === 'error').map(([service]) => service);
  if (errors.length > 0) return { state: 'error', services: errors, total };
  const stale = staleness(datasets, now);
  if (stale.stale) return { state: 'stale', services: stale.services, total };
  const loading = entries.filter(([, status]) => status.state === 'loading').map(([service]) => service);
  if (loading.length > 0) return { state: 'loading', services: loading, total };
  return { state: 'fresh', services: entries.map(([service]) => service), total };
}

/**
 * A successful answer has been had for the dataset (it holds a fetch time), so an empty list in it
 * means "none". The simulator has no dataset statuses: its inventory is always complete.
 */
export function hasAnswered(status: DatasetStatus | undefined, awsMode: boolean): boolean {
  return status === undefined ? !awsMode : status.fetchedAt !== undefined;
}

export interface GroupedError {
  error: NonNullable<DatasetStatus['error']>;
  services: Service[];
  /** Whether the datasets still show older data (stale) rather than none (error). */
  state: 'error' | 'stale';
}

/** The errors of `services`' datasets that never loaded or lost their source, each distinct one once. */
export function groupDatasetErrors(datasets: DatasetStatuses, services: readonly Service[], states: readonly DatasetStatus['state'][] = ['error']): GroupedError[] {
  const groups = new Map<string, GroupedError>();
  for (const service of services) {
    const status = datasets[service];
    if (!status?.error || !states.includes(status.state)) continue;
    const key = JSON.stringify([status.error.code, status.error.message, status.error.hint ?? '']);
    const group = groups.get(key);
    if (group) group.services.push(service);
    else groups.set(key, { error: status.error, services: [service], state: status.state === 'stale' ? 'stale' : 'error' });
  }
  return [...groups.values()];
}
