/**
 * No raw SDK or parser text in the UI (issue 11 item 6): a dataset's error carries a code and
 * parameters (`DatasetStatus.error.problem`) that the renderer translates, reusing the session's
 * problem codes (network, endpoint, region, credentials) plus the service ones (access denied with
 * the missing permission, throttled, a service error with its HTTP status).
 *
 * Reproduced first with a real listener on 127.0.0.1 that answers STS as AWS does and every other
 * service with a web page, as a captive portal or a proxy's login page does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AwsSource } from '@main/core/sources/aws/aws-source';
import { datasetProblem } from '@main/core/sources/aws/dataset-problem';
import { awsCallError, toAwsCallError } from '@main/core/sources/aws/aws-errors';
import { mockedSource, STATIC_PROFILE } from '../../../../helpers/aws-mocks';

const RAW = /Unexpected token|doctype|is not valid JSON|Deserialization|\$response|<html/i;

const STS_ANSWER = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/x</Arn><UserId>AIDAX</UserId><Account>111122223333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;

let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (body.includes('Action=GetCallerIdentity')) {
        // Labelled text/html, as some emulators label XML: not a web page, so it is read as usual.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STS_ANSWER);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Sign in</title></head><body>Please sign in to the network.</body></html>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}, 120_000);

describe('dataset errors carry a code, never raw parser text', () => {
  it('an endpoint that answers a web page: every failed dataset says endpoint.notAws with its HTTP status', async () => {
    const source = new AwsSource({
      profile: 'prod',
      files: STATIC_PROFILE,
      env: { AWS_ENDPOINT_URL: url },
      random: () => 0.5,
      credentialProvider: async () => ({ accessKeyId: 'AKIAMOCKMOCKMOCK0000', secretAccessKey: 'mock' }),
    });
    await source.connect();
    expect(source.session.mode === 'aws' && source.session.credentialState).toBe('connected');
    await source.refresh();
    const statuses = source.datasetStatuses();
    // Lambda (REST-JSON) cannot parse a web page: this is where `Unexpected token '<'` came from.
    const lambda = statuses.lambda!;
    expect(lambda.state).toBe('error');
    expect(lambda.error!.problem).toEqual({ code: 'endpoint.notAws', params: { endpoint: url, status: '200', service: 'lambda' } });
    // The XML services used to read the page as an empty answer: "ok", and "no load balancers".
    for (const [dataset, status] of Object.entries(statuses)) {
      expect([dataset, status.state, status.error?.problem?.code]).toEqual([dataset, 'error', 'endpoint.notAws']);
      expect(JSON.stringify(status.error)).not.toMatch(RAW);
    }
    source.stop();
  }, 120_000);

  it('access denied names the missing permission; throttling and service errors have their codes', () => {
    const denied = toAwsCallError(Object.assign(new Error('User: arn:aws:iam::1:user/x is not authorized to perform: rds:DescribeDBInstances'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }), 'rds', 'DescribeDBInstances');
    expect(datasetProblem(denied, { region: 'eu-west-1' })).toEqual({ code: 'service.accessDenied', params: { operation: 'DescribeDBInstances', permission: 'rds:DescribeDBInstances' } });
    const throttled = toAwsCallError(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } }), 'autoscaling', 'DescribeAutoScalingGroups');
    expect(datasetProblem(throttled, { region: 'eu-west-1' })).toEqual({ code: 'service.throttled', params: { operation: 'DescribeAutoScalingGroups' } });
    const failing = toAwsCallError(Object.assign(new Error('We encountered an internal error. Please try again.'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500, requestId: 'r' } }), 'lambda', 'ListFunctions');
    expect(datasetProblem(failing, { region: 'eu-west-1' })).toEqual({ code: 'service.error', params: { operation: 'ListFunctions', code: 'InternalFailure', status: '500' } });
    const refused = awsCallError('transient', 'ECONNREFUSED', 'DescribeDBInstances: connect ECONNREFUSED 127.0.0.1:1', 'rds', 'DescribeDBInstances');
    expect(datasetProblem(refused, { region: 'eu-west-1' })).toEqual({ code: 'network.unreachable', params: { code: 'ECONNREFUSED' } });
    expect(datasetProblem(refused, { region: 'eu-west-1', proxy: 'http://proxy.corp:3128' })).toEqual({ code: 'network.viaProxy', params: { code: 'ECONNREFUSED', proxy: 'http://proxy.corp:3128' } });
    // Anything else: a code and the operation, never the SDK's sentence.
    expect(datasetProblem(new Error('Unexpected token \'<\', "<!doctype "... is not valid JSON'), { region: 'eu-west-1' }).code).toBe('endpoint.notAws');
    expect(JSON.stringify(datasetProblem(new TypeError('Cannot read properties of undefined (reading \'x\')'), { region: 'eu-west-1' }))).not.toMatch(/Cannot read/);
  });

  it('an AccessDenied dataset on mocked clients carries service.accessDenied', async () => {
    const { source, stubs } = mockedSource();
    stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' });
    stubs.rds.on(DescribeDBInstancesCommand).rejects(Object.assign(new Error('User: x is not authorized to perform: rds:DescribeDBInstances on resource: *'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    await source.connect();
    await source.refreshDataset('rds');
    expect(source.datasetStatuses().rds!.error!.problem).toEqual({ code: 'service.accessDenied', params: { operation: 'DescribeDBInstances', permission: 'rds:DescribeDBInstances' } });
    source.stop();
  });
});
