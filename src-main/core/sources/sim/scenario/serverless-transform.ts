/**
 * The AWS SAM transform (`Transform: AWS::Serverless-2016-10-31`) for what the simulator models:
 * each AWS::Serverless::Function becomes the AWS::Lambda::Function CloudFormation would create (same
 * logical id, so `!Ref` / `!GetAtt Fn.Arn` and messages still point at it), with the generated
 * `<Id>Role` when no Role is given, `<Id>EventInvokeConfig` from EventInvokeConfig and `<Id>Url` from
 * FunctionUrlConfig — the resource names SAM documents ("Generated AWS CloudFormation resources for AWS
 * SAM", sam-specification-generated-resources-function.html). `Globals.Function` applies first
 * (sam-specification-template-anatomy-globals.html: maps merge, lists are added, the function's own
 * scalars win). Events of Type HttpApi become the HTTP API route, its Lambda proxy integration and, for
 * the implicit `ServerlessHttpApi`, the API with its `$default` stage (APIGW-7); events of Type S3 become
 * the bucket's NotificationConfiguration.LambdaConfigurations (sam-property-function-s3.html). An
 * AWS::Serverless::HttpApi becomes its AWS::ApiGatewayV2::Api and Stage. Other events run nothing in the
 * simulator; each is a warning naming it.
 *
 * Pure: a template object in, a template object out; problems go to `report` with their template path.
 */
import type { DiagnosticCode, PathSegment } from './diagnostics';

export const SERVERLESS_TRANSFORM = 'AWS::Serverless-2016-10-31';

type Report = (severity: 'error' | 'warning', path: readonly PathSegment[], message: string, detail?: DiagnosticCode) => void;
type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** SAM Function properties that are AWS::Lambda::Function properties under the same name. */
const PASSED_THROUGH = [
  'Architectures',
  'CodeSigningConfigArn',
  'Description',
  'Environment',
  'EphemeralStorage',
  'FileSystemConfigs',
  'FunctionName',
  'Handler',
  'ImageConfig',
  'KmsKeyArn',
  'Layers',
  'LoggingConfig',
  'MemorySize',
  'PackageType',
  'RecursiveLoop',
  'ReservedConcurrentExecutions',
  'Role',
  'Runtime',
  'RuntimeManagementConfig',
  'SnapStart',
  'Timeout',
  'VpcConfig',
];

/** Properties that shape IAM, packaging or deployment, none of which the simulator models: dropped quietly. */
const QUIETLY_DROPPED = new Set(['Policies', 'AssumeRolePolicyDocument', 'PermissionsBoundary', 'RolePath', 'AutoPublishCodeSha256', 'VersionDescription', 'SourceKMSKeyArn', 'CodeUri', 'InlineCode', 'ImageUri', 'Tracing', 'DeadLetterQueue', 'Tags', 'Events', 'EventInvokeConfig', 'FunctionUrlConfig']);

/** Properties whose generated resources (versions, aliases, CodeDeploy) the simulator does not model. */
const NOT_SIMULATED: Record<string, { why: string; code: DiagnosticCode['code'] }> = {
  AutoPublishAlias: { why: 'the published version and alias are not simulated; Traffic reaches the function itself', code: 'sam.aliasNotSimulated' },
  DeploymentPreference: { why: 'CodeDeploy traffic shifting is not simulated', code: 'sam.deploymentPreferenceNotSimulated' },
  ProvisionedConcurrencyConfig: { why: 'provisioned concurrency is not simulated', code: 'sam.provisionedConcurrencyNotSimulated' },
};

/** Resource attributes a SAM resource passes on to the resources it becomes. */
const RESOURCE_ATTRIBUTES = ['Condition', 'DependsOn', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy'];

/** What happens to an event source, by SAM event Type (and its code, issue 9). */
function eventNote(type: string): { note: string; code: DiagnosticCode['code'] } {
  if (type === 'Api') return { note: 'API Gateway REST APIs are not simulated (HttpApi events are)', code: 'sam.restApiEventNotSimulated' };
  if (['Schedule', 'ScheduleV2', 'CloudWatchEvent', 'EventBridgeRule'].includes(type)) return { note: 'scheduled and EventBridge invocations are not simulated', code: 'sam.scheduledEventNotSimulated' };
  return { note: `${type} event sources are not simulated`, code: 'sam.eventSourceNotSimulated' };
}

function transforms(root: Json): string[] {
  const value = root.Transform;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === 'string');
  return [];
}

