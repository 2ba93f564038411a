/**
 * A control action is sent at most once unless AWS's answer proves it was not processed (review of
 * AWS mode against moto: a 500 after RebootDBInstance made Flightdeck send it three times and audit
 * it as failed). Throttling errors are retried (the request was refused, not run); a 5xx, a timeout
 * or a reset connection after sending leave the outcome unknown: reported and audited as such, and
 * the resource followed. Reads are still retried.
 * docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html,
 * docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RebootDBInstance.html
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateDBSnapshotCommand, DescribeDBInstancesCommand, RebootDBInstanceCommand, RestoreDBInstanceToPointInTimeCommand } from '@aws-sdk/client-rds';
import { ExecutePolicyCommand, SetDesiredCapacityCommand } from '@aws-sdk/client-auto-scaling';
import { AwsActionBackend } from '@main/core/sources/aws/actions/aws-action-backend';
import { CallGate, type CallRecord } from '@main/core/sources/aws/throttle/call-gate';
import { manualClock } from '@main/core/sources/aws/throttle/time';
import { ActionProtocol } from '@main/core/actions/action-protocol';
import { AuditLog, type AuditRecord } from '@main/core/actions/audit-log';
import type { ActionTarget } from '@main/core/actions/action-executor';
import { ACTION_TYPES, type ActionProgress, type ControlAction } from '@main/core/contract';
import { isSafeToRepeat, outcomeUnknownAfter, provesNotProcessed } from '@main/core/sources/aws/throttle/retry-safety';
import { mockedClients } from '../../../../../helpers/aws-mocks';

const TARGET: ActionTarget = { mode: 'aws', profile: 'prod', accountId: '111122223333', region: 'eu-west-1', sessionKey: 'k' };
const REBOOT: ControlAction = { type: 'RebootDBInstance', dbInstanceIdentifier: 'orders', forceFailover: true };

const awsError = (name: string, status?: number) => Object.assign(new Error(`${name} happened`), { name, $metadata: status === undefined ? {} : { httpStatusCode: status } });
const socketError = (code: string) => Object.assign(new Error(`socket ${code}`), { code });

function setup() {
  const clock = manualClock(Date.UTC(2026, 5, 1));
  const calls: CallRecord[] = [];
  const { clients, stubs } = mockedClients({ region: 'eu-west-1', credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }), endpoints: {}, gate: new CallGate({ clock, random: () => 0.5, observe: (r) => calls.push(r) }) });
  const backend = new AwsActionBackend(clients, clock, undefined, { intervalMs: 15_000, timeoutMs: 600_000 });
  const auditPath = join(mkdtempSync(join(tmpdir(), 'fd-audit-')), 'audit-log.jsonl');
  const readAudit = () => readFileSync(auditPath, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditRecord);
  const progress: ActionProgress[] = [];
  const protocol = new ActionProtocol({ audit: new AuditLog(auditPath), now: () => clock.now(), policy: () => ({ readOnly: false, nonProduction: true }), progress: (p) => progress.push(p) });
  const run = async (action: ControlAction) => protocol.execute((await protocol.prepare(action, backend, TARGET)).nonce, undefined, TARGET.sessionKey);
  return { clock, stubs, calls, backend, protocol, run, readAudit, progress };
}

const available = { DBInstances: [{ DBInstanceIdentifier: 'orders', DBInstanceStatus: 'available', MultiAZ: true, SecondaryAvailabilityZone: 'eu-west-1b' }] };

describe('control actions are sent at most once unless AWS proves it did not run them', () => {
  it('RebootDBInstance answered 500 is sent once, reported and audited as outcome unknown, and followed', async () => {
    const { stubs, run, readAudit, protocol, progress } = setup();
    stubs.rds.on(DescribeDBInstancesCommand).resolves(available);
    stubs.rds.on(RebootDBInstanceCommand).rejects(awsError('InternalFailure', 500));
    const outcome = await run(REBOOT);
    expect(stubs.rds.commandCalls(RebootDBInstanceCommand)).toHaveLength(1);
    expect(outcome).toMatchObject({ accepted: false, outcomeUnknown: true, problem: { params: { awsCode: 'InternalFailure', operation: 'RebootDBInstance' } } });
    expect(outcome.message).toMatch(/outcome unknown/i);
    await protocol.settled();
    const records = readAudit();
    expect(records.map((r) => r.result)).toEqual(['intent', 'outcome-unknown', 'settled']);
    expect(records[1]!.text).toMatchObject({ code: 'outcomeUnknown', params: { error: expect.stringContaining('InternalFailure') } });
    // Followed as an accepted action is: the operator sees what the instance did.
    expect(progress.map((p) => p.phase)).toEqual(['started', 'settled']);
  });

  it.each([
    ['a 503', () => awsError('ServiceUnavailable', 503)],
    ['a reset connection', () => socketError('ECONNRESET')],
    ['a request timeout', () => Object.assign(new Error('a request has exceeded the configured 20000 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT' })],
  ])('RebootDBInstance after %s is not sent again', async (_label, make) => {
    const { stubs, run } = setup();
    stubs.rds.on(DescribeDBInstancesCommand).resolves(available);
    stubs.rds.on(RebootDBInstanceCommand).rejects(make());
    const outcome = await run(REBOOT);
    expect(stubs.rds.commandCalls(RebootDBInstanceCommand)).toHaveLength(1);
    expect(outcome).toMatchObject({ accepted: false, outcomeUnknown: true });
  });

  it('retries RebootDBInstance after throttling (the request was refused, not run), and after a refused connection', async () => {
    const { stubs, run, calls } = setup();
    stubs.rds.on(DescribeDBInstancesCommand).resolves(available);
    stubs.rds.on(RebootDBInstanceCommand).rejectsOnce(awsError('Throttling', 400)).rejectsOnce(socketError('ECONNREFUSED')).resolves({ DBInstance: { DBInstanceStatus: 'rebooting' } });
    const outcome = await run(REBOOT);
    expect(outcome).toMatchObject({ accepted: true });
    expect(stubs.rds.commandCalls(RebootDBInstanceCommand)).toHaveLength(3);
    expect(calls.filter((c) => c.operation === 'RebootDBInstance').map((c) => c.outcome)).toEqual(['retry', 'retry', 'ok']);
  });

  it('ExecutePolicy on a step policy answered 500 is sent once (moto answers 500 to it)', async () => {
    const { stubs, backend } = setup();
    stubs.autoscaling.on(ExecutePolicyCommand).rejects(awsError('InternalFailure', 500));
    await expect(backend.execute({ type: 'ExecutePolicy', autoScalingGroupName: 'web', policyName: 'step-out', metricValue: 80 })).rejects.toMatchObject({ params: { outcome: 'unknown' } });
    expect(stubs.autoscaling.commandCalls(ExecutePolicyCommand)).toHaveLength(1);
  });

  it('CreateDBSnapshot answered 500 is sent once (a second would answer DBSnapshotAlreadyExists and hide the first)', async () => {
    const { stubs, backend } = setup();
    stubs.rds.on(CreateDBSnapshotCommand).rejects(awsError('InternalFailure', 500));
    await expect(backend.execute({ type: 'CreateDBSnapshot', dbInstanceIdentifier: 'orders', dbSnapshotIdentifier: 'before-change' })).rejects.toMatchObject({ params: { outcome: 'unknown' } });
    expect(stubs.rds.commandCalls(CreateDBSnapshotCommand)).toHaveLength(1);
  });

  it('RestoreDBInstanceToPointInTime answered 500 is sent once; following it says when the new instance does not exist', async () => {
    const { stubs, backend, run, protocol, readAudit } = setup();
    stubs.rds.on(DescribeDBInstancesCommand).callsFake((input: { DBInstanceIdentifier?: string }) => {
      if (input.DBInstanceIdentifier === 'orders') return { DBInstances: [{ DBInstanceIdentifier: 'orders', DBInstanceStatus: 'available', BackupRetentionPeriod: 7, LatestRestorableTime: new Date(Date.UTC(2026, 5, 1) - 60_000) }] };
      throw Object.assign(new Error('DBInstance orders-restored not found.'), { name: 'DBInstanceNotFoundFault', $metadata: { httpStatusCode: 404 } });
    });
    stubs.rds.on(RestoreDBInstanceToPointInTimeCommand).rejects(awsError('InternalFailure', 500));
    const action: ControlAction = { type: 'RestoreDBInstanceToPointInTime', sourceDBInstanceIdentifier: 'orders', targetDBInstanceIdentifier: 'orders-restored', useLatestRestorableTime: true };
    const outcome = await run(action);
    expect(stubs.rds.commandCalls(RestoreDBInstanceToPointInTimeCommand)).toHaveLength(1);
    expect(outcome).toMatchObject({ accepted: false, outcomeUnknown: true });
    await protocol.settled();
    expect(readAudit().map((r) => r.result)).toEqual(['intent', 'outcome-unknown', 'failed']);
    expect(await backend.follow(action, () => undefined)).toEqual({ outcome: 'failed', status: 'not-found', message: 'orders-restored does not exist: the restore did not create it.' });
  });

  it('retries SetDesiredCapacity after a 500: setting an absolute capacity twice is the same as once', async () => {
    const { stubs, backend } = setup();
    stubs.autoscaling.on(SetDesiredCapacityCommand).rejectsOnce(awsError('InternalFailure', 500)).resolves({});
    await backend.execute({ type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 3 });
    expect(stubs.autoscaling.commandCalls(SetDesiredCapacityCommand)).toHaveLength(2);
  });

  it('SetDesiredCapacity still answered 500 after its retries: its outcome is unknown too (an attempt may have set it)', async () => {
    const { stubs, backend } = setup();
    stubs.autoscaling.on(SetDesiredCapacityCommand).rejects(awsError('InternalFailure', 500));
    await expect(backend.execute({ type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 3 })).rejects.toMatchObject({ params: { outcome: 'unknown' } });
    expect(stubs.autoscaling.commandCalls(SetDesiredCapacityCommand)).toHaveLength(3);
  });

  it('still retries reads after a 500, and a read that keeps failing is just an error', async () => {
    const { stubs, backend } = setup();
    stubs.rds.on(DescribeDBInstancesCommand).rejectsOnce(awsError('InternalFailure', 500)).rejectsOnce(awsError('InternalFailure', 500)).resolves(available);
    const preflight = await backend.preflight(REBOOT);
    expect(preflight.checks.every((c) => c.status === 'pass')).toBe(true);
    expect(stubs.rds.commandCalls(DescribeDBInstancesCommand)).toHaveLength(3);
    stubs.rds.on(DescribeDBInstancesCommand).rejects(awsError('InternalFailure', 500));
    const failed = await backend.preflight(REBOOT).catch((error: unknown) => error);
    expect(failed).toMatchObject({ params: { kind: 'transient' } });
    expect((failed as { params: Record<string, unknown> }).params.outcome).toBeUndefined();
  });

  it('a write refused by AWS (a 4xx error) is still a failure, audited as failed', async () => {
    const { stubs, run, readAudit } = setup();
    stubs.rds.on(DescribeDBInstancesCommand).resolves(available);
    stubs.rds.on(RebootDBInstanceCommand).rejects(awsError('InvalidDBInstanceState', 400));
    const outcome = await run(REBOOT);
    expect(outcome.accepted).toBe(false);
    expect(outcome.outcomeUnknown).toBeUndefined();
    expect(readAudit().map((r) => r.result)).toEqual(['intent', 'failed']);
  });
});

describe('which failed calls may be sent again (retry-safety.ts)', () => {
  it('every control action but SetDesiredCapacity is at most once; reads are repeatable', () => {
    expect(ACTION_TYPES.filter((type) => isSafeToRepeat(type))).toEqual(['SetDesiredCapacity']);
    for (const read of ['DescribeDBInstances', 'GetMetricData', 'ListResourceRecordSets', 'TestDNSAnswer']) expect(isSafeToRepeat(read)).toBe(true);
    // A write Flightdeck does not know yet is treated as unsafe to repeat.
    expect(isSafeToRepeat('ModifyDBInstance')).toBe(false);
  });

  it('only throttling and a connection never made prove a request was not carried out', () => {
    expect(provesNotProcessed(awsError('ThrottlingException', 400))).toBe(true);
    expect(provesNotProcessed(awsError('Whatever', 429))).toBe(true);
    expect(provesNotProcessed(socketError('ECONNREFUSED'))).toBe(true);
    expect(provesNotProcessed(Object.assign(new Error('fetch failed'), { cause: socketError('ENOTFOUND') }))).toBe(true);
    expect(provesNotProcessed(Object.assign(new Error('the request socket did not establish a connection with the server within the configured timeout of 5000 ms.'), { name: 'TimeoutError' }))).toBe(true);
    expect(provesNotProcessed(awsError('InternalFailure', 500))).toBe(false);
    expect(provesNotProcessed(socketError('ECONNRESET'))).toBe(false);
    expect(provesNotProcessed(socketError('EPIPE'))).toBe(false);
    expect(provesNotProcessed(Object.assign(new Error('a request has exceeded the configured 20000 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT' }))).toBe(false);
    expect(outcomeUnknownAfter(awsError('InternalFailure', 500))).toBe(true);
    expect(outcomeUnknownAfter(awsError('InvalidDBInstanceState', 400))).toBe(false);
    expect(outcomeUnknownAfter(awsError('Throttling', 400))).toBe(false);
  });
});
