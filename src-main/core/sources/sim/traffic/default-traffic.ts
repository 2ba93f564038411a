/**
 * Default client populations for a scenario without a Traffic section, so that a CloudFormation
 * template alone shows a living system: one population per internet-facing Application Load Balancer
 * (its request mix reaches every listener rule whose conditions a request can meet: path, host,
 * method, header), one per Lambda function URL (invoking the function, LAM-8), one per HTTP API (a
 * request on each of its routes, APIGW-1) and one per bucket with Lambda notifications (PUTs whose keys
 * pass each notification's filter, S3EV-2). Each is announced as
 * a notice (code + parameters; the CLI prints it, the window translates it). The rates are our choice,
 * small enough for any stack: DEFAULT_LOAD_BALANCER_RATE, DEFAULT_FUNCTION_URL_RATE (function URLs and HTTP
 * APIs) requests per second and DEFAULT_BUCKET_PUT_RATE PUTs per second.
 */
import type { ScenarioNotice } from '../../../contract/model-scenario-notice';
import type { RuleConditionInput } from '../scenario/resource-types';
import type { LoadedResource } from '../scenario/loaded-resource';
import type { TrafficInput } from '../scenario/sections';
import { MAX_REQUEST_CLASSES } from '../scenario/limits';
import { isSimulatedLoadBalancer } from '../alb/validate';
import { functionTargets } from './function-targets';
import { apiEndpoint, httpApiId } from '../apigateway/resource-types';
import { parseRouteKey } from '../apigateway/route-selection';
import { bucketName, lambdaNotifications } from '../s3/resource-types';

export const DEFAULT_LOAD_BALANCER_RATE = 20;
export const DEFAULT_FUNCTION_URL_RATE = 5;
export const DEFAULT_BUCKET_PUT_RATE = 1;
const DEFAULT_NOISE = 0.05;

type RequestClass = NonNullable<TrafficInput['Requests']>[number];
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A concrete value a wildcard pattern (`*` any run, `?` one character) matches. */
function instance(pattern: string, star: string): string {
  return pattern.replace(/\*/g, star).replace(/\?/g, 'x');
}

/** One request that meets every condition of a rule, or undefined when the mix cannot (query-string, source-ip). */
function requestFor(conditions: readonly RuleConditionInput[]): RequestClass | undefined {
  const request: RequestClass = { Path: '/', Share: 1 };
  for (const condition of conditions) {
    const values = (config?: { Values: string[] }) => config?.Values ?? condition.Values ?? [];
    if (condition.PathPatternConfig || condition.Field === 'path-pattern') {
      const path = instance(values(condition.PathPatternConfig)[0] ?? '/', '');
      request.Path = path.startsWith('/') ? path : `/${path}`;
    } else if (condition.HostHeaderConfig || condition.Field === 'host-header') {
      request.Host = instance(values(condition.HostHeaderConfig)[0] ?? '', 'www');
    } else if (condition.HttpRequestMethodConfig || condition.Field === 'http-request-method') {
      const method = values(condition.HttpRequestMethodConfig)[0]?.toUpperCase();
      if (!method || !METHODS.has(method)) return undefined;
      request.Method = method as RequestClass['Method'];
    } else if (condition.HttpHeaderConfig) {
      const header = condition.HttpHeaderConfig;
      request.Headers = { ...request.Headers, [header.HttpHeaderName]: instance(header.Values[0] ?? '', '') };
    } else {
      return undefined;
    }
  }
  return request;
}

