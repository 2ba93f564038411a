/**
 * What invokes each function, as the scenario wires it (the simulator's answer to AWS mode's GetPolicy
 * and ListEventSourceMappings): API Gateway HTTP API routes whose Lambda proxy integration names the
 * function, S3 buckets whose notification configurations name it, and load balancer target groups of
 * target type lambda that hold it. Read from the loaded resources, not from other services (modules do
 * not import each other); the wiring does not change while a scenario runs.
 */
import type { LambdaTrigger } from '../../../contract/model';
import type { LoadedResource } from '../scenario/loaded-resource';
import { functionNameOf } from './sim-function';

type Props = Record<string, unknown>;

/** Function name → its triggers, in resource order. `nameOf` turns a function reference (name or ARN) into a name. */
export function functionTriggers(resources: readonly LoadedResource[]): Map<string, LambdaTrigger[]> {
  const out = new Map<string, LambdaTrigger[]>();
  const add = (functionRef: string, trigger: LambdaTrigger) => {
    const name = functionNameOf(functionRef.replace(/^.*\/functions\/(arn:[^/]+)\/invocations$/, '$1'));
    const list = out.get(name) ?? [];
    list.push(trigger);
    out.set(name, list);
  };

  // API Gateway: the routes of each integration, the stages of each API.
  const apis = new Map<string, { name: string; stages: string[] }>();
  for (const r of resources) {
    if (r.type === 'AWS::ApiGatewayV2::Api') apis.set(r.ref, { name: String((r.properties as Props).Name ?? r.identity.name), stages: (r.properties as Props).Target ? ['$default'] : [] });
  }
  for (const r of resources) {
    if (r.type === 'AWS::ApiGatewayV2::Stage') apis.get(String((r.properties as Props).ApiId))?.stages.push(String((r.properties as Props).StageName));
  }
  const routesOf = new Map<string, string[]>();
  for (const r of resources) {
    if (r.type !== 'AWS::ApiGatewayV2::Route') continue;
    const p = r.properties as { RouteKey: string; Target?: string };
    if (!p.Target) continue;
    const integrationId = p.Target.replace(/^integrations\//, '');
    routesOf.set(integrationId, [...(routesOf.get(integrationId) ?? []), p.RouteKey]);
  }
  for (const r of resources) {
    if (r.type === 'AWS::ApiGatewayV2::Api') {
      const p = r.properties as { Target?: string; RouteKey?: string };
      if (p.Target) add(p.Target, { kind: 'apiGateway', apiId: r.ref, apiName: apis.get(r.ref)!.name, routeKeys: [p.RouteKey ?? '$default'], stages: [...new Set(apis.get(r.ref)!.stages)] });
    } else if (r.type === 'AWS::ApiGatewayV2::Integration') {
      const p = r.properties as { ApiId: string; IntegrationUri: string };
      const routes = routesOf.get(r.ref);
      const api = apis.get(p.ApiId);
      if (!routes || !api) continue;
      add(p.IntegrationUri, { kind: 'apiGateway', apiId: p.ApiId, apiName: api.name, routeKeys: routes, stages: [...new Set(api.stages)] });
    } else if (r.type === 'AWS::S3::Bucket') {
      const configurations = ((r.properties as Props).NotificationConfiguration as { LambdaConfigurations?: { Event: string; Function: string; Filter?: { S3Key: { Rules: { Name: string; Value: string }[] } } }[] } | undefined)?.LambdaConfigurations ?? [];
      for (const c of configurations) {
        const rules = c.Filter?.S3Key.Rules ?? [];
        const prefix = rules.find((rule) => rule.Name.toLowerCase() === 'prefix')?.Value;
        const suffix = rules.find((rule) => rule.Name.toLowerCase() === 'suffix')?.Value;
        add(c.Function, { kind: 's3', bucket: r.ref, events: [c.Event], ...(prefix !== undefined ? { prefix } : {}), ...(suffix !== undefined ? { suffix } : {}) });
      }
    } else if (r.type === 'AWS::ElasticLoadBalancingV2::TargetGroup') {
      const p = r.properties as { TargetType?: string; Targets?: { Id: string }[]; Name?: string };
      if (p.TargetType !== 'lambda') continue;
      for (const target of p.Targets ?? []) add(target.Id, { kind: 'loadBalancer', targetGroupArn: r.ref, targetGroupName: r.identity.name });
    }
  }
  return out;
}
