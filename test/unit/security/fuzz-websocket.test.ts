/**
 * Thousands of malformed frames over the real WebSocket bridge: raw garbage, wrong-typed frames,
 * invalid requests on every channel, oversized frames. Each gets a typed error response, the
 * connection stays up, the server stays up, and the simulation's state does not change.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { requests, type RequestChannel } from '@main/core/contract';
import { startWebServer } from '@main/web/web-server';
import { shopCore } from '../../helpers/core';
import { ERROR_CODES, invalidRequest } from './malformed-messages';
import { recordTrustFigures } from '../../helpers/trust-figures';

const RUNS = 2500;

describe('fuzz: malformed frames over the WebSocket bridge', () => {
  it(`answers ${RUNS} malformed frames with typed errors and changes nothing`, async () => {
    const { core, source } = shopCore();
    await core.handle('sim.control', { command: 'step', seconds: 300 });
    const before = JSON.stringify(source.snapshot());
    const dir = mkdtempSync(join(tmpdir(), 'fd-fuzz-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const server = await startWebServer({ core, rendererDir: dir, port: 0 });
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { headers: { Origin: `http://127.0.0.1:${server.port}` } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const responses: { id: number; result: { ok: boolean; error?: { code: string } } }[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'response') responses.push(frame);
    });

    // Frames: raw text that is not a frame, frames with wrong types, and invalid requests with valid framing.
    const rawFrame = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('{', 'null', '[]', '{"type":"request"}', '{"type":"request","id":-5,"channel":"session.get"}', '{"type":"request","id":1.5,"channel":"x"}', '{"type":"event"}'),
      fc.anything({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'undefined'),
    );
    let nextId = 1_000_000;
    // JSON drops undefined members, which can turn an invalid payload valid: keep only what stays invalid on the wire.
    const framed = invalidRequest
      .map(([channel, payload]): string => JSON.stringify({ type: 'request', id: nextId++, channel, payload }))
      .filter((text) => {
        const { channel, payload } = JSON.parse(text) as { channel: unknown; payload: unknown };
        return typeof channel !== 'string' || !Object.hasOwn(requests, channel) || !requests[channel as RequestChannel].request.safeParse(payload ?? {}).success;
      });
    const frames: string[] = fc.sample(fc.oneof(rawFrame, framed), { numRuns: RUNS, seed: 42 });
    // Plus frames over the size limit.
    frames.push('{"type":"request","id":7,"channel":"session.get","payload":"' + 'x'.repeat(3 * 1024 * 1024) + '"}');
    for (const frame of frames) ws.send(frame);
    // A valid request at the end proves the connection survived, and arrives after all the others.
    ws.send(JSON.stringify({ type: 'request', id: 424242, channel: 'session.get', payload: {} }));
    await expect.poll(() => responses.some((r) => r.id === 424242), { timeout: 30_000 }).toBe(true);

    const errors = responses.filter((r) => r.id !== 424242);
    expect(errors).toHaveLength(frames.length);
    for (const response of errors) {
      expect(response.result.ok).toBe(false);
      expect(ERROR_CODES.has(response.result.error!.code)).toBe(true);
    }
    const unchanged = JSON.stringify(source.snapshot()) === before;
    const untyped = errors.filter((r) => r.result.ok || !ERROR_CODES.has(r.result.error!.code)).length;
    recordTrustFigures('fuzz-websocket', [
      { figure: 'malformed frames tried over the WebSocket', value: frames.length, goal: '≥ 2,000', ok: frames.length >= 2000 },
      { figure: 'WebSocket: crashes / untyped answers / state changes', value: untyped + (unchanged ? 0 : 1), goal: '0', ok: untyped === 0 && unchanged },
    ]);
    expect(unchanged).toBe(true);
    ws.close();
    await server.close();
    core.stop();
  });
});
