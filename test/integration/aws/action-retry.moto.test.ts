/**
 * Against moto_server, through a proxy that passes RebootDBInstance to moto and then answers 500
 * InternalFailure (the review's flaky-proxy): one confirmed execute reaches moto once, is reported
 * and audited as outcome unknown — not failed — and the instance is followed. Without the proxy,
 * moto answers ExecutePolicy on a step policy with a 500: it too is sent once.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionProtocol } from '@main/core/actions/action-protocol';
import { AuditLog, type AuditRecord } from '@main/core/actions/audit-log';
import type { ActionTarget } from '@main/core/actions/action-executor';
import { AwsActionBackend } from '@main/core/sources/aws/actions/aws-action-backend';
import { createAwsClients } from '@main/core/sources/aws/clients';
import { CallGate } from '@main/core/sources/aws/throttle/call-gate';
import type { Clock } from '@main/core/sources/aws/throttle/time';
import type { ControlAction } from '@main/core/contract';
import { createTopology, type Topology } from '../../helpers/aws-topology';
import { startMoto, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';

const moto = motoSuite('action-retry.moto.test.ts');

/** Forwards to `upstream`; a request for one of `flaky` is forwarded (moto applies it), then answered 500. */
async function flakyProxy(upstream: string, flaky: ReadonlySet<string>): Promise<{ endpoint: string; close(): Promise<void> }> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body.toString('utf8'))?.[1] ?? '';
      const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (upRes) => {
        const out: Buffer[] = [];
        upRes.on('data', (chunk: Buffer) => out.push(chunk));
        upRes.on('end', () => {
          if (flaky.has(action)) {
            res.writeHead(500, { 'content-type': 'text/xml' });
            res.end('<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>injected after forwarding</Message></Error><RequestId>x</RequestId></ErrorResponse>');
          } else {
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            res.end(Buffer.concat(out));
          }
        });
      });
      up.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      up.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

const TARGET: ActionTarget = { mode: 'aws', profile: 'moto', region: 'us-east-1', sessionKey: 'k' };
/** Backoff and following pass instantly. */
const instant: Clock = { now: () => Date.now(), sleep: async () => undefined };

function actionsThrough(endpoint: string) {
  const clients = createAwsClients({ region: 'us-east-1', credentials: async () => ({ accessKeyId: 'AKIAMOTOSETUP0000000', secretAccessKey: 'x' }), endpoints: { rds: endpoint, autoscaling: endpoint }, gate: new CallGate({ clock: instant }) });
  const backend = new AwsActionBackend(clients, instant, undefined, { intervalMs: 1000, timeoutMs: 5000 });
  const auditPath = join(mkdtempSync(join(tmpdir(), 'fd-audit-')), 'audit-log.jsonl');
  const protocol = new ActionProtocol({ audit: new AuditLog(auditPath), policy: () => ({ readOnly: false, nonProduction: true }) });
  const run = async (action: ControlAction) => {
    const prepared = await protocol.prepare(action, backend, TARGET);
    expect(prepared.allowed).toBe(true);
    return protocol.execute(prepared.nonce, undefined, TARGET.sessionKey);
  };
  const audit = () => readFileSync(auditPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditRecord);
  return { run, audit, protocol };
}

describe.runIf(moto.available)('control actions against moto_server are sent at most once on a 5xx', () => {
  let server: MotoServer;
  let topology: Topology;

  beforeAll(async () => {
    server = await startMoto();
  }, 180_000);
  afterAll(async () => server?.stop(), 120_000);
  beforeEach(async () => {
    await server.reset();
    topology = await createTopology({ endpoint: server.directEndpoint });
  }, 180_000);

  it('RebootDBInstance forwarded then answered 500: one reboot at moto, outcome unknown, audited so, followed', async () => {
    const proxy = await flakyProxy(server.endpoint, new Set(['RebootDBInstance']));
    try {
      const { run, audit, protocol } = actionsThrough(proxy.endpoint);
      server.clearCounts();
      const outcome = await run({ type: 'RebootDBInstance', dbInstanceIdentifier: topology.dbInstances.primary, forceFailover: true });
      expect(server.count('RebootDBInstance')).toBe(1);
      expect(outcome).toMatchObject({ accepted: false, outcomeUnknown: true });
      await protocol.settled();
      const results = audit().map((record) => record.result);
      expect(results.slice(0, 2)).toEqual(['intent', 'outcome-unknown']);
      // Followed: moto's instance is available again, which the operator sees.
      expect(results[2]).toBe('settled');
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('ExecutePolicy on a step policy, which moto answers with a 500, is sent once', async () => {
    const { run, audit } = actionsThrough(server.endpoint);
    server.clearCounts();
    const outcome = await run({ type: 'ExecutePolicy', autoScalingGroupName: topology.autoScalingGroupNames[0]!, policyName: 'step-out', metricValue: 80, breachThreshold: 50 });
    expect(server.count('ExecutePolicy')).toBe(1);
    expect(outcome).toMatchObject({ accepted: false, outcomeUnknown: true });
    expect(audit().map((record) => record.result).slice(0, 2)).toEqual(['intent', 'outcome-unknown']);
  }, 120_000);
});
