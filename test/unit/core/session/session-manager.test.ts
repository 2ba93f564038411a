import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlightdeckCore } from '@main/core/core-host';
import { createSessionManager } from '@main/core/session/create-session-manager';
import { readScenario } from '@main/core/scenario-files';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock, shopCore } from '../../../helpers/core';

function wired(startIn?: 'last' | { mode: 'aws'; profile: string; region: string }, existing?: string) {
  const dir = existing ?? mkdtempSync(join(tmpdir(), 'fd-session-'));
  writeFileSync(join(dir, 'config'), '[profile staging]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:9\n');
  writeFileSync(join(dir, 'credentials'), '[staging]\naws_access_key_id = AKIASTAGINGSTAGING00\naws_secret_access_key = staging-secret\n');
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  const wallClock = manualWallClock();
  const sessions = createSessionManager({
    initial: new SimSource(readScenario('shop'), { wallClock, paused: true }),
    createSimulation: () => new SimSource(readScenario('shop'), { wallClock, paused: true }),
    configDirectory: join(dir, 'flightdeck'),
    env,
    ...(startIn ? { startIn } : {}),
  });
  const core = new FlightdeckCore(sessions);
  const events: [string, unknown][] = [];
  core.subscribe((channel, payload) => events.push([channel, payload]));
  return { core, sessions, events, dir };
}

