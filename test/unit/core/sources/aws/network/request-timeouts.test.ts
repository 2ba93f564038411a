/**
 * Review-attack t25/t26: with moto frozen (kill -STOP) an RDS reboot and session.retry got no answer
 * for minutes. @smithy/node-http-handler (4.x) only logs "[WARN] a request has exceeded the configured
 * … requestTimeout" unless `throwOnRequestTimeout` is set; with it the request is destroyed and fails
 * with TimeoutError/ETIMEDOUT, which the session reports as a network failure.
 * The endpoint here is a local TCP server that accepts and never answers; the timeouts are small ones
 * injected for the test, and the wait for an answer is a generous bound, not a timing assertion.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestHandler } from '@main/core/sources/aws/network/network-agent';
import { describeConnectError } from '@main/core/sources/aws/credentials/connect-problem';
import { createAwsClients } from '@main/core/sources/aws/clients';
import { CallGate } from '@main/core/sources/aws/throttle/call-gate';
import { systemClock } from '@main/core/sources/aws/throttle/time';

const NO_ANSWER = Symbol('no answer within the bound');
/** Far above the injected timeouts, far below "never". */
const BOUND_MS = 30_000;

async function settled<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown } | typeof NO_ANSWER> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<typeof NO_ANSWER>((resolve) => (timer = setTimeout(() => resolve(NO_ANSWER), BOUND_MS)));
  try {
    return await Promise.race([promise.then((value) => ({ value }), (error: unknown) => ({ error })), bound]);
  } finally {
    clearTimeout(timer);
  }
}

describe('AWS requests time out for real (review-attack t25, t26)', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts every connection and reads, never answers: a frozen endpoint.
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }, 120_000);

  it('the session handler rejects a request the endpoint never answers with a TimeoutError', async () => {
    const handler = createRequestHandler({}, { requestTimeoutMs: 300, connectionTimeoutMs: 300 });
    // An HttpRequest as the SDK hands it over (an RDS reboot, as in t25).
    const request = { protocol: 'http:', hostname: '127.0.0.1', port, method: 'POST', path: '/', query: {}, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=RebootDBInstance&Version=2014-10-31' };
    const outcome = await settled(handler.handle(request as unknown as Parameters<typeof handler.handle>[0]));
    expect(outcome).not.toBe(NO_ANSWER);
    expect((outcome as { error?: unknown }).error).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
    handler.destroy();
  }, 120_000);

  it('an SDK call through it fails, and connecting says the network is the problem', async () => {
    const handler = createRequestHandler({}, { requestTimeoutMs: 300, connectionTimeoutMs: 300 });
    const sts = new STSClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' }, maxAttempts: 1, requestHandler: handler });
    const outcome = await settled(sts.send(new GetCallerIdentityCommand({})));
    expect(outcome).not.toBe(NO_ANSWER);
    const { error } = outcome as { error?: unknown };
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(describeConnectError(error, { profile: 'prod', kind: 'static', region: 'us-east-1', endpoint: `http://127.0.0.1:${port}` })).toMatchObject({ category: 'network', code: 'network.unreachable' });
    handler.destroy();
  }, 120_000);

  it('the handler has a connection timeout and turns the request timeout into an error', () => {
    const handler = createRequestHandler({});
    // The configuration is read lazily on the first request; the options it was made with are what count.
    const config = (handler as unknown as { configProvider: Promise<Record<string, unknown>> }).configProvider;
    return config.then((resolved) => {
      expect(resolved).toMatchObject({ throwOnRequestTimeout: true, connectionTimeout: expect.any(Number), requestTimeout: expect.any(Number) });
      handler.destroy();
    });
  });

  it('clients made without the session handler time out too', async () => {
    const clients = createAwsClients({ region: 'us-east-1', credentials: async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' }), endpoints: { sts: `http://127.0.0.1:${port}` }, gate: new CallGate({ clock: systemClock }), requestTimeoutMs: 300 });
    const outcome = await settled(clients.sts.send(new GetCallerIdentityCommand({})));
    expect(outcome).not.toBe(NO_ANSWER);
    // The call gate wraps it after its retries: a failure with the network's code.
    expect((outcome as { error?: unknown }).error).toMatchObject({ name: 'AwsCallError', params: { awsCode: 'ETIMEDOUT' } });
  }, 120_000);
});
