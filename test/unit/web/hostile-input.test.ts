/**
 * Issue 10: "A malformed cookie kills `serve` without the token": `Cookie: flightdeck_token=%E0%A4%A`
 * threw URIError in the upgrade handler (the process exited) and gave a 500 on HTTP. A page on another
 * 127.0.0.1 port can plant such a cookie. Every header, cookie and target parse is guarded now: a
 * malformed value is a 400/401, the host keeps serving.
 */
import { recordTrustFigures } from '../../helpers/trust-figures';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '@main/web/web-server';
import { cookieValue, parseCookies, staleCookieRemovals } from '@main/web/security';
import { shopCore } from '../../helpers/core';
import { collect, openSocket, rawExchange, rendererDir, upgradeRequest } from './support';

let server: RunningWebServer;
let stopCore: () => void;
let core: ReturnType<typeof shopCore>['core'];
const logged: string[] = [];

beforeEach(async () => {
  core = shopCore().core;
  stopCore = () => core.stop();
  logged.length = 0;
  server = await startWebServer({ core, rendererDir: rendererDir(), port: 0, log: (m) => logged.push(m) });
});

afterEach(async () => {
  await server.close();
  stopCore();
});

const MALFORMED = '%E0%A4%A';
const status = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

async function stillServing(): Promise<void> {
  const ws = await openSocket(server.port, `?token=${server.token}`);
  ws.close();
  const page = await rawExchange(server.port, `GET /?token=${server.token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
  expect(status(page)).toBe(200);
}

describe('cookies are parsed without throwing', () => {
  it('skips a malformed percent-escape instead of throwing URIError', () => {
    expect(() => cookieValue(`flightdeck_token=${MALFORMED}`, 'flightdeck_token')).not.toThrow();
    expect(cookieValue(`flightdeck_token=${MALFORMED}`, 'flightdeck_token')).toBeUndefined();
    expect(parseCookies(`a=${MALFORMED}; b=ok%20value; =x; novalue; c=3`)).toEqual(new Map([['b', 'ok value'], ['c', '3']]));
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('expires token cookies of earlier launches on the same port only', () => {
    const header = 'flightdeck_4000_aaaaaaaaaaaa=x; flightdeck_4000_bbbbbbbbbbbb=y; flightdeck_5000_cccccccccccc=z';
    expect(staleCookieRemovals(header, 4000, 'flightdeck_4000_bbbbbbbbbbbb')).toEqual(['flightdeck_4000_aaaaaaaaaaaa=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/']);
  });
});

describe('the web host under hostile input', () => {
  it(`answers a WebSocket upgrade with Cookie: <name>=${MALFORMED} with 401, and keeps serving`, async () => {
    for (const name of ['flightdeck_token', server.cookieName]) {
      const answer = await rawExchange(server.port, upgradeRequest(server.port, '/ws', { Cookie: `${name}=${MALFORMED}` }));
      expect(status(answer), answer).toBe(401);
    }
    // With the token in the query, the bad cookie is simply ignored.
    const withToken = await rawExchange(server.port, upgradeRequest(server.port, `/ws?token=${server.token}`, { Cookie: `${server.cookieName}=${MALFORMED}` }));
    expect(status(withToken)).toBe(101);
    await stillServing();
  });

  it(`answers HTTP with a malformed cookie with 401, not 500`, async () => {
    for (const name of ['flightdeck_token', server.cookieName]) {
      const answer = await rawExchange(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${name}=${MALFORMED}\r\nConnection: close\r\n\r\n`);
      expect(status(answer), answer).toBe(401);
    }
    await stillServing();
  });

  it('answers malformed request targets, headers and methods with 4xx, never an exception', async () => {
    const host = `Host: 127.0.0.1:${server.port}`;
    const cases: [string, number][] = [
      // Absolute-form and authority-like targets are not ours.
      [`GET http://[::1 HTTP/1.1\r\n${host}\r\n\r\n`, 400],
      [`GET //evil.example/x?token=${server.token} HTTP/1.1\r\n${host}\r\n\r\n`, 400],
      [`GET /%E0%A4%A?token=${server.token} HTTP/1.1\r\n${host}\r\n\r\n`, 404],
      [`GET /?token=${MALFORMED} HTTP/1.1\r\n${host}\r\n\r\n`, 401],
      // Not HTTP at all, and a header without a colon.
      ['\u0000\u0001garbage\r\n\r\n', 400],
      [`GET / HTTP/1.1\r\n${host}\r\nno colon here\r\n\r\n`, 400],
      // Headers over the cap: 431.
      [`GET /?token=${server.token} HTTP/1.1\r\n${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
      // A body is never read: announcing one is refused.
      [`GET /?token=${server.token} HTTP/1.1\r\n${host}\r\nContent-Length: 5\r\n\r\nhello`, 413],
      [`GET /?token=${server.token} HTTP/1.1\r\n${host}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 413],
      // An upgrade to a path that is not /ws, a broken handshake, a Host of someone else.
      [upgradeRequest(server.port, `/other?token=${server.token}`, {}), 404],
      [upgradeRequest(server.port, `/ws?token=${server.token}`, { 'Sec-WebSocket-Version': '99' }).replace('Sec-WebSocket-Version: 13\r\n', ''), 400],
      [upgradeRequest(server.port, `/ws?token=${server.token}`, {}).replace(`Host: 127.0.0.1:${server.port}`, 'Host: evil.example'), 421],
    ];
    let answered = 0;
    for (const [request, expected] of cases) {
      const answer = await rawExchange(server.port, request);
      expect(status(answer), JSON.stringify(request.slice(0, 80))).toBe(expected);
      answered++;
    }
    await stillServing();
    // The two malformed-cookie cases (upgrade, HTTP) × two cookie names, plus these.
    recordTrustFigures('web-host-hostile', [
      { figure: 'web host: hostile inputs tried (malformed cookies, targets, headers, bodies, handshakes) / answered 4xx', value: `${cases.length + 4} / ${answered + 4}`, goal: 'all 4xx', ok: answered === cases.length },
      { figure: 'web host: crashes or 5xx from hostile input', value: 0, goal: '0', ok: true },
    ]);
  });

  it('answers a request whose handling throws with a typed Internal error, logs it, and keeps the connection', async () => {
    core.handle = async () => {
      throw new TypeError('boom');
    };
    const ws = await openSocket(server.port, `?token=${server.token}`);
    const frames = collect(ws);
    ws.send(JSON.stringify({ type: 'request', id: 9, channel: 'session.get', payload: {} }));
    await expect.poll(() => frames.find((f) => f.id === 9)).toMatchObject({ result: { ok: false, error: { code: 'Internal', message: 'session.get failed inside Flightdeck; see the serve log' } } });
    expect(logged).toContain('session.get failed: TypeError: boom');
    expect(ws.readyState).toBe(ws.OPEN);
    ws.close();
  });
});
