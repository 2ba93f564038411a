import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveScenarioPath } from '@main/core/scenario-files';
import { Snapshot, Update } from '@main/core/contract';
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
    expect(result).toMatchObject({ ok: true, value: { now: Date.UTC(2026, 10, 20, 14, 10), running: false } });
    expect(updates).toHaveLength(1);
    const update = Update.parse(updates[0]);
    // The stack is already running at StartTime (no Simulation.ColdStart): a CPU datapoint every minute.
    expect(update.metrics.find((m) => m.namespace === 'AWS/EC2' && m.metricName === 'CPUUtilization')!.points.length).toBe(10);
    // The inventory travels as a delta from the snapshot's version: only the group that changed, as a field-level patch.
    expect(update.inventory!.from).toBe(0);
    expect(update.inventory!.autoScalingGroups!.patched![0]!.key).toBe('shop-web-asg');
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

  it('lists bundled scenarios with their descriptions', async () => {
    const { core } = shopCore();
    const result = (await core.handle('sim.scenarios.list', {})) as { ok: true; value: { current: string; scenarios: { name: string; description?: string }[] } };
    expect(result.value.current).toBe('shop');
    expect(result.value.scenarios).toContainEqual({ name: 'shop', description: expect.stringContaining('ALB') });
  });

  it('refuses a broken scenario with every error and keeps the current simulation running', async () => {
    const { core, source } = shopCore();
    await core.handle('sim.control', { command: 'step', seconds: 300 });
    const before = source.clock().now;
    const result = await core.handle('sim.scenario.load', { fileName: 'mine.yaml', yaml: 'Resources:\n  G:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: { MinSize: 3, MaxSize: 1, AvailabilityZones: [us-east-1a] }\n' });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidRequest', message: 'mine.yaml:4:28: error: MinSize 3 is greater than MaxSize 1 (at Resources.G.Properties.MinSize)' } });
    expect(source.clock().now).toBe(before);
    expect(source.session).toMatchObject({ scenarioName: 'shop' });
  });

  it('loads a scenario from text, announces the new session and starts it from its beginning', async () => {
    const { core, source } = shopCore();
    const events: string[] = [];
    core.subscribe((channel) => events.push(channel));
    const yaml = readFileSync(resolveScenarioPath('shop'), 'utf8').replace('StartTime: 2026-11-20T14:00:00Z', 'StartTime: 2026-11-21T08:00:00Z');
    const result = await core.handle('sim.scenario.load', { fileName: 'saturday.yaml', yaml });
    expect(result).toMatchObject({ ok: true, value: { session: { scenarioName: 'saturday' } } });
    expect(events).toContain('session.changed');
    expect(source.clock().now).toBe(Date.UTC(2026, 10, 21, 8));
  });

  it('announces session.changed exactly once for a reset and once for a scenario load (issue 9: one place emits it)', async () => {
    const { core } = shopCore();
    const announced: unknown[] = [];
    core.subscribe((channel, payload) => channel === 'session.changed' && announced.push(payload));
    await core.handle('sim.control', { command: 'reset' });
    expect(announced).toEqual([expect.objectContaining({ mode: 'simulation', scenarioName: 'shop' })]);
    await core.handle('sim.scenario.load', { name: 'shop' });
    expect(announced).toHaveLength(2);
    const refused = await core.handle('sim.scenario.load', { fileName: 'x.yaml', yaml: 'Resources: 3\n' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(announced).toHaveLength(2);
  });

  it('describes fault kinds with JSON Schemas of their AWS-named parameters', async () => {
    const { core } = shopCore();
    const result = (await core.handle('sim.faultKinds', {})) as { ok: true; value: { type: string; parameters: { properties: Record<string, unknown>; required?: string[] } }[] };
    const zone = result.value.find((k) => k.type === 'FailAvailabilityZone')!;
    expect(zone.parameters.required).toEqual(['AvailabilityZone']);
    expect(result.value.map((k) => k.type)).toContain('MultiplyTraffic');
  });

  it('injects a fault now and answers with its timeline entry; a bad one gets a clear error', async () => {
    const { core } = shopCore();
    await core.handle('sim.control', { command: 'step', seconds: 120 });
    const ok = await core.handle('sim.fault.inject', { type: 'FailAvailabilityZone', parameters: { AvailabilityZone: 'us-east-1b' }, durationSeconds: 600 });
    expect(ok).toMatchObject({ ok: true, value: { kind: 'FaultInjected', message: expect.stringContaining('us-east-1b is down') } });
    const bad = await core.handle('sim.fault.inject', { type: 'TerminateInstances', parameters: { AutoScalingGroupName: 'ghost' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'InvalidRequest', message: expect.stringContaining("'ghost' not found") } });
  });

  it('reset goes back to the start with the same seed', async () => {
    const { core, source } = shopCore();
    await core.handle('sim.control', { command: 'step', seconds: 900 });
    const afterFirst = JSON.stringify(source.snapshot().scalingActivities);
    const reset = await core.handle('sim.control', { command: 'reset' });
    expect(reset).toMatchObject({ ok: true, value: { now: Date.UTC(2026, 10, 20, 14) } });
    await core.handle('sim.control', { command: 'step', seconds: 900 });
    expect(JSON.stringify(source.snapshot().scalingActivities)).toBe(afterFirst);
  });
});

describe('FlightdeckCore: running faults can be listed and stopped (issue 12: a fault left "until restart")', () => {
  it('lists a fault injected without a duration and ends it on sim.fault.stop, reverting its effect', async () => {
    const { core } = shopCore();
    const injected = await core.handle('sim.fault.inject', { type: 'FailAvailabilityZone', parameters: { AvailabilityZone: 'us-east-1a' } });
    expect(injected.ok).toBe(true);
    const running = await core.handle('sim.faults.running', {});
    expect(running).toMatchObject({ ok: true, value: [{ id: 'fault-1', type: 'FailAvailabilityZone', parameters: { AvailabilityZone: 'us-east-1a' } }] });
    expect((running as { value: { until?: string }[] }).value[0]!.until).toBeUndefined();

    const stopped = await core.handle('sim.fault.stop', { id: 'fault-1' });
    expect(stopped).toMatchObject({ ok: true, value: { kind: 'FaultEnded', service: 'simulator' } });
    expect((stopped as { value: { message: string } }).value.message).toContain('stopped by an operator');
    expect(await core.handle('sim.faults.running', {})).toEqual({ ok: true, value: [] });
    // A second stop names the fault that is no longer running.
    expect(await core.handle('sim.fault.stop', { id: 'fault-1' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', message: 'no running fault fault-1' } });
  });

  it('does not revert twice when a fault with a duration was stopped before it ran out', async () => {
    const { core } = shopCore();
    await core.handle('sim.fault.inject', { type: 'FailAvailabilityZone', parameters: { AvailabilityZone: 'us-east-1a' }, durationSeconds: 600 });
    expect((await core.handle('sim.faults.running', {})) as { value: { until?: string }[] }).toMatchObject({ value: [{ until: expect.any(String) }] });
    await core.handle('sim.fault.stop', { id: 'fault-1' });
    await core.handle('sim.control', { command: 'step', seconds: 900 });
    const snapshot = (await core.handle('snapshot.get', {})) as { value: { timeline: { kind: string }[] } };
    expect(snapshot.value.timeline.filter((event) => event.kind === 'FaultEnded')).toHaveLength(1);
  });
});
