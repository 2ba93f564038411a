/**
 * Soak: 24 simulated hours of scale-1000 with a fault every 10 minutes, driven through the real
 * WebSocket bridge the way the dashboard drives it, with clients connecting and leaving. Heap growth
 * between hour 2 and hour 24 stays under 10 %, no promise is left rejected, and every subscription a
 * client made is gone when it leaves.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FrameJoiner } from '@main/core/contract/frame-parts';
import { FlightdeckCore } from '@main/core/core-host';
import { readScenario } from '@main/core/scenario-files';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { startWebServer } from '@main/web/web-server';
import { manualWallClock } from '../helpers/core';
import { recordTrustFigures } from '../helpers/trust-figures';

const FAULTS = [
  (minute: number) => ({ type: 'FailAvailabilityZone', parameters: { AvailabilityZone: `us-east-1${'abc'[minute % 3]}` }, durationSeconds: 300 }),
  (minute: number) => ({ type: 'TerminateInstances', parameters: { AutoScalingGroupName: `scale-asg-${minute % 25}`, Count: 3 } }),
  (minute: number) => ({ type: 'FailTargets', parameters: { TargetGroupName: `scale-tg-${(minute + 7) % 25}`, Percent: 20 }, durationSeconds: 240 }),
  () => ({ type: 'MultiplyTraffic', parameters: { Factor: 1.5 }, durationSeconds: 300 }),
];

/** JS heap plus ArrayBuffers (the metric rings are typed arrays, which live outside the JS heap). */
const heapMB = () => {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1e6;
};

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
process.on('unhandledRejection', onRejection);
afterAll(() => void process.off('unhandledRejection', onRejection));

describe('soak: 24 h of scale-1000 through the web bridge', () => {
  it('keeps heap growth under 10 % from hour 2 to hour 24, leaks no listeners, rejects nothing', { timeout: 600_000 }, async () => {
    expect((globalThis as { gc?: unknown }).gc, 'run with --expose-gc (vitest.config.ts execArgv)').toBeTypeOf('function');
    const core = new FlightdeckCore(new SimSource(readScenario('scale-1000'), { wallClock: manualWallClock(), paused: true }));
    const dir = mkdtempSync(join(tmpdir(), 'fd-soak-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const server = await startWebServer({ core, rendererDir: dir, port: 0 });
    const listenersAtStart = core.listenerCount();

    const connect = async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { headers: { Origin: `http://127.0.0.1:${server.port}` } });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      let nextId = 1;
      const pending = new Map<number, (frame: { result: { ok: boolean; error?: { message: string } } }) => void>();
      let updates = 0;
      // The host sends a message over 256 kB (the first snapshot of scale-1000) as parts: join them as the renderer does.
      const joiner = new FrameJoiner();
      ws.on('message', (data) => {
        const text = joiner.accept(data.toString());
        if (text === undefined) return;
        const frame = JSON.parse(text);
        if (frame.type === 'event') updates++;
        else pending.get(frame.id)?.(frame);
      });
      const request = (channel: string, payload: unknown) =>
        new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => {
          const id = nextId++;
          pending.set(id, (frame) => {
            pending.delete(id);
            resolve(frame.result);
          });
          ws.send(JSON.stringify({ type: 'request', id, channel, payload }));
        });
      // A window opens with its snapshot, then follows the updates (the host sends none before it).
      await request('snapshot.get', {});
      return { ws, request, updates: () => updates };
    };

    let client = await connect();
    let faultsSurvived = 0;
    let heapAtHour2 = 0;
    for (let minute = 0; minute < 24 * 60; minute += 10) {
      const fault = FAULTS[(minute / 10) % FAULTS.length]!(minute / 10);
      const injected = await client.request('sim.fault.inject', fault);
      expect(injected.ok, injected.error?.message).toBe(true);
      faultsSurvived++;
      const stepped = await client.request('sim.control', { command: 'step', seconds: 600 });
      expect(stepped.ok, stepped.error?.message).toBe(true);
      if (minute + 10 === 120) heapAtHour2 = heapMB();
      // Every two hours the dashboard reconnects (a reload): the old client's subscription must go.
      if ((minute + 10) % 120 === 0) {
        await client.request('snapshot.get', {});
        client.ws.close();
        await new Promise((resolve) => client.ws.once('close', resolve));
        client = await connect();
      }
    }
    const heapAtHour24 = heapMB();
    const growth = (heapAtHour24 - heapAtHour2) / heapAtHour2;
    client.ws.close();
    await new Promise((resolve) => client.ws.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listenersAtEnd = core.listenerCount();
    await server.close();
    core.stop();

    recordTrustFigures('soak', [
      { figure: 'soak: faults injected and survived (24 h of scale-1000, one every 10 min)', value: faultsSurvived, goal: '144', ok: faultsSurvived === 144 },
      { figure: 'soak: heap + ArrayBuffer growth, hour 2 → hour 24', value: `${(growth * 100).toFixed(1)} % (${heapAtHour2.toFixed(0)} → ${heapAtHour24.toFixed(0)} MB)`, goal: '< 10 %', ok: growth < 0.1 },
      { figure: 'soak: core listeners left after 12 reconnects', value: listenersAtEnd - listenersAtStart, goal: '0', ok: listenersAtEnd === listenersAtStart },
      { figure: 'soak: unhandled rejections', value: rejections.length, goal: '0', ok: rejections.length === 0 },
    ]);
    expect(faultsSurvived).toBe(144);
    expect(growth).toBeLessThan(0.1);
    expect(listenersAtEnd).toBe(listenersAtStart);
    expect(rejections).toEqual([]);
  });
});
