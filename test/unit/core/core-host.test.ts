import { describe, expect, it } from 'vitest';
import { Snapshot, Update } from '../../../src-main/core/contract';
import { shopCore } from '../../helpers/core';

describe('FlightdeckCore: the contract at the boundary', () => {
  it('answers session.get and snapshot.get with values that satisfy the contract', async () => {
    const { core } = shopCore();
    const session = await core.handle('session.get', {});
    expect(session).toEqual({ ok: true, value: { mode: 'simulation', scenarioName: 'shop', seed: 42, region: 'us-east-1' } });
    const snapshot = await core.handle('snapshot.get', undefined);
    expect(snapshot.ok).toBe(true);
    expect(() => Snapshot.parse((snapshot as { value: unknown }).value)).not.toThrow();
  });

  it('refuses an unknown channel with a typed error', async () => {
    const { core } = shopCore();
    expect(await core.handle('fs.readFile', {})).toEqual({ ok: false, error: { code: 'UnknownChannel', message: 'unknown request channel "fs.readFile"' } });
    expect(await core.handle(42, {})).toMatchObject({ ok: false, error: { code: 'UnknownChannel' } });
    expect(await core.handle('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UnknownChannel' } });
  });

  it('refuses an invalid payload and says which field is wrong', async () => {
    const { core, source } = shopCore();
    const before = source.clock();
    const result = await core.handle('sim.control', { command: 'setSpeed', speed: 100_000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidRequest', path: 'speed' } });
    expect(await core.handle('sim.control', { command: 'format-disk' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(await core.handle('snapshot.get', { extra: true })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(source.clock()).toEqual(before);
  });

  it('drives the virtual clock and pushes an update event that satisfies the contract', async () => {
    const { core } = shopCore();
    const updates: unknown[] = [];
    core.subscribe((channel, payload) => channel === 'update' && updates.push(payload));
    const result = await core.handle('sim.control', { command: 'step', seconds: 600 });
    expect(result).toMatchObject({ ok: true, value: { now: Date.UTC(2026, 10, 20, 8, 10), running: false } });
    expect(updates).toHaveLength(1);
    const update = Update.parse(updates[0]);
    // Instances boot until 08:01, so the first CPU datapoint is the 08:01 minute.
    expect(update.metrics.find((m) => m.metricName === 'CPUUtilization')!.points.length).toBe(9);
    expect(update.inventory!.autoScalingGroups[0]!.autoScalingGroupName).toBe('shop-web-asg');
  });

  it('paces virtual time against the wall clock at the chosen speed', async () => {
    const { core, wallClock, source } = shopCore({ paused: false, speed: 60 });
    core.start();
    wallClock.tick(10_000);
    expect(source.clock().now - source.clock().startTime).toBe(600_000);
    await core.handle('sim.control', { command: 'pause' });
    wallClock.tick(10_000);
    expect(source.clock().now - source.clock().startTime).toBe(600_000);
    core.stop();
  });
});
