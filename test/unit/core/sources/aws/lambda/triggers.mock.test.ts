/** AWS mode: each function's triggers from GetPolicy and ListEventSourceMappings (aws-sdk-client-mock). */
import { describe, expect, it } from 'vitest';
import { GetFunctionConcurrencyCommand, GetPolicyCommand, ListEventSourceMappingsCommand, ListFunctionsCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { executeApiRoute, policyTriggers } from '@main/core/sources/aws/lambda/discover-triggers';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { mockedSource } from '../../../../../helpers/aws-mocks';

const ARN = 'arn:aws:lambda:eu-west-1:111122223333:function';
const statement = (service: string, sourceArn?: string) => ({
  Sid: `s${Math.random().toString(36).slice(2, 6)}`,
  Effect: 'Allow',
  Principal: { Service: service },
  Action: 'lambda:InvokeFunction',
  Resource: `${ARN}:api`,
  ...(sourceArn ? { Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } } } : {}),
});
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements });

// docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html, API_GetPolicy.html
describe('TRIG-1: AWS mode reads triggers from the resource-based policy and event source mappings (access-control-resource-based)', () => {
  it('TRIG-1: reads an execute-api source ARN as API id, stage and route key', () => {
    expect(executeApiRoute('arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*/GET/items/{id}')).toEqual({ apiId: 'a1b2c3d4e5', stage: '*', routeKey: 'GET /items/{id}' });
    expect(executeApiRoute('arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*/*')).toEqual({ apiId: 'a1b2c3d4e5', stage: '*', routeKey: '*' });
    expect(executeApiRoute('arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/$default')).toEqual({ apiId: 'a1b2c3d4e5', stage: 'prod', routeKey: '$default' });
    expect(executeApiRoute('arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*/*/{proxy+}')).toEqual({ apiId: 'a1b2c3d4e5', stage: '*', routeKey: 'ANY /{proxy+}' });
    expect(executeApiRoute('arn:aws:s3:::bucket')).toBeUndefined();
  });

  it('TRIG-1: turns API Gateway, S3 and load balancer statements into triggers; statements of one API merge', () => {
    const triggers = policyTriggers(
      policy(
        statement('apigateway.amazonaws.com', 'arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*/GET/items/{id}'),
        statement('apigateway.amazonaws.com', 'arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*/POST/items'),
        statement('s3.amazonaws.com', 'arn:aws:s3:::photo-uploads'),
        statement('elasticloadbalancing.amazonaws.com', 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/fn-tg/0123456789abcdef'),
        statement('events.amazonaws.com', 'arn:aws:events:eu-west-1:111122223333:rule/nightly'),
      ),
    );
    expect(triggers).toEqual([
      { kind: 'apiGateway', apiId: 'a1b2c3d4e5', routeKeys: ['GET /items/{id}', 'POST /items'], stages: ['*'], sourceArn: 'arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*/GET/items/{id}' },
      { kind: 's3', bucket: 'photo-uploads' },
      { kind: 'loadBalancer', targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/fn-tg/0123456789abcdef', targetGroupName: 'fn-tg' },
      { kind: 'other', principal: 'events.amazonaws.com', sourceArn: 'arn:aws:events:eu-west-1:111122223333:rule/nightly' },
    ]);
    expect(policyTriggers('not json')).toEqual([]);
  });

  it('TRIG-1: lists each function\'s triggers: its policy (none for a function without one) and its event source mappings, on the settings cadence', async () => {
    const { source, stubs, clock } = mockedSource();
    stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' });
    stubs.lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'api', FunctionArn: `${ARN}:api` }, { FunctionName: 'worker', FunctionArn: `${ARN}:worker` }] });
    stubs.lambda.on(GetFunctionConcurrencyCommand).resolves({});
    stubs.lambda.on(GetPolicyCommand, { FunctionName: 'api' }).resolves({ Policy: policy(statement('s3.amazonaws.com', 'arn:aws:s3:::photo-uploads')) });
    stubs.lambda.on(GetPolicyCommand, { FunctionName: 'worker' }).rejects(new ResourceNotFoundException({ message: 'The resource you requested does not exist.', $metadata: {} }));
    stubs.lambda.on(ListEventSourceMappingsCommand).resolves({ EventSourceMappings: [{ UUID: 'u', FunctionArn: `${ARN}:worker`, EventSourceArn: 'arn:aws:sqs:eu-west-1:111122223333:jobs', State: 'Enabled', BatchSize: 10 }] });
    await source.connect();
    await source.refresh();
    const fns = Object.fromEntries(source.snapshot().inventory.lambdaFunctions.map((f) => [f.functionName, f.triggers]));
    expect(fns.api).toEqual([{ kind: 's3', bucket: 'photo-uploads' }]);
    expect(fns.worker).toEqual([{ kind: 'eventSourceMapping', eventSourceArn: 'arn:aws:sqs:eu-west-1:111122223333:jobs', state: 'Enabled', batchSize: 10 }]);
    expect(stubs.lambda.commandCalls(ListEventSourceMappingsCommand)).toHaveLength(1);
    // The next poll within the settings interval reuses them.
    clock.advance(60_000);
    await source.refreshDataset('lambda');
    expect(stubs.lambda.commandCalls(GetPolicyCommand)).toHaveLength(2);
    expect(source.snapshot().inventory.lambdaFunctions[0]!.triggers).toEqual([{ kind: 's3', bucket: 'photo-uploads' }]);
    source.stop();
  });

  it('TRIG-1: without lambda:GetPolicy the functions are still listed, their triggers unknown, and the dataset says what failed', async () => {
    const { source, stubs } = mockedSource();
    stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' });
    stubs.lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'api', FunctionArn: `${ARN}:api` }] });
    stubs.lambda.on(GetFunctionConcurrencyCommand).resolves({});
    stubs.lambda.on(ListEventSourceMappingsCommand).resolves({ EventSourceMappings: [] });
    stubs.lambda.on(GetPolicyCommand).rejects(Object.assign(new Error('User is not authorized to perform: lambda:GetPolicy'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }));
    await source.connect();
    await source.refresh();
    const snapshot = source.snapshot();
    expect(snapshot.inventory.lambdaFunctions.map((f) => [f.functionName, f.triggers])).toEqual([['api', undefined]]);
    expect(snapshot.datasets.lambda).toMatchObject({ state: 'ok', error: { message: expect.stringContaining('GetPolicy') } });
    source.stop();
  });
});
