/**
 * One set of SDK v3 clients per (profile, region), created fresh on every session switch so nothing
 * — credentials, endpoint, cached responses — carries over from the previous identity. Every client
 * sends through the CallGate middleware (rate budget + jittered backoff) with the SDK's own retries
 * off, and honours the custom endpoint resolved for the profile (endpoints.ts) — and only that one:
 * the SDK's own lookup, which reads $AWS_PROFILE's or [default]'s endpoint_url whatever profile
 * the client is for, is turned off. Requests leave through the session's proxy/CA-aware handler.
 */
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { STSClient } from '@aws-sdk/client-sts';
import { WAFV2Client } from '@aws-sdk/client-wafv2';
import { Readable } from 'node:stream';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsServiceName } from './throttle/api-rates';
import type { CallGate } from './throttle/call-gate';
import type { EndpointService } from './endpoints';
import { timeoutOptions } from './network/network-agent';

export interface AwsClients {
  elbv2: ElasticLoadBalancingV2Client;
  autoscaling: AutoScalingClient;
  cloudwatch: CloudWatchClient;
  route53: Route53Client;
  rds: RDSClient;
  lambda: LambdaClient;
  sts: STSClient;
  /** AWS WAF: the web ACL of each load balancer (GetWebACLForResource). */
  wafv2: WAFV2Client;
}

export interface ClientOptions {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoints: Partial<Record<EndpointService, string>>;
  gate: CallGate;
  /** Per-request socket timeout; a hung call becomes a retryable TimeoutError. */
  requestTimeoutMs?: number;
  /** The proxy/CA-aware handler shared by the session (network-agent.ts); default: Node's direct one. */
  requestHandler?: NodeHttpHandler;
}

interface MiddlewareStackLike {
  add(middleware: unknown, options: { step: 'initialize' | 'deserialize'; name: string; priority?: 'high' | 'low' | 'normal'; override?: boolean }): void;
}

const WEB_PAGE = /^\s*(<!doctype html|<html)/i;

/**
 * AWS never answers with a web page. A captive portal, a proxy's sign-in page or an emulator without
 * the API does, often with HTTP 200: the XML-protocol clients (ELB, Auto Scaling, RDS, Route 53) then
 * parse the HTML as an empty answer — "no load balancers" — and the JSON ones fail with the parser's
 * text. Such an answer is refused here, below the SDK's deserializer, as `EndpointNotAws` with its
 * HTTP status. Only `text/html` bodies are read (emulators sometimes label XML so: it is passed on).
 */
export function installWebPageCheck(client: { middlewareStack: unknown }): void {
  type Raw = { response?: { statusCode?: number; headers?: Record<string, string>; body?: unknown } };
  const middleware = (next: (args: unknown) => Promise<Raw>) => async (args: unknown): Promise<Raw> => {
    const result = await next(args);
    const response = result.response;
    const type = Object.entries(response?.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
    if (!response || !/^text\/html/i.test(type) || !(response.body instanceof Readable)) return result;
    // Read whole, as the SDK's deserializer would (the request timeout bounds it).
    const chunks: Buffer[] = [];
    for await (const chunk of response.body as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    const body = Buffer.concat(chunks);
    if (WEB_PAGE.test(body.subarray(0, 512).toString('utf8'))) {
      throw Object.assign(new Error(`the endpoint did not answer as AWS does (HTTP ${response.statusCode ?? '?'}, a web page)`), {
        name: 'EndpointNotAws',
        $metadata: { httpStatusCode: response.statusCode },
      });
    }
    response.body = Readable.from([body]);
    return result;
  };
  (client.middlewareStack as MiddlewareStackLike).add(middleware, { step: 'deserialize', name: 'flightdeckWebPageCheck', priority: 'low', override: true });
}

/** Routes every command of `client` through the gate; the operation name is the command's minus "Command". */
export function installGate(client: { middlewareStack: unknown }, service: AwsServiceName, gate: CallGate): void {
  const middleware =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    (args: unknown): Promise<unknown> =>
      gate.run(service, (context.commandName ?? 'Unknown').replace(/Command$/, ''), () => next(args));
  (client.middlewareStack as MiddlewareStackLike).add(middleware, { step: 'initialize', name: 'flightdeckCallGate', priority: 'high', override: true });
}

export function createAwsClients(options: ClientOptions): AwsClients {
  const base = (service: AwsServiceName) => ({
    region: options.region,
    credentials: options.credentials,
    // Our gate retries with the injected clock; the SDK's own retry would double the attempts.
    maxAttempts: 1,
    requestHandler: options.requestHandler ?? timeoutOptions(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    // Endpoint isolation (issue 11): only the endpoint resolved for this profile, never the SDK's guess.
    ignoreConfiguredEndpointUrls: true,
    ...(options.endpoints[service] ? { endpoint: options.endpoints[service] } : {}),
  });
  const clients: AwsClients = {
    elbv2: new ElasticLoadBalancingV2Client(base('elbv2')),
    autoscaling: new AutoScalingClient(base('autoscaling')),
    cloudwatch: new CloudWatchClient(base('cloudwatch')),
    route53: new Route53Client(base('route53')),
    rds: new RDSClient(base('rds')),
    lambda: new LambdaClient(base('lambda')),
    sts: new STSClient(base('sts')),
    wafv2: new WAFV2Client(base('wafv2')),
  };
  for (const [service, client] of Object.entries(clients) as [AwsServiceName, { middlewareStack: unknown }][]) {
    installGate(client, service, options.gate);
    installWebPageCheck(client);
  }
  return clients;
}

export function destroyClients(clients: AwsClients): void {
  for (const client of Object.values(clients)) client.destroy();
}
