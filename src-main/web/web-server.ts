/**
 * Web mode: the same core as the desktop app, served to a browser on 127.0.0.1. HTTP serves the
 * built renderer; a WebSocket at /ws carries the contract (ClientFrame / ServerFrame), the same
 * requests and events Electron IPC carries.
 *
 * The host must not be crashable from outside: every header, cookie and frame parse is guarded (a
 * malformed value is a 400/401 or a typed error), every socket has an error handler, and the server
 * logs and keeps serving on anything unexpected. Every input has a bound (limits.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { ClientFrame, describeZodError, splitFrame, isRequestChannel, parseRequest, type ContractError, type Result, type ServerFrame, type Update } from '../core/contract';
import type { FlightdeckCore } from '../core/core-host';
import type { LiveInterest } from '../core/live-interest';
import { frameUnits, TokenBucket, WEB_HOST_LIMITS, type WebHostLimits } from './limits';
import { checkAccess, newLaunchId, newToken, securityHeaders, staleCookieRemovals, tokenCookie, tokenCookieName } from './security';
import { readStatic } from './static-files';
import { UpdateCoalescer } from './update-coalescer';

export const MAX_FRAME_BYTES = WEB_HOST_LIMITS.maxFrameBytes;
export const HARD_FRAME_BYTES = WEB_HOST_LIMITS.hardFrameBytes;

export interface WebServerOptions {
  /** What the host needs of the core: its requests and its events. */
  /** newInterest: one window's subscriptions per socket (absent in stand-ins: the core's shared one). */
  core: Pick<FlightdeckCore, 'handle' | 'subscribe'> & Partial<Pick<FlightdeckCore, 'newInterest'>>;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Overrides of the defaults in limits.ts (tests use short heartbeats). */
  limits?: Partial<WebHostLimits>;
  /** Where the host reports what it refused or survived; stderr by default. */
  log?: (message: string) => void;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  /** The token cookie's name: `flightdeck_<port>_<launchId>`. */
  cookieName: string;
  /** Open WebSocket connections. */
  readonly connections: number;
  close(): Promise<void>;
}

