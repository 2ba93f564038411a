/**
 * API Gateway HTTP APIs in front of Lambda (a fluid model per tick, like the rest of the simulator).
 * A request to an API's endpoint takes a stage, then a route (APIGW-1), passes the stage's and the
 * account's throttling (APIGW-4), and invokes the route's Lambda proxy integration synchronously through
 * the Lambda service, so its concurrency, throttles and cold starts apply. What the client gets (APIGW-2):
 *   - no stage or no route: 404 `{"message":"Not Found"}` (http-api-develop-routes.html);
 *   - throttled by API Gateway: 429 `{"message":"Too Many Requests"}` (http-api-throttling.html);
 *   - the Lambda API rejects the invocation (429 TooManyRequestsException, the function's concurrency):
 *     500; the function fails or returns a malformed response: 502 — both `{"message":"Internal Server
 *     Error"}` (docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html);
 *   - the integration does not answer within TimeoutInMillis (APIGW-3): 504
 *     (repost.aws/knowledge-center/api-gateway-504-errors: REST, HTTP and WebSocket APIs);
 *   - otherwise what the function returns (the simulator counts it as 2xx).
 * Metrics (APIGW-5, http-api-metrics.html): AWS/ApiGateway Count, 4xx, 5xx, Latency, IntegrationLatency
 * and DataProcessed by ApiId and by ApiId + Stage; with DetailedMetricsEnabled also by ApiId, Method,
 * Resource and Stage (the route's method and path).
 */
import { WholeCounts } from '../cloudwatch/whole-counts';
import type { LoadedResource } from '../scenario/loaded-resource';
import type { HttpApiRequests, HttpApiTier } from '../service-module';
import type { SimContext } from '../sim-context';
import { ACCOUNT_THROTTLE, buildHttpApis, type SimHttpApi, type SimRoute, type SimStage, type ThrottleLimits } from './http-api-model';
import { selectRoute } from './route-selection';

export const NAMESPACE = 'AWS/ApiGateway';
/** API Gateway's own time per request, added to the integration's (our choice: AWS documents none). */
export const GATEWAY_OVERHEAD_MS = 5;
/** Request plus response bytes per request, for DataProcessed (our choice: a small JSON API). */
export const BYTES_PER_REQUEST = 1_500;

export type HttpApiContext = Pick<SimContext, 'now' | 'settings' | 'metrics' | 'services'>;

/** What one tick's requests of a stage (or a route) came to. */
interface Tally {
  count: number;
  e4xx: number;
  e5xx: number;
  latencySumMs: number;
  latencyMaxMs: number;
  integrationCount: number;
  integrationSumMs: number;
  integrationMaxMs: number;
}
const emptyTally = (): Tally => ({ count: 0, e4xx: 0, e5xx: 0, latencySumMs: 0, latencyMaxMs: 0, integrationCount: 0, integrationSumMs: 0, integrationMaxMs: 0 });

/** Outcome of a batch by status, for tests and views. */
export interface HttpApiOutcome {
  ok: number;
  notFound: number;
  throttled: number;
  /** 500: Lambda refused the invocation (throttled). */
  invokeRejected: number;
  /** 502: function error or malformed response. */
  functionErrors: number;
  /** 504: integration timeout. */
  timedOut: number;
}

interface Bucket {
  tokens: number;
  /** Virtual time up to which the bucket has been refilled. */
  untilMs: number;
}

export class HttpApiService implements HttpApiTier {
  readonly id = 'apigateway';
  private readonly apis: Map<string, SimHttpApi>;
  private readonly byTarget = new Map<string, string>();
  private readonly whole = new WholeCounts();
  private readonly account: Bucket = { tokens: ACCOUNT_THROTTLE.burst, untilMs: -1 };
  private readonly buckets = new Map<string, Bucket>();
  /** This tick's tallies: `apiId`, `apiId|stage`, `apiId|stage|route`. */
  private tallies = new Map<string, Tally>();

