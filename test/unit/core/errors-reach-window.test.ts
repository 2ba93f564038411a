/**
 * Issue 9 item 7: one error type. Whatever core refuses reaches the window as a contract code it
 * can act on — never `Internal` — with the English message for logs and the CLI. These were plain
 * Errors (or AWS errors the host did not know) before, and crossed as `Internal`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { FlightdeckCore } from '@main/core/core-host';
import { AuditLog } from '@main/core/actions/audit-log';
import { SessionManager } from '@main/core/session/session-manager';
import { HealthThresholdStore } from '@main/core/settings/health-thresholds-store';
import { DEFAULT_HEALTH_THRESHOLDS } from '@main/core/contract';
import { mockedSource } from '../../helpers/aws-mocks';
import { shopCore } from '../../helpers/core';

const dir = mkdtempSync(join(tmpdir(), 'flightdeck-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function awsCore() {
  const mocked = mockedSource();
  mocked.stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/Ops/jane', UserId: 'AROA:jane' });
  const core = new FlightdeckCore(new SessionManager(mocked.source, { audit: new AuditLog(join(dir, `audit-${Math.random().toString(36).slice(2)}.jsonl`)) }));
  return { core, ...mocked };
}

describe('errors reach the window with a code, not Internal (issue 9 item 7)', () => {
  it('a DNS trace before the AWS session is connected: NotConnected', async () => {
    const { core, source } = awsCore();
    const result = await core.handle('dns.trace', { name: 'shop.example.com', type: 'A', from: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'NotConnected', message: expect.stringContaining('Not connected to AWS') } });
    source.stop();
  });

  it('a DNS trace of a name in no hosted zone of the account: InvalidRequest naming it', async () => {
    const { core, source } = awsCore();
    await source.connect();
    const result = await core.handle('dns.trace', { name: 'nowhere.example.org', type: 'A', from: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidRequest', message: 'nowhere.example.org. is not in any public hosted zone of this account.' } });
    source.stop();
  });

  it('a pre-flight whose AWS call is denied: AwsCallFailed with the missing permission', async () => {
    const { core, source, stubs } = awsCore();
    await source.connect();
    stubs.rds.on(DescribeDBInstancesCommand).rejects(Object.assign(new Error('User: jane is not authorized to perform: rds:DescribeDBInstances'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    const result = await core.handle('action.prepare', { action: { type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'AwsCallFailed', message: expect.stringContaining('missing rds:DescribeDBInstances') } });
    source.stop();
  });

  it('SSO sign-in on a profile that is not an SSO profile: NotSupported', async () => {
    const { core, source } = awsCore();
    const result = await core.handle('session.ssoLogin', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NotSupported', message: expect.stringContaining('is not an IAM Identity Center (SSO) profile') } });
    source.stop();
  });

  it('health thresholds that cannot be saved: StorageUnavailable, and the old ones stay in force', async () => {
    const blocked = join(dir, 'thresholds-blocked');
    writeFileSync(blocked, 'a file where the config directory should be');
    const { source } = shopCore();
    const core = new FlightdeckCore(new SessionManager(source, { healthThresholds: new HealthThresholdStore(blocked) }));
    const result = await core.handle('health.thresholds.set', { thresholds: { ...DEFAULT_HEALTH_THRESHOLDS, replicaLagSeconds: 60 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'StorageUnavailable', message: expect.stringContaining('could not be saved') } });
    expect(await core.handle('health.thresholds.get', {})).toMatchObject({ ok: true, value: { replicaLagSeconds: DEFAULT_HEALTH_THRESHOLDS.replicaLagSeconds } });
  });

  it('an audit log that cannot be read (a directory in its place): StorageUnavailable', async () => {
    const path = join(dir, 'audit-as-directory.jsonl');
    mkdirSync(path);
    const { source } = shopCore();
    const core = new FlightdeckCore(new SessionManager(source, { audit: new AuditLog(path) }));
    const result = await core.handle('audit.list', { limit: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'StorageUnavailable', message: expect.stringContaining('cannot be read (EISDIR)') } });
  });
});
