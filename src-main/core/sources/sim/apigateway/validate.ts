/**
 * What CloudFormation / API Gateway refuse across HTTP API resources, reported where it is written (file,
 * line, property) before the simulator is built — not thrown while building it, which named no place and
 * stopped at the first one: a route or stage of an API the stack does not have (NotFoundException), a
 * route's Target that is no integration of the stack, and two routes with one RouteKey on an API
 * (ConflictException: "Route with key … already exists for this API"; a quick-create API's Target makes
 * the `$default` route, or its RouteKey). docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes.html
 */
import type { ScenarioReport } from '../scenario/scenario-checks';
import type { LoadedResource } from '../scenario/loaded-resource';
import { parseRouteKey } from './route-selection';

export type HttpApiReport = ScenarioReport;

export function checkHttpApiResources(resources: readonly LoadedResource[], report: HttpApiReport): void {
  const apis = new Set<string>();
  const integrations = new Set<string>();
  /** `apiRef|routeKey` → the logical id that holds it, and whether a quick-create Api's Target made it. */
  const routeKeys = new Map<string, { logicalId: string; byTarget: boolean }>();
  for (const r of resources) {
    if (r.type === 'AWS::ApiGatewayV2::Api') {
      apis.add(r.ref);
      const p = r.properties as { Target?: string; RouteKey?: string };
      if (p.Target) routeKeys.set(`${r.ref}|${p.RouteKey ?? '$default'}`, { logicalId: r.logicalId, byTarget: true });
    } else if (r.type === 'AWS::ApiGatewayV2::Integration') integrations.add(r.ref);
  }
  for (const r of resources) {
    if (r.type !== 'AWS::ApiGatewayV2::Route' && r.type !== 'AWS::ApiGatewayV2::Stage') continue;
    const at = (property: string) => ['Resources', r.logicalId, 'Properties', property];
    const p = r.properties as { ApiId: string; RouteKey?: string; Target?: string };
    if (!apis.has(p.ApiId)) {
      report('error', at('ApiId'), `NotFoundException: Invalid API identifier specified ${p.ApiId} (use !Ref <Api> of an AWS::ApiGatewayV2::Api in this stack)`, {
        code: 'apiGateway.apiNotFound',
        params: { id: p.ApiId },
      });
      continue;
    }
    if (r.type === 'AWS::ApiGatewayV2::Stage' || p.RouteKey === undefined) continue;
    if (p.Target && !integrations.has(p.Target.replace(/^integrations\//, ''))) report('error', at('Target'), `NotFoundException: Invalid Integration identifier specified ${p.Target} (use !Sub "integrations/\${Integration}")`, {
        code: 'apiGateway.integrationNotFound',
        params: { target: p.Target },
      });
    const parsed = parseRouteKey(p.RouteKey);
    if (typeof parsed === 'string') continue; // the route's own check reports it
    const key = `${p.ApiId}|${parsed.key}`;
    const other = routeKeys.get(key);
    if (other !== undefined) {
      const holder = other.byTarget ? `${other.logicalId} (its Target)` : other.logicalId;
      report('error', at('RouteKey'), `ConflictException: Route with key ${parsed.key} already exists for this API (${holder})`, {
        code: other.byTarget ? 'apiGateway.routeKeyTakenByApiTarget' : 'apiGateway.routeKeyConflict',
        params: { key: parsed.key, other: other.logicalId },
      });
    } else routeKeys.set(key, { logicalId: r.logicalId, byTarget: false });
  }
}
