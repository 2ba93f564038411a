import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionProtocol, ActionProtocolError, NONCE_TTL_MS } from '../../../../src-main/core/actions/action-protocol';
import { AuditLog, redactSecrets, type AuditRecord } from '../../../../src-main/core/actions/audit-log';
import type { ActionBackend, ActionTarget, Preflight } from '../../../../src-main/core/actions/action-executor';
import type { ActionProgress, ControlAction } from '../../../../src-main/core/contract';

const TARGET: ActionTarget = { mode: 'aws', profile: 'prod', accountId: '111122223333', region: 'eu-west-1', sessionKey: 'aws|prod|eu-west-1|111122223333' };
const PROMOTE: ControlAction = { type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' };

function setup(options: { readOnly?: boolean; nonProduction?: boolean; checks?: Preflight['checks']; executeError?: Error } = {}) {
  let now = Date.UTC(2026, 5, 1);
  const policy = { readOnly: options.readOnly ?? false, nonProduction: options.nonProduction ?? false };
  const executed: ControlAction[] = [];
  const auditPath = join(mkdtempSync(join(tmpdir(), 'fd-audit-')), 'audit-log.jsonl');
  const readAudit = () => readFileSync(auditPath, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditRecord);
  const backend: ActionBackend = {
    preflight: async () => ({ summary: 'Promote orders-r1', checks: options.checks ?? [{ id: 'is-replica', label: 'Is a replica', status: 'pass', detail: 'yes' }], consequences: ['it stops replicating'] }),
    execute: async (action) => {
      // Nothing reports an action done before its audit record: at execute time none exists yet.
      expect(readAuditSafe()).toHaveLength(0);
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
  const protocol = new ActionProtocol({ audit: new AuditLog(auditPath), now: () => now, nonce: () => `nonce-${++nonces}`, policy: () => policy, progress: (p) => progress.push(p) });
  return { protocol, backend, executed, readAudit, progress, policy, advance: (ms: number) => (now += ms) };
}

describe('the two-step action protocol', () => {
  it('prepares with checks, consequences, a 2-minute nonce and the typed identifier required', async () => {
    const { protocol, backend } = setup();
    const prepared = await protocol.prepare(PROMOTE, backend, TARGET);
    expect(prepared).toEqual({
      nonce: 'nonce-1',
      action: PROMOTE,
      summary: 'Promote orders-r1',
      checks: [{ id: 'is-replica', label: 'Is a replica', status: 'pass', detail: 'yes' }],
      consequences: ['it stops replicating'],
      allowed: true,
      typedConfirmation: 'orders-r1',
      expiresAt: new Date(Date.UTC(2026, 5, 1) + NONCE_TTL_MS).toISOString(),
    });
  });

  it('executes once with the right confirmation, audits before reporting, then follows until settled', async () => {
    const { protocol, backend, executed, readAudit, progress } = setup();
    const { nonce } = await protocol.prepare(PROMOTE, backend, TARGET);
    const outcome = await protocol.execute(nonce, 'orders-r1', TARGET.sessionKey);
    expect(outcome).toMatchObject({ accepted: true, message: 'accepted by AWS', auditId: expect.stringMatching(/^act-/) });
    expect(readAudit()[0]!.result).toBe('accepted');
    await protocol.settled();
    expect(executed).toEqual([PROMOTE]);
    expect(progress.map((p) => [p.phase, p.status])).toEqual([
      ['started', undefined],
      ['progress', 'modifying'],
      ['settled', 'available'],
    ]);
    const audit = readAudit();
    expect(audit.map((r) => r.result)).toEqual(['accepted', 'settled']);
    expect(audit[0]).toEqual({
      time: '2026-06-01T00:00:00.000Z',
      auditId: outcome.auditId,
      mode: 'aws',
      profile: 'prod',
      accountId: '111122223333',
      region: 'eu-west-1',
      action: 'PromoteReadReplica',
      target: 'orders-r1',
      parameters: { dbInstanceIdentifier: 'orders-r1' },
      result: 'accepted',
      message: 'accepted by AWS',
    });
    // Single use.
    await expect(protocol.execute(nonce, 'orders-r1', TARGET.sessionKey)).rejects.toBeInstanceOf(ActionProtocolError);
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
    await expect(protocol.execute(first.nonce, 'orders-r1', TARGET.sessionKey)).rejects.toBeInstanceOf(ActionProtocolError);
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
    expect(refused.checks[0]).toMatchObject({ id: 'read-only', status: 'fail' });
    expect(executed).toEqual([]);
  });

  it('refuses when a pre-flight check failed, or the session changed since prepare', async () => {
    const failing = setup({ checks: [{ id: 'status-available', label: 'Available', status: 'fail', detail: 'backing-up' }] });
    const p1 = await failing.protocol.prepare(PROMOTE, failing.backend, TARGET);
    expect(p1.allowed).toBe(false);
    expect(await failing.protocol.execute(p1.nonce, 'orders-r1', TARGET.sessionKey)).toMatchObject({ accepted: false, message: expect.stringContaining('pre-flight') });

    const switched = setup();
    const p2 = await switched.protocol.prepare(PROMOTE, switched.backend, TARGET);
    expect(await switched.protocol.execute(p2.nonce, 'orders-r1', 'aws|dev|eu-west-1|999')).toMatchObject({ accepted: false, message: expect.stringContaining('session changed') });
    expect(switched.executed).toEqual([]);
  });

  it('audits a failed call and reports it as not accepted', async () => {
    const { protocol, backend, readAudit } = setup({ executeError: new Error('InvalidDBInstanceState: backing-up') });
    const { nonce } = await protocol.prepare(PROMOTE, backend, TARGET);
    expect(await protocol.execute(nonce, 'orders-r1', TARGET.sessionKey)).toMatchObject({ accepted: false, message: 'InvalidDBInstanceState: backing-up' });
    expect(readAudit().map((r) => r.result)).toEqual(['failed']);
  });

  it('redacts anything shaped like a credential from audit records', () => {
    expect(redactSecrets('key AKIAIOSFODNN7EXAMPLE and aws_secret_access_key=wJalrXUtnFEMI/K7MDENG and "sessionToken": "abc"')).toBe(
      'key AKIA…(redacted) and aws_secret_access_key=(redacted) and "sessionToken": "(redacted)"',
    );
  });
});
