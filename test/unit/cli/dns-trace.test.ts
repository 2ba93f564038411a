import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@main/cli/index';
import { DnsTrace } from '@main/core/contract/model-dns';
import { readScenario } from '@main/core/scenario-files';
import { buildRoute53 } from '@main/core/sources/sim/route53/build-route53';
import { englishDnsText } from '@main/cli/dns-text-en';

let stderr: string;
let stdout: string;
beforeEach(() => {
  stderr = '';
  stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'fd-dns-'));
const weightedScenario = join(dir, 'weighted.yaml');
writeFileSync(
  weightedScenario,
  `Simulation: { Seed: 4 }
Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
  Records:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneId: !Ref Zone
      RecordSets:
        - { Name: www.example.com, Type: A, SetIdentifier: blue, Weight: 70, TTL: 60, ResourceRecords: [192.0.2.1] }
        - { Name: www.example.com, Type: A, SetIdentifier: green, Weight: 30, TTL: 60, ResourceRecords: [192.0.2.2] }
`,
);

const loadBalancers = buildRoute53(readScenario('global-failover').resources).loadBalancers;
const addresses = (logicalId: string) => loadBalancers.find((l) => l.logicalId === logicalId)!.addresses;

async function traceJson(...args: string[]): Promise<DnsTrace> {
  stdout = '';
  expect(await main(['dns', 'trace', ...args, '--json'])).toBe(0);
  return DnsTrace.parse(JSON.parse(stdout));
}

