/**
 * Issue 10, reproduced through the core API every adapter (IPC, WebSocket) goes through:
 * write-ahead audit (a full or unwritable config dir refuses the action, the backend is never
 * called), loosening protection only as a confirmed change, nonces bound to the session.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionOutcome, AuditPage, AuditRecord, ControlAction, PreparedAction, PreparedProtectionChange } from '@main/core/contract';
import { FlightdeckCore } from '@main/core/core-host';
import { readScenario } from '@main/core/scenario-files';
import { AUDIT_LOG_FILE, createSessionManager } from '@main/core/session/create-session-manager';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock } from '../../../helpers/core';
import { fakeAwsSource } from './fixtures/fake-aws-source';
import { recordTrustFigures } from '../../../helpers/trust-figures';

/** Audit-failure cases in which the action was refused and the backend never called. */
const refusedWithoutCall: string[] = [];
const safetyCases: string[] = [];
afterAll(() => {
  recordTrustFigures('audit-safety', [
    { figure: 'audit log unwritable (ENOSPC writer, config dir not a directory): action refused, backend never called', value: `${refusedWithoutCall.length}`, goal: '2', ok: refusedWithoutCall.length === 2 },
    { figure: 'loosen-act-tighten attack, nonce after switch round trip / scenario load / reset: refused', value: `${safetyCases.length}`, goal: '4', ok: safetyCases.length === 4 },
  ]);
});

const PROMOTE: ControlAction = { type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' };
const RESIZE: ControlAction = { type: 'SetDesiredCapacity', autoScalingGroupName: 'shop-web-asg', desiredCapacity: 4 };
const UNUSUAL_RESIZE = { type: 'SetDesiredCapacity', autoScalingGroupName: 'shop-web-asg', desiredCapacity: 11 } as const satisfies ControlAction;

function value<T>(result: { ok: boolean }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as unknown as { value: T }).value;
}

function readAudit(configDirectory: string): AuditRecord[] {
  try {
    return readFileSync(join(configDirectory, AUDIT_LOG_FILE), 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as AuditRecord);
  } catch {
    return [];
  }
}

/** A host with the simulator first and two fake AWS profiles (prod, staging) to switch between. */
function host(options: { configDirectory?: string; writeLine?: (path: string, line: string) => void } = {}) {
  const configDirectory = options.configDirectory ?? join(mkdtempSync(join(tmpdir(), 'fd-audit-safety-')), 'flightdeck');
  const wallClock = manualWallClock();
  const executed: { profile: string; action: ControlAction }[] = [];
  const simulation = () => new SimSource(readScenario('shop'), { wallClock, speed: 60 });
  const sessions = createSessionManager({
    initial: simulation(),
    createSimulation: simulation,
    configDirectory,
    env: {},
    actor: 'web',
    ...(options.writeLine ? { auditLog: { writeLine: options.writeLine } } : {}),
  });
  // Profiles without files: the factories the production wiring would call, with fake sources.
  const factories = (sessions as unknown as { factories: Record<string, unknown> }).factories;
  factories.listProfiles = () => ({ profiles: [{ name: 'prod', kind: 'static' }, { name: 'staging', kind: 'static' }], configFile: 'config', credentialsFile: 'credentials' });
  factories.createAws = (profile: string, region: string | undefined, settings: { readOnly: boolean }) => fakeAwsSource(profile, region ?? 'eu-west-1', settings.readOnly, executed);
  const core = new FlightdeckCore(sessions);
  const events: [string, unknown][] = [];
  core.subscribe((channel, payload) => events.push([channel, payload]));
  core.start();
  return { core, sessions, configDirectory, executed, wallClock, events };
}

const desired = (core: FlightdeckCore) => core.dataSource.snapshot().inventory.autoScalingGroups.find((g) => g.autoScalingGroupName === 'shop-web-asg')!.desiredCapacity;

