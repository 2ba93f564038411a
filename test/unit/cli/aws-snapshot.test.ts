/** `flightdeck aws snapshot` exit codes on failures moto cannot produce (AccessDenied, expired keys). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AWS_EXIT, awsSnapshot } from '@main/cli/aws-snapshot';
import { AwsSource } from '@main/core/sources/aws/aws-source';
import { manualClock } from '@main/core/sources/aws/throttle/time';
import { mockedClients, type Stubs } from '../../helpers/aws-mocks';

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

function env() {
  const dir = mkdtempSync(join(tmpdir(), 'fd-cli-aws-'));
  writeFileSync(join(dir, 'config'), '[profile prod]\nregion = eu-west-1\n');
  writeFileSync(join(dir, 'credentials'), '[prod]\naws_access_key_id = AKIAPRODPRODPROD0000\naws_secret_access_key = prod-secret\n');
  return { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
}

function mocked(configure: (stubs: Stubs) => void) {
  return (options: ConstructorParameters<typeof AwsSource>[0]) =>
    new AwsSource({
      ...options,
      clock: manualClock(Date.UTC(2026, 5, 1)),
      credentialProvider: async () => ({ accessKeyId: 'AKIAPRODPRODPROD0000', secretAccessKey: 'prod-secret' }),
      createClients: (clientOptions) => {
        const made = mockedClients(clientOptions);
        configure(made.stubs);
        return made.clients;
      },
    });
}

const denied = Object.assign(new Error('User: arn:aws:iam::111122223333:user/ci is not authorized to perform: rds:DescribeDBInstances on resource: *'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });

describe('flightdeck aws snapshot', () => {
  it('prints what it could read and exits 4 naming the missing permission', async () => {
    const code = await awsSnapshot(['--profile', 'prod'], env(), mocked((stubs) => {
      stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/ci' });
      stubs.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1', LoadBalancerName: 'web', Type: 'application', State: { Code: 'active' } }] });
      stubs.rds.on(DescribeDBInstancesCommand).rejects(denied);
    }));
    expect(code).toBe(AWS_EXIT.permission);
    expect(stdout).toContain('Load balancers (1)');
    expect(stdout).toMatch(/rds {10}error/);
    // Core's health verdicts: RDS could not be read, so it is Unknown (never Healthy), with the reason code.
    expect(stdout).toMatch(/^Health$/m);
    expect(stdout).toMatch(/^ {2}rds {9}unknown {3}data\.missing \(state=error\)$/m);
    expect(stderr).toContain('flightdeck: rds: DescribeDBInstances was denied: missing rds:DescribeDBInstances');
    expect(stdout + stderr).not.toContain('prod-secret');
  });

  it('exits 3 with the fix when the keys have expired', async () => {
    const code = await awsSnapshot(['--profile', 'prod', '--json'], env(), mocked((stubs) => {
      stubs.sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredToken', $metadata: { httpStatusCode: 403 } }));
    }));
    expect(code).toBe(AWS_EXIT.credentials);
    expect(stdout).toBe('');
    expect(stderr).toContain('cannot use profile prod (expired)');
    expect(stderr).toContain('fix: Refresh the temporary keys for profile prod');
  });

  it('exits 5 when a service keeps failing', async () => {
    const code = await awsSnapshot(['--profile', 'prod'], env(), mocked((stubs) => {
      stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
      stubs.elbv2.on(DescribeLoadBalancersCommand).rejects(Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } }));
    }));
    expect(code).toBe(AWS_EXIT.awsError);
    expect(stderr).toContain('flightdeck: elbv2: DescribeLoadBalancers: Service Unavailable');
  });
});
