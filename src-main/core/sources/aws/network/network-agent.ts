/**
 * How every AWS API request leaves the machine, as the AWS CLI and SDKs do it behind a corporate
 * network (docs.aws.amazon.com/cli/latest/userguide/cli-configure-proxy.html,
 * docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-proxies.html):
 * - HTTPS_PROXY / HTTP_PROXY / ALL_PROXY (and lower-case), with NO_PROXY exemptions, chosen per
 *   destination by proxy-from-env; HTTPS destinations are tunnelled with CONNECT
 *   (https-proxy-agent), plain-HTTP ones (emulators) forwarded (http-proxy-agent).
 * - AWS_CA_BUNDLE, else the profile's `ca_bundle`, trusted for HTTPS destinations (on top of
 *   Node's own roots: a corporate TLS-inspecting proxy adds its CA, it does not replace AWS's).
 * IMDS and the container credential endpoint never come here: the SDK reaches them with its own
 * plain `http.request` (@smithy/credential-provider-imds, @aws-sdk/credential-provider-http),
 * which is what the SDK/CLI do too — link-local and loopback metadata must not go via a proxy.
 */
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { ClientRequest } from 'node:http';
import { Agent, type AgentConnectOpts } from 'agent-base';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface NetworkSettings {
  /** PEM text of extra CAs to trust (AWS_CA_BUNDLE or the profile's ca_bundle). */
  ca?: string;
  /** Where the CA bundle came from, for messages. */
  caBundlePath?: string;
}

/** The CA bundle path the CLI would use: AWS_CA_BUNDLE wins over the profile's `ca_bundle`. */
export function caBundlePath(profileCaBundle: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return env.AWS_CA_BUNDLE || profileCaBundle || undefined;
}

/** Reads the bundle; an unreadable one is a clear error naming the file (not a TLS failure later). */
export function loadNetworkSettings(bundlePath: string | undefined): NetworkSettings {
  if (!bundlePath) return {};
  let ca: string;
  try {
    ca = readFileSync(bundlePath, 'utf8');
  } catch (error) {
    throw new CaBundleError(bundlePath, (error as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new CaBundleError(bundlePath, 'no PEM certificate');
  return { ca, caBundlePath: bundlePath };
}

export class CaBundleError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`The CA bundle ${path} cannot be used (${reason}).`);
    this.name = 'CaBundleError';
  }
}

/** Decides per connection: through the proxy the environment names for this destination, or direct. */
export class AwsNetworkAgent extends Agent {
  private readonly tunnels = new Map<string, HttpsProxyAgent<string>>();
  private readonly forwarders = new Map<string, HttpProxyAgent<string>>();
  private readonly ca: string[] | undefined;

  constructor(settings: NetworkSettings) {
    super({ keepAlive: true });
    // Node replaces its root store when `ca` is given: keep the roots so AWS's own certificates still verify.
    this.ca = settings.ca ? [...tls.rootCertificates, settings.ca] : undefined;
  }

  /** The proxy URL for a destination, or undefined (NO_PROXY, or none configured). */
  static proxyFor(secure: boolean, host: string, port: number): string | undefined {
    return getProxyForUrl(`${secure ? 'https' : 'http'}://${host}:${port}/`) || undefined;
  }

  connect(req: ClientRequest, opts: AgentConnectOpts): Promise<net.Socket> | net.Socket | Agent {
    const host = opts.host ?? 'localhost';
    const port = opts.port ?? (opts.secureEndpoint ? 443 : 80);
    const proxy = AwsNetworkAgent.proxyFor(opts.secureEndpoint, host, port);
    const tlsOptions = this.ca ? { ca: this.ca } : {};
    if (proxy && opts.secureEndpoint) {
      let tunnel = this.tunnels.get(proxy);
      if (!tunnel) this.tunnels.set(proxy, (tunnel = new HttpsProxyAgent(proxy)));
      // The CA applies to the AWS endpoint inside the tunnel, so it goes with this connection's options.
      return tunnel.connect(req, { ...opts, ...tlsOptions });
    }
    if (proxy) {
      let forwarder = this.forwarders.get(proxy);
      if (!forwarder) this.forwarders.set(proxy, (forwarder = new HttpProxyAgent(proxy)));
      // Returning an agent hands it the request: it rewrites the path to the absolute URL a forward proxy expects.
      return forwarder;
    }
    if (opts.secureEndpoint) {
      return tls.connect({ ...opts, host, port, ...(net.isIP(host) ? {} : { servername: host }), ...tlsOptions });
    }
    return net.connect({ ...opts, host, port });
  }
}

export interface HandlerTimeouts {
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
}

export const REQUEST_TIMEOUT_MS = 20_000;
export const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * The handler's timeouts as errors. @smithy/node-http-handler 4.x only logs "[WARN] a request has
 * exceeded the configured … requestTimeout" and keeps waiting unless `throwOnRequestTimeout` is set: a
 * frozen endpoint (an emulator stopped, a proxy that accepts and hangs) then held a reboot or a Retry
 * for minutes (review-attack t25/t26). With it the request is destroyed and fails with TimeoutError
 * (code ETIMEDOUT), which the session reports as a network failure. A write that timed out after it
 * was sent may still have happened: its outcome is unknown (the action layer says so).
 */
export function timeoutOptions(timeouts: HandlerTimeouts = {}): { requestTimeout: number; connectionTimeout: number; throwOnRequestTimeout: true } {
  return {
    requestTimeout: timeouts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    connectionTimeout: timeouts.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  };
}

/** One request handler for every client of a session (and the SDK's inner STS/SSO clients). */
export function createRequestHandler(settings: NetworkSettings, timeouts: HandlerTimeouts = {}): NodeHttpHandler {
  const agent = new AwsNetworkAgent(settings);
  return new NodeHttpHandler({ httpAgent: agent, httpsAgent: agent, ...timeoutOptions(timeouts) });
}