/** Globals first, the function's own values over them: maps merge, lists are concatenated (globals first). */
function mergeGlobals(globals: unknown, own: unknown): unknown {
  if (own === undefined) return globals;
  if (isRecord(globals) && isRecord(own) && !Object.keys(own).some((k) => k.startsWith('Fn::') || k === 'Ref')) {
    const out: Json = { ...globals };
    for (const [key, value] of Object.entries(own)) out[key] = mergeGlobals(globals[key], value);
    return out;
  }
  if (Array.isArray(globals) && Array.isArray(own)) return [...globals, ...own];
  return own;
}

/**
 * Applies the SAM transform when the template declares it. A template with AWS::Serverless::* types
 * but without the transform is an error, as CloudFormation would refuse it. Returns the template to load.
 */
export function expandServerless(root: Json, report: Report): Json {
  const resources = isRecord(root.Resources) ? root.Resources : undefined;
  const declared = transforms(root);
  for (const other of declared.filter((t) => t !== SERVERLESS_TRANSFORM)) {
    report('warning', ['Transform'], `transform ${other} is not applied by the simulator (only ${SERVERLESS_TRANSFORM} is); the template is loaded as written`, { code: 'sam.transformNotApplied', params: { transform: other, supported: SERVERLESS_TRANSFORM } });
  }
  const serverless = Object.entries(resources ?? {}).filter(([, r]) => isRecord(r) && typeof r.Type === 'string' && r.Type.startsWith('AWS::Serverless::'));
  if (!declared.includes(SERVERLESS_TRANSFORM)) {
    for (const [id] of serverless) {
      report('error', ['Resources', id, 'Type'], `${String((resources![id] as Json).Type)} needs "Transform: ${SERVERLESS_TRANSFORM}" at the top of the template (or give the output of \`sam build\` / \`sam package\`)`, { code: 'sam.transformMissing', params: { type: String((resources![id] as Json).Type), transform: SERVERLESS_TRANSFORM } });
    }
    return root;
  }
  const { Globals: globalsSection, ...rest } = root;
  const globals = isRecord(globalsSection) && isRecord(globalsSection.Function) ? globalsSection.Function : {};
  if (isRecord(globalsSection)) {
    for (const section of Object.keys(globalsSection).filter((s) => s !== 'Function')) {
      report('warning', ['Globals', section], `Globals.${section} applies to AWS::Serverless resources the simulator does not model; ignored`, { code: 'sam.globalsIgnored', params: { section } });
    }
  }
  const out: Json = {};
  const notifications = new Map<string, Json[]>();
  for (const [id, resource] of Object.entries(resources ?? {})) {
    if (isRecord(resource) && resource.Type === 'AWS::Serverless::HttpApi') {
      Object.assign(out, expandHttpApi(id, resource));
      continue;
    }
    if (!isRecord(resource) || resource.Type !== 'AWS::Serverless::Function') {
      out[id] = resource;
      continue;
    }
    Object.assign(out, expandFunction(id, resource, globals, report, notifications));
  }
  // S3 events: the notification configurations SAM adds to each bucket.
  for (const [bucketId, configurations] of notifications) {
    const bucket = out[bucketId];
    if (!isRecord(bucket) || bucket.Type !== 'AWS::S3::Bucket') continue;
    const properties = isRecord(bucket.Properties) ? bucket.Properties : {};
    const existing = isRecord(properties.NotificationConfiguration) ? properties.NotificationConfiguration : {};
    const lambda = Array.isArray(existing.LambdaConfigurations) ? existing.LambdaConfigurations : [];
    out[bucketId] = { ...bucket, Properties: { ...properties, NotificationConfiguration: { ...existing, LambdaConfigurations: [...lambda, ...configurations] } } };
  }
  // The implicit APIs SAM creates for Api / HttpApi events, when the template refers to them.
  const text = JSON.stringify(rest) + JSON.stringify(out);
  if (out.ServerlessRestApi === undefined && text.includes('"ServerlessRestApi')) out.ServerlessRestApi = { Type: 'AWS::ApiGateway::RestApi', Properties: {} };
  if (out.ServerlessHttpApi === undefined && text.includes('"ServerlessHttpApi')) Object.assign(out, expandHttpApi('ServerlessHttpApi', { Properties: {} }));
  return resolveGeneratedRefs({ ...rest, Resources: out }, resources ?? {}) as Json;
}

/**
 * SAM's references to the resources it generates (sam-specification-generated-resources: `!Ref
 * MyApi.Stage`, `MyApi.Deployment`, `MyFunction.Alias`, `MyFunction.Version`): replaced by what they
 * name, since the simulator models none of them — the stage name, the alias name, a version number.
 */
