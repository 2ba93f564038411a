/** Health thresholds through the core: validated, persisted next to settings.json, applied at once to every client. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyHealthDelta, DEFAULT_HEALTH_THRESHOLDS, type HealthReport, type Update } from '@main/core/contract/model';
import { FlightdeckCore } from '@main/core/core-host';
import { readScenario } from '@main/core/scenario-files';
import { SessionManager } from '@main/core/session/session-manager';
import { HEALTH_THRESHOLDS_FILE, HealthThresholdStore } from '@main/core/settings/health-thresholds-store';
import { SimSource } from '@main/core/sources/sim/sim-source';

const stillWallClock = { now: () => 0, every: () => () => undefined };

function start(directory: string) {
  const source = new SimSource(readScenario('serverless'), { wallClock: stillWallClock, paused: true });
  const sessions = new SessionManager(source, { healthThresholds: new HealthThresholdStore(directory) });
  const core = new FlightdeckCore(sessions);
  const pushed: HealthReport[] = [];
  // Updates carry health deltas (contract/health-delta.ts): applied to the report a client holds.
  let held = sessions.snapshot().health!;
  core.subscribe((channel, payload) => {
    const delta = channel === 'update' ? (payload as Update).healthDelta : undefined;
    if (!delta) return;
    held = applyHealthDelta(held, delta);
    pushed.push(held);
  });
  return { core, source, pushed };
}

describe('health thresholds', () => {
  it('defaults an operator would pick, documented in docs/health.md', () => {
    expect(DEFAULT_HEALTH_THRESHOLDS).toEqual({
      windowMinutes: 5,
      minRequests: 100,
      http5xxDegradedPercent: 1,
      http5xxFailingPercent: 5,
      lambdaErrorDegradedPercent: 1,
      lambdaErrorFailingPercent: 10,
      lambdaThrottleDegradedPercent: 1,
      lambdaThrottleFailingPercent: 10,
      replicaLagSeconds: 30,
      capacityShortfallSeconds: 300,
      failedActivityMinutes: 15,
    });
    const doc = readFileSync(join(__dirname, '../../../../docs/health.md'), 'utf8');
    for (const name of Object.keys(DEFAULT_HEALTH_THRESHOLDS)) expect(doc, name).toContain(`\`${name}\``);
  });

  it('refuses a degraded level above the failing one, and out-of-range values, saying which field', async () => {
    const { core } = start(mkdtempSync(join(tmpdir(), 'fd-health-')));
    const inverted = await core.handle('health.thresholds.set', { thresholds: { ...DEFAULT_HEALTH_THRESHOLDS, http5xxDegradedPercent: 20 } });
    expect(inverted).toMatchObject({ ok: false, error: { code: 'InvalidRequest', path: 'thresholds.http5xxDegradedPercent' } });
    const negative = await core.handle('health.thresholds.set', { thresholds: { ...DEFAULT_HEALTH_THRESHOLDS, windowMinutes: 0 } });
    expect(negative).toMatchObject({ ok: false, error: { path: 'thresholds.windowMinutes' } });
  });

  it('a change re-evaluates at once, is pushed to every client and survives a restart', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fd-health-'));
    const { core: first, source, pushed } = start(directory);
    source.step(8 * 60);
    // orders-api fails 0.1 % of its calls: OK under the default 1 %, degraded at 0.05 %.
    const lambda = (report: HealthReport) => report.services.find((s) => s.service === 'lambda')!;
    const snapshot = await first.handle('snapshot.get', {});
    expect(snapshot.ok && lambda((snapshot.value as { health: HealthReport }).health).status).toBe('ok');
    const strict = { ...DEFAULT_HEALTH_THRESHOLDS, lambdaErrorDegradedPercent: 0.05 };
    expect(await first.handle('health.thresholds.set', { thresholds: strict })).toEqual({ ok: true, value: strict });
    expect(lambda(pushed.at(-1)!)).toMatchObject({ status: 'degraded', reasons: [{ code: 'fn.errors', subject: 'orders-api' }] });
    expect(JSON.parse(readFileSync(join(directory, HEALTH_THRESHOLDS_FILE), 'utf8'))).toEqual(strict);
    const { core: second } = start(directory);
    expect(await second.handle('health.thresholds.get', {})).toEqual({ ok: true, value: strict });
    expect(await second.handle('health.thresholds.set', { thresholds: null })).toEqual({ ok: true, value: DEFAULT_HEALTH_THRESHOLDS });
  });

  it('a corrupt file is moved aside and the defaults apply', () => {
    const directory = mkdtempSync(join(tmpdir(), 'fd-health-'));
    writeFileSync(join(directory, HEALTH_THRESHOLDS_FILE), '{"windowMinutes": -3}');
    const store = new HealthThresholdStore(directory);
    expect(store.get()).toEqual(DEFAULT_HEALTH_THRESHOLDS);
    expect(store.loadMessage).toContain('windowMinutes');
  });
});
