/**
 * Web mode carries the bounded subscription answer and `live.older` like any request of the
 * contract (issue 15): a socket subscribed as the Overview gets the newest entries with the count
 * of the older ones, pages back through them, and a page request out of bounds is refused with a
 * typed error while the socket stays open.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FrameJoiner } from '@main/core/contract/frame-parts';
import { startWebServer, type RunningWebServer } from '@main/web/web-server';
import { shopCore } from '../../helpers/core';

let server: RunningWebServer;
let stopCore: () => void;
let core: ReturnType<typeof shopCore>['core'];
let region: string;

beforeEach(async () => {
  const shop = shopCore();
  core = shop.core;
  region = shop.source.scenario.simulation.region;
  stopCore = () => core.stop();
  const dir = mkdtempSync(join(tmpdir(), 'fd-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  server = await startWebServer({ core, rendererDir: dir, port: 0 });
}, 120_000);

afterEach(async () => {
  await server.close();
  stopCore();
});

async function client() {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { headers: { Origin: `http://127.0.0.1:${server.port}` } });
  await new Promise((done, fail) => ws.once('open', done).once('error', fail));
  const parts = new FrameJoiner();
  type Answer = { ok: boolean; value?: { timeline: { time: string }[]; older?: unknown; next?: unknown }; error?: { code: string } };
  const answers = new Map<number, (result: Answer) => void>();
  ws.on('message', (data: Buffer) => {
    const text = parts.accept(data.toString());
    if (text === undefined) return;
    const frame = JSON.parse(text) as { type: string; id?: number; result?: { ok: boolean } };
    if (frame.type === 'response') answers.get(frame.id!)?.(frame.result as never);
  });
  let id = 0;
  const ask = (channel: string, payload: unknown) =>
    new Promise<Answer>((done) => {
      answers.set(++id, done);
      ws.send(JSON.stringify({ type: 'request', id, channel, payload }));
    });
  return { ws, ask };
}

describe('web mode: bounded answers and older pages', () => {
  it('a socket subscribed as the Overview gets the newest entries, the older count, and pages back', async () => {
    // An Availability Zone failure: target health and fault entries well beyond five.
    await core.handle('sim.control', { command: 'step', seconds: 600 });
    await core.handle('sim.fault.inject', { type: 'FailAvailabilityZone', parameters: { AvailabilityZone: `${region}a` }, durationSeconds: 900 });
    await core.handle('sim.control', { command: 'step', seconds: 3000 });
    const whole = (await core.handle('snapshot.get', {})) as { value: { timeline: { time: string }[] } };
    expect(whole.value.timeline.length).toBeGreaterThan(5);
    const { ws, ask } = await client();
    const answer = await ask('live.subscribe', { metrics: [], lists: ['timeline'], instanceCpu: [], newest: { timeline: 5 } });
    expect(answer.ok).toBe(true);
    expect(answer.value!.timeline).toHaveLength(5);
    expect(answer.value!.older).toEqual({ timeline: whole.value.timeline.length - 5 });
    const page = await ask('live.older', { lists: ['timeline'], before: { time: answer.value!.timeline[0]!.time, skip: 0 }, limit: 3 });
    expect(page.ok).toBe(true);
    expect(page.value!.timeline).toHaveLength(3);
    expect(page.value!.next).toBeDefined();
    const refused = await ask('live.older', { lists: ['timeline'], before: { time: 'not a time', skip: 0 }, limit: 5000 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    // The socket is still usable.
    expect((await ask('session.get', {})).ok).toBe(true);
    ws.close();
  });
});