function resolveGeneratedRefs(value: unknown, serverless: Json): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveGeneratedRefs(item, serverless));
  if (!isRecord(value)) return value;
  const ref = value.Ref;
  if (typeof ref === 'string' && Object.keys(value).length === 1) {
    const match = /^([A-Za-z0-9]+)\.(Stage|Deployment|Alias|Version)$/.exec(ref);
    const source = match ? serverless[match[1]!] : undefined;
    if (match && isRecord(source) && typeof source.Type === 'string' && source.Type.startsWith('AWS::Serverless::')) {
      const properties = isRecord(source.Properties) ? source.Properties : {};
      switch (match[2]) {
        case 'Stage':
          return typeof properties.StageName === 'string' ? properties.StageName : '$default';
        case 'Alias':
          return typeof properties.AutoPublishAlias === 'string' ? properties.AutoPublishAlias : 'live';
        case 'Version':
          return '1';
        default:
          return `${match[1]}Deployment`;
      }
    }
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveGeneratedRefs(item, serverless)]));
}

/**
 * AWS::Serverless::HttpApi (sam-resource-httpapi.html): the AWS::ApiGatewayV2::Api and its stage
 * (`<Id>ApiGatewayDefaultStage` for `$default`, the default StageName), with AutoDeploy.
 */
function expandHttpApi(id: string, resource: Json): Json {
  const properties = isRecord(resource.Properties) ? resource.Properties : {};
  const stageName = properties.StageName ?? '$default';
  const stage: Json = { ApiId: { Ref: id }, StageName: stageName, AutoDeploy: true };
  if (isRecord(properties.DefaultRouteSettings)) stage.DefaultRouteSettings = properties.DefaultRouteSettings;
  if (isRecord(properties.RouteSettings)) stage.RouteSettings = properties.RouteSettings;
  const attributes = Object.fromEntries(RESOURCE_ATTRIBUTES.filter((a) => resource[a] !== undefined).map((a) => [a, resource[a]]));
  return {
    [id]: { ...attributes, Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: properties.Name ?? id, ProtocolType: 'HTTP' } },
    [stageName === '$default' ? `${id}ApiGatewayDefaultStage` : `${id}${String(stageName).replace(/[^A-Za-z0-9]/g, '')}Stage`]: { Type: 'AWS::ApiGatewayV2::Stage', Properties: stage },
  };
}

/** A SAM HttpApi event (sam-property-function-httpapi.html): a route and its Lambda proxy integration (payload 2.0 by default). */
function httpApiEvent(fnId: string, name: string, properties: Json): Json {
  const api = properties.ApiId ?? { Ref: 'ServerlessHttpApi' };
  const method = typeof properties.Method === 'string' ? properties.Method.toUpperCase() : 'ANY';
  const routeKey = properties.Path === undefined ? '$default' : { 'Fn::Join': ['', [method === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : method, ' ', properties.Path]] };
  const integration: Json = { ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': [fnId, 'Arn'] }, PayloadFormatVersion: properties.PayloadFormatVersion ?? '2.0' };
  if (properties.TimeoutInMillis !== undefined) integration.TimeoutInMillis = properties.TimeoutInMillis;
  return {
    [`${fnId}${name}Integration`]: { Type: 'AWS::ApiGatewayV2::Integration', Properties: integration },
    [`${fnId}${name}Route`]: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: api, RouteKey: routeKey, Target: { 'Fn::Join': ['/', ['integrations', { Ref: `${fnId}${name}Integration` }]] } } },
    [`${fnId}${name}Permission`]: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: { Ref: fnId }, Principal: 'apigateway.amazonaws.com' } },
  };
}

