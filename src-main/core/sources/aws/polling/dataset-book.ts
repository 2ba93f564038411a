/**
 * Each dataset's state as this session last learnt it (the Datasets panel and every view's banner):
 * loading until its first read, fresh after a good poll, stale or in error after a failed one or
 * while credentials are missing. Reported with its age and secrets removed by dataset-statuses.ts.
 */
import type { DatasetStatus, DatasetStatuses } from '../../../contract/model';
import { awsCallHint, NETWORK_CODES, type AwsCallError } from '../aws-errors';
import { AWS_DATASETS, type AwsDataset } from '../poll-plan';
import { failedStatus, failureProblem, reportedStatuses, type SessionPlace } from './dataset-statuses';

type DatasetError = NonNullable<DatasetStatus['error']>;

export class DatasetBook {
  private readonly datasets: DatasetStatuses = {};

  constructor(private readonly place: () => SessionPlace) {
    this.reset();
  }

  /** Nothing read yet: a new session, or one that now answers for another account. */
  reset(): void {
    for (const dataset of AWS_DATASETS) this.datasets[dataset] = { state: 'loading' };
  }

  /**
   * Without credentials no dataset can load: each says so (with the fix) instead of "loading"
   * forever; data already held stays, marked stale, until a Retry connects again.
   */
  waitOnCredentials(error: DatasetError): void {
    for (const dataset of AWS_DATASETS) {
      const previous = this.datasets[dataset];
      this.datasets[dataset] = previous?.fetchedAt !== undefined ? { state: 'stale', fetchedAt: previous.fetchedAt, error } : { state: 'error', error };
    }
  }

  /**
   * A good poll at `fetchedAt`; `partial`: a secondary call failed (e.g. alarm history): the rest is
   * fresh, the gap is named — the first failure's problem, with every call that failed in `unread`
   * (the window says "partly read: alarm history, metric data could not be read").
   */
  fresh(dataset: AwsDataset, fetchedAt: number, partial: AwsCallError[]): void {
    const first = partial[0];
    const problem = first ? failureProblem(first, this.place()) : undefined;
    const unread = [...new Set(partial.map((e) => e.params.operation))].join(', ');
    this.datasets[dataset] = {
      state: 'ok',
      fetchedAt,
      ...(first && problem ? { error: { code: first.params.awsCode, message: partial.map((e) => e.message).join(' '), ...(awsCallHint(first) ? { hint: awsCallHint(first) } : {}), problem: { ...problem, params: { ...problem.params, unread } } } } : {}),
    };
  }

  /** A failed poll: the status it now has (the caller may word a credential failure in it). */
  failed(dataset: AwsDataset, error: unknown): DatasetStatus {
    const status = failedStatus(this.datasets[dataset], error, failureProblem(error, this.place()));
    this.datasets[dataset] = status;
    return status;
  }

  /** Every dataset's last poll failed for the network's sake (none fresh since). */
  allUnreachable(): boolean {
    return AWS_DATASETS.every((d) => this.datasets[d]?.error && NETWORK_CODES.has(this.datasets[d]!.error!.code) && this.datasets[d]!.state !== 'ok');
  }

  /** Each dataset's status, with `stale` for data older than STALE_AFTER_INTERVALS intervals, secrets removed. */
  report(options: Parameters<typeof reportedStatuses>[1]): DatasetStatuses {
    return reportedStatuses(this.datasets, options);
  }
}
