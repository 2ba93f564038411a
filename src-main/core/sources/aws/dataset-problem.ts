/**
 * Why a dataset failed, as a code + parameters the renderer translates (DatasetStatus.error.problem)
 * — never the SDK's or a parser's sentence (`Unexpected token '<', "<!doctype "...`). The session's
 * codes are reused where they fit (network.*, endpoint.notAws, region.*, credentials.*, from
 * credentials/connect-problem.ts); the service ones are:
 * - `service.accessDenied` {operation, permission}: the IAM action to grant;
 * - `service.throttled` {operation}: AWS throttled us beyond our retries;
 * - `service.malformed` {service}: an answer without the shape AWS documents;
 * - `service.error` {operation, code, status}: anything else, with AWS's error code and HTTP status.
 */
import type { ProfileKind } from '../../contract/model-aws';
import { errorCode, httpStatus, IAM_PREFIX, isAwsCallError } from './aws-errors';
import { describeConnectError } from './credentials/connect-problem';
import type { AwsServiceName } from './throttle/api-rates';

export interface Problem {
  code: string;
  params: Record<string, string>;
}

export interface DatasetProblemContext {
  region: string;
  /** The custom endpoint of the failing service, when one is configured. */
  endpoint?: string;
  /** The proxy the environment names for that endpoint, if any. */
  proxy?: string;
  profile?: string;
  kind?: ProfileKind;
}

const FOREIGN = /Deserialization error|Unexpected token|is not valid JSON|XML parse|Unexpected end of JSON|did not answer as AWS does|char '<'|non-whitespace before first tag/i;

/** The endpoint a service is reached at by default (Route 53 is global). */
export function defaultEndpoint(service: AwsServiceName, region: string): string {
  if (service === 'route53') return 'https://route53.amazonaws.com';
  const host = service === 'cloudwatch' ? 'monitoring' : service === 'elbv2' ? 'elasticloadbalancing' : IAM_PREFIX[service];
  return `https://${host}.${region}.amazonaws.com`;
}

export function datasetProblem(error: unknown, context: DatasetProblemContext): Problem {
  const call = isAwsCallError(error) ? error.params : undefined;
  const operation = call?.operation ?? 'Unknown';
  if (call?.kind === 'access-denied') return { code: 'service.accessDenied', params: { operation, permission: call.permission ?? `${IAM_PREFIX[call.service]}:${operation}` } };
  if (call?.kind === 'throttled') return { code: 'service.throttled', params: { operation } };
  if (call?.awsCode === 'MalformedResponse') return { code: 'service.malformed', params: { service: call.service } };
  const status = httpStatus(error);
  const code = call?.awsCode ?? errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EndpointNotAws' || code === 'SyntaxError' || FOREIGN.test(message)) {
    const endpoint = context.endpoint ?? (call ? defaultEndpoint(call.service, context.region) : context.region);
    return { code: 'endpoint.notAws', params: { endpoint, status: status === undefined ? '?' : String(status), ...(call ? { service: call.service } : {}) } };
  }
  // The network (refused, DNS, TLS, a proxy that refuses), as the session tells it apart.
  const connect = describeConnectError(error, { profile: context.profile ?? '', kind: context.kind ?? 'static', region: context.region, ...(context.endpoint ? { endpoint: context.endpoint } : {}), ...(context.proxy ? { proxy: context.proxy } : {}) });
  if (connect.category === 'network' || connect.category === 'region') return { code: connect.code, params: connect.params };
  if (call?.kind === 'credentials') return { code: connect.code, params: connect.params };
  // An identifier (InternalFailure, ServiceUnavailable …) and a number: never the SDK's sentence.
  const safeCode = /^[A-Za-z][A-Za-z0-9_.:-]{0,79}$/.test(code) ? code : 'Error';
  return { code: 'service.error', params: { operation, code: safeCode, status: status === undefined ? '?' : String(status) } };
}
