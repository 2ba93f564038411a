/** Each dataset's state in an AWS session: fresh, stale with its age kept, in error, or waiting on credentials. */
import { describe, expect, it } from 'vitest';
import { DatasetBook } from '@main/core/sources/aws/polling/dataset-book';
import type { SessionPlace } from '@main/core/sources/aws/polling/dataset-statuses';
import { awsCallError } from '@main/core/sources/aws/aws-errors';
import { AWS_DATASETS, DEFAULT_POLL_INTERVALS_MS } from '@main/core/sources/aws/poll-plan';

const place: SessionPlace = {
  files: { paths: { configFile: '/nonexistent/config', credentialsFile: '/nonexistent/credentials' }, config: new Map(), credentials: new Map() },
  configProfile: 'dev',
  env: {},
  region: 'eu-west-1',
  profile: 'dev',
  kind: 'static',
};
const report = (book: DatasetBook, now = 1_000) => book.report({ now, intervals: DEFAULT_POLL_INTERVALS_MS, secrets: [] });
const refused = () => awsCallError('transient', 'ECONNREFUSED', 'connect ECONNREFUSED', 'elbv2', 'DescribeLoadBalancers');

describe('DatasetBook', () => {
  it('starts loading; a good poll is ok, naming a secondary call that failed', () => {
    const book = new DatasetBook(() => place);
    expect(report(book).rds).toMatchObject({ state: 'loading' });
    book.fresh('cloudwatch', 1_000, [awsCallError('access-denied', 'AccessDenied', 'not allowed', 'cloudwatch', 'DescribeAlarmHistory')]);
    const status = report(book).cloudwatch!;
    expect(status.state).toBe('ok');
    expect(status.error).toMatchObject({ code: 'AccessDenied', problem: { code: 'service.accessDenied' } });
  });

  it('names every secondary call that failed, not only the first (the window lists what could not be read)', () => {
    const book = new DatasetBook(() => place);
    const failed = (operation: string) => awsCallError('transient', 'InternalError', `${operation}: HTTP 500`, 'cloudwatch', operation);
    book.fresh('cloudwatch', 1_000, [failed('DescribeAlarmHistory'), failed('GetMetricData'), failed('GetMetricData')]);
    expect(report(book).cloudwatch!.error!.problem!.params.unread).toBe('DescribeAlarmHistory, GetMetricData');
  });

  it('a failure keeps the data held as stale with its age; without data the dataset is in error', () => {
    const book = new DatasetBook(() => place);
    book.fresh('elbv2', 500, []);
    book.failed('elbv2', refused());
    book.failed('rds', refused());
    expect(report(book).elbv2).toMatchObject({ state: 'stale', fetchedAt: 500, error: { code: 'ECONNREFUSED' } });
    expect(report(book).rds).toMatchObject({ state: 'error', error: { code: 'ECONNREFUSED' } });
  });

  it('is unreachable only when every dataset last failed for the network', () => {
    const book = new DatasetBook(() => place);
    for (const dataset of AWS_DATASETS.slice(1)) book.failed(dataset, refused());
    expect(book.allUnreachable()).toBe(false);
    book.failed(AWS_DATASETS[0]!, refused());
    expect(book.allUnreachable()).toBe(true);
  });

  it('waiting on credentials: each dataset says why; held data stays stale; reset forgets it all', () => {
    const book = new DatasetBook(() => place);
    book.fresh('route53', 700, []);
    book.waitOnCredentials({ code: 'expired', message: 'The SSO session has expired.' });
    expect(report(book).route53).toMatchObject({ state: 'stale', fetchedAt: 700, error: { code: 'expired' } });
    expect(report(book).lambda).toMatchObject({ state: 'error', error: { code: 'expired' } });
    book.reset();
    for (const dataset of AWS_DATASETS) expect(report(book)[dataset]).toEqual({ state: 'loading', intervalMs: expect.any(Number), staleAfterMs: expect.any(Number) });
  });
});