const defaultLog = (message: string) => process.stderr.write(`flightdeck serve: ${message}\n`);

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const limits: WebHostLimits = { ...WEB_HOST_LIMITS, ...options.limits };
  const log = options.log ?? defaultLog;
  const token = options.token ?? newToken();
  const launchId = newLaunchId();
  const sockets = new Set<WebSocket>();
  /** Per client: its update frames, merged while its socket buffer is high (back-pressure). */
  const coalescers = new WeakMap<WebSocket, UpdateCoalescer>();
  const interests = new WeakMap<WebSocket, LiveInterest>();
  let port = 0;
  let cookieName = '';

  const server: Server = createServer(
    { maxHeaderSize: limits.maxHeaderBytes, headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs },
    (request, response) => {
      handleHttp(request, response).catch((error: unknown) => {
        log(`HTTP ${request.method} failed: ${describe(error)}`);
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('internal error\n');
      });
    },
  );
  server.maxHeadersCount = 100;
  server.maxConnections = limits.maxSockets;
  // Malformed HTTP (bad request line, oversized headers): answer it and drop that connection only.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.on('connection', (socket: Socket) => socket.on('error', () => socket.destroy()));

  function plain(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
    response.writeHead(status, { ...securityHeaders(port), 'Content-Type': 'text/plain; charset=utf-8', ...extra });
    response.end(text);
  }

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const access = checkAccess(request, token, port, cookieName);
    if (!access.ok) {
      return plain(response, access.status ?? 401, `Flightdeck: ${access.reason}. Open the URL that \`flightdeck serve\` printed at start-up.\n`, { Connection: 'close' });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'only GET and HEAD\n', { Allow: 'GET, HEAD' });
    // The host reads no request body: one announced is refused before a byte of it is read.
    const length = request.headers['content-length'];
    if (request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')) {
      return plain(response, 413, 'request bodies are not accepted\n', { Connection: 'close' });
    }
    const file = await readStatic(options.rendererDir, access.pathname ?? '/');
    if (!file) return plain(response, 404, 'not found\n');
    const cookies: string[] = [];
    if (access.fromQuery) cookies.push(tokenCookie(cookieName, token), ...staleCookieRemovals(request.headers.cookie, port, cookieName));
    response.writeHead(200, {
      ...securityHeaders(port),
      ...(cookies.length > 0 ? { 'Set-Cookie': cookies } : {}),
      'Content-Type': file.contentType,
      'Cache-Control': file.isHtml ? 'no-store' : 'private, max-age=3600',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.hardFrameBytes, perMessageDeflate: false });
  wss.on('error', (error) => log(`WebSocket server error: ${describe(error)}`));
  wss.on('wsClientError', (error, socket) => {
    log(`refused a malformed WebSocket handshake: ${describe(error)}`);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const refused = upgradeRefusal(request);
      if (refused) {
        socket.end(`HTTP/1.1 ${refused}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => attach(ws));
    } catch (error) {
      log(`WebSocket upgrade failed: ${describe(error)}`);
      socket.destroy();
    }
  });

  /** Why an upgrade is refused (status line), or undefined to accept it. */
  function upgradeRefusal(request: IncomingMessage): string | undefined {
    const access = checkAccess(request, token, port, cookieName);
    if (!access.ok) return `${access.status} ${access.reason}`;
    if (access.pathname !== '/ws') return '404 Not Found';
    // Browsers always send Origin on WebSocket upgrades; a missing one is not a browser we served.
    if (request.headers.origin === undefined) return '403 origin required';
    if (sockets.size >= limits.maxConnections) return `503 too many connections (at most ${limits.maxConnections})`;
    return undefined;
  }

  /** Sockets that asked for a snapshot or subscribed: only they are sent updates. */
  const windowsFollowing = new WeakSet<WebSocket>();

  /** Numbers the messages sent in parts (contract/frame-parts.ts). */
  let nextMessage = 0;

  function send(ws: WebSocket, frame: ServerFrame): void {
    if (ws.readyState !== ws.OPEN) return;
    // Frames keep their order: an update waiting for the buffer to drain goes before anything else.
    if (!(frame.type === 'event' && frame.channel === 'update')) coalescers.get(ws)?.flush();
    // Updates wait and merge above the high-water mark; only a client stuck this far behind on
    // the other frames (responses, session and audit events) is let go.
    if (ws.bufferedAmount > limits.maxBufferedBytes) {
      ws.close(1013, 'client too slow; reconnect and reload the snapshot');
      return;
    }
    let text: string;
    try {
      text = JSON.stringify(frame);
    } catch (error) {
      log(`could not serialise a ${frame.type} frame: ${describe(error)}`);
      if (frame.type !== 'response') return;
      text = JSON.stringify({ type: 'response', id: frame.id, result: { ok: false, error: { code: 'Internal', message: 'the answer could not be serialised' } } });
    }
    // No frame over MAX_FRAME_BYTES: a longer message (the first snapshot at scale) goes in parts.
    for (const part of splitFrame(text, nextMessage++)) {
      ws.send(part, (error) => {
        if (error) ws.terminate();
      });
    }
  }

  function attach(ws: WebSocket): void {
    sockets.add(ws);
    const frames = new TokenBucket(limits.frameBurst, limits.frameUnitsPerSecond);
    const requests = new TokenBucket(limits.requestBurst, limits.requestsPerSecond);
    const strikes = new TokenBucket(limits.strikeBurst, limits.strikesPerSecond);
    let alive = true;
    const heartbeat = setInterval(() => {
      // No pong since the last ping: the peer is gone or stuck; drop it (it reconnects if it can).
      if (!alive) return ws.terminate();
      alive = false;
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }, limits.heartbeatMs);
    heartbeat.unref();
    ws.on('pong', () => (alive = true));

    const updates = new UpdateCoalescer({
      highWaterBytes: limits.coalesceAboveBytes,
      checkEveryMs: limits.coalesceCheckMs,
      bufferedAmount: () => ws.bufferedAmount,
      send: (update) => send(ws, { type: 'event', channel: 'update', payload: update }),
      overflow: () => ws.close(1013, 'client too slow; reconnect and reload the snapshot'),
    });
    coalescers.set(ws, updates);
    // This socket's subscriptions (live.subscribe): its updates and snapshots carry only what its views show.
    const interest = options.core.newInterest?.();
    if (interest) interests.set(ws, interest);
    const unsubscribe = options.core.subscribe((channel, payload) => {
      if (channel === 'update') {
        // An update is a change since the window's snapshot: before the window asked for one (or
        // subscribed), it has nothing to apply it to. A page opening on scale-1000 ×3600 got a
        // 300 kB update of everything first, before its subscription, only to parse and drop it.
        if (windowsFollowing.has(ws)) updates.push(payload as Update);
      } else send(ws, { type: 'event', channel, payload });
    }, interest);
    const error = (id: number, code: ContractError['code'], message: string) => send(ws, { type: 'response', id, result: { ok: false, error: { code, message } } });
    /** A refused frame: a typed answer, and a connection that keeps being refused is closed. */
    const refuse = (id: number, message: string) => {
      error(id, 'RateLimited', message);
      if (!strikes.take()) ws.close(1008, 'too many requests over the rate limit');
    };
    const budget: FrameBudget = { frames, requests, refuse, error };
    ws.on('message', (data: RawData, isBinary: boolean) => {
      onMessage(ws, data, isBinary, budget).catch((failure: unknown) => {
        log(`a WebSocket request failed: ${describe(failure)}`);
        error(-1, 'Internal', 'the request failed inside Flightdeck; see the serve log');
      });
    });
    ws.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      updates.stop();
      sockets.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  interface FrameBudget {
    frames: TokenBucket;
    requests: TokenBucket;
    refuse(id: number, message: string): void;
    error(id: number, code: ContractError['code'], message: string): void;
  }

  async function onMessage(ws: WebSocket, data: RawData, isBinary: boolean, budget: FrameBudget): Promise<void> {
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
    if (!budget.frames.take(frameUnits(size))) {
      return budget.refuse(-1, `frame refused: more than ${limits.frameUnitsPerSecond} frames (or 4 KiB units) a second on this connection`);
    }
    if (isBinary) return budget.error(-1, 'InvalidRequest', 'binary frames are not part of the contract');
    if (size > limits.maxFrameBytes) return budget.error(-1, 'InvalidRequest', `frame of ${size} bytes is larger than the ${limits.maxFrameBytes} allowed`);
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      return budget.error(-1, 'InvalidRequest', 'frame is not valid JSON');
    }
    const frame = ClientFrame.safeParse(json);
    if (!frame.success) {
      const id = typeof (json as { id?: unknown })?.id === 'number' && Number.isInteger((json as { id: number }).id) ? (json as { id: number }).id : -1;
      return budget.error(id, 'InvalidRequest', `malformed frame: ${describeZodError(frame.error).message}`);
    }
    const { id, channel, payload } = frame.data;
    // Only requests the core will act on spend the request budget; an unknown channel or an invalid
    // payload is answered by the core's validation alone, metered by the frame budget above.
    const actionable = isRequestChannel(channel) && parseRequest(channel, payload).ok;
    if (actionable && !budget.requests.take()) {
      return budget.refuse(id, `${channel}: refused, more than ${limits.requestsPerSecond} requests a second on this connection; retry shortly`);
    }
    // From here on its updates matter to it (before the snapshot is built: no change falls between).
    if (channel === 'snapshot.get' || channel === 'live.subscribe') windowsFollowing.add(ws);
    let result: Result<unknown>;
    try {
      result = await options.core.handle(channel, payload, interests.get(ws));
    } catch (failure) {
      log(`${channel} failed: ${describe(failure)}`);
      return budget.error(id, 'Internal', `${channel} failed inside Flightdeck; see the serve log`);
    }
    send(ws, { type: 'response', id, result });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      // Last resort: an error on the listening socket after start-up is reported, never thrown.
      server.on('error', (error) => log(`server error: ${describe(error)}`));
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  cookieName = tokenCookieName(port, launchId);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    cookieName,
    get connections() {
      return sockets.size;
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
