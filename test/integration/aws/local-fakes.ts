/**
 * Small local stand-ins for what an operator's machine talks to besides AWS, each on 127.0.0.1 and
 * recording what it was asked: the ECS/EKS container credentials endpoint, EC2 IMDSv2, a corporate
 * proxy (CONNECT tunnels and plain forwarding), a TLS endpoint with its own CA in front of moto,
 * and an endpoint that answers with an HTML page. Certificates are made with the system openssl.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

export interface FakeServer {
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return async () => {
    for (const socket of sockets) socket.destroy();
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

function track(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

const credentialsJson = (key: string) => ({
  AccessKeyId: key,
  SecretAccessKey: 'fakeSecretFromALocalFakeEndpoint0000000000',
  Token: 'FakeSessionTokenFromALocalFake',
  Expiration: new Date(Date.now() + 3600_000).toISOString(),
});

/** The ECS/EKS container credentials endpoint: GET → temporary keys (docs: AWS_CONTAINER_CREDENTIALS_FULL_URI). */
export async function startContainerEndpoint(key = 'ASIACONTAINERFAKE001'): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(credentialsJson(key)));
  });
  const sockets = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, requests, close: closer(server, sockets) };
}

/** EC2 IMDSv2: PUT /latest/api/token, then GETs carrying that token; GETs without it are refused (401). */
export async function startImdsV2(role = 'flightdeck-instance-role', key = 'ASIAIMDSFAKE00000001'): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const token = 'imds-session-token-42';
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.method === 'PUT' && req.url === '/latest/api/token') {
      if (!req.headers['x-aws-ec2-metadata-token-ttl-seconds']) return void res.writeHead(400).end();
      return void res.writeHead(200).end(token);
    }
    if (req.headers['x-aws-ec2-metadata-token'] !== token) return void res.writeHead(401).end();
    if (req.url === '/latest/meta-data/iam/security-credentials/') return void res.writeHead(200).end(role);
    if (req.url === `/latest/meta-data/iam/security-credentials/${role}`) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end(JSON.stringify({ Code: 'Success', Type: 'AWS-HMAC', LastUpdated: new Date().toISOString(), ...credentialsJson(key) }));
    }
    res.writeHead(404).end();
  });
  const sockets = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, requests, close: closer(server, sockets) };
}

/** Records every request and answers like a captive portal or a web server: an HTML page. */
export async function startHtmlEndpoint(): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>Sign in to the guest network</body></html>');
    });
  });
  const sockets = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, requests, close: closer(server, sockets) };
}

export interface FakeProxy extends FakeServer {
  /** `host:port` of every CONNECT tunnel asked for. */
  connects: string[];
  /** Absolute URLs of plain-HTTP requests forwarded. */
  forwarded: string[];
}

/** A corporate HTTP proxy: CONNECT tunnels (HTTPS) and absolute-URI forwarding (HTTP). `refuse`: every CONNECT gets 403. */
export async function startProxy(options: { refuse?: boolean } = {}): Promise<FakeProxy> {
  const connects: string[] = [];
  const forwarded: string[] = [];
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    forwarded.push(req.url ?? '');
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      return void res.writeHead(400).end();
    }
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    if (options.refuse) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = netConnect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  const sockets = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, requests, connects, forwarded, close: closer(server, sockets) };
}

export interface TestCa {
  dir: string;
  caFile: string;
  certFile: string;
  keyFile: string;
}

export function opensslAvailable(): boolean {
  return spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
}

/** A throw-away CA and a server certificate it signed for 127.0.0.1 and localhost. */
export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-ca-'));
  const run = (args: string[]) => {
    const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
  };
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Flightdeck Test Corporate CA']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.ext']);
  return { dir, caFile: join(dir, 'ca.pem'), certFile: join(dir, 'server.pem'), keyFile: join(dir, 'server.key') };
}

/** HTTPS in front of moto, with a certificate only `ca` trusts. */
export async function startTlsFrontend(ca: TestCa, upstream: string): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const target = new URL(upstream);
  const server = createHttpsServer({ cert: readFileSync(ca.certFile), key: readFileSync(ca.keyFile) }, (req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const forward = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  const sockets = track(server as unknown as Server);
  const port = await listen(server as unknown as Server);
  return { url: `https://127.0.0.1:${port}`, port, requests, close: closer(server as unknown as Server, sockets) };
}