describe('write-ahead audit (issue 10)', () => {
  it('refuses SetDesiredCapacity with AuditUnavailable when the config dir cannot hold the audit log; the group is untouched', async () => {
    // Running as root, a chmod'ed directory is still writable: a regular file where the directory
    // should be makes every write fail (ENOTDIR), like a read-only or vanished config dir.
    const parent = mkdtempSync(join(tmpdir(), 'fd-audit-ro-'));
    writeFileSync(join(parent, 'flightdeck'), 'not a directory');
    const { core, wallClock } = host({ configDirectory: join(parent, 'flightdeck') });
    wallClock.tick(5000);
    const backend = core.dataSource.actions!;
    let calls = 0;
    const execute = backend.execute.bind(backend);
    backend.execute = (action) => (calls++, execute(action));
    const before = desired(core);
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: RESIZE }));
    const result = await core.handle('action.execute', { nonce: prepared.nonce });
    expect(result).toMatchObject({ ok: false, error: { code: 'AuditUnavailable', message: expect.stringMatching(/(EEXIST|ENOTDIR).*nothing was changed/) } });
    expect(calls).toBe(0);
    expect(desired(core)).toBe(before);
    refusedWithoutCall.push('config dir');
    core.stop();
  });

  it('a failing writer (ENOSPC) refuses the action before the backend is called; the window gets a code, not Internal', async () => {
    const { core, sessions, executed, configDirectory } = host({
      writeLine: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    });
    // Tightening still applies with the audit log down: it must never be blocked by a full disk.
    expect(await core.handle('settings.update', { profile: 'prod', readOnly: true })).toMatchObject({ ok: true });
    // Switching is audited write-ahead too: with the log down, it is refused.
    expect(await core.handle('session.switch', { mode: 'aws', profile: 'prod' })).toMatchObject({ ok: false, error: { code: 'AuditUnavailable' } });
    expect(core.dataSource.session.mode).toBe('simulation');
    const backend = core.dataSource.actions!;
    let calls = 0;
    const execute = backend.execute.bind(backend);
    backend.execute = (action) => (calls++, execute(action));
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: RESIZE }));
    const before = desired(core);
    expect(await core.handle('action.execute', { nonce: prepared.nonce })).toMatchObject({ ok: false, error: { code: 'AuditUnavailable', message: expect.stringContaining('ENOSPC') } });
    expect(calls).toBe(0);
    expect(desired(core)).toBe(before);
    expect(executed).toEqual([]);
    expect(readAudit(configDirectory)).toEqual([]);
    refusedWithoutCall.push('ENOSPC');
    await sessions.actions!.settled();
    core.stop();
  });

  it('audits settings changes, session switches, scenario loads, resets and fault injections, intent before outcome, and pushes each record', async () => {
    const { core, configDirectory, events } = host();
    await core.handle('settings.update', { profile: 'prod', readOnly: true, environmentColour: '#ff0000' });
    await core.handle('session.switch', { mode: 'aws', profile: 'staging' });
    await core.handle('session.switch', { mode: 'simulation' });
    await core.handle('sim.scenario.load', { name: 'serverless' });
    await core.handle('sim.control', { command: 'reset' });
    const fault = await core.handle('sim.fault.inject', { type: 'RaiseFunctionErrorRate', parameters: { FunctionName: 'orders-api', ErrorRate: 0.25 }, durationSeconds: 600 });
    expect(fault).toMatchObject({ ok: true });
    const audit = readAudit(configDirectory);
    expect(audit.map((r) => [r.kind, r.action, r.result])).toEqual([
      ['settings', 'UpdateProfileSettings', 'intent'],
      ['settings', 'UpdateProfileSettings', 'applied'],
      ['session', 'SwitchSession', 'intent'],
      ['session', 'SwitchSession', 'applied'],
      ['session', 'SwitchSession', 'intent'],
      ['session', 'SwitchSession', 'applied'],
      ['session', 'LoadScenario', 'intent'],
      ['session', 'LoadScenario', 'applied'],
      ['session', 'ResetSimulation', 'intent'],
      ['session', 'ResetSimulation', 'applied'],
      ['fault', 'InjectFault:RaiseFunctionErrorRate', 'intent'],
      ['fault', 'InjectFault:RaiseFunctionErrorRate', 'applied'],
    ]);
    expect(audit[0]).toMatchObject({ actor: 'web', mode: 'simulation', scenario: 'shop', target: 'prod', parameters: { readOnly: true, environmentColour: '#ff0000' } });
    expect(audit[6]).toMatchObject({ target: 'serverless', parameters: { from: 'shop' } });
    expect(audit[10]).toMatchObject({ scenario: 'serverless', target: 'orders-api', parameters: { FunctionName: 'orders-api', ErrorRate: 0.25, durationSeconds: 600 } });
    // Each record says what happened as a code for the window too (issue 9); the fault as its timeline entry.
    expect(audit.map((r) => r.text?.code)).toEqual(['intent', 'settingsSaved', 'intent', 'applied', 'intent', 'applied', 'intent', 'applied', 'intent', 'applied', 'intent', 'faultInjected']);
    expect(audit[11]!.text).toMatchObject({ params: { resource: 'orders-api' }, timeline: { code: 'fault.injectedFor', params: { kind: 'RaiseFunctionErrorRate', resource: 'orders-api', seconds: 600 } } });
    expect(events.filter(([c]) => c === 'audit.appended').map(([, r]) => r)).toEqual(audit);

    // The Activity view reads it back: newest first, filtered, bounded.
    const page = value<AuditPage>(await core.handle('audit.list', { limit: 3 }));
    expect(page.records.map((r) => r.action)).toEqual(['InjectFault:RaiseFunctionErrorRate', 'InjectFault:RaiseFunctionErrorRate', 'ResetSimulation']);
    expect(page.truncated).toBe(true);
    expect(value<AuditPage>(await core.handle('audit.list', { kind: 'session', result: 'applied' })).records.map((r) => r.action)).toEqual(['ResetSimulation', 'LoadScenario', 'SwitchSession', 'SwitchSession']);
    expect(value<AuditPage>(await core.handle('audit.list', { text: 'ORDERS-API' })).records).toHaveLength(2);
    expect(await core.handle('audit.list', { limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', path: 'limit' } });
    core.stop();
  });
});

describe('what a fault injection is audited against (issue 9)', () => {
  it('names the target group, zone or population the fault is aimed at, never the fault kind', async () => {
    const { core, configDirectory } = host();
    expect(await core.handle('sim.fault.inject', { type: 'FailTargets', parameters: { TargetGroupName: 'shop-web', Count: 1 } })).toMatchObject({ ok: true });
    expect(await core.handle('sim.fault.inject', { type: 'MultiplyTraffic', parameters: { Factor: 2 }, durationSeconds: 60 })).toMatchObject({ ok: true });
    expect(readAudit(configDirectory).map((r) => [r.action, r.target, r.result])).toEqual([
      ['InjectFault:FailTargets', 'shop-web', 'intent'],
      ['InjectFault:FailTargets', 'shop-web', 'applied'],
      ['InjectFault:MultiplyTraffic', '*', 'intent'],
      ['InjectFault:MultiplyTraffic', '*', 'applied'],
    ]);
    core.stop();
  });
});

describe('stopping a fault is audited like injecting one', () => {
  it('writes the intent before the fault ends and the outcome after; an unknown id is refused without a record', async () => {
    const { core, configDirectory } = host();
    value(await core.handle('sim.fault.inject', { type: 'FailTargets', parameters: { TargetGroupName: 'shop-web', Count: 1 } }));
    const [running] = value<{ id: string }[]>(await core.handle('sim.faults.running', {}));
    expect(await core.handle('sim.fault.stop', { id: running!.id })).toMatchObject({ ok: true });
    expect(value<unknown[]>(await core.handle('sim.faults.running', {}))).toEqual([]);
    const records = readAudit(configDirectory).slice(2);
    expect(records.map((r) => [r.kind, r.action, r.target, r.result])).toEqual([
      ['fault', 'StopFault:FailTargets', 'shop-web', 'intent'],
      ['fault', 'StopFault:FailTargets', 'shop-web', 'applied'],
    ]);
    expect(records[0]!.parameters).toMatchObject({ faultId: running!.id, TargetGroupName: 'shop-web', Count: 1 });
    expect(records[1]!.text).toMatchObject({ code: 'faultStopped', params: { resource: 'shop-web' } });
    // Nothing running by that id: refused, and nothing to audit.
    expect(await core.handle('sim.fault.stop', { id: running!.id })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(readAudit(configDirectory)).toHaveLength(4);
    core.stop();
  });

  it('does not stop the fault when the intent cannot be made durable', async () => {
    let full = false;
    const { core } = host({
      writeLine: (path, line) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        mkdirSync(dirname(path), { recursive: true });
        appendFileSync(path, line);
      },
    });
    value(await core.handle('sim.fault.inject', { type: 'FailTargets', parameters: { TargetGroupName: 'shop-web', Count: 1 } }));
    const [running] = value<{ id: string }[]>(await core.handle('sim.faults.running', {}));
    full = true;
    expect(await core.handle('sim.fault.stop', { id: running!.id })).toMatchObject({ ok: false, error: { code: 'AuditUnavailable' } });
    expect(value<{ id: string }[]>(await core.handle('sim.faults.running', {})).map((f) => f.id)).toEqual([running!.id]);
    core.stop();
  });
});

describe('loosening protection is a confirmed change (issue 10)', () => {
  it('reproduces the attack: loosen over the API, promote without typing, tighten again — now refused at the first step', async () => {
    const { core, configDirectory, executed } = host();
    // The operator's settings: prod is read-only and production.
    value(await core.handle('settings.update', { profile: 'prod', readOnly: true }));
    value(await core.handle('session.switch', { mode: 'aws', profile: 'prod' }));

    // Step 1 of the attack: a plain settings.update that loosens.
    const loosen = await core.handle('settings.update', { profile: 'prod', readOnly: false, nonProduction: true });
    expect(loosen).toMatchObject({ ok: false, error: { code: 'ConfirmationRequired', message: expect.stringContaining('writable and not production') } });
    expect(value<{ settings: { profiles: Record<string, unknown> } }>(await core.handle('settings.get', {})).settings.profiles.prod).toMatchObject({ readOnly: true, nonProduction: false });
    // Each flag alone is refused too.
    expect(await core.handle('settings.update', { profile: 'prod', readOnly: false })).toMatchObject({ ok: false, error: { code: 'ConfirmationRequired' } });
    expect(await core.handle('settings.update', { profile: 'prod', nonProduction: true })).toMatchObject({ ok: false, error: { code: 'ConfirmationRequired' } });

    // Step 2: the promotion stays refused (read-only) and would still need the identifier typed.
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: PROMOTE }));
    expect(prepared).toMatchObject({ allowed: false, typedConfirmation: 'orders-r1' });
    expect(value<ActionOutcome>(await core.handle('action.execute', { nonce: prepared.nonce }))).toMatchObject({ accepted: false });
    expect(executed).toEqual([]);
    // The attempts are in the audit log.
    expect(readAudit(configDirectory).filter((r) => r.result === 'refused').map((r) => [r.kind, r.target])).toEqual([
      ['settings', 'prod'],
      ['settings', 'prod'],
      ['settings', 'prod'],
      ['action', 'orders-r1'],
    ]);
    safetyCases.push('loosen attack');
    core.stop();
  });

  it('loosens through prepare → typed profile name → execute, audited, and the session follows; tightening stays immediate', async () => {
    const { core, configDirectory, executed } = host();
    value(await core.handle('settings.update', { profile: 'prod', readOnly: true }));
    value(await core.handle('session.switch', { mode: 'aws', profile: 'prod' }));
    const change = value<PreparedProtectionChange>(await core.handle('settings.protection.prepare', { profile: 'prod', readOnly: false }));
    expect(change).toMatchObject({ typedConfirmation: 'prod', current: { readOnly: true, nonProduction: false } });
    expect(await core.handle('settings.protection.execute', { nonce: change.nonce, confirmation: 'production' })).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
    const again = value<PreparedProtectionChange>(await core.handle('settings.protection.prepare', { profile: 'prod', readOnly: false }));
    expect(await core.handle('settings.protection.execute', { nonce: again.nonce, confirmation: 'prod' })).toMatchObject({ ok: true, value: { settings: { profiles: { prod: { readOnly: false } } } } });
    expect(core.dataSource.session).toMatchObject({ mode: 'aws', profile: 'prod', readOnly: false });
    // Still production: the promotion needs the identifier typed.
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: PROMOTE }));
    expect(value<ActionOutcome>(await core.handle('action.execute', { nonce: prepared.nonce }))).toMatchObject({ accepted: false });
    const typed = value<PreparedAction>(await core.handle('action.prepare', { action: PROMOTE }));
    expect(value<ActionOutcome>(await core.handle('action.execute', { nonce: typed.nonce, confirmation: 'orders-r1' }))).toMatchObject({ accepted: true });
    expect(executed).toHaveLength(1);
    // Tightening: immediate.
    expect(await core.handle('settings.update', { profile: 'prod', readOnly: true })).toMatchObject({ ok: true, value: { settings: { profiles: { prod: { readOnly: true } } } } });
    const loosening = readAudit(configDirectory).filter((r) => r.action === 'LoosenProfileProtection');
    expect(loosening.map((r) => r.result)).toEqual(['refused', 'intent', 'applied']);
    expect(loosening[1]).toMatchObject({ kind: 'settings', target: 'prod', parameters: { readOnly: false }, nonce: again.nonce, mode: 'aws', profile: 'prod' });
    // Nothing to loosen: a clear InvalidRequest, no nonce.
    expect(await core.handle('settings.protection.prepare', { profile: 'staging', readOnly: false })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(await core.handle('settings.protection.prepare', { profile: 'staging' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    core.stop();
  });
});

