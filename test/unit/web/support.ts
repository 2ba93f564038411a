/** Raw HTTP and WebSocket clients for the web host tests: headers and bytes exactly as given. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fd-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Flightdeck</title>');
  return dir;
}

/** Sends raw bytes to the port and returns the server's answer up to the end of its headers (or 5 s). */
export function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, 5_000);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      // The status line and headers are all the tests read: stop there rather than wait for a close.
      if (answer.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (answer) resolve(answer);
      else reject(error);
    });
    socket.write(text);
  });
}

export function upgradeRequest(port: number, path: string, headers: Record<string, string>): string {
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    `Origin: http://127.0.0.1:${port}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export function openSocket(port: number, query: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, { headers: { Origin: `http://127.0.0.1:${port}` }, ...options });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode} ${res.statusMessage}`)));
    ws.once('error', reject);
  });
}

export interface Frame {
  type: string;
  id?: number;
  channel?: string;
  result?: { ok: boolean; error?: { code: string; message: string } };
}

/** Collects every frame a socket receives. */
export function collect(ws: WebSocket): Frame[] {
  const frames: Frame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as Frame));
  return frames;
}