function loadBalancerMix(lb: LoadedResource, resources: readonly LoadedResource[]): RequestClass[] {
  const listeners = new Set(resources.filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::Listener' && (r.properties as { LoadBalancerArn: string }).LoadBalancerArn === lb.ref).map((r) => r.ref));
  const rules = resources
    .filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::ListenerRule' && listeners.has((r.properties as { ListenerArn: string }).ListenerArn))
    .map((r) => r.properties as { Priority: number; Conditions: RuleConditionInput[] })
    .sort((a, b) => a.Priority - b.Priority);
  const mix: RequestClass[] = [{ Path: '/', Share: 1 }];
  for (const rule of rules) {
    const request = requestFor(rule.Conditions);
    if (request && mix.length < MAX_REQUEST_CLASSES) mix.push(request);
  }
  return mix;
}

export function defaultTraffic(resources: readonly LoadedResource[], dnsNameOf: (lb: LoadedResource) => string): { traffic: TrafficInput[]; notices: ScenarioNotice[] } {
  const traffic: TrafficInput[] = [];
  for (const lb of resources) {
    if (!isSimulatedLoadBalancer(lb) || (lb.properties as { Scheme?: string }).Scheme === 'internal') continue;
    traffic.push({
      Name: `default-${lb.identity.name}`,
      Target: dnsNameOf(lb),
      Rate: { kind: 'constant', value: DEFAULT_LOAD_BALANCER_RATE },
      Noise: DEFAULT_NOISE,
      Requests: loadBalancerMix(lb, resources),
    });
  }
  const functions = functionTargets(resources);
  for (const url of resources) {
    if (url.type !== 'AWS::Lambda::Url') continue;
    const target = (url.properties as { TargetFunctionArn: string }).TargetFunctionArn;
    if (!functions.has(target.toLowerCase()) && !functions.has(target.toLowerCase().replace(/:[^:]+$/, ''))) continue;
    traffic.push({ Name: `default-${url.logicalId}`, Target: target, Rate: { kind: 'constant', value: DEFAULT_FUNCTION_URL_RATE }, Noise: DEFAULT_NOISE });
  }
  for (const api of resources) {
    if (api.type !== 'AWS::ApiGatewayV2::Api') continue;
    const id = httpApiId(api.identity);
    const routes = resources.filter((r) => r.type === 'AWS::ApiGatewayV2::Route' && (r.properties as { ApiId: string }).ApiId === id).map((r) => (r.properties as { RouteKey: string }).RouteKey);
    if ((api.properties as { Target?: string }).Target) routes.push((api.properties as { RouteKey?: string }).RouteKey ?? '$default');
    const requests = routes.slice(0, MAX_REQUEST_CLASSES).map((key): RequestClass => {
      const parsed = parseRouteKey(key);
      if (typeof parsed === 'string' || parsed.isDefault) return { Path: '/', Share: 1 };
      // A concrete path for the route: path variables take `1`, a greedy one `a`.
      const path = `/${parsed.segments.map((segment) => (/^\{[^{}]+\+\}$/.test(segment) ? 'a' : /^\{[^{}]+\}$/.test(segment) ? '1' : segment)).join('/')}`;
      const method = parsed.method === 'ANY' ? 'GET' : parsed.method;
      return { Path: path, Share: 1, ...(method && METHODS.has(method) && method !== 'GET' ? { Method: method as RequestClass['Method'] } : {}) };
    });
    if (requests.length === 0) continue;
    traffic.push({ Name: `default-${api.logicalId}`, Target: apiEndpoint(id, api.identity.region), Rate: { kind: 'constant', value: DEFAULT_FUNCTION_URL_RATE }, Noise: DEFAULT_NOISE, Requests: requests });
  }
  for (const bucket of resources) {
    if (bucket.type !== 'AWS::S3::Bucket') continue;
    const notifications = lambdaNotifications(bucket.properties);
    if (notifications.length === 0) continue;
    const keys = notifications.slice(0, MAX_REQUEST_CLASSES).map((n) => ({ Key: `${n.prefix ?? ''}*${n.suffix ?? ''}`, Share: 1 }));
    traffic.push({ Name: `default-${bucket.logicalId}`, Target: bucketName(bucket.identity), Rate: { kind: 'constant', value: DEFAULT_BUCKET_PUT_RATE }, Noise: DEFAULT_NOISE, Keys: keys });
  }
  const notices: ScenarioNotice[] =
    traffic.length > 0
      ? traffic.map((t) => ({ code: 'defaultTraffic', params: { population: t.Name, target: t.Target, rate: t.Rate.kind === 'constant' ? t.Rate.value : 0 } }))
      : [{ code: 'nothingToDrive', params: {} }];
  return { traffic, notices };
}

/** The notice in English, for the CLI's stderr (the window translates the code itself). */
export function formatNotice(notice: ScenarioNotice): string {
  switch (notice.code) {
    case 'defaultTraffic':
      return `notice: no Traffic section; default population ${notice.params.population} sends ${notice.params.rate} requests/s to ${notice.params.target} (add Traffic to choose your own, docs/scenario-format.md)`;
    case 'nothingToDrive':
      return 'notice: no Traffic section and no internet-facing load balancer, function URL, HTTP API or notifying S3 bucket to send default traffic to: nothing will load this stack. Add Traffic with Target: a load balancer DNS name, a Route 53 record, a Lambda function, a DB instance, an HTTP API or an S3 bucket (docs/scenario-format.md)';
  }
}
