/**
 * The HTTP APIs of a scenario, assembled from their resources (resource-types.ts): each API's routes
 * with their Lambda proxy integrations and its stages with their throttling. A quick-create API
 * (Target on the Api) gets what API Gateway creates for it (APIGW-6): the route RouteKey (default
 * `$default`) to an AWS_PROXY integration with payload format 2.0, and the `$default` stage with
 * automatic deployment (docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html, "Target").
 */
import type { LoadedResource } from '../scenario/loaded-resource';
import { httpApiId, INTEGRATION_TIMEOUT, integrationFunctionArn, type RouteSettingsInput } from './resource-types';
import { parseRouteKey, type ParsedRouteKey } from './route-selection';

export interface SimIntegration {
  functionArn: string;
  payloadFormatVersion: '1.0' | '2.0';
  timeoutMs: number;
}

export interface SimRoute {
  parsed: ParsedRouteKey;
  integration: SimIntegration;
}

export interface ThrottleLimits {
  burst: number;
  rate: number;
}

export interface SimStage {
  name: string;
  /** DefaultRouteSettings throttling, applied to each route on its own; undefined: only the account quota. */
  defaultLimits?: ThrottleLimits;
  routeLimits: Map<string, ThrottleLimits>;
  detailedMetrics: boolean;
  /** Per route key: the token bucket's tokens (stage throttling is per route). */
  tokens: Map<string, number>;
}

export interface SimHttpApi {
  apiId: string;
  name: string;
  /** `https://<id>.execute-api.<region>.amazonaws.com`. */
  endpoint: string;
  routes: SimRoute[];
  stages: Map<string, SimStage>;
}

function limitsOf(settings: RouteSettingsInput | undefined): ThrottleLimits | undefined {
  if (!settings || (settings.ThrottlingBurstLimit === undefined && settings.ThrottlingRateLimit === undefined)) return undefined;
  // One of the two alone: the other stays at the account's (10,000 requests/s, burst 5,000; APIGW-4).
  return { burst: settings.ThrottlingBurstLimit ?? ACCOUNT_THROTTLE.burst, rate: settings.ThrottlingRateLimit ?? ACCOUNT_THROTTLE.rate };
}

/**
 * APIGW-4 "Throttle quota per account, per Region across HTTP APIs, REST APIs, WebSocket APIs, and WebSocket
 * callback APIs: 10,000 requests per second … maximum bucket capacity of 5,000 requests"
 * (docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
 */
export const ACCOUNT_THROTTLE: ThrottleLimits = { burst: 5_000, rate: 10_000 };

export function buildHttpApis(resources: readonly LoadedResource[], region: string): Map<string, SimHttpApi> {
  const apis = new Map<string, SimHttpApi>();
  const integrations = new Map<string, SimIntegration>();
  for (const r of resources) {
    if (r.type === 'AWS::ApiGatewayV2::Api') {
      const apiId = httpApiId(r.identity);
      const p = r.properties as { Name?: string; Target?: string; RouteKey?: string };
      const api: SimHttpApi = { apiId, name: p.Name ?? r.identity.name, endpoint: `https://${apiId}.execute-api.${region}.amazonaws.com`, routes: [], stages: new Map() };
      if (p.Target) {
        const parsed = parseRouteKey(p.RouteKey ?? '$default');
        if (typeof parsed !== 'string') api.routes.push({ parsed, integration: { functionArn: p.Target, payloadFormatVersion: '2.0', timeoutMs: INTEGRATION_TIMEOUT.defaultMs } });
        api.stages.set('$default', { name: '$default', routeLimits: new Map(), detailedMetrics: false, tokens: new Map() });
      }
      apis.set(apiId, api);
    } else if (r.type === 'AWS::ApiGatewayV2::Integration') {
      const p = r.properties as { IntegrationUri: string; PayloadFormatVersion: '1.0' | '2.0'; TimeoutInMillis?: number };
      integrations.set(r.ref, { functionArn: integrationFunctionArn(p.IntegrationUri), payloadFormatVersion: p.PayloadFormatVersion, timeoutMs: p.TimeoutInMillis ?? INTEGRATION_TIMEOUT.defaultMs });
    }
  }
  for (const r of resources) {
    if (r.type === 'AWS::ApiGatewayV2::Route') {
      const p = r.properties as { ApiId: string; RouteKey: string; Target?: string };
      const api = apis.get(p.ApiId);
      const parsed = parseRouteKey(p.RouteKey);
      const integration = p.Target ? integrations.get(p.Target.replace(/^integrations\//, '')) : undefined;
      if (!api) throw new Error(`${r.logicalId}: NotFoundException: Invalid API identifier specified ${p.ApiId}`);
      if (typeof parsed === 'string') continue;
      if (api.routes.some((route) => route.parsed.key === parsed.key)) throw new Error(`${r.logicalId}: ConflictException: Route with key ${parsed.key} already exists for this API`);
      if (p.Target && !integration) throw new Error(`${r.logicalId}: NotFoundException: Invalid Integration identifier specified ${p.Target}`);
      // A route without an integration answers nothing the simulator models; it is left out (our choice, see docs).
      if (integration) api.routes.push({ parsed, integration });
    } else if (r.type === 'AWS::ApiGatewayV2::Stage') {
      const p = r.properties as { ApiId: string; StageName: string; DefaultRouteSettings?: RouteSettingsInput; RouteSettings?: Record<string, RouteSettingsInput> };
      const api = apis.get(p.ApiId);
      if (!api) throw new Error(`${r.logicalId}: NotFoundException: Invalid API identifier specified ${p.ApiId}`);
      const routeLimits = new Map<string, ThrottleLimits>();
      for (const [key, settings] of Object.entries(p.RouteSettings ?? {})) {
        const limits = limitsOf(settings);
        if (limits) routeLimits.set(key, limits);
      }
      api.stages.set(p.StageName, {
        name: p.StageName,
        defaultLimits: limitsOf(p.DefaultRouteSettings),
        routeLimits,
        detailedMetrics: p.DefaultRouteSettings?.DetailedMetricsEnabled === true,
        tokens: new Map(),
      });
    }
  }
  return apis;
}
