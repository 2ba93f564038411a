/**
 * Web mode: the same core as the desktop app, served to a browser on 127.0.0.1. HTTP serves the
 * built renderer; a WebSocket at /ws carries the contract (ClientFrame / ServerFrame), the same
 * requests and events Electron IPC carries.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { ClientFrame, describeZodError, type ServerFrame } from '../core/contract';
import type { FlightdeckCore } from '../core/core-host';
import { checkAccess, securityHeaders, TOKEN_COOKIE, newToken } from './security';
import { readStatic } from './static-files';

/**
 * Contract requests are small (the largest is a scenario file's text, up to 2 MB): a frame above
 * MAX_FRAME_BYTES is answered with a typed error; above HARD_FRAME_BYTES the socket is closed (1009)
 * before the frame is even buffered whole.
 */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024 + 64 * 1024;
export const HARD_FRAME_BYTES = 8 * 1024 * 1024;
/** A client this far behind is disconnected; it reconnects and reloads the snapshot. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface WebServerOptions {
  core: FlightdeckCore;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? newToken();
  const sockets = new Set<WebSocket>();
  let port = 0;

  const server: Server = createServer((request, response) => {
    handleHttp(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('internal error');
    });
  });

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = securityHeaders(port);
    const access = checkAccess(request, token, port);
    if (!access.ok) {
      response.writeHead(access.status ?? 401, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`Flightdeck: ${access.reason}. Open the URL that \`flightdeck serve\` printed at start-up.\n`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found\n');
      return;
    }
    const extra: Record<string, string> = {};
    if (access.fromQuery) extra['Set-Cookie'] = `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
    response.writeHead(200, {
      ...headers,
      ...extra,
      'Content-Type': file.contentType,
      'Cache-Control': file.isHtml ? 'no-store' : 'private, max-age=3600',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_BYTES, perMessageDeflate: false });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const access = checkAccess(request, token, port);
    // Browsers always send Origin on WebSocket upgrades; a missing one is not a browser we served.
    const refused = !access.ok ? `${access.status} ${access.reason}` : url.pathname !== '/ws' ? '404 not found' : request.headers.origin === undefined ? '403 origin required' : undefined;
    if (refused) {
      socket.write(`HTTP/1.1 ${refused.slice(0, 3)} ${refused.slice(4)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => attach(ws));
  });

  function send(ws: WebSocket, frame: ServerFrame): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.close(1013, 'client too slow; reconnect and reload the snapshot');
      return;
    }
    ws.send(JSON.stringify(frame));
  }

  function attach(ws: WebSocket): void {
    sockets.add(ws);
    const unsubscribe = options.core.subscribe((channel, payload) => send(ws, { type: 'event', channel, payload }));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void onMessage(ws, data, isBinary);
    });
    ws.on('close', () => {
      unsubscribe();
      sockets.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  async function onMessage(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    const invalid = (id: number, message: string) =>
      send(ws, { type: 'response', id, result: { ok: false, error: { code: 'InvalidRequest', message } } });
    if (isBinary) return invalid(-1, 'binary frames are not part of the contract');
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
    if (size > MAX_FRAME_BYTES) return invalid(-1, `frame of ${size} bytes is larger than the ${MAX_FRAME_BYTES} allowed`);
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      return invalid(-1, 'frame is not valid JSON');
    }
    const frame = ClientFrame.safeParse(json);
    if (!frame.success) {
      const id = typeof (json as { id?: unknown })?.id === 'number' && Number.isInteger((json as { id: number }).id) ? (json as { id: number }).id : -1;
      return invalid(id, `malformed frame: ${describeZodError(frame.error).message}`);
    }
    const result = await options.core.handle(frame.data.channel, frame.data.payload);
    send(ws, { type: 'response', id: frame.data.id, result });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
