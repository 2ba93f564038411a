/**
 * How often each dataset is refreshed. Chosen so that one refresh of a mid-sized account (tens of
 * load balancers, groups, zones, instances, functions) stays well inside each service's request
 * budget (throttle/api-rates.ts) while the views stay about as fresh as CloudWatch's one-minute
 * periods: describing more often would mostly re-read unchanged configuration.
 */
import type { Service } from '../../contract/model';

export type AwsDataset = Exclude<Service, 'simulator'>;

export const AWS_DATASETS: readonly AwsDataset[] = ['elbv2', 'autoscaling', 'route53', 'rds', 'lambda', 'cloudwatch'];

export const DEFAULT_POLL_INTERVALS_MS: Record<AwsDataset, number> = {
  elbv2: 30_000,
  autoscaling: 30_000,
  rds: 60_000,
  route53: 60_000,
  lambda: 120_000,
  // Alarms, alarm history and the metrics: CloudWatch publishes one-minute periods.
  cloudwatch: 60_000,
};

/** A dataset older than this many intervals is shown as stale even if its last poll succeeded. */
export const STALE_AFTER_INTERVALS = 3;

/**
 * Settings that rarely change — listeners and rules, scaling policies and scheduled actions,
 * reserved concurrency, name servers — are re-read at most this often (our
 * choice: a change made in the console shows within five minutes). Settings of a resource seen for
 * the first time are read at once, and a dataset's settings are read again as soon as a control
 * action on it settles. Public zones' name servers (GetHostedZone) follow the same cadence.
 */
export const SETTINGS_INTERVAL_MS = 300_000;

/** The dataset a control action changes: refreshed (settings included) when the action settles. */
export const ACTION_DATASET = {
  SetDesiredCapacity: 'autoscaling',
  ExecutePolicy: 'autoscaling',
  RebootDBInstance: 'rds',
  PromoteReadReplica: 'rds',
  CreateDBSnapshot: 'rds',
  RestoreDBInstanceToPointInTime: 'rds',
} as const satisfies Record<string, AwsDataset>;
