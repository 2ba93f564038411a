/**
 * Review-attack t19: a profile marked production while a prepared action waits must not run that
 * action without the typed confirmation. execute() reads the whole policy again, not only readOnly.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionOutcome, AuditRecord, ControlAction, PreparedAction, PreparedProtectionChange } from '@main/core/contract';
import { FlightdeckCore } from '@main/core/core-host';
import { readScenario } from '@main/core/scenario-files';
import { AUDIT_LOG_FILE, createSessionManager } from '@main/core/session/create-session-manager';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock } from '../../../helpers/core';
import { fakeAwsSource } from './fixtures/fake-aws-source';

const PROMOTE: ControlAction = { type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' };

function value<T>(result: { ok: boolean }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as unknown as { value: T }).value;
}

/** The simulator first, and one fake AWS profile `prod` (as audit-safety.test.ts builds it). */
function host() {
  const configDirectory = join(mkdtempSync(join(tmpdir(), 'fd-exec-policy-')), 'flightdeck');
  const wallClock = manualWallClock();
  const executed: { profile: string; action: ControlAction }[] = [];
  const simulation = () => new SimSource(readScenario('shop'), { wallClock, speed: 60 });
  const sessions = createSessionManager({ initial: simulation(), createSimulation: simulation, configDirectory, env: {}, actor: 'web' });
  const factories = (sessions as unknown as { factories: Record<string, unknown> }).factories;
  factories.listProfiles = () => ({ profiles: [{ name: 'prod', kind: 'static' }], configFile: 'config', credentialsFile: 'credentials' });
  factories.createAws = (profile: string, region: string | undefined, settings: { readOnly: boolean }) => fakeAwsSource(profile, region ?? 'eu-west-1', settings.readOnly, executed);
  const core = new FlightdeckCore(sessions);
  core.start();
  return { core, configDirectory, executed };
}

async function loosenProd(core: FlightdeckCore): Promise<void> {
  const change = value<PreparedProtectionChange>(await core.handle('settings.protection.prepare', { profile: 'prod', readOnly: false, nonProduction: true }));
  value(await core.handle('settings.protection.execute', { nonce: change.nonce, confirmation: 'prod' }));
}

describe('execute reads the profile policy again (review-attack t19)', () => {
  it('refuses, protection-changed, an action prepared as non-production once the profile is marked production; nothing runs', async () => {
    const { core, configDirectory, executed } = host();
    await loosenProd(core);
    value(await core.handle('session.switch', { mode: 'aws', profile: 'prod' }));
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: PROMOTE }));
    expect(prepared.allowed).toBe(true);
    expect(prepared.typedConfirmation).toBeUndefined();
    // A tightening: applied at once, while the dialog is open.
    value(await core.handle('settings.update', { profile: 'prod', nonProduction: false }));
    const outcome = value<ActionOutcome>(await core.handle('action.execute', { nonce: prepared.nonce }));
    expect(outcome).toMatchObject({ accepted: false, refusal: { code: 'protection-changed', params: { profile: 'prod', expected: 'orders-r1' } } });
    expect(outcome.message).toContain('prepare it again');
    expect(executed).toEqual([]);
    const records = readFileSync(join(configDirectory, AUDIT_LOG_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditRecord);
    expect(records.filter((r) => r.kind === 'action').map((r) => [r.result, r.text?.refusal?.code])).toEqual([['refused', 'protection-changed']]);
    // Prepared again, the dialog asks for the identifier, and typed it runs.
    const again = value<PreparedAction>(await core.handle('action.prepare', { action: PROMOTE }));
    expect(again.typedConfirmation).toBe('orders-r1');
    expect(value<ActionOutcome>(await core.handle('action.execute', { nonce: again.nonce, confirmation: 'orders-r1' }))).toMatchObject({ accepted: true });
    expect(executed).toHaveLength(1);
    core.stop();
  });

  it('the identifier typed for the action still runs it after the tightening (the current policy is met)', async () => {
    const { core, executed } = host();
    await loosenProd(core);
    value(await core.handle('session.switch', { mode: 'aws', profile: 'prod' }));
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: PROMOTE }));
    value(await core.handle('settings.update', { profile: 'prod', nonProduction: false }));
    expect(value<ActionOutcome>(await core.handle('action.execute', { nonce: prepared.nonce, confirmation: 'orders-r1' }))).toMatchObject({ accepted: true });
    expect(executed).toHaveLength(1);
    core.stop();
  });

  it('made read-only while waiting: refused read-only', async () => {
    const { core, executed } = host();
    await loosenProd(core);
    value(await core.handle('session.switch', { mode: 'aws', profile: 'prod' }));
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: PROMOTE }));
    value(await core.handle('settings.update', { profile: 'prod', readOnly: true }));
    expect(value<ActionOutcome>(await core.handle('action.execute', { nonce: prepared.nonce }))).toMatchObject({ accepted: false, refusal: { code: 'read-only' } });
    expect(executed).toEqual([]);
    core.stop();
  });
});
