/**
 * Each function's triggers (LambdaTrigger): its event source mappings (queues and streams Lambda polls,
 * API_ListEventSourceMappings) and the services its resource-based policy lets invoke it (API_GetPolicy):
 * statements whose principal is apigateway.amazonaws.com (an HTTP or REST API; the SourceArn
 * `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path>` names the route),
 * s3.amazonaws.com (SourceArn `arn:aws:s3:::<bucket>`) or elasticloadbalancing.amazonaws.com (the target
 * group's ARN) — docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html. A function
 * without a policy answers ResourceNotFoundException: it has no such trigger.
 */
import { GetPolicyCommand, paginateListEventSourceMappings, type LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaTrigger } from '../../../contract/model';
import { isAwsCallError } from '../aws-errors';

interface PolicyStatement {
  Effect?: string;
  Principal?: string | { Service?: string | string[] };
  Condition?: Record<string, Record<string, string | string[]>>;
}

function servicesOf(principal: PolicyStatement['Principal']): string[] {
  if (typeof principal === 'string') return [principal];
  const service = principal?.Service;
  return Array.isArray(service) ? service : service ? [service] : [];
}

/** The statement's AWS:SourceArn condition (any operator: ArnLike, ArnEquals, StringEquals …; key case-insensitive). */
function sourceArnOf(statement: PolicyStatement): string | undefined {
  for (const operator of Object.values(statement.Condition ?? {})) {
    for (const [key, value] of Object.entries(operator)) {
      if (key.toLowerCase() === 'aws:sourcearn') return Array.isArray(value) ? value[0] : value;
    }
  }
  return undefined;
}

/** `arn:aws:execute-api:us-east-1:111122223333:a1b2c3/*\/GET/items/{id}` → API id, stage and route key. */
export function executeApiRoute(sourceArn: string): { apiId: string; stage: string; routeKey: string } | undefined {
  const parts = sourceArn.split(':');
  if (parts[2] !== 'execute-api' || parts.length < 6) return undefined;
  const [apiId, stage = '*', method = '*', ...path] = parts.slice(5).join(':').split('/');
  if (!apiId) return undefined;
  const rest = path.join('/');
  const routeKey = method === '$default' ? '$default' : method === '*' && (rest === '' || rest === '*') ? '*' : `${method === '*' ? 'ANY' : method} /${rest}`;
  return { apiId, stage, routeKey };
}

/** The triggers a policy document grants (API Gateway statements of one API merged into one trigger). */
export function policyTriggers(policy: string): LambdaTrigger[] {
  let statements: PolicyStatement[];
  try {
    const parsed = JSON.parse(policy) as { Statement?: PolicyStatement | PolicyStatement[] };
    statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
  } catch {
    return [];
  }
  const triggers: LambdaTrigger[] = [];
  const apis = new Map<string, Extract<LambdaTrigger, { kind: 'apiGateway' }>>();
  for (const statement of statements) {
    if (statement.Effect !== undefined && statement.Effect !== 'Allow') continue;
    const sourceArn = sourceArnOf(statement);
    for (const service of servicesOf(statement.Principal)) {
      if (service === 'apigateway.amazonaws.com') {
        const route = sourceArn ? executeApiRoute(sourceArn) : undefined;
        if (!route) {
          triggers.push({ kind: 'other', principal: service, ...(sourceArn ? { sourceArn } : {}) });
          continue;
        }
        const known = apis.get(route.apiId);
        if (known) {
          if (!known.routeKeys.includes(route.routeKey)) known.routeKeys.push(route.routeKey);
          if (!known.stages!.includes(route.stage)) known.stages!.push(route.stage);
        } else {
          const trigger: Extract<LambdaTrigger, { kind: 'apiGateway' }> = { kind: 'apiGateway', apiId: route.apiId, routeKeys: [route.routeKey], stages: [route.stage], sourceArn: sourceArn! };
          apis.set(route.apiId, trigger);
          triggers.push(trigger);
        }
      } else if (service === 's3.amazonaws.com' && sourceArn?.startsWith('arn:aws:s3:::')) {
        triggers.push({ kind: 's3', bucket: sourceArn.slice('arn:aws:s3:::'.length) });
      } else if (service === 'elasticloadbalancing.amazonaws.com' && sourceArn) {
        triggers.push({ kind: 'loadBalancer', targetGroupArn: sourceArn, targetGroupName: /:targetgroup\/([^/]+)\//.exec(sourceArn)?.[1] });
      } else {
        triggers.push({ kind: 'other', principal: service, ...(sourceArn ? { sourceArn } : {}) });
      }
    }
  }
  return triggers.map((t) => (t.kind === 'loadBalancer' && t.targetGroupName === undefined ? { kind: t.kind, targetGroupArn: t.targetGroupArn } : t));
}

/** GetPolicy of a function without a policy: ResourceNotFoundException (as the call gate reports it, or raw). */
function isNotFound(error: unknown): boolean {
  if (isAwsCallError(error)) return error.params.awsCode === 'ResourceNotFoundException';
  return (error as { name?: string })?.name === 'ResourceNotFoundException';
}

/** Event source mappings of every function, by function name (one paginated call for the account). */
export async function discoverEventSourceMappings(client: LambdaClient): Promise<Map<string, LambdaTrigger[]>> {
  const out = new Map<string, LambdaTrigger[]>();
  for await (const page of paginateListEventSourceMappings({ client }, {})) {
    for (const mapping of page.EventSourceMappings ?? []) {
      const name = mapping.FunctionArn?.split(':')[6];
      if (!name || !mapping.EventSourceArn) continue;
      const list = out.get(name) ?? [];
      list.push({ kind: 'eventSourceMapping', eventSourceArn: mapping.EventSourceArn, ...(mapping.State ? { state: mapping.State } : {}), ...(mapping.BatchSize !== undefined ? { batchSize: mapping.BatchSize } : {}) });
      out.set(name, list);
    }
  }
  return out;
}

/** One function's triggers from its resource-based policy, plus its event source mappings. */
export async function discoverFunctionTriggers(client: LambdaClient, functionName: string, mappings: ReadonlyMap<string, LambdaTrigger[]>): Promise<LambdaTrigger[]> {
  let fromPolicy: LambdaTrigger[] = [];
  try {
    const policy = await client.send(new GetPolicyCommand({ FunctionName: functionName }));
    fromPolicy = policy.Policy ? policyTriggers(policy.Policy) : [];
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  return [...fromPolicy, ...(mappings.get(functionName) ?? [])];
}
