/** Issue 17 item 4: the host runs backtests of the loaded scenario through the contract. */
import { describe, expect, it } from 'vitest';
import { BacktestProgress, BacktestResult } from '@main/core/contract';
import { shopCore } from '../../helpers/core';

const change = 'Resources:\n  WebCpuTargetTracking:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValue: 40\n';

describe('sim.backtest.* through FlightdeckCore', () => {
  it('gives an example change, runs a backtest with progress events and a result that satisfies the contract', async () => {
    const { core, source } = shopCore();
    const before = source.clock();
    const example = await core.handle('sim.backtest.example', {});
    expect(example).toMatchObject({ ok: true, value: { durationSeconds: 7200 } });
    expect((example as { value: { change: string } }).value.change).toContain('WebCpuTargetTracking');
    const progress: unknown[] = [];
    core.subscribe((channel, payload) => channel === 'sim.backtest.progress' && progress.push(payload));
    const result = await core.handle('sim.backtest.run', { change, durationSeconds: 3600 });
    expect(result.ok).toBe(true);
    expect(() => BacktestResult.parse((result as { value: unknown }).value)).not.toThrow();
    expect(progress.length).toBeGreaterThan(2);
    for (const one of progress) expect(() => BacktestProgress.parse(one)).not.toThrow();
    expect(progress.at(-1)).toEqual({ run: 'changed', fraction: 1 });
    // The live simulation was not moved by the headless runs.
    expect(source.clock()).toEqual(before);
  }, 120_000);

  it('refuses a typo with its problem as a code, a second run while one runs (Busy), and answers a cancel with Cancelled', async () => {
    const { core } = shopCore();
    const refused = await core.handle('sim.backtest.run', { change: change.replace('TargetValue', 'TargetValu'), durationSeconds: 600 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidRequest', problems: [{ code: 'change.unknownProperty', path: 'Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValu', line: 5 }] } });
    expect(await core.handle('sim.backtest.run', { change, durationSeconds: 3 * 86_400 })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', path: 'durationSeconds' } });

    const first = core.handle('sim.backtest.run', { change, durationSeconds: 6 * 3600 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await core.handle('sim.backtest.run', { change, durationSeconds: 600 })).toMatchObject({ ok: false, error: { code: 'Busy' } });
    expect(await core.handle('sim.backtest.cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(await first).toMatchObject({ ok: false, error: { code: 'Cancelled' } });
    expect(await core.handle('sim.backtest.cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
  }, 120_000);
});
