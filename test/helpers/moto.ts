/**
 * One real `moto_server` per test file, behind a tiny counting HTTP proxy so that tests (and the
 * bench) can assert how many AWS API calls — and how many bytes — a refresh costs.
 *
 * Without moto_server: the tests are skipped with a loud notice saying how to enable them, except
 * when CI is set or FLIGHTDECK_REQUIRE_MOTO=1, where a missing moto fails the run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MotoAvailability {
  available: boolean;
  required: boolean;
  reason?: string;
}

export function motoAvailability(env: NodeJS.ProcessEnv = process.env): MotoAvailability {
  const required = Boolean(env.CI) || env.FLIGHTDECK_REQUIRE_MOTO === '1';
  const found = spawnSync('moto_server', ['--help'], { stdio: 'ignore', env });
  if (found.error || found.status !== 0) {
    return { available: false, required, reason: 'moto_server is not on PATH. Install it with: pip install "moto[server]==5.2.1"' };
  }
  return { available: true, required };
}

/** Prints the skip notice once per file, impossible to miss in the test output. */
export function announceSkipped(file: string, availability: MotoAvailability): void {
  const bar = '!'.repeat(100);
  process.stderr.write(`\n${bar}\n!! SKIPPED: AWS integration tests in ${file}\n!! ${availability.reason}\n!! (In CI, or with FLIGHTDECK_REQUIRE_MOTO=1, a missing moto_server fails the run.)\n${bar}\n\n`);
}

export interface CallCount {
  /** `Service.Operation`, e.g. `monitoring.GetMetricData`, `rds.DescribeDBInstances`. */
  operation: string;
  requestBytes: number;
  responseBytes: number;
  /** GetMetricData and AssumeRole request bodies are kept, so tests can check what was asked. */
  body?: string;
}

export interface MotoServer {
  /** The proxy's URL: point SDK clients here. */
  endpoint: string;
  /** moto itself (not counted). */
  directEndpoint: string;
  calls: CallCount[];
  reset(): Promise<void>;
  clearCounts(): void;
  count(operation: string): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Which API a request is: JSON protocols name it in X-Amz-Target, query protocols in Action=, REST ones by path. */
export function operationOf(method: string, url: string, headers: Record<string, string | string[] | undefined>, body: string): string {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return target.replace(/^GraniteServiceVersion20100801\./, 'monitoring.');
  const action = /(?:^|&)Action=([A-Za-z0-9]+)/.exec(body)?.[1] ?? /[?&]Action=([A-Za-z0-9]+)/.exec(url)?.[1];
  if (action) return action;
  const path = url.split('?')[0]!;
  if (path.startsWith('/2013-04-01/')) {
    const parts = path.split('/').slice(2);
    return `route53.${method} /${parts.map((p, i) => (i % 2 === 1 && parts[i - 1] !== 'rrset' ? '{id}' : p)).join('/')}`;
  }
  // Lambda's REST paths carry an API date per resource family (2015-03-31, 2016-08-19, 2019-09-30 …).
  if (/^\/\d{4}-\d{2}-\d{2}\//.test(path)) return `lambda.${method} ${path.replace(/functions\/[^/]+\//, 'functions/{name}/')}`;
  return `${method} ${path}`;
}

export async function startMoto(): Promise<MotoServer> {
  const motoPort = await freePort();
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(motoPort)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const directEndpoint = `http://127.0.0.1:${motoPort}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${directEndpoint}/moto-api/reset`, { method: 'POST' });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`moto_server did not start on port ${motoPort}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const calls: CallCount[] = [];
  const proxy: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const call: CallCount = { operation: operationOf(req.method ?? 'GET', req.url ?? '/', req.headers, text), requestBytes: body.length, responseBytes: 0 };
      if (call.operation.endsWith('GetMetricData') || call.operation === 'AssumeRole') call.body = text;
      calls.push(call);
      const upstream = httpRequest({ host: '127.0.0.1', port: motoPort, method: req.method, path: req.url, headers: req.headers }, (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.on('data', (chunk: Buffer) => {
          call.responseBytes += chunk.length;
          res.write(chunk);
        });
        upstreamRes.on('end', () => res.end());
      });
      upstream.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  return {
    endpoint,
    directEndpoint,
    calls,
    async reset() {
      const response = await fetch(`${directEndpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
      calls.length = 0;
    },
    clearCounts() {
      calls.length = 0;
    },
    count(operation) {
      return calls.filter((c) => c.operation === operation).length;
    },
    async stop() {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      proxy.closeAllConnections?.();
      child.kill('SIGTERM');
    },
  };
}

/** Recognisable fake credentials: the leak test searches everything the core emits for these. */
export const FAKE_ACCESS_KEY_ID = 'AKIAFLIGHTDECKFAKE77';
export const FAKE_SECRET_ACCESS_KEY = 'fLiGhTdEcKfAkEsEcReT/DoNotLeakThis+0123456789';
export const FAKE_SESSION_TOKEN = 'FlightdeckFakeSessionTokenNeverShownXYZ987654321';

/** A temp AWS config + credentials pair with a `moto` profile pointed at `endpoint` via endpoint_url. */
export function writeMotoProfiles(endpoint: string, extraConfig = '', extraCredentials = ''): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-aws-'));
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  writeFileSync(configFile, `[profile moto]\nregion = us-east-1\nendpoint_url = ${endpoint}\n\n[profile moto-eu]\nregion = eu-west-1\nendpoint_url = ${endpoint}\n${extraConfig}`);
  writeFileSync(
    credentialsFile,
    `[moto]\naws_access_key_id = ${FAKE_ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET_ACCESS_KEY}\naws_session_token = ${FAKE_SESSION_TOKEN}\n\n[moto-eu]\naws_access_key_id = ${FAKE_ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET_ACCESS_KEY}\n${extraCredentials}`,
  );
  return { dir, env: { HOME: dir, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile } };
}
