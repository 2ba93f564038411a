/**
 * The core in AWS mode against moto_server: switching profiles and regions without stale data,
 * promoting a replica through the two-step protocol (with the audit log), GetMetricData batching
 * at scale, and — over everything the core emits — that no credential value ever leaves main.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlightdeckCore } from '@main/core/core-host';
import { createSessionManager, AUDIT_LOG_FILE } from '@main/core/session/create-session-manager';
import type { AwsSource } from '@main/core/sources/aws/aws-source';
import { createAwsClients } from '@main/core/sources/aws/clients';
import { MetricPoller } from '@main/core/sources/aws/metrics/metric-poller';
import { CallGate } from '@main/core/sources/aws/throttle/call-gate';
import type { Clock } from '@main/core/sources/aws/throttle/time';
import { isExtendedStat, lambdaFunctionMetrics } from '@main/core/metric-catalog';
import type { ActionProgress, PreparedAction } from '@main/core/contract';
import { shopCore } from '../../helpers/core';
import { createTopology, sdkConfig } from '../../helpers/aws-topology';
import { FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN, startMoto, writeMotoProfiles, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';

const moto = motoSuite('session-actions.moto.test.ts');

const instantWaits: Clock = { now: () => Date.now(), sleep: async () => undefined };

describe.runIf(moto.available)('the core in AWS mode against moto_server', () => {
  let server: MotoServer;
  let profiles: ReturnType<typeof writeMotoProfiles>;

  beforeAll(async () => {
    server = await startMoto();
    profiles = writeMotoProfiles(server.endpoint);
  }, 180_000);
  afterAll(async () => server?.stop(), 120_000);
  beforeEach(async () => {
    await server.reset();
    await createTopology({ endpoint: server.directEndpoint });
    // Generous on a loaded 2-core machine: a 10 s default timed out mid-topology.
  }, 120_000);

  function awsCore() {
    const configDirectory = mkdtempSync(join(tmpdir(), 'flightdeck-config-'));
    const { source } = shopCore();
    // Polling loops (30 s+ intervals) wait until the source stops; shorter waits — backoff and
    // following an action every second — pass instantly in virtual time.
    let offset = 0;
    const clock: Clock = {
      now: () => Date.now() + offset,
      sleep: async (ms, signal) => {
        if (ms >= 10_000) return untilAborted(signal);
        offset += ms;
      },
    };
    const sessions = createSessionManager({ initial: source, configDirectory, env: profiles.env, aws: { clock, follow: { intervalMs: 1000, timeoutMs: 5000 } } });
    const core = new FlightdeckCore(sessions);
    const events: { channel: string; payload: unknown }[] = [];
    core.subscribe((channel, payload) => events.push({ channel, payload }));
    return { core, sessions, events, configDirectory };
  }

  it('switches profile and region at runtime: new clients, and nothing of the old identity after the switch', async () => {
    const { core, sessions, events } = awsCore();
    const first = await core.handle('session.switch', { mode: 'aws', profile: 'moto' });
    expect(first).toMatchObject({ ok: true, value: { mode: 'aws', profile: 'moto', region: 'us-east-1' } });
    await (sessions.active as AwsSource).ready;
    const east = await core.handle('snapshot.get', {});
    expect(east.ok && (east.value as { inventory: { loadBalancers: unknown[] } }).inventory.loadBalancers).toHaveLength(1);

    // Switch again while the new source is still connecting: its results must never surface.
    await core.handle('session.switch', { mode: 'aws', profile: 'moto' });
    const racing = sessions.active as AwsSource;
    const mark = events.length;
    await core.handle('session.switch', { mode: 'aws', profile: 'moto', region: 'eu-west-1' });
    await racing.ready;
    await (sessions.active as AwsSource).ready;
    // The audit log records where the operator switched from (us-east-1) on purpose; no data does.
    const after = JSON.stringify(events.slice(mark).filter((e) => e.channel !== 'audit.appended'));
    expect(after).not.toContain('us-east-1');
    const eu = await core.handle('snapshot.get', {});
    expect(eu).toMatchObject({ ok: true, value: { session: { region: 'eu-west-1', credentialState: 'connected' }, inventory: { loadBalancers: [], dbInstances: [] } } });
    core.stop();
  });

  // moto 5.2.1 promotes instantly and only in part: the instance keeps ReadReplicaSourceDBInstanceIdentifier
  // and the source keeps listing it, so the follower (which waits for a standalone, available
  // instance) times out here; the settled path is covered with aws-sdk-client-mock in
  // test/unit/core/sources/aws/actions/aws-action-backend.test.ts.
  it('promotes a read replica through prepare → typed confirmation → execute, audits it and follows it', async () => {
    const { core, sessions, events, configDirectory } = awsCore();
    await core.handle('session.switch', { mode: 'aws', profile: 'moto' });
    await (sessions.active as AwsSource).ready;
    const action = { type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1', backupRetentionPeriod: 3 } as const;

    const prepared = await core.handle('action.prepare', { action });
    expect(prepared.ok).toBe(true);
    const plan = (prepared as { value: PreparedAction }).value;
    expect(plan.allowed).toBe(true);
    expect(plan.typedConfirmation).toBe('orders-r1');
    // Any lag above 0 s warns: writes not yet applied are lost at promotion (docs/rules.md).
    // The backup-window warning depends on the wall clock (moto's PreferredBackupWindow): never a failure here.
    expect(plan.checks.find((c) => c.code.startsWith('not-backing-up.'))!.status).not.toBe('fail');
    expect(plan.checks.filter((c) => !c.code.startsWith('not-backing-up.')).map((c) => [c.code, c.status])).toEqual([
      ['is-replica.yes', 'pass'],
      ['status-available.ok', 'pass'],
      ['replica-lag.behind', 'warn'],
      ['backup-retention.kept', 'pass'],
    ]);
    expect(plan.checks.find((c) => c.code === 'replica-lag.behind')!.params).toMatchObject({ seconds: 4, source: 'orders' });

    // A wrong confirmation is refused and spends the nonce.
    const wrong = await core.handle('action.execute', { nonce: plan.nonce, confirmation: 'orders' });
    expect(wrong).toMatchObject({ ok: true, value: { accepted: false } });
    expect(await core.handle('action.execute', { nonce: plan.nonce, confirmation: 'orders-r1' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });

    const again = (await core.handle('action.prepare', { action })) as { value: PreparedAction };
    const done = await core.handle('action.execute', { nonce: again.value.nonce, confirmation: 'orders-r1' });
    expect(done).toMatchObject({ ok: true, value: { accepted: true } });
    await sessions.actions!.settled();

    const progress = events.filter((e) => e.channel === 'action.progress').map((e) => e.payload as ActionProgress);
    expect(progress.map((p) => p.phase)).toEqual(['started', 'progress', 'timed-out']);
    expect(progress[1]!.message).toBe('orders-r1 is available (still a replica).');
    expect(server.count('PromoteReadReplica')).toBe(1);
    const rds = new RDSClient(sdkConfig(server.directEndpoint));
    const promoted = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-r1' }))).DBInstances![0]!;
    expect(promoted.BackupRetentionPeriod).toBe(3);
    expect(promoted.DBInstanceStatus).toBe('available');
    rds.destroy();

    const audit = readFileSync(join(configDirectory, AUDIT_LOG_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    // Write-ahead: the intent before the call, the outcomes after (session switches are audited too).
    const actions = audit.filter((r) => r.kind === 'action');
    expect(actions.map((r) => r.result)).toEqual(['refused', 'intent', 'accepted', 'timed-out']);
    expect(actions[1]).toMatchObject({ profile: 'moto', accountId: '123456789012', region: 'us-east-1', action: 'PromoteReadReplica', target: 'orders-r1', parameters: { dbInstanceIdentifier: 'orders-r1', backupRetentionPeriod: 3 } });
    core.stop();
  });

  it('refuses every action on a profile marked read-only, even one prepared before the flag was set', async () => {
    const { core, sessions, configDirectory } = awsCore();
    await core.handle('session.switch', { mode: 'aws', profile: 'moto' });
    await (sessions.active as AwsSource).ready;
    const action = { type: 'SetDesiredCapacity', autoScalingGroupName: 'web-asg', desiredCapacity: 3 } as const;
    const early = (await core.handle('action.prepare', { action })) as { value: PreparedAction };
    expect(early.value.allowed).toBe(true);
    await core.handle('settings.update', { profile: 'moto', readOnly: true });
    expect((await core.handle('session.get', {})) as { value: { readOnly: boolean } }).toMatchObject({ value: { readOnly: true } });
    const refused = await core.handle('action.execute', { nonce: early.value.nonce, confirmation: 'web-asg' });
    expect(refused).toMatchObject({ ok: true, value: { accepted: false, message: expect.stringContaining('read-only') } });
    const late = (await core.handle('action.prepare', { action })) as { value: PreparedAction };
    expect(late.value.allowed).toBe(false);
    expect(late.value.checks[0]).toMatchObject({ code: 'profile-writable.read-only', status: 'fail' });
    const audit = readFileSync(join(configDirectory, AUDIT_LOG_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit.filter((r) => r.kind === 'action').map((r) => r.result)).toEqual(['refused']);
    expect(audit.filter((r) => r.kind === 'settings').map((r) => r.result)).toEqual(['intent', 'applied']);
    core.stop();
  });

  it('sets desired capacity (non-production profile: no typed identifier) and follows the group until it settles', async () => {
    const { core, sessions, events } = awsCore();
    // Marking a profile non-production loosens it: the typed-name confirmation (issue 10).
    const loosen = (await core.handle('settings.protection.prepare', { profile: 'moto', nonProduction: true })) as { value: { nonce: string } };
    expect(await core.handle('settings.protection.execute', { nonce: loosen.value.nonce, confirmation: 'moto' })).toMatchObject({ ok: true });
    await core.handle('session.switch', { mode: 'aws', profile: 'moto' });
    await (sessions.active as AwsSource).ready;
    const prepared = (await core.handle('action.prepare', { action: { type: 'SetDesiredCapacity', autoScalingGroupName: 'web-asg', desiredCapacity: 4 } })) as { value: PreparedAction };
    expect(prepared.value.typedConfirmation).toBeUndefined();
    expect(prepared.value.summary).toEqual({ code: 'set-capacity', params: { group: 'web-asg', from: 2, to: 4 } });
    expect(await core.handle('action.execute', { nonce: prepared.value.nonce })).toMatchObject({ ok: true, value: { accepted: true } });
    await sessions.actions!.settled();
    const last = events.filter((e) => e.channel === 'action.progress').at(-1)!.payload as ActionProgress;
    expect(last).toMatchObject({ phase: 'settled', status: '4/4 InService' });
    core.stop();
  });

  it('batches GetMetricData: 600 series → 2 calls (500 queries per call at most)', async () => {
    const gate = new CallGate({ clock: instantWaits });
    const clients = createAwsClients({ region: 'us-east-1', credentials: async () => ({ accessKeyId: 'AKIAX', secretAccessKey: 'x' }), endpoints: { cloudwatch: server.endpoint }, gate });
    const poller = new MetricPoller(clients.cloudwatch);
    // Ten standard-statistic series per function (percentiles go in calls of their own).
    const keys = Array.from({ length: 60 }, (_, i) => lambdaFunctionMetrics(`fn-${i}`).filter((k) => !isExtendedStat(k.stat))).flat();
    expect(keys).toHaveLength(600);
    server.clearCounts();
    await poller.poll(keys, Date.now());
    expect(server.count('monitoring.GetMetricData')).toBe(2);
    expect(server.calls.map((c) => (JSON.parse(c.body!) as { MetricDataQueries: unknown[] }).MetricDataQueries.length).sort()).toEqual([100, 500]);
    clients.cloudwatch.destroy();
  });

  it('never lets a credential value reach the renderer, the logs, crash output or the audit log', async () => {
    // Everything the process prints while it works, failures included.
    const printed: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
    const consoles = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))));
    const streams = [capture(process.stdout), capture(process.stderr)];
    const { core, sessions, events, configDirectory } = awsCore();
    const responses: unknown[] = [];
    const call = async (channel: string, payload: unknown) => responses.push(await core.handle(channel, payload));
    await call('profiles.list', {});
    await call('session.switch', { mode: 'aws', profile: 'moto' });
    await (sessions.active as AwsSource).ready;
    await call('session.get', {});
    await call('snapshot.get', {});
    await call('settings.get', {});
    await call('dns.trace', { name: 'www.example.com', type: 'A' });
    await call('session.retry', {});
    await (sessions.active as AwsSource).ready;
    const prepared = await core.handle('action.prepare', { action: { type: 'RebootDBInstance', dbInstanceIdentifier: 'orders', forceFailover: true } });
    responses.push(prepared);
    await call('action.execute', { nonce: (prepared as { value: PreparedAction }).value.nonce, confirmation: 'orders' });
    await sessions.actions!.settled();
    await call('snapshot.get', {});
    // Failure paths: a refused action, an unknown profile, an AWS error answered as a typed error.
    await call('action.execute', { nonce: 'not-a-nonce' });
    await call('session.switch', { mode: 'aws', profile: 'no-such-profile' });
    await call('session.switch', { mode: 'aws', profile: 'moto' });
    await (sessions.active as AwsSource).ready;
    await call('action.prepare', { action: { type: 'PromoteReadReplica', dbInstanceIdentifier: 'does-not-exist' } });
    for (const spy of [...consoles, ...streams]) spy.mockRestore();

    const everything = JSON.stringify({ events, responses, printed });
    expect(events.some((e) => e.channel === 'update')).toBe(true);
    expect(everything).toContain('123456789012');
    expect(responses.some((r) => !(r as { ok: boolean }).ok)).toBe(true);
    for (const secret of [FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN]) {
      expect(everything).not.toContain(secret);
      expect(readFileSync(join(configDirectory, AUDIT_LOG_FILE), 'utf8')).not.toContain(secret);
    }
    core.stop();
  });
});

function untilAborted(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (!signal || signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
