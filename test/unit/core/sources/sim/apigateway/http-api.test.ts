import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { parseRouteKey, selectRoute, type ParsedRouteKey } from '@main/core/sources/sim/apigateway/route-selection';
import type { HttpApiService } from '@main/core/sources/sim/apigateway/http-api-service';
import { scenarioFrom } from '../../../../../helpers/scenarios';

const sum = (points: [number, number][] | undefined) => (points ?? []).reduce((total, [, v]) => total + v, 0);

interface Options {
  durationMs?: number;
  errorRate?: number;
  reserved?: number;
  timeoutMs?: number;
  stage?: string;
  rate?: number;
  requests?: string;
  routes?: string[];
}

function scenario(o: Options = {}): string {
  const routes = (o.routes ?? ['GET /items/{id}']).map(
    (key, i) => `
  Route${i}:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: '${key}', Target: !Sub 'integrations/\${Integration}' }`,
  );
  return `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 5, Tick: 5s }
Resources:
  Items:
    Type: AWS::Lambda::Function
    Metadata: { Simulation: { DurationMs: ${o.durationMs ?? 50}, DurationSpread: 0.01, ColdStartMs: 0, ErrorRate: ${o.errorRate ?? 0} } }
    Properties: { FunctionName: items, Role: r, Code: { ZipFile: x }, Timeout: 60${o.reserved !== undefined ? `, ReservedConcurrentExecutions: ${o.reserved}` : ''} }
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: shop, ProtocolType: HTTP }
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Items.Arn, PayloadFormatVersion: '2.0'${o.timeoutMs !== undefined ? `, TimeoutInMillis: ${o.timeoutMs}` : ''} }
${routes.join('')}
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: !Ref Api, StageName: $default, AutoDeploy: true${o.stage ? `, ${o.stage}` : ''} }
Traffic:
  - Name: shoppers
    Target: !GetAtt Api.ApiEndpoint
    Rate: ${o.rate ?? 10}
    Requests: ${o.requests ?? '[ { Path: /items/7, Share: 1 } ]'}
`;
}

function run(o: Options, seconds = 300) {
  const model = scenarioFrom(scenario(o));
  const engine = new SimulationEngine(model);
  engine.advanceBy(seconds);
  const apiId = engine.inventory().lambdaFunctions[0]!.triggers!.find((t) => t.kind === 'apiGateway')!;
  const id = apiId.kind === 'apiGateway' ? apiId.apiId : '';
  const dims = { ApiId: id, Stage: '$default' };
  const metric = (name: string) => sum(engine.metrics.get('AWS/ApiGateway', name, dims)?.points('Sum'));
  const average = (name: string) => engine.metrics.get('AWS/ApiGateway', name, dims)?.points('Average') ?? [];
  return { engine, id, metric, average, lambda: (name: string) => sum(engine.metrics.get('AWS/Lambda', name, { FunctionName: 'items' })?.points('Sum')) };
}

const keys = (...routeKeys: string[]) => routeKeys.map((key) => ({ parsed: parseRouteKey(key) as ParsedRouteKey }));

// docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
describe('APIGW-1: route selection, most specific match first (http-api-develop-routes)', () => {
  const routes = keys('GET /pets/dog/1', 'GET /pets/dog/{id}', 'GET /pets/{proxy+}', 'ANY /{proxy+}', '$default');
  const pick = (method: string, path: string) => selectRoute(routes, method, path)?.parsed.key;

  it('APIGW-1: a full match beats a path variable, which beats a greedy variable, which beats $default', () => {
    expect(pick('GET', '/pets/dog/1')).toBe('GET /pets/dog/1');
    expect(pick('GET', '/pets/dog/2')).toBe('GET /pets/dog/{id}');
    expect(pick('GET', '/pets/cat/1')).toBe('GET /pets/{proxy+}');
    expect(pick('POST', '/pets/dog/1')).toBe('ANY /{proxy+}');
    expect(pick('GET', '/')).toBe('$default');
  });

  it('APIGW-1: a greedy variable catches one or more child segments, not its parent; a method named outright beats ANY', () => {
    expect(pick('GET', '/pets')).toBe('ANY /{proxy+}');
    expect(pick('GET', '/pets/a/b/c/d')).toBe('GET /pets/{proxy+}');
    expect(selectRoute(keys('ANY /items/{id}', 'GET /items/{id}'), 'GET', '/items/3')?.parsed.key).toBe('GET /items/{id}');
  });

  it('APIGW-1: without a $default route an unmatched request finds nothing (404)', () => {
    expect(selectRoute(keys('GET /items/{id}'), 'GET', '/orders/1')).toBeUndefined();
    expect(selectRoute(keys('GET /items/{id}'), 'POST', '/items/1')).toBeUndefined();
  });

  it('APIGW-1: route keys are checked when the scenario loads (the greedy variable only at the end)', () => {
    expect(parseRouteKey('GET /{proxy+}/x')).toMatch(/greedy path variable/);
    expect(() => scenarioFrom(scenario({ routes: ['FETCH /items'] }))).toThrow(/FETCH is not one of/);
  });

  it('APIGW-1: in a run, requests reach the route that matches and the rest get 404 (4xx)', () => {
    const { metric, lambda } = run({ requests: '[ { Path: /items/7, Share: 3 }, { Path: /orders/1, Share: 1 } ]', rate: 4 });
    expect(metric('Count')).toBe(4 * 300);
    expect(metric('4xx')).toBe(300);
    expect(lambda('Invocations')).toBe(900);
  });
});

// docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html; repost.aws/knowledge-center/api-gateway-504-errors
describe('APIGW-2: how Lambda outcomes become HTTP statuses (services-apigateway-errors, api-gateway-504-errors)', () => {
  it('APIGW-2: a function error is a 5xx (502) for the client, counted once in Lambda Errors', () => {
    const { metric, lambda } = run({ errorRate: 0.5 });
    expect(metric('Count')).toBe(3000);
    expect(metric('5xx')).toBeGreaterThan(1300);
    expect(metric('5xx')).toBeLessThan(1700);
    expect(lambda('Errors')).toBe(metric('5xx'));
  });

  it('APIGW-2: Lambda refusing the invocation (the function throttled) is a 5xx (500), not a 429', () => {
    const { engine, id, metric, lambda } = run({ reserved: 0 });
    expect(lambda('Throttles')).toBe(3000);
    expect(metric('5xx')).toBe(3000);
    expect(metric('4xx')).toBe(0);
    const outcome = (engine.services.httpApis as HttpApiService).serve(id, [{ count: 10, method: 'GET', path: '/items/1' }], 5);
    expect(outcome.invokeRejected).toBe(10);
  });

  it('APIGW-2/APIGW-3: a function slower than the integration timeout is a 504 while the function runs on', () => {
    const { engine, id, metric, average, lambda } = run({ durationMs: 2000, timeoutMs: 1000, rate: 2 });
    expect(metric('5xx')).toBe(600);
    // The function still ran (and succeeded) every time.
    expect(lambda('Invocations')).toBe(600);
    expect(lambda('Errors')).toBe(0);
    const outcome = (engine.services.httpApis as HttpApiService).serve(id, [{ count: 10, method: 'GET', path: '/items/1' }], 5);
    expect(outcome.timedOut).toBeCloseTo(10, 6);
    expect(average('IntegrationLatency').every(([, v]) => Math.abs(v - 1000) < 1e-6)).toBe(true);
  });
});

// docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-integration.html
describe('APIGW-3: integration timeout 50 … 30,000 ms, default 30,000 (aws-resource-apigatewayv2-integration)', () => {
  it('APIGW-3: TimeoutInMillis outside 50 … 30000 is a load error', () => {
    expect(() => scenarioFrom(scenario({ timeoutMs: 40 }))).toThrow(/TimeoutInMillis/);
    expect(() => scenarioFrom(scenario({ timeoutMs: 30_001 }))).toThrow(/TimeoutInMillis/);
  });

  it('APIGW-3: by default a 20 s function is waited for (30 s), so the client gets its answer', () => {
    const { metric } = run({ durationMs: 20_000, rate: 1 });
    expect(metric('5xx')).toBe(0);
    expect(metric('Count')).toBe(300);
  });

  it('APIGW-3: a Lambda proxy integration needs PayloadFormatVersion 1.0 or 2.0', () => {
    expect(() => scenarioFrom(scenario().replace(", PayloadFormatVersion: '2.0'", ''))).toThrow(/PayloadFormatVersion/);
  });
});

// docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html, …/limits.html
describe('APIGW-4: stage and account throttling, token bucket (http-api-throttling)', () => {
  it('APIGW-4: beyond DefaultRouteSettings ThrottlingRateLimit the surplus gets 429 (4xx) and never reaches Lambda', () => {
    const { metric, lambda } = run({ stage: 'DefaultRouteSettings: { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5 }', rate: 20 });
    const count = metric('Count');
    expect(count).toBe(6000);
    // 5 per second over 300 s plus the initial burst of 10.
    expect(lambda('Invocations')).toBeCloseTo(5 * 300 + 10, -1);
    expect(metric('4xx')).toBe(count - lambda('Invocations'));
  });

  it('APIGW-4: ThrottlingBurstLimit 0 and ThrottlingRateLimit 0 refuse every request', () => {
    const { metric, lambda } = run({ stage: 'DefaultRouteSettings: { ThrottlingBurstLimit: 0, ThrottlingRateLimit: 0 }' });
    expect(metric('4xx')).toBe(3000);
    expect(lambda('Invocations')).toBe(0);
  });

  it('APIGW-4: the account quota of 10,000 requests per second applies without stage settings', () => {
    const { metric } = run({ rate: 12_000 }, 60);
    expect(metric('4xx')).toBeGreaterThan(12_000 * 60 - 10_000 * 60 - 5_000 - 1);
  });
});

// docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
describe('APIGW-5: AWS/ApiGateway metrics of HTTP APIs (http-api-metrics)', () => {
  it('APIGW-5: Count, 4xx, 5xx, Latency, IntegrationLatency and DataProcessed by ApiId and by ApiId + Stage', () => {
    const { engine, id, average } = run({ errorRate: 0.1 }, 120);
    for (const name of ['Count', '4xx', '5xx', 'Latency', 'IntegrationLatency', 'DataProcessed']) {
      expect(engine.metrics.get('AWS/ApiGateway', name, { ApiId: id }), name).toBeDefined();
      expect(engine.metrics.get('AWS/ApiGateway', name, { ApiId: id, Stage: '$default' }), name).toBeDefined();
    }
    // Latency includes the integration latency and API Gateway's own time.
    const latency = average('Latency');
    const integration = average('IntegrationLatency');
    expect(latency[0]![1]).toBeGreaterThan(integration[0]![1]);
    expect(engine.metrics.get('AWS/ApiGateway', 'Count', { ApiId: id, Method: 'GET', Resource: '/items/{id}', Stage: '$default' })).toBeUndefined();
  });

  it('APIGW-5: an alarm on an HTTP API\'s 5xx by ApiId loads without the "never published" warning and evaluates', () => {
    const yaml = scenario({ errorRate: 1 }).replace(
      'Traffic:',
      `  Errors5xx:
    Type: AWS::CloudWatch::Alarm
    Properties: { Namespace: AWS/ApiGateway, MetricName: 5xx, Dimensions: [ { Name: ApiId, Value: !Ref Api } ], Statistic: Sum, Period: 60, EvaluationPeriods: 1, Threshold: 10, ComparisonOperator: GreaterThanThreshold }
Traffic:`,
    );
    const model = scenarioFrom(yaml);
    expect(model.warnings).toEqual([]);
    const engine = new SimulationEngine(model);
    engine.advanceBy(180);
    expect(engine.inventory().alarms[0]!.stateValue).toBe('ALARM');
  });

  it('APIGW-5: with DetailedMetricsEnabled, per route by ApiId, Method, Resource and Stage', () => {
    const { engine, id } = run({ stage: 'DefaultRouteSettings: { DetailedMetricsEnabled: true }' }, 120);
    expect(sum(engine.metrics.get('AWS/ApiGateway', 'Count', { ApiId: id, Method: 'GET', Resource: '/items/{id}', Stage: '$default' })?.points('Sum'))).toBe(1200);
  });
});

// docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html (Target: quick create)
describe('APIGW-6: quick create and the function\'s triggers (apis.html)', () => {
  it('APIGW-6: an Api with Target gets a $default route and $default stage that invoke the function', () => {
    const yaml = `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 5, Tick: 5s }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: quick, Role: r, Code: { ZipFile: x } }
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: quick-api, ProtocolType: HTTP, Target: !GetAtt Fn.Arn }
Traffic:
  - { Name: c, Target: !Ref Api, Rate: 2, Requests: [ { Path: /anything/at/all, Method: POST, Share: 1 } ] }
`;
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(120);
    expect(sum(engine.metrics.get('AWS/Lambda', 'Invocations', { FunctionName: 'quick' })?.points('Sum'))).toBe(240);
    const fn = engine.inventory().lambdaFunctions[0]!;
    expect(fn.triggers).toEqual([expect.objectContaining({ kind: 'apiGateway', apiName: 'quick-api', routeKeys: ['$default'], stages: ['$default'] })]);
  });

  it('APIGW-6: a function behind routes lists the API, its route keys and stages', () => {
    const { engine } = run({ routes: ['GET /items/{id}', 'ANY /{proxy+}'] }, 5);
    expect(engine.inventory().lambdaFunctions[0]!.triggers).toEqual([expect.objectContaining({ kind: 'apiGateway', apiName: 'shop', routeKeys: ['GET /items/{id}', 'ANY /{proxy+}'], stages: ['$default'] })]);
  });

  it('APIGW-6: a named stage is reached through its path prefix; other paths find no stage (404, not counted)', () => {
    const yaml = scenario({ requests: '[ { Path: /prod/items/1, Share: 1 }, { Path: /items/2, Share: 1 } ]', rate: 2 }).replace('StageName: $default', 'StageName: prod');
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(60);
    const trigger = engine.inventory().lambdaFunctions[0]!.triggers![0]!;
    const apiId = trigger.kind === 'apiGateway' ? trigger.apiId : '';
    expect(sum(engine.metrics.get('AWS/ApiGateway', 'Count', { ApiId: apiId, Stage: 'prod' })?.points('Sum'))).toBe(60);
    expect(sum(engine.metrics.get('AWS/ApiGateway', 'Count', { ApiId: apiId })?.points('Sum'))).toBe(60);
    expect(sum(engine.metrics.get('AWS/Lambda', 'Invocations', { FunctionName: 'items' })?.points('Sum'))).toBe(60);
  });
});

// apis-apiid-routes.html (CreateRoute): ConflictException for a RouteKey the API already has; NotFoundException
// for an unknown API or integration. These used to be thrown while the simulator was built, naming no file
// or line and stopping at the first; now they are load errors where they are written, all of them at once.
describe('APIGW-1: route keys, APIs and integrations a route names are checked where written', () => {
  it('APIGW-1: a duplicate RouteKey and a Target that is no integration are errors at Resources.<Route>.Properties', () => {
    const yaml = scenario({ routes: ['GET /items/{id}', 'GET /items/{id}', 'ANY /{proxy+}'] }).replace("RouteKey: 'ANY /{proxy+}', Target: !Sub 'integrations/${Integration}'", "RouteKey: 'ANY /{proxy+}', Target: integrations/nope");
    let message = '';
    try {
      scenarioFrom(yaml);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/ConflictException: Route with key GET \/items\/\{id\} already exists for this API \(Route0\)[^\n]*Resources\.Route1\.Properties\.RouteKey/);
    expect(message).toMatch(/NotFoundException: Invalid Integration identifier specified integrations\/nope[^\n]*Resources\.Route2\.Properties\.Target/);
  });
});
