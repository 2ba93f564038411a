/** Issue 14 item 6: `sim run` announces default traffic on stderr, and a run with nothing to drive says why. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@main/cli/index';

let stderr: string;
beforeEach(() => {
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'fd-cli-traffic-'));
const ALB = `
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: site, Scheme: SCHEME }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "200" } }]
`;

describe('sim run without Traffic', () => {
  it('announces the default population of an internet-facing load balancer', async () => {
    const file = join(dir, 'site.yaml');
    writeFileSync(file, ALB.replace('SCHEME', 'internet-facing'));
    expect(await main(['sim', 'run', file, '--duration', '5m', '--out', join(dir, 'site.json')])).toBe(0);
    expect(stderr).toMatch(/notice: no Traffic section; default population default-site sends 20 requests\/s to site-\d+\.us-east-1\.elb\.amazonaws\.com/);
    expect(stderr).not.toContain('hint:');
  });

  it('says why nothing moves when nothing can be driven', async () => {
    const file = join(dir, 'internal.yaml');
    writeFileSync(file, ALB.replace('SCHEME', 'internal'));
    expect(await main(['sim', 'run', file, '--duration', '5m', '--out', join(dir, 'internal.json')])).toBe(0);
    expect(stderr).toContain('notice: no Traffic section and no internet-facing load balancer, function URL, HTTP API or notifying S3 bucket');
    expect(stderr).toMatch(/0 scaling activities.*\nhint: no client population sent requests/);
  });
});
