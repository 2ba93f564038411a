import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { readScenario } from '@main/core/scenario-files';
import { scenarioFrom } from '../../../../../helpers/scenarios';

const sum = (points: [number, number][] | undefined) => (points ?? []).reduce((total, [, v]) => total + v, 0);

const TEMPLATE = `
Transform: AWS::Serverless-2016-10-31
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 9, Tick: 5s }
Resources:
  ItemsFunction:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: items
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: x
      Events:
        GetItem:
          Type: HttpApi
          Properties: { Path: '/items/{id}', Method: get }
  ThumbsFunction:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: thumbs
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: x
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Photos
            Events: s3:ObjectCreated:*
            Filter: { S3Key: { Rules: [ { Name: suffix, Value: .jpg } ] } }
  Photos:
    Type: AWS::S3::Bucket
    Properties: { BucketName: sam-photos }
Traffic:
  - { Name: api, Target: !GetAtt ServerlessHttpApi.ApiEndpoint, Rate: 2, Requests: [ { Path: /items/1, Share: 1 } ] }
  - { Name: uploads, Target: !Ref Photos, Rate: 1, Keys: [ { Key: a/*.jpg, Share: 1 } ] }
`;

// docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-httpapi.html, …/sam-property-function-s3.html
describe('APIGW-7: SAM HttpApi and S3 events become the resources SAM generates (sam-property-function-httpapi, sam-property-function-s3)', () => {
  it('APIGW-7: an HttpApi event is a route on the implicit ServerlessHttpApi ($default stage); an S3 event a bucket notification', () => {
    const model = scenarioFrom(TEMPLATE);
    const types = model.resources.map((r) => `${r.logicalId}:${r.type}`);
    expect(types).toEqual(
      expect.arrayContaining([
        'ServerlessHttpApi:AWS::ApiGatewayV2::Api',
        'ServerlessHttpApiApiGatewayDefaultStage:AWS::ApiGatewayV2::Stage',
        'ItemsFunctionGetItemRoute:AWS::ApiGatewayV2::Route',
        'ItemsFunctionGetItemIntegration:AWS::ApiGatewayV2::Integration',
      ]),
    );
    expect(model.warnings.filter((w) => /GetItem|Upload/.test(w.path ?? ''))).toEqual([]);
    const engine = new SimulationEngine(model);
    engine.advanceBy(120);
    expect(sum(engine.metrics.get('AWS/Lambda', 'Invocations', { FunctionName: 'items' })?.points('Sum'))).toBe(240);
    expect(sum(engine.metrics.get('AWS/Lambda', 'AsyncEventsReceived', { FunctionName: 'thumbs' })?.points('Sum'))).toBe(120);
    const triggers = Object.fromEntries(engine.inventory().lambdaFunctions.map((f) => [f.functionName, f.triggers]));
    expect(triggers.items).toEqual([expect.objectContaining({ kind: 'apiGateway', routeKeys: ['GET /items/{id}'], stages: ['$default'] })]);
    expect(triggers.thumbs).toEqual([{ kind: 's3', bucket: 'sam-photos', events: ['s3:ObjectCreated:*'], suffix: '.jpg' }]);
  });
});

describe('APIGW-6: the triggers of functions behind a load balancer', () => {
  it('APIGW-6: a function that is the target of a lambda target group lists the group as its trigger (the bundled serverless scenario)', () => {
    const engine = new SimulationEngine(readScenario('serverless'));
    const fn = engine.inventory().lambdaFunctions.find((f) => f.functionName.includes('search'))!;
    expect(fn.triggers).toEqual([expect.objectContaining({ kind: 'loadBalancer', targetGroupArn: expect.stringContaining(':targetgroup/') })]);
  });
});

describe('APIGW-1/S3EV-2: default traffic for a template without a Traffic section', () => {
  it('APIGW-1/S3EV-2: one population per HTTP API (a request on each route) and per notifying bucket (keys that pass each filter)', () => {
    const model = scenarioFrom(TEMPLATE.replace(/\nTraffic:[\s\S]*$/, '\n'));
    expect(model.notices!.map((n) => (n.code === 'defaultTraffic' ? n.params.population : n.code))).toEqual(['default-ServerlessHttpApi', 'default-Photos']);
    const engine = new SimulationEngine(model);
    engine.advanceBy(120);
    expect(sum(engine.metrics.get('AWS/Lambda', 'Invocations', { FunctionName: 'items' })?.points('Sum'))).toBeGreaterThan(400);
    expect(sum(engine.metrics.get('AWS/Lambda', 'AsyncEventsReceived', { FunctionName: 'thumbs' })?.points('Sum'))).toBeGreaterThan(80);
  });
});