describe('nonces are bound to the session (issue 10)', () => {
  it('prepare on prod, switch to staging and back, execute → refused', async () => {
    const { core, executed } = host();
    value(await core.handle('settings.update', { profile: 'prod', nonProduction: false }));
    value(await core.handle('session.switch', { mode: 'aws', profile: 'prod' }));
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: PROMOTE }));
    value(await core.handle('session.switch', { mode: 'aws', profile: 'staging' }));
    value(await core.handle('session.switch', { mode: 'aws', profile: 'prod' }));
    expect(await core.handle('action.execute', { nonce: prepared.nonce, confirmation: 'orders-r1' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', message: expect.stringContaining('expired or was already used') } });
    expect(executed).toEqual([]);
    safetyCases.push('switch round trip');
    core.stop();
  });

  it('a nonce prepared before loading another scenario, or before a reset, is refused on the new engine', async () => {
    const { core, wallClock, events } = host();
    wallClock.tick(5000);
    const beforeLoad = value<PreparedAction>(await core.handle('action.prepare', { action: UNUSUAL_RESIZE }));
    value(await core.handle('sim.scenario.load', { name: 'shop' }));
    const afterLoad = await core.handle('action.execute', { nonce: beforeLoad.nonce });
    expect(afterLoad).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    safetyCases.push('scenario load');

    const beforeReset = value<PreparedAction>(await core.handle('action.prepare', { action: UNUSUAL_RESIZE }));
    value(await core.handle('sim.control', { command: 'reset' }));
    // A new identity for nonces, not a new source: the running simulation still publishes.
    const published = events.length;
    wallClock.tick(5000);
    expect(events.slice(published).some(([channel]) => channel === 'update')).toBe(true);
    expect(await core.handle('action.execute', { nonce: beforeReset.nonce })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    safetyCases.push('reset');
    // 11 of at most 12: a capacity shop's own scaling does not reach here, so seeing it means a refused nonce ran.
    expect(desired(core)).not.toBe(UNUSUAL_RESIZE.desiredCapacity);
    core.stop();
  });

  it('caps pending nonces with a clear code', async () => {
    const { core } = host();
    for (let i = 0; i < 32; i++) value(await core.handle('action.prepare', { action: RESIZE }));
    expect(await core.handle('action.prepare', { action: RESIZE })).toMatchObject({ ok: false, error: { code: 'TooManyPending', message: expect.stringContaining('at most 32') } });
    expect(await core.handle('settings.protection.prepare', { profile: 'prod', nonProduction: true })).toMatchObject({ ok: false, error: { code: 'TooManyPending' } });
    core.stop();
  });
});
