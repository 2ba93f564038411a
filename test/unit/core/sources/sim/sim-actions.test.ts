/**
 * Control actions in simulation go through the same two-step protocol as on AWS: prepare (pre-flight
 * checks and consequences, a nonce) → execute → the audit log → following the resource until it settles.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionOutcome, PreparedAction } from '@main/core/contract';
import { FlightdeckCore } from '@main/core/core-host';
import { readScenario } from '@main/core/scenario-files';
import { AUDIT_LOG_FILE, createSessionManager } from '@main/core/session/create-session-manager';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock } from '../../../../helpers/core';

function simulationCore(scenario = 'shop') {
  const wallClock = manualWallClock();
  const source = new SimSource(readScenario(scenario), { wallClock, speed: 60 });
  const configDirectory = mkdtempSync(join(tmpdir(), 'fd-sim-actions-'));
  const core = new FlightdeckCore(createSessionManager({ initial: source, configDirectory, env: {} }));
  core.start();
  return { core, source, wallClock, configDirectory };
}

const value = <T>(result: { ok: boolean }) => {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as unknown as { value: T }).value;
};

describe('control actions in simulation (two-step protocol)', () => {
  it('promotes a read replica: pre-flight checks, execute, followed until standalone, audited', async () => {
    const { core, source, wallClock, configDirectory } = simulationCore();
    wallClock.tick(10_000); // ten simulated minutes at ×60
    const progress: string[] = [];
    core.subscribe((channel, payload) => {
      if (channel === 'action.progress') progress.push(JSON.stringify(payload));
    });
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: { type: 'PromoteReadReplica', dbInstanceIdentifier: 'shop-db-replica-1' } }));
    expect(prepared.allowed).toBe(true);
    expect(prepared.checks.map((c) => c.code)).toEqual(expect.arrayContaining(['is-replica.yes', 'status-available.ok']));
    expect(prepared.consequences.length).toBeGreaterThan(0);
    // The simulator is never production: no typed confirmation is required.
    expect(prepared.typedConfirmation).toBeUndefined();

    const executing = core.handle('action.execute', { nonce: prepared.nonce });
    // Let virtual time run so the promotion can finish while the protocol follows it.
    for (let i = 0; i < 40; i++) {
      wallClock.tick(1000);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const outcome = value<ActionOutcome>(await executing);
    expect(outcome.accepted).toBe(true);
    const replica = source.snapshot().inventory.dbInstances.find((d) => d.dbInstanceIdentifier === 'shop-db-replica-1')!;
    expect(replica.readReplicaSourceDBInstanceIdentifier).toBeUndefined();
    expect(replica.dbInstanceStatus).toBe('available');
    expect(source.snapshot().inventory.dbInstances.find((d) => d.dbInstanceIdentifier === 'shop-db')!.readReplicaDBInstanceIdentifiers).toEqual(['shop-db-replica-2']);
    expect(progress.some((p) => p.includes('settled'))).toBe(true);
    // Every state the replica went through is reported, even at ×60 with one look per tick.
    const statuses = progress.map((p) => (JSON.parse(p) as { status?: string }).status).filter(Boolean);
    expect(statuses).toEqual(expect.arrayContaining(['modifying', 'rebooting']));
    // One clock per dialog: each report carries the simulated time it was observed at (the scenario's
    // clock, November 2026 in shop), increasing, beside the wall-clock time.
    const simulatedTimes = progress.map((p) => (JSON.parse(p) as { simulatedTime?: string }).simulatedTime);
    expect(simulatedTimes.every((time) => time !== undefined && time.startsWith('2026-11-20'))).toBe(true);
    expect([...simulatedTimes].sort()).toEqual(simulatedTimes);
    const audit = readFileSync(join(configDirectory, AUDIT_LOG_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(audit.at(-1)).toMatchObject({ action: 'PromoteReadReplica', target: 'shop-db-replica-1' });
    core.stop();
  });

  it('a nonce cannot be replayed, and a failing pre-flight refuses execution', async () => {
    const { core, wallClock } = simulationCore();
    wallClock.tick(5000);
    const notAReplica = value<PreparedAction>(await core.handle('action.prepare', { action: { type: 'PromoteReadReplica', dbInstanceIdentifier: 'shop-db' } }));
    expect(notAReplica.allowed).toBe(false);
    expect(notAReplica.checks.find((c) => c.status === 'fail')).toMatchObject({ code: 'is-replica.no', params: { id: 'shop-db' } });
    const refused = value<ActionOutcome>(await core.handle('action.execute', { nonce: notAReplica.nonce }));
    expect(refused).toMatchObject({ accepted: false, message: 'A pre-flight check failed: the action was not run.', refusal: { code: 'preflight-failed' } });

    const resize = value<PreparedAction>(await core.handle('action.prepare', { action: { type: 'SetDesiredCapacity', autoScalingGroupName: 'shop-web-asg', desiredCapacity: 4 } }));
    const first = core.handle('action.execute', { nonce: resize.nonce });
    for (let i = 0; i < 10; i++) {
      wallClock.tick(1000);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(value<ActionOutcome>(await first).accepted).toBe(true);
    const replay = await core.handle('action.execute', { nonce: resize.nonce });
    expect(replay.ok ? (replay.value as ActionOutcome).accepted : false).toBe(false);
    core.stop();
  });

  it('stops following, and says why, when the simulation is reset under it', async () => {
    const { core, wallClock } = simulationCore();
    wallClock.tick(5000);
    const phases: { phase: string; message: string }[] = [];
    core.subscribe((channel, payload) => {
      if (channel === 'action.progress') phases.push(payload as { phase: string; message: string });
    });
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: { type: 'PromoteReadReplica', dbInstanceIdentifier: 'shop-db-replica-2' } }));
    const executing = core.handle('action.execute', { nonce: prepared.nonce });
    await new Promise((resolve) => setImmediate(resolve));
    await core.handle('sim.control', { command: 'reset' });
    wallClock.tick(1000);
    await new Promise((resolve) => setImmediate(resolve));
    // The action itself ran (accepted); following it ended with the reason.
    expect(value<ActionOutcome>(await executing).accepted).toBe(true);
    for (let i = 0; i < 5 && !phases.some((p) => p.phase === 'failed'); i++) {
      wallClock.tick(1000);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(phases.at(-1)).toMatchObject({ phase: 'failed', message: 'The simulation was reset or replaced while the action was being followed.' });
    core.stop();
  });

  it('SetDesiredCapacity outside the group bounds fails its pre-flight', async () => {
    const { core } = simulationCore();
    const prepared = value<PreparedAction>(await core.handle('action.prepare', { action: { type: 'SetDesiredCapacity', autoScalingGroupName: 'shop-web-asg', desiredCapacity: 99 } }));
    expect(prepared.allowed).toBe(false);
    expect(prepared.checks.find((c) => c.code.startsWith('within-bounds.'))).toMatchObject({ code: 'within-bounds.outside', status: 'fail', params: { desired: 99, min: 2, max: 12 } });
    core.stop();
  });
});

describe('DNS traces on the running simulation', () => {
  it('answers dns.trace from the live Route 53 state, and refuses scenarios without a zone', async () => {
    const { core } = simulationCore('global-failover');
    const trace = value<{ steps: { kind: string }[]; answer: { values: string[]; routingPolicy?: string } }>(
      await core.handle('dns.trace', { name: 'www.example.com', type: 'A', from: { countryCode: 'DE', continentCode: 'EU' } }),
    );
    expect(trace.steps.map((s) => s.kind).slice(0, 3)).toEqual(['root', 'tld', 'authoritative']);
    expect(trace.answer.values.length).toBeGreaterThan(0);
    core.stop();
    const zoneless = simulationCore('serverless');
    expect(await zoneless.core.handle('dns.trace', { name: 'www.example.com' })).toMatchObject({ ok: false, error: { code: 'NotSupported' } });
    zoneless.core.stop();
  });
});
