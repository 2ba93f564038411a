/**
 * API Gateway HTTP APIs as a template declares them (AWS::ApiGatewayV2::Api, ::Route, ::Integration,
 * ::Stage, ::Deployment — docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-*.html).
 * Only what changes how requests reach Lambda is read: the routes, their Lambda proxy (AWS_PROXY)
 * integrations with payload version and timeout, and each stage's throttling. Authorizers, CORS, custom
 * domains and access logs are not simulated. A quick-create API (Target on the Api) gets the `$default`
 * route, its integration and the `$default` stage that API Gateway creates for it (APIGW-6).
 */
import { z } from 'zod';
import { problemParams } from '../../../coded-checks';
import { cfnBoolean, cfnIntegerIn, cfnNumberIn } from '../scenario/cfn-values';
import type { ResourceIdentity, ResourceTypeSpec } from '../scenario/resource-spec';
import { parseRouteKey } from './route-selection';

/** API ids are 10 lower-case letters and digits (`a1b2c3d4e5`); route and integration ids 7. */
export const httpApiId = (id: ResourceIdentity): string => id.hex.slice(0, 10);
export const apiEndpoint = (apiId: string, region: string): string => `https://${apiId}.execute-api.${region}.amazonaws.com`;

/** APIGW-3: TimeoutInMillis of an HTTP API integration is 50 … 30,000 ms, default 30,000 (AWS::ApiGatewayV2::Integration). */
export const INTEGRATION_TIMEOUT = { minMs: 50, maxMs: 30_000, defaultMs: 30_000 } as const;

const RouteSettings = z
  .object({
    ThrottlingBurstLimit: cfnIntegerIn('ThrottlingBurstLimit', 0, 5_000, 'the account burst quota of HTTP APIs').optional(),
    ThrottlingRateLimit: cfnNumberIn('ThrottlingRateLimit', 0, 10_000, 'the account request-rate quota of HTTP APIs').optional(),
    DetailedMetricsEnabled: cfnBoolean.optional(),
  })
  .loose();
export type RouteSettingsInput = z.output<typeof RouteSettings>;

const routeKey = z.string().superRefine((key, ctx) => {
  const parsed = parseRouteKey(key);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed, params: problemParams('apiGateway.routeKeyInvalid', { value: key, defaultKey: '$default' }) });
});

export const APIGATEWAY_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::ApiGatewayV2::Api': {
    nameProperty: 'Name',
    properties: z.object({
      Name: z.string().min(1).max(128).optional(),
      ProtocolType: z.literal('HTTP', { message: 'only HTTP APIs are simulated (ProtocolType: HTTP); WebSocket APIs are not' }),
      /** Quick create: the Lambda function (or HTTP URL) the API's $default route integrates with. */
      Target: z.string().optional(),
      RouteKey: routeKey.optional(),
      Description: z.string().optional(),
      DisableExecuteApiEndpoint: cfnBoolean.optional(),
    }),
    ignored: ['ApiKeySelectionExpression', 'BasePath', 'Body', 'BodyS3Location', 'CorsConfiguration', 'CredentialsArn', 'DisableSchemaValidation', 'FailOnWarnings', 'IpAddressType', 'RouteSelectionExpression', 'Tags', 'Version'],
    ref: httpApiId,
    attributes: {
      ApiId: httpApiId,
      ApiEndpoint: (id) => apiEndpoint(httpApiId(id), id.region),
    },
  },
  'AWS::ApiGatewayV2::Route': {
    properties: z.object({
      ApiId: z.string().min(1),
      RouteKey: routeKey,
      /** `integrations/<IntegrationId>`. */
      Target: z.string().regex(/^integrations\/[A-Za-z0-9]+$/, 'Target is integrations/<IntegrationId> (!Sub integrations/${Integration})').optional(),
    }),
    ignored: ['ApiKeyRequired', 'AuthorizationScopes', 'AuthorizationType', 'AuthorizerId', 'ModelSelectionExpression', 'OperationName', 'RequestModels', 'RequestParameters', 'RouteResponseSelectionExpression'],
    ref: (id) => id.hex.slice(10, 17),
    attributes: { RouteId: (id) => id.hex.slice(10, 17) },
  },
  'AWS::ApiGatewayV2::Integration': {
    properties: z.object({
      ApiId: z.string().min(1),
      IntegrationType: z.literal('AWS_PROXY', { message: 'only Lambda proxy integrations (IntegrationType: AWS_PROXY) are simulated' }),
      IntegrationUri: z.string().min(1),
      IntegrationMethod: z.string().optional(),
      PayloadFormatVersion: z.enum(['1.0', '2.0'], { message: 'PayloadFormatVersion is 1.0 or 2.0 for a Lambda proxy integration' }),
      TimeoutInMillis: cfnIntegerIn('TimeoutInMillis', INTEGRATION_TIMEOUT.minMs, INTEGRATION_TIMEOUT.maxMs, 'HTTP API integrations').optional(),
    }),
    ignored: ['ConnectionId', 'ConnectionType', 'ContentHandlingStrategy', 'CredentialsArn', 'Description', 'IntegrationSubtype', 'PassthroughBehavior', 'RequestParameters', 'RequestTemplates', 'ResponseParameters', 'TemplateSelectionExpression', 'TlsConfig'],
    ref: (id) => id.hex.slice(17, 24),
    attributes: { IntegrationId: (id) => id.hex.slice(17, 24) },
  },
  'AWS::ApiGatewayV2::Stage': {
    properties: z.object({
      ApiId: z.string().min(1),
      StageName: z.string().regex(/^(\$default|[A-Za-z0-9_-]{1,128})$/, 'StageName is $default or 1–128 letters, digits, hyphens and underscores'),
      AutoDeploy: cfnBoolean.optional(),
      DefaultRouteSettings: RouteSettings.optional(),
      RouteSettings: z.record(z.string(), RouteSettings).optional(),
    }),
    ignored: ['AccessLogSettings', 'AccessPolicyId', 'ClientCertificateId', 'DeploymentId', 'Description', 'StageVariables', 'Tags'],
    ref: (id) => id.name,
    attributes: {},
  },
  // A deployment freezes the API for a stage without AutoDeploy; the simulator serves the routes as written.
  'AWS::ApiGatewayV2::Deployment': {
    properties: z.object({ ApiId: z.string().min(1), StageName: z.string().optional() }),
    ignored: ['Description'],
    ref: (id) => id.hex.slice(0, 6),
    attributes: { DeploymentId: (id) => id.hex.slice(0, 6) },
  },
};

/** The function ARN of a Lambda proxy integration's IntegrationUri (a function ARN, or the apigateway `…/functions/<arn>/invocations` form). */
export function integrationFunctionArn(uri: string): string {
  const wrapped = /\/functions\/(arn:[^/]+)\/invocations$/.exec(uri);
  return wrapped ? wrapped[1]! : uri;
}