  constructor(
    private readonly ctx: HttpApiContext,
    resources: readonly LoadedResource[],
  ) {
    this.apis = buildHttpApis(resources, ctx.settings.region);
    for (const api of this.apis.values()) {
      this.byTarget.set(api.apiId.toLowerCase(), api.apiId);
      this.byTarget.set(api.endpoint.toLowerCase(), api.apiId);
      this.byTarget.set(api.endpoint.replace(/^https:\/\//, '').toLowerCase(), api.apiId);
    }
  }

  apiIdFor(target: string): string | undefined {
    return this.byTarget.get(target.toLowerCase().replace(/\/$/, ''));
  }

  api(apiId: string): SimHttpApi | undefined {
    return this.apis.get(apiId);
  }

  serve(apiId: string, batch: readonly HttpApiRequests[], tickSeconds: number): HttpApiOutcome {
    const outcome: HttpApiOutcome = { ok: 0, notFound: 0, throttled: 0, invokeRejected: 0, functionErrors: 0, timedOut: 0 };
    const api = this.apis.get(apiId);
    if (!api) return { ...outcome, notFound: batch.reduce((sum, b) => sum + b.count, 0) };
    for (const requests of batch) this.serveClass(api, requests, tickSeconds, outcome);
    return outcome;
  }

  private serveClass(api: SimHttpApi, requests: HttpApiRequests, tickSeconds: number, outcome: HttpApiOutcome): void {
    const n = requests.count;
    if (n <= 0) return;
    const staged = this.stageFor(api, requests.path);
    // No stage: {"message":"Not Found"} and no CloudWatch record (http-api-develop-routes.html, "Routing API requests").
    if (!staged) {
      outcome.notFound += n;
      return;
    }
    const { stage, path } = staged;
    const route = selectRoute(api.routes, requests.method, path);
    const tallies = [this.tally(api.apiId), this.tally(`${api.apiId}|${stage.name}`)];
    if (route && stage.detailedMetrics) tallies.push(this.tally(`${api.apiId}|${stage.name}|${route.parsed.key}`));
    const add = (count: number, status: '2xx' | '4xx' | '5xx', latencyMs: number, integrationMs?: number) => {
      if (count <= 0) return;
      for (const t of tallies) {
        t.count += count;
        if (status === '4xx') t.e4xx += count;
        if (status === '5xx') t.e5xx += count;
        t.latencySumMs += count * latencyMs;
        t.latencyMaxMs = Math.max(t.latencyMaxMs, latencyMs);
        if (integrationMs !== undefined) {
          t.integrationCount += count;
          t.integrationSumMs += count * integrationMs;
          t.integrationMaxMs = Math.max(t.integrationMaxMs, integrationMs);
        }
      }
    };
    if (!route) {
      outcome.notFound += n;
      add(n, '4xx', GATEWAY_OVERHEAD_MS);
      return;
    }
    const allowed = this.admit(stage, route, n, tickSeconds);
    outcome.throttled += n - allowed;
    add(n - allowed, '4xx', GATEWAY_OVERHEAD_MS);
    if (allowed <= 0) return;

    const functions = this.ctx.services.functions;
    const integration = route.integration;
    const result = functions?.invoke(integration.functionArn, allowed, tickSeconds, 'sync', integration.timeoutMs) ?? { succeeded: 0, errors: allowed, throttled: 0, averageDurationMs: 0 };
    const timedOut = result.callerTimedOut ?? 0;
    const rejected = result.throttled;
    const failed = Math.max(0, Math.min(allowed - rejected - timedOut, result.callerErrors ?? result.errors));
    const ok = Math.max(0, allowed - rejected - timedOut - failed);
    const durationMs = Math.min(result.averageDurationMs, integration.timeoutMs);
    outcome.timedOut += timedOut;
    outcome.invokeRejected += rejected;
    outcome.functionErrors += failed;
    outcome.ok += ok;
    add(timedOut, '5xx', integration.timeoutMs + GATEWAY_OVERHEAD_MS, integration.timeoutMs);
    add(rejected, '5xx', GATEWAY_OVERHEAD_MS, 0);
    add(failed, '5xx', durationMs + GATEWAY_OVERHEAD_MS, durationMs);
    add(ok, '2xx', durationMs + GATEWAY_OVERHEAD_MS, durationMs);
  }

  /** A stage named by the path's first segment (`/prod/items`), else `$default` with the whole path. */
  private stageFor(api: SimHttpApi, path: string): { stage: SimStage; path: string } | undefined {
    const first = /^\/([^/?]+)/.exec(path)?.[1];
    if (first && first !== '$default') {
      const stage = api.stages.get(first);
      if (stage) return { stage, path: path.slice(first.length + 1) || '/' };
    }
    const fallback = api.stages.get('$default');
    return fallback ? { stage: fallback, path } : undefined;
  }

  /** APIGW-4: the route's token bucket in its stage (route settings over DefaultRouteSettings), then the account's. */
  private admit(stage: SimStage, route: SimRoute, requests: number, tickSeconds: number): number {
    const limits = stage.routeLimits.get(route.parsed.key) ?? stage.defaultLimits;
    let allowed = requests;
    if (limits) {
      const key = `${stage.name}|${route.parsed.key}`;
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = { tokens: limits.burst, untilMs: -1 };
        this.buckets.set(key, bucket);
      }
      allowed = this.take(bucket, limits, allowed, tickSeconds);
    }
    return this.take(this.account, ACCOUNT_THROTTLE, allowed, tickSeconds);
  }

  /**
   * Token bucket over one tick: the bucket starts the tick with what it held (at most the burst) and
   * refills at the rate while the tick's requests arrive; each admitted request takes a token.
   */
  private take(bucket: Bucket, limits: ThrottleLimits, requests: number, tickSeconds: number): number {
    const tickEndMs = this.ctx.now + tickSeconds * 1000;
    if (bucket.untilMs !== tickEndMs) {
      // First use this tick: what was left (at most the burst, refilled while idle), plus this tick's refill.
      const idleMs = bucket.untilMs < 0 ? 0 : Math.max(0, this.ctx.now - bucket.untilMs);
      bucket.tokens = Math.min(limits.burst, bucket.tokens + (limits.rate * idleMs) / 1000) + limits.rate * tickSeconds;
      bucket.untilMs = tickEndMs;
    }
    const allowed = Math.min(requests, Math.max(0, bucket.tokens));
    bucket.tokens -= allowed;
    return allowed;
  }

  private tally(key: string): Tally {
    let t = this.tallies.get(key);
    if (!t) {
      t = emptyTally();
      this.tallies.set(key, t);
    }
    return t;
  }

  /** APIGW-5: the tick's metrics. */
  tick(tickStartMs: number = this.ctx.now): void {
    if (this.tallies.size === 0) return;
    const at = Math.floor(tickStartMs / 1000);
    for (const [key, t] of this.tallies) {
      const [apiId, stage, routeKey] = key.split('|') as [string, string?, string?];
      const dims: Record<string, string> = { ApiId: apiId };
      if (stage !== undefined) dims.Stage = stage;
      if (routeKey !== undefined) {
        const space = routeKey.indexOf(' ');
        dims.Method = space > 0 ? routeKey.slice(0, space) : routeKey;
        dims.Resource = space > 0 ? routeKey.slice(space + 1) : routeKey;
      }
      const put = (name: string, value: number) => this.ctx.metrics.put(NAMESPACE, name, dims, at, value);
      const count = this.whole.take(`${key}|Count`, t.count);
      put('Count', count);
      put('4xx', this.whole.take(`${key}|4xx`, t.e4xx));
      put('5xx', this.whole.take(`${key}|5xx`, t.e5xx));
      put('DataProcessed', count * BYTES_PER_REQUEST);
      if (t.count > 0) this.ctx.metrics.putStatistics(NAMESPACE, 'Latency', dims, at, { count: t.count, sum: t.latencySumMs, min: GATEWAY_OVERHEAD_MS, max: t.latencyMaxMs });
      if (t.integrationCount > 0) this.ctx.metrics.putStatistics(NAMESPACE, 'IntegrationLatency', dims, at, { count: t.integrationCount, sum: t.integrationSumMs, min: 0, max: t.integrationMaxMs });
    }
    this.tallies = new Map();
  }
}
