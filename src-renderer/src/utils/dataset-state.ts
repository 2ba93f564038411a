/**
 * What AWS mode's dataset statuses add up to, without lying: the header shows the worst state of
 * any dataset (an error outranks stale data, which outranks loading); a view may say "none in this
 * account or region" only after a successful answer; one error shared by several datasets (no
 * network, expired credentials) is shown once with the datasets it affects. A dataset read but for
 * a secondary call (alarm history, metrics, account settings: state ok with an error) is "partly
 * read", never "Fresh".
 */
import type { DatasetStatus, DatasetStatuses, Service } from '@contract';
import { staleness } from './staleness';

export type WorstState = 'error' | 'stale' | 'loading' | 'partial' | 'fresh';

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
  const partial = entries.filter(([, status]) => isPartlyRead(status)).map(([service]) => service);
  if (partial.length > 0) return { state: 'partial', services: partial, total };
  return { state: 'fresh', services: entries.map(([service]) => service), total };
}

/** Read, but a secondary call failed (sources/aws/polling/dataset-book.ts `fresh` with `partial`): the gap is in `error`. */
export function isPartlyRead(status: DatasetStatus | undefined): boolean {
  return status?.state === 'ok' && status.error !== undefined;
}

/**
 * A successful answer has been had for the dataset (it holds a fetch time), so an empty list in it
 * means "none". The simulator has no dataset statuses: its inventory is always complete.
 */
export function hasAnswered(status: DatasetStatus | undefined, awsMode: boolean): boolean {
  return status === undefined ? !awsMode : status.fetchedAt !== undefined;
}

/**
 * The dataset's last read answered (not stale, not failed since), so an empty list in it means
 * "none" now: after credentials are revoked or the network is gone, an old empty answer cannot be
 * checked and says nothing about the account today.
 */
export function answersNow(status: DatasetStatus | undefined, awsMode: boolean): boolean {
  return hasAnswered(status, awsMode) && (status === undefined || status.state === 'ok');
}

export interface GroupedError {
  error: NonNullable<DatasetStatus['error']>;
  services: Service[];
  /** Whether the datasets still show older data (stale) rather than none (error), or were read but for a secondary call (partial). */
  state: 'error' | 'stale' | 'partial';
}

/**
 * The errors of `services`' datasets in `states` (by default those that never loaded), each distinct
 * one once; `ok` takes in the datasets read only in part.
 */
export function groupDatasetErrors(datasets: DatasetStatuses, services: readonly Service[], states: readonly DatasetStatus['state'][] = ['error']): GroupedError[] {
  const groups = new Map<string, GroupedError>();
  for (const service of services) {
    const status = datasets[service];
    if (!status?.error || !states.includes(status.state)) continue;
    const key = JSON.stringify([status.error.code, status.error.message, status.error.hint ?? '', isPartlyRead(status)]);
    const group = groups.get(key);
    if (group) group.services.push(service);
    else groups.set(key, { error: status.error, services: [service], state: status.state === 'stale' ? 'stale' : status.state === 'ok' ? 'partial' : 'error' });
  }
  return [...groups.values()];
}
