/**
 * AWS mode reads each function's triggers from moto_server: resource-based policy statements added with
 * AddPermission (API Gateway route, S3 bucket) through GetPolicy, and an SQS event source mapping through
 * ListEventSourceMappings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddPermissionCommand, CreateEventSourceMappingCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { AwsSource } from '@main/core/sources/aws/aws-source';
import type { Clock } from '@main/core/sources/aws/throttle/time';
import { FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, startMoto, writeMotoProfiles, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';
import { createTopology } from '../../helpers/aws-topology';

const moto = motoSuite('lambda-triggers.moto.test.ts');
const instantWaits: Clock = { now: () => Date.now(), sleep: async () => undefined };

/** An SQS queue through the query protocol (no SQS client is installed; moto routes by the signing scope). */
async function createQueue(endpoint: string, name: string): Promise<string> {
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=${FAKE_ACCESS_KEY_ID}/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: `Action=CreateQueue&QueueName=${name}&Version=2012-11-05`,
  });
  if (!response.ok) throw new Error(`CreateQueue: HTTP ${response.status} ${await response.text()}`);
  return `arn:aws:sqs:us-east-1:123456789012:${name}`;
}

describe.runIf(moto.available)('Lambda triggers against moto_server', () => {
  let server: MotoServer;
  let profiles: ReturnType<typeof writeMotoProfiles>;

  beforeAll(async () => {
    server = await startMoto();
    profiles = writeMotoProfiles(server.endpoint);
    await createTopology({ endpoint: server.directEndpoint });
    const lambda = new LambdaClient({ endpoint: server.directEndpoint, region: 'us-east-1', credentials: { accessKeyId: FAKE_ACCESS_KEY_ID, secretAccessKey: FAKE_SECRET_ACCESS_KEY } });
    await lambda.send(
      new AddPermissionCommand({ FunctionName: 'thumbnails', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::photo-uploads', SourceAccount: '123456789012' }),
    );
    await lambda.send(
      new AddPermissionCommand({ FunctionName: 'mailer', StatementId: 'api', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com', SourceArn: 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/POST/mail' }),
    );
    const queue = await createQueue(server.directEndpoint, 'mail-jobs');
    await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'mailer', EventSourceArn: queue, BatchSize: 5 }));
    lambda.destroy();
  }, 180_000);
  afterAll(async () => server?.stop(), 120_000);

  it('TRIG-1: lists the S3 bucket, the API Gateway route and the SQS queue as the functions\' triggers', async () => {
    const source = new AwsSource({ profile: 'moto', env: profiles.env, clock: instantWaits });
    await source.connect();
    await source.refresh();
    const triggers = Object.fromEntries(source.snapshot().inventory.lambdaFunctions.map((f) => [f.functionName, f.triggers]));
    expect(triggers.thumbnails).toEqual([{ kind: 's3', bucket: 'photo-uploads' }]);
    expect(triggers.mailer).toEqual([
      expect.objectContaining({ kind: 'apiGateway', apiId: 'a1b2c3d4e5', routeKeys: ['POST /mail'], stages: ['*'] }),
      expect.objectContaining({ kind: 'eventSourceMapping', eventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:mail-jobs', batchSize: 5 }),
    ]);
    expect(source.snapshot().datasets.lambda!.state).toBe('ok');
    source.stop();
  }, 120_000);
});