describe('flightdeck dns trace', () => {
  it('prints JSON with steps (server and zone for each), the answer, its routing policy and explanation', async () => {
    const trace = await traceJson('www.example.com', '--scenario', 'global-failover', '--from', 'DE');
    expect(trace.steps.map((s) => [s.kind, s.zone])).toEqual([
      ['root', '.'],
      ['tld', 'com.'],
      ['authoritative', 'example.com.'],
      ['alias', 'eu-west-1.elb.amazonaws.com.'],
    ]);
    for (const step of trace.steps) expect(step.server).toMatch(/^[a-z0-9.-]+\.$/);
    expect(trace.steps[2]!.server).toMatch(/^ns-\d+\.awsdns-\d\d\.(com|net|org|co\.uk)\.$/);
    expect(trace.answer).toMatchObject({ values: addresses('EuLoadBalancer'), routingPolicy: 'latency', responseCode: 'NOERROR' });
    expect(trace.answer.explanation.map(englishDnsText).join('\n')).toContain('Lowest latency among healthy regions: eu-west-1');
    expect(trace.from).toEqual({ continentCode: 'EU', countryCode: 'DE' });
    expect(trace.distribution).toBeUndefined();
  });

  it('takes --from as a continent, a country, a subdivision or a region', async () => {
    expect((await traceJson('www.example.com', '--scenario', 'global-failover', '--from', 'US-CA')).answer.values).toEqual(addresses('UsLoadBalancer'));
    expect((await traceJson('www.example.com', '--scenario', 'global-failover', '--from', 'JP')).answer.values).toEqual(addresses('ApLoadBalancer'));
    expect((await traceJson('www.example.com', '--scenario', 'global-failover', '--from', 'eu-west-1')).from).toEqual({ continentCode: 'EU', countryCode: 'IE', region: 'eu-west-1' });
    const asia = await traceJson('shop.example.com', '--scenario', 'global-failover', '--from', 'AS');
    expect(asia.answer).toMatchObject({ values: addresses('ApLoadBalancer'), routingPolicy: 'geolocation' });
    expect((await traceJson('shop.example.com', '--scenario', 'global-failover', '--from', 'BR')).answer.values).toEqual(addresses('UsLoadBalancer'));
    // Without --from the resolver is in us-east-1.
    expect((await traceJson('www.example.com', '--scenario', 'global-failover')).from).toMatchObject({ region: 'us-east-1' });
  });

  it('R53-1: --repeat 1000 on weights 70/30 counts about 700/300, and the same seed gives the same counts', async () => {
    const first = await traceJson('www.example.com', '--scenario', weightedScenario, '--repeat', '1000');
    expect(Object.keys(first.distribution!).sort()).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(first.distribution!['192.0.2.1']! + first.distribution!['192.0.2.2']!).toBe(1000);
    expect(Math.abs(first.distribution!['192.0.2.1']! - 700)).toBeLessThan(50);
    const second = await traceJson('www.example.com', '--scenario', weightedScenario, '--repeat', '1000');
    expect(second.distribution).toEqual(first.distribution);
    const otherSeed = await traceJson('www.example.com', '--scenario', weightedScenario, '--repeat', '1000', '--seed', '99');
    expect(otherSeed.distribution!['192.0.2.1']! + otherSeed.distribution!['192.0.2.2']!).toBe(1000);
  });

  it('counts whole answers (values joined by commas): beta is about 90 % stable and 10 % canary', async () => {
    const trace = await traceJson('beta.example.com', '--scenario', 'global-failover', '--repeat', '1000');
    const stable = addresses('UsLoadBalancer').join(',');
    const canary = addresses('ApLoadBalancer').join(',');
    expect(Object.keys(trace.distribution!).sort()).toEqual([stable, canary].sort());
    expect(Math.abs(trace.distribution![stable]! - 900)).toBeLessThan(40);
  });

  it('--at runs the simulation first: during the eu-west-1 outage www and api answer from us-east-1', async () => {
    const www = await traceJson('www.example.com', '--scenario', 'global-failover', '--from', 'DE', '--at', '33m');
    expect(www.answer.values).toEqual(addresses('UsLoadBalancer'));
    expect(www.answer.candidates.find((c) => c.region === 'eu-west-1')).toMatchObject({ healthy: false, chosen: false });
    const api = await traceJson('api.example.com', '--scenario', 'global-failover', '--from', 'GB', '--at', '2026-11-20T14:33:00Z');
    expect(api.answer).toMatchObject({ values: addresses('UsLoadBalancer'), routingPolicy: 'failover' });
    expect(api.answer.explanation.map(englishDnsText).join('\n')).toMatch(/health check [0-9a-f-]{36} Unhealthy/);
    const after = await traceJson('api.example.com', '--scenario', 'global-failover', '--from', 'GB', '--at', '60m');
    expect(after.answer.values).toEqual(addresses('EuLoadBalancer'));
  });

  it('follows a CNAME and reports NXDOMAIN for a name the zone does not have', async () => {
    const app = await traceJson('app.example.com', '--scenario', 'global-failover', '--from', 'DE');
    expect(app.steps[2]!.records[0]).toBe('app.example.com. 300 IN CNAME www.example.com.');
    expect(app.answer.values).toEqual(addresses('EuLoadBalancer'));
    const missing = await traceJson('nope.example.com', '--scenario', 'global-failover');
    expect(missing.answer).toMatchObject({ values: [], responseCode: 'NXDOMAIN' });
    expect(missing.steps[2]).toMatchObject({ kind: 'authoritative', result: 'nxdomain' });
    const elsewhere = await traceJson('www.example.org', '--scenario', 'global-failover');
    expect(elsewhere.steps.map((s) => s.kind)).toEqual(['root', 'tld']);
    expect(stderr).toContain('no public hosted zone in global-failover contains www.example.org.');
  });

  it('prints a readable trace without --json', async () => {
    expect(await main(['dns', 'trace', 'static.example.com', '--scenario', 'global-failover', '--repeat', '10'])).toBe(0);
    expect(stdout).toContain(';; static.example.com. A from us-east-1 (US-VA, NA) — scenario global-failover, as configured (every health check Healthy)');
    expect(stdout).toContain(';; root ');
    expect(stdout).toContain('Answer: 203.0.113.101, 203.0.113.102, 203.0.113.103 — NOERROR, multivalue routing, TTL 60');
    expect(stdout).toContain('Distribution over 10 resolutions:');
    // Both dns trace commands share one layout; a record with a health check names it.
    expect(stdout).toMatch(/^ {2}\* origin-1 \[check [0-9a-f-]{36}, healthy\] 203\.0\.113\.101 — healthy: returned$/m);
  });

  it.each([
    [['dns', 'trace', '--scenario', 'global-failover'], 'dns trace needs a name'],
    [['dns', 'trace', 'www.example.com'], 'dns trace needs --scenario'],
    [['dns', 'trace', 'www.example.com', '--scenario', 'global-failover', '--from', 'Atlantis'], '--from: "Atlantis" is not a location'],
    [['dns', 'trace', 'www.example.com', '--scenario', 'global-failover', '--type', 'BOGUS'], '--type BOGUS is not a record type'],
    [['dns', 'trace', 'www.example.com', '--scenario', 'global-failover', '--repeat', '0'], '--repeat must be a whole number'],
    [['dns', 'trace', 'www.example.com', '--scenario', 'global-failover', '--at', 'yesterday'], '--at "yesterday" is neither an offset'],
    [['dns', 'trace', 'www.example.com', '--scenario', 'global-failover', '--at', '2020-01-01T00:00:00Z'], 'is before the scenario starts'],
    [['dns', 'lookup'], 'unknown command "dns lookup"'],
  ])('exits 2 with a clear usage message for %j', async (args, message) => {
    expect(await main(args)).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 1 for a scenario without a hosted zone', async () => {
    expect(await main(['dns', 'trace', 'www.example.com', '--scenario', 'serverless'])).toBe(1);
    expect(stderr).toContain('serverless has no AWS::Route53::HostedZone');
  });

  it('hands --profile to AWS mode, which names the missing profile and the fix', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'fd-aws-')), 'config');
    writeFileSync(empty, '');
    vi.stubEnv('AWS_CONFIG_FILE', empty);
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', empty);
    const code = await main(['dns', 'trace', 'www.example.com', '--profile', 'prod']);
    vi.unstubAllEnvs();
    expect(code).toBe(3);
    expect(stderr).toContain('cannot use profile prod');
    expect(stderr).toContain('aws configure --profile prod');
  });
});
