import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HARD_FRAME_BYTES, MAX_FRAME_BYTES, startWebServer, type RunningWebServer } from '@main/web/web-server';
import { shopCore } from '../../helpers/core';

let server: RunningWebServer;
let stopCore: () => void;
let origin: string;

function rendererFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fd-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Flightdeck</title>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'secret.txt'), 'do not serve');
  return dir;
}

/** Raw HTTP so that Host and Origin can be set freely (fetch forbids it). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(query: string, headers: Record<string, string> = { Origin: origin }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket, predicate: (frame: { type: string; id?: number; channel?: string }) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString());
      if (predicate(frame)) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
  });
}

beforeEach(async () => {
  const { core } = shopCore();
  stopCore = () => core.stop();
  server = await startWebServer({ core, rendererDir: rendererFixture(), port: 0 });
  origin = `http://127.0.0.1:${server.port}`;
});

afterEach(async () => {
  await server.close();
  stopCore();
});

describe('web mode HTTP', () => {
  it('listens on 127.0.0.1 only and prints a URL with the per-launch token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses requests without the token', async () => {
    const response = await get('/');
    expect(response.status).toBe(401);
    expect(response.body).toContain('missing or wrong token');
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
  });

  it('serves the renderer with the token, sets an HttpOnly SameSite cookie, and sends security headers', async () => {
    const response = await get(`/?token=${server.token}`);
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Flightdeck</title>');
    // Named for this instance (port and launch id): cookies are not port-scoped, instances must not collide.
    expect(server.cookieName).toMatch(new RegExp(`^flightdeck_${server.port}_[0-9a-f]{12}$`));
    expect(response.headers['set-cookie']).toEqual([`${server.cookieName}=${server.token}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const asset = await get('/assets/app.js', { Cookie: `${server.cookieName}=${server.token}` });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses other Origins, foreign Host headers (DNS rebinding) and non-GET methods', async () => {
    expect((await get(`/?token=${server.token}`, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await get(`/?token=${server.token}`, { Host: 'evil.example' })).status).toBe(421);
    expect((await get(`/?token=${server.token}`, {}, 'POST')).status).toBe(405);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const response = await get(`${path}${path.includes('?') ? '&' : '?'}token=${server.token}`);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('do not serve');
    }
  });
});

describe('web mode WebSocket bridge', () => {
  it('refuses an upgrade without token, from another origin, or without an Origin', async () => {
    await expect(openSocket('')).rejects.toThrow('HTTP 401');
    await expect(openSocket(`?token=${server.token}`, { Origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openSocket(`?token=${server.token}`, {})).rejects.toThrow('HTTP 403');
  });

  it('carries contract requests and responses, correlated by id', async () => {
    const ws = await openSocket(`?token=${server.token}`);
    const response = nextFrame(ws, (f) => f.type === 'response' && f.id === 7);
    ws.send(JSON.stringify({ type: 'request', id: 7, channel: 'session.get', payload: {} }));
    expect(await response).toEqual({ type: 'response', id: 7, result: { ok: true, value: { mode: 'simulation', scenarioName: 'shop', seed: 42, region: 'us-east-1' } } });
    ws.close();
  });

  it('pushes update events to a socket that asked for the snapshot, and none before (they are changes since it)', async () => {
    const ws = await openSocket(`?token=${server.token}`);
    const frames: { type: string; channel?: string }[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    const stepped = nextFrame(ws, (f) => f.type === 'response' && f.id === 9);
    ws.send(JSON.stringify({ type: 'request', id: 9, channel: 'sim.control', payload: { command: 'step', seconds: 60 } }));
    await stepped;
    expect(frames.filter((f) => f.type === 'event' && f.channel === 'update')).toEqual([]);
    const snapshot = nextFrame(ws, (f) => f.type === 'response' && f.id === 10);
    ws.send(JSON.stringify({ type: 'request', id: 10, channel: 'snapshot.get', payload: {} }));
    await snapshot;
    const event = nextFrame(ws, (f) => f.type === 'event' && f.channel === 'update');
    ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'sim.control', payload: { command: 'step', seconds: 120 } }));
    const frame = (await event) as { payload: { clock: { now: number } } };
    expect(frame.payload.clock.now).toBe(Date.UTC(2026, 10, 20, 14, 3));
    ws.close();
  });

  it('answers malformed frames with a typed error and keeps the connection', async () => {
    const ws = await openSocket(`?token=${server.token}`);
    const bad = nextFrame(ws, (f) => f.type === 'response' && f.id === -1);
    ws.send('{not json');
    expect(await bad).toMatchObject({ result: { ok: false, error: { code: 'InvalidRequest', message: 'frame is not valid JSON' } } });
    const wrongType = nextFrame(ws, (f) => f.type === 'response' && f.id === 3);
    ws.send(JSON.stringify({ type: 'request', id: 3, channel: 'sim.control', payload: { command: 'step', seconds: 'many' } }));
    expect(await wrongType).toMatchObject({ result: { ok: false, error: { code: 'InvalidRequest', path: 'seconds' } } });
    const stillThere = nextFrame(ws, (f) => f.type === 'response' && f.id === 4);
    ws.send(JSON.stringify({ type: 'request', id: 4, channel: 'session.get' }));
    expect(await stillThere).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('answers an oversized frame with a typed error, and closes the connection on a huge one', async () => {
    const ws = await openSocket(`?token=${server.token}`);
    const tooLarge = nextFrame(ws, (f) => f.type === 'response' && f.id === -1);
    ws.send('x'.repeat(MAX_FRAME_BYTES + 1));
    expect(await tooLarge).toMatchObject({ result: { ok: false, error: { code: 'InvalidRequest', message: expect.stringContaining('larger than') } } });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(HARD_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);
  });
});