describe('AWS-mode channels on the core', () => {
  it('answers NotSupported on a core built from a bare data source', async () => {
    const { core } = shopCore();
    // dns.trace is not in the list: the simulator answers it itself (shop has a hosted zone); a scenario
    // without one is refused in sim-actions.test.ts.
    for (const channel of ['profiles.list', 'settings.get', 'session.retry', 'session.ssoLogin', 'action.prepare'] as const) {
      const payload = channel === 'action.prepare' ? { action: { type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 2 } } : {};
      expect(await core.handle(channel, payload), channel).toMatchObject({ ok: false, error: { code: 'NotSupported' } });
    }
    expect(await core.handle('session.switch', { mode: 'aws', profile: 'x' })).toMatchObject({ ok: false, error: { code: 'NotSupported' } });
  });

  it('lists profiles without secrets, validates switches, and keeps settings', async () => {
    const { core } = wired();
    const profiles = await core.handle('profiles.list', {});
    expect(profiles).toMatchObject({ ok: true, value: { profiles: [{ name: '(default chain)', kind: 'default-chain' }, { name: 'staging', kind: 'static', region: 'eu-west-1', customEndpoint: 'http://127.0.0.1:9' }] } });
    expect(JSON.stringify(profiles)).not.toContain('staging-secret');
    expect(await core.handle('session.switch', { mode: 'aws', profile: 'prod' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', message: expect.stringContaining('No profile named prod') } });
    expect(await core.handle('session.switch', { mode: 'aws', profile: 'staging', region: 'Frankfurt' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', path: 'region' } });
    expect(await core.handle('settings.update', { profile: 'staging', environmentColour: 'red' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(await core.handle('settings.update', { profile: 'staging', readOnly: true, environmentColour: '#ff0000' })).toMatchObject({
      ok: true,
      value: { settings: { profiles: { staging: { readOnly: true, environmentColour: '#ff0000', nonProduction: false } } } },
    });
  });

  it('restores the last mode, profile and region at the next start (last-session.json), and the simulator after switching back', async () => {
    const first = wired();
    await first.core.handle('session.switch', { mode: 'aws', profile: 'staging', region: 'ap-northeast-3' });
    first.sessions.stop();
    const second = wired('last', first.dir);
    expect(second.sessions.active.session).toMatchObject({ mode: 'aws', profile: 'staging', region: 'ap-northeast-3' });
    await second.core.handle('session.switch', { mode: 'simulation' });
    second.sessions.stop();
    expect(wired('last', first.dir).sessions.active.session.mode).toBe('simulation');
    // A remembered profile that is gone: the simulator, not a failure.
    writeFileSync(join(first.dir, 'flightdeck', 'last-session.json'), '{"mode":"aws","profile":"deleted","region":"us-east-1"}');
    expect(wired('last', first.dir).sessions.active.session.mode).toBe('simulation');
    writeFileSync(join(first.dir, 'flightdeck', 'last-session.json'), 'not json');
    expect(wired('last', first.dir).sessions.active.session.mode).toBe('simulation');
  });

  it('starts straight in AWS mode when asked (serve --profile P --region R); an unknown profile is refused', () => {
    const { sessions } = wired({ mode: 'aws', profile: 'staging', region: 'eu-central-1' });
    expect(sessions.active.session).toMatchObject({ mode: 'aws', profile: 'staging', region: 'eu-central-1' });
    sessions.stop();
    expect(() => wired({ mode: 'aws', profile: 'gone', region: 'eu-central-1' })).toThrow('No profile named gone');
  });

  it('audits the start in an AWS profile asked for on the command line as the command line’s change', async () => {
    const { sessions, dir } = wired({ mode: 'aws', profile: 'staging', region: 'eu-central-1' });
    expect(await sessions.opening).toMatchObject({ mode: 'aws', profile: 'staging' });
    const records = readFileSync(join(dir, 'flightdeck', 'audit-log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { action: string; actor?: string; result: string });
    expect(records.map((r) => [r.action, r.actor, r.result])).toEqual([
      ['SwitchSession', 'cli', 'intent'],
      ['SwitchSession', 'cli', 'applied'],
    ]);
    sessions.stop();
  });

  it('switches to an AWS profile (with its settings) and back to the simulator, announcing each session', async () => {
    const { core, events } = wired();
    await core.handle('settings.update', { profile: 'staging', readOnly: true, environmentColour: '#ff0000' });
    const switched = await core.handle('session.switch', { mode: 'aws', profile: 'staging' });
    expect(switched).toMatchObject({ ok: true, value: { mode: 'aws', profile: 'staging', region: 'eu-west-1', readOnly: true, environmentColour: '#ff0000', customEndpoint: 'http://127.0.0.1:9' } });
    expect(await core.handle('sim.control', { command: 'pause' })).toMatchObject({ ok: false, error: { code: 'NotSupported' } });
    const back = await core.handle('session.switch', { mode: 'simulation' });
    expect(back).toMatchObject({ ok: true, value: { mode: 'simulation', scenarioName: 'shop' } });
    expect(events.filter(([c]) => c === 'session.changed').map(([, s]) => (s as { mode: string }).mode)).toEqual(['aws', 'simulation']);
    // Back in simulation, actions go through the same protocol against the fresh simulator.
    expect(await core.handle('action.prepare', { action: { type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 2 } })).toMatchObject({
      ok: true,
      value: { allowed: false, checks: [{ code: 'group-exists.missing', status: 'fail' }] },
    });
    core.stop();
  });

  it('returns from AWS mode to the simulation as it was, not restarted (issue 11 item 7)', async () => {
    const { core, sessions } = wired();
    const simulation = sessions.active;
    await core.handle('sim.control', { command: 'step', seconds: 120 });
    const before = simulation.snapshot();
    expect(before.clock!.now - before.clock!.startTime).toBe(120_000);
    expect(await core.handle('session.switch', { mode: 'aws', profile: 'staging' })).toMatchObject({ ok: true, value: { mode: 'aws' } });
    expect(await core.handle('session.switch', { mode: 'simulation' })).toMatchObject({ ok: true, value: { mode: 'simulation' } });
    expect(sessions.active).toBe(simulation);
    expect(sessions.active.snapshot().clock).toEqual(before.clock);
    expect(sessions.active.snapshot().metrics).toEqual(before.metrics);
    core.stop();
  });

  it('rejects malformed action and trace requests at the boundary', async () => {
    const { core } = wired();
    expect(await core.handle('action.prepare', { action: { type: 'DeleteEverything' } })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(await core.handle('action.execute', { nonce: '' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(await core.handle('session.retry', { mfaCode: '12ab56' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', path: 'mfaCode' } });
    expect(await core.handle('dns.trace', { name: 'x', type: 'a' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', path: 'type' } });
  });
});
