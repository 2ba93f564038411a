/**
 * Review-attack t3: a request payload nested ~8000 levels (`[[[…]]]`, `{"action": [[[…]]]}`) was
 * answered `Internal` "…failed inside Flightdeck", with "RangeError: Maximum call stack size exceeded"
 * in the serve log: validation recursed. Nesting is bounded before validation, by an iterative walk,
 * and a deeper request is an InvalidRequest with the problem code `request.tooDeep` and the limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '@main/web/web-server';
import { MAX_REQUEST_DEPTH, requestDepthProblem } from '@main/core/contract/request-depth';
import { shopCore } from '../../helpers/core';
import { collect, openSocket, rendererDir } from './support';

let server: RunningWebServer;
let core: ReturnType<typeof shopCore>['core'];
const logged: string[] = [];

beforeEach(async () => {
  core = shopCore().core;
  logged.length = 0;
  server = await startWebServer({ core, rendererDir: rendererDir(), port: 0, log: (m) => logged.push(m) });
}, 120_000);

afterEach(async () => {
  await server.close();
  core.stop();
}, 120_000);

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('deeply nested requests (review-attack t3)', () => {
  it('answers InvalidRequest request.tooDeep with the limit over WebSocket, never Internal, and keeps serving', async () => {
    const ws = await openSocket(server.port, `?token=${server.token}`);
    const frames = collect(ws);
    let id = 1;
    const sent: number[] = [];
    for (const channel of ['audit.list', 'action.prepare']) {
      for (const payload of [`{"action":${nested(8000)}}`, nested(8000), nestedObject(8000)]) {
        sent.push(id);
        ws.send(`{"type":"request","id":${id++},"channel":"${channel}","payload":${payload}}`);
      }
    }
    ws.send(JSON.stringify({ type: 'request', id: 99, channel: 'session.get', payload: {} }));
    await expect.poll(() => frames.find((f) => f.id === 99), { timeout: 60_000 }).toMatchObject({ result: { ok: true } });
    for (const sentId of sent) {
      expect(frames.find((f) => f.id === sentId), String(sentId)).toMatchObject({ result: { ok: false, error: { code: 'InvalidRequest', problem: { code: 'request.tooDeep', params: { limit: MAX_REQUEST_DEPTH } } } } });
    }
    expect(logged.join('\n')).not.toMatch(/Maximum call stack|failed inside/);
    ws.close();
  }, 120_000);

  it('the core refuses it the same way for a window over IPC (no web host in between)', async () => {
    const deep = JSON.parse(nested(8000)) as unknown;
    expect(await core.handle('audit.list', deep)).toMatchObject({ ok: false, error: { code: 'InvalidRequest', problem: { code: 'request.tooDeep', params: { channel: 'audit.list', limit: MAX_REQUEST_DEPTH } } } });
    expect(await core.handle('action.prepare', { action: deep })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', path: expect.stringMatching(/^action\.0\.0/), problem: { code: 'request.tooDeep' } } });
  }, 120_000);

  it('walks without recursion: 100,000 levels are measured, ordinary requests pass', () => {
    expect(requestDepthProblem(JSON.parse(nested(100_000)))).toMatchObject({ depth: MAX_REQUEST_DEPTH + 1 });
    expect(requestDepthProblem({ action: { type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 3 } })).toBeUndefined();
    expect(requestDepthProblem(JSON.parse(nested(MAX_REQUEST_DEPTH)))).toBeUndefined();
    expect(requestDepthProblem(JSON.parse(nested(MAX_REQUEST_DEPTH + 1)))).toBeDefined();
  });
});