function expandFunction(id: string, resource: Json, globals: Json, report: Report, notifications: Map<string, Json[]>): Json {
  const path: PathSegment[] = ['Resources', id];
  const own = isRecord(resource.Properties) ? resource.Properties : {};
  const properties: Json = {};
  for (const key of new Set([...Object.keys(globals), ...Object.keys(own)])) {
    const value = mergeGlobals(globals[key], own[key]);
    if (value !== undefined) properties[key] = value;
  }
  const attributes = Object.fromEntries(RESOURCE_ATTRIBUTES.filter((a) => resource[a] !== undefined).map((a) => [a, resource[a]]));
  const dependent = resource.Condition !== undefined ? { Condition: resource.Condition } : {};
  const generated: Json = {};

  const fn: Json = {};
  for (const key of PASSED_THROUGH) if (properties[key] !== undefined) fn[key] = properties[key];
  if (properties.CodeUri !== undefined || properties.InlineCode !== undefined || properties.ImageUri !== undefined) {
    // The simulator runs no code; Code only has to be there, as in the function sam package would emit.
    fn.Code = properties.InlineCode !== undefined ? { ZipFile: properties.InlineCode } : properties.ImageUri !== undefined ? { ImageUri: properties.ImageUri } : { S3Bucket: 'sam-artifacts', S3Key: id };
  }
  if (isRecord(properties.Tracing) || typeof properties.Tracing === 'string') fn.TracingConfig = { Mode: properties.Tracing };
  if (fn.Role === undefined) {
    generated[`${id}Role`] = { Type: 'AWS::IAM::Role', ...dependent, Properties: {} };
    fn.Role = { 'Fn::GetAtt': [`${id}Role`, 'Arn'] };
  }
  for (const [key, { why, code }] of Object.entries(NOT_SIMULATED)) {
    if (properties[key] !== undefined) report('warning', [...path, 'Properties', key], `${key} of ${id}: ${why}`, { code, params: { property: key, function: id } });
  }
  for (const key of Object.keys(properties)) {
    if (!PASSED_THROUGH.includes(key) && !QUIETLY_DROPPED.has(key) && !Object.hasOwn(NOT_SIMULATED, key)) {
      report('warning', [...path, 'Properties', key], `property ${key} of AWS::Serverless::Function is not supported by the simulator and is ignored`, { code: 'sam.propertyIgnored', params: { property: key } });
    }
  }
  const invokeConfig = properties.EventInvokeConfig;
  if (isRecord(invokeConfig)) {
    const config: Json = { FunctionName: { Ref: id }, Qualifier: '$LATEST' };
    if (invokeConfig.MaximumEventAgeInSeconds !== undefined) config.MaximumEventAgeInSeconds = invokeConfig.MaximumEventAgeInSeconds;
    if (invokeConfig.MaximumRetryAttempts !== undefined) config.MaximumRetryAttempts = invokeConfig.MaximumRetryAttempts;
    if (invokeConfig.DestinationConfig !== undefined) config.DestinationConfig = invokeConfig.DestinationConfig;
    generated[`${id}EventInvokeConfig`] = { Type: 'AWS::Lambda::EventInvokeConfig', ...dependent, Properties: config };
  }
  const url = properties.FunctionUrlConfig;
  if (isRecord(url)) {
    generated[`${id}Url`] = { Type: 'AWS::Lambda::Url', ...dependent, Properties: { TargetFunctionArn: { Ref: id }, AuthType: url.AuthType ?? 'NONE', ...(url.InvokeMode ? { InvokeMode: url.InvokeMode } : {}) } };
  }
  const events = properties.Events;
  if (isRecord(events)) {
    for (const [name, event] of Object.entries(events)) {
      const type = isRecord(event) && typeof event.Type === 'string' ? event.Type : 'unknown';
      const eventProperties = isRecord(event) && isRecord(event.Properties) ? event.Properties : {};
      if (type === 'HttpApi') {
        Object.assign(generated, httpApiEvent(id, name, eventProperties));
        continue;
      }
      const bucketRef = isRecord(eventProperties.Bucket) ? eventProperties.Bucket.Ref : undefined;
      if (type === 'S3' && typeof bucketRef === 'string') {
        // sam-property-function-s3.html: Events is one event type or a list; Filter as in NotificationConfiguration.
        const types = Array.isArray(eventProperties.Events) ? eventProperties.Events : [eventProperties.Events];
        const list = notifications.get(bucketRef) ?? [];
        for (const eventType of types) list.push({ Event: eventType, Function: { 'Fn::GetAtt': [id, 'Arn'] }, ...(eventProperties.Filter !== undefined ? { Filter: eventProperties.Filter } : {}) });
        notifications.set(bucketRef, list);
        generated[`${id}${name}Permission`] = { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: { Ref: id }, Principal: 's3.amazonaws.com' } };
        continue;
      }
      const { note, code } = eventNote(type);
      report('warning', [...path, 'Properties', 'Events', name], `event ${name} (${type}) of ${id} does not invoke it in the simulator: ${note}; to drive ${id}, add Traffic with Target: !Ref ${id}`, { code, params: { event: name, type, function: id } });
    }
  }
  return { [id]: { ...attributes, Type: 'AWS::Lambda::Function', Properties: fn }, ...generated };
}
