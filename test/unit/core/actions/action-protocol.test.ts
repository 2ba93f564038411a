import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionProtocol, NONCE_TTL_MS } from '@main/core/actions/action-protocol';
import { CoreError } from '@main/core/core-error';
import { awsCallError } from '@main/core/sources/aws/aws-errors';
import { AuditLog, redactSecrets, type AuditRecord } from '@main/core/actions/audit-log';
import { MAX_PENDING_NONCES } from '@main/core/actions/action-protocol';
import type { ActionBackend, ActionTarget, Preflight } from '@main/core/actions/action-executor';
import type { ActionProgress, ControlAction } from '@main/core/contract';

const TARGET: ActionTarget = { mode: 'aws', profile: 'prod', accountId: '111122223333', region: 'eu-west-1', sessionKey: 'aws|prod|eu-west-1|111122223333' };
const PROMOTE: ControlAction = { type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' };

function setup(options: { readOnly?: boolean; nonProduction?: boolean; checks?: Preflight['checks']; executeError?: Error; writeLine?: (path: string, line: string) => void } = {}) {
  let now = Date.UTC(2026, 5, 1);
  const policy = { readOnly: options.readOnly ?? false, nonProduction: options.nonProduction ?? false };
  const executed: ControlAction[] = [];
  const auditPath = join(mkdtempSync(join(tmpdir(), 'fd-audit-')), 'audit-log.jsonl');
  const readAudit = () => readFileSync(auditPath, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditRecord);
  const backend: ActionBackend = {
    preflight: async () => ({ summary: { code: 'promote', params: { id: 'orders-r1' } }, checks: options.checks ?? [{ code: 'is-replica.yes', status: 'pass', params: { source: 'orders' } }], consequences: [{ code: 'promote.stops-replicating', params: { id: 'orders-r1', source: 'orders' } }] }),
    execute: async (action) => {
      // Write-ahead: when the backend is called, the intent record is already on disk.
      expect(readAuditSafe().map((r) => [r.result, r.nonce])).toEqual([['intent', expect.stringMatching(/^nonce-/)]]);
      if (options.executeError) throw options.executeError;
      executed.push(action);
      return 'accepted by AWS';
    },
    follow: async (_action, report) => {
      report({ status: 'modifying', message: 'orders-r1 is modifying' });
      return { outcome: 'settled', status: 'available', message: 'orders-r1 is standalone' };
    },
  };
  const readAuditSafe = () => {
    try {
      return readAudit();
    } catch {
      return [];
    }
  };
  const progress: ActionProgress[] = [];
  let nonces = 0;
  const protocol = new ActionProtocol({ audit: new AuditLog(auditPath, options.writeLine ? { writeLine: options.writeLine } : {}), now: () => now, nonce: () => `nonce-${++nonces}`, policy: () => policy, progress: (p) => progress.push(p) });
  return { protocol, backend, executed, readAudit, progress, policy, advance: (ms: number) => (now += ms) };
}

describe('the two-step action protocol', () => {
  it('prepares with checks, consequences, a 2-minute nonce and the typed identifier required', async () => {
    const { protocol, backend } = setup();
    const prepared = await protocol.prepare(PROMOTE, backend, TARGET);
    expect(prepared).toEqual({
      nonce: 'nonce-1',
      action: PROMOTE,
      summary: { code: 'promote', params: { id: 'orders-r1' } },
      checks: [{ code: 'is-replica.yes', status: 'pass', params: { source: 'orders' } }],
      consequences: [{ code: 'promote.stops-replicating', params: { id: 'orders-r1', source: 'orders' } }],
      allowed: true,
      typedConfirmation: 'orders-r1',
      expiresAt: new Date(Date.UTC(2026, 5, 1) + NONCE_TTL_MS).toISOString(),
    });
  });

  it('executes once with the right confirmation, writes the intent before and the outcome after, then follows until settled', async () => {
    const { protocol, backend, executed, readAudit, progress } = setup();
    const { nonce } = await protocol.prepare(PROMOTE, backend, TARGET);
    const outcome = await protocol.execute(nonce, 'orders-r1', TARGET.sessionKey);
    expect(outcome).toMatchObject({ accepted: true, message: 'accepted by AWS', auditId: expect.stringMatching(/^act-/) });
    expect(readAudit().map((r) => r.result).slice(0, 2)).toEqual(['intent', 'accepted']);
    await protocol.settled();
    expect(executed).toEqual([PROMOTE]);
    expect(progress.map((p) => [p.phase, p.status])).toEqual([
      ['started', undefined],
      ['progress', 'modifying'],
      ['settled', 'available'],
    ]);
    const audit = readAudit();
    expect(audit.map((r) => r.result)).toEqual(['intent', 'accepted', 'settled']);
    expect(new Set(audit.map((r) => r.auditId))).toEqual(new Set([outcome.auditId]));
    expect(audit[0]).toEqual({
      time: '2026-06-01T00:00:00.000Z',
      auditId: outcome.auditId,
      kind: 'action',
      mode: 'aws',
      profile: 'prod',
      accountId: '111122223333',
      region: 'eu-west-1',
      action: 'PromoteReadReplica',
      target: 'orders-r1',
      parameters: { dbInstanceIdentifier: 'orders-r1' },
      nonce,
      result: 'intent',
      message: 'PromoteReadReplica orders-r1',
      text: { code: 'intent', params: {} },
    });
    // The English message is for people reading the file; the window words the code (issue 9).
    expect(audit[1]).toMatchObject({ result: 'accepted', message: 'accepted by AWS', text: { code: 'accepted', params: {} }, nonce });
    expect(audit[2]!.text).toEqual({ code: 'settled', params: { status: expect.any(String) } });
    // Single use.
    await expect(protocol.execute(nonce, 'orders-r1', TARGET.sessionKey)).rejects.toBeInstanceOf(CoreError);
  });

  it('refuses an expired nonce', async () => {
    const { protocol, backend, executed, advance } = setup();
    const { nonce } = await protocol.prepare(PROMOTE, backend, TARGET);
    advance(NONCE_TTL_MS);
    await expect(protocol.execute(nonce, 'orders-r1', TARGET.sessionKey)).rejects.toThrow(/expired or was already used/);
    expect(executed).toEqual([]);
  });

  it('refuses a wrong or missing typed confirmation, and spends the nonce', async () => {
    const { protocol, backend, executed, readAudit } = setup();
    const first = await protocol.prepare(PROMOTE, backend, TARGET);
    expect(await protocol.execute(first.nonce, 'orders-R1', TARGET.sessionKey)).toMatchObject({ accepted: false, message: expect.stringContaining('Type orders-r1 exactly') });
    const second = await protocol.prepare(PROMOTE, backend, TARGET);
    expect(await protocol.execute(second.nonce, undefined, TARGET.sessionKey)).toMatchObject({ accepted: false });
    await expect(protocol.execute(first.nonce, 'orders-r1', TARGET.sessionKey)).rejects.toBeInstanceOf(CoreError);
    expect(executed).toEqual([]);
    expect(readAudit().map((r) => r.result)).toEqual(['refused', 'refused']);
  });

  it('needs no typed identifier on a non-production profile', async () => {
    const { protocol, backend, executed } = setup({ nonProduction: true });
    const prepared = await protocol.prepare(PROMOTE, backend, TARGET);
    expect(prepared.typedConfirmation).toBeUndefined();
    expect(await protocol.execute(prepared.nonce, undefined, TARGET.sessionKey)).toMatchObject({ accepted: true });
    expect(executed).toHaveLength(1);
  });

  it('enforces the read-only flag at prepare and again at execute', async () => {
    const { protocol, backend, executed, policy } = setup();
    const prepared = await protocol.prepare(PROMOTE, backend, TARGET);
    policy.readOnly = true;
    expect(await protocol.execute(prepared.nonce, 'orders-r1', TARGET.sessionKey)).toMatchObject({ accepted: false, message: expect.stringContaining('read-only') });
    const refused = await protocol.prepare(PROMOTE, backend, TARGET);
    expect(refused.allowed).toBe(false);
    expect(refused.checks[0]).toMatchObject({ code: 'profile-writable.read-only', status: 'fail' });
    expect(executed).toEqual([]);
  });

  it('refuses when a pre-flight check failed, or the session changed since prepare', async () => {
    const failing = setup({ checks: [{ code: 'status-available.not', status: 'fail', params: { status: 'backing-up' } }] });
    const p1 = await failing.protocol.prepare(PROMOTE, failing.backend, TARGET);
    expect(p1.allowed).toBe(false);
    expect(await failing.protocol.execute(p1.nonce, 'orders-r1', TARGET.sessionKey)).toMatchObject({ accepted: false, message: expect.stringContaining('pre-flight') });

    const switched = setup();
    const p2 = await switched.protocol.prepare(PROMOTE, switched.backend, TARGET);
    expect(await switched.protocol.execute(p2.nonce, 'orders-r1', 'aws|dev|eu-west-1|999')).toMatchObject({ accepted: false, message: expect.stringContaining('session changed') });
    expect(switched.executed).toEqual([]);
    // The audit record carries the refusal's code, which the Activity view words as the dialog does.
    expect(failing.readAudit().at(-1)!.text).toEqual({ code: 'refused', params: {}, refusal: { code: 'preflight-failed', params: {} } });
    expect(switched.readAudit().at(-1)!.text).toEqual({ code: 'refused', params: {}, refusal: { code: 'session-changed', params: {} } });
  });

  it('audits a failed call and reports it as not accepted', async () => {
    const { protocol, backend, readAudit } = setup({ executeError: new Error('InvalidDBInstanceState: backing-up') });
    const { nonce } = await protocol.prepare(PROMOTE, backend, TARGET);
    expect(await protocol.execute(nonce, 'orders-r1', TARGET.sessionKey)).toMatchObject({ accepted: false, message: 'InvalidDBInstanceState: backing-up' });
    expect(readAudit().map((r) => r.result)).toEqual(['intent', 'failed']);
    expect(readAudit()[1]!.text).toEqual({ code: 'failed', params: { error: 'InvalidDBInstanceState: backing-up' } });
  });

  it('a failed call with a problem code (AWS denied it) carries the code for the window to word (issue 9)', async () => {
    const denied = awsCallError('access-denied', 'AccessDenied', 'User is not authorized to perform: rds:PromoteReadReplica', 'rds', 'PromoteReadReplica', 'rds:PromoteReadReplica');
    const { protocol, backend } = setup({ executeError: denied });
    const { nonce } = await protocol.prepare(PROMOTE, backend, TARGET);
    const outcome = await protocol.execute(nonce, 'orders-r1', TARGET.sessionKey);
    expect(outcome).toMatchObject({ accepted: false, problem: { code: 'awsCall.accessDenied', params: { operation: 'PromoteReadReplica', permission: 'rds:PromoteReadReplica', awsCode: 'AccessDenied' } } });
    expect(outcome.refusal).toBeUndefined();
  });

  it('refuses the action and never calls the backend when the intent cannot be written (full disk)', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const { protocol, backend, executed, progress } = setup({
      writeLine: () => {
        throw full;
      },
    });
    let calls = 0;
    const counted = { ...backend, execute: async (action: ControlAction) => (calls++, backend.execute(action)) };
    const { nonce } = await protocol.prepare(PROMOTE, counted, TARGET);
    const refused = protocol.execute(nonce, 'orders-r1', TARGET.sessionKey);
    await expect(refused).rejects.toMatchObject({ code: 'AuditUnavailable', message: expect.stringContaining('ENOSPC') });
    await expect(refused).rejects.toThrow(/nothing was changed/);
    expect(calls).toBe(0);
    expect(executed).toEqual([]);
    expect(progress).toEqual([]);
  });

  it('still reports an executed action as accepted when only the outcome record fails (the intent is on disk)', async () => {
    let writes = 0;
    const { protocol, backend, executed } = setup({
      writeLine: () => {
        if (++writes > 1) throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
    });
    const backendWithoutDiskCheck = { ...backend, execute: async (action: ControlAction) => (executed.push(action), 'accepted by AWS') };
    const { nonce } = await protocol.prepare(PROMOTE, backendWithoutDiskCheck, TARGET);
    // Saying "failed" here would invite a retry of a promotion that did happen.
    expect(await protocol.execute(nonce, 'orders-r1', TARGET.sessionKey)).toMatchObject({ accepted: true });
    expect(executed).toHaveLength(1);
    await protocol.settled();
  });

  it(`caps pending confirmations at ${MAX_PENDING_NONCES} with a clear error, and frees room as they are spent`, async () => {
    const { protocol, backend } = setup();
    const nonces: string[] = [];
    for (let i = 0; i < MAX_PENDING_NONCES; i++) nonces.push((await protocol.prepare(PROMOTE, backend, TARGET)).nonce);
    await expect(protocol.prepare(PROMOTE, backend, TARGET)).rejects.toMatchObject({ code: 'TooManyPending', message: expect.stringContaining(`at most ${MAX_PENDING_NONCES}`) });
    await protocol.execute(nonces[0]!, 'wrong', TARGET.sessionKey);
    expect((await protocol.prepare(PROMOTE, backend, TARGET)).nonce).toMatch(/^nonce-/);
  });

  it('drops every pending confirmation on dropAll (a switch, a scenario load, a reset)', async () => {
    const { protocol, backend, executed } = setup();
    const { nonce } = await protocol.prepare(PROMOTE, backend, TARGET);
    expect(protocol.dropAll()).toBe(1);
    await expect(protocol.execute(nonce, 'orders-r1', TARGET.sessionKey)).rejects.toThrow(/expired or was already used/);
    expect(executed).toEqual([]);
  });

  it('loosens a profile only with its name typed, writing the intent first; a control-action nonce cannot be used for it', async () => {
    const { protocol, backend, readAudit } = setup();
    const prepared = protocol.prepareProtection({ profile: 'prod', readOnly: false }, { readOnly: true, nonProduction: false }, TARGET);
    expect(prepared).toMatchObject({ typedConfirmation: 'prod', current: { readOnly: true, nonProduction: false }, change: { profile: 'prod', readOnly: false } });
    const applied: unknown[] = [];
    await expect(protocol.executeProtection(prepared.nonce, 'Prod', TARGET.sessionKey, (c) => applied.push(c))).rejects.toMatchObject({ code: 'Unauthorized' });
    const again = protocol.prepareProtection({ profile: 'prod', readOnly: false }, { readOnly: true, nonProduction: false }, TARGET);
    await protocol.executeProtection(again.nonce, 'prod', TARGET.sessionKey, (c) => {
      expect(readAudit().at(-1)).toMatchObject({ kind: 'settings', action: 'LoosenProfileProtection', result: 'intent', target: 'prod', nonce: again.nonce });
      applied.push(c);
    });
    expect(applied).toEqual([{ profile: 'prod', readOnly: false }]);
    expect(readAudit().map((r) => r.result)).toEqual(['refused', 'intent', 'applied']);
    const actionNonce = (await protocol.prepare(PROMOTE, backend, TARGET)).nonce;
    await expect(protocol.executeProtection(actionNonce, 'prod', TARGET.sessionKey, () => undefined)).rejects.toThrow(/control action/);
  });

  it('redacts anything shaped like a credential from audit records', () => {
    expect(redactSecrets('key AKIAIOSFODNN7EXAMPLE and aws_secret_access_key=wJalrXUtnFEMI/K7MDENG and "sessionToken": "abc"')).toBe(
      'key AKIA…(redacted) and aws_secret_access_key=(redacted) and "sessionToken": "(redacted)"',
    );
  });
});
