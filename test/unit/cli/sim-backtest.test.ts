/** Issue 17 item 4: `flightdeck sim backtest <scenario> --change change.yaml`. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@main/cli/index';

let stderr: string;
let stdout: string;
beforeEach(() => {
  stderr = '';
  stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'fd-backtest-'));
const change = join(dir, 'change.yaml');
writeFileSync(change, 'Resources:\n  WebCpuTargetTracking:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValue: 35\n');
const typo = join(dir, 'typo.yaml');
writeFileSync(typo, 'Resources:\n  WebCpuTargetTracking:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValu: 35\n');

describe('flightdeck sim backtest', () => {
  it('prints a side-by-side table of base, change, delta and ratio', async () => {
    expect(await main(['sim', 'backtest', 'shop', '--change', change, '--duration', '2h', '--seed', '3'])).toBe(0);
    expect(stdout).toContain('backtest of shop (seed 3) from 2026-11-20T14:00:00.000Z, 2h00m per run');
    expect(stdout).toContain('change: Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValue');
    expect(stdout).toMatch(/^ +base +change +Δ +ratio$/m);
    for (const row of ['instance-hours', 'cost (USD, On-Demand, illustrative)', 'minutes above CPU target', '5XX responses', 'p99 latency (ms)', 'scaling activities']) expect(stdout).toContain(row);
    expect(stdout).toContain('shop-web-asg [c5.large]');
  }, 120_000);

  it('--json prints the comparison with the per-minute capacity curves', async () => {
    expect(await main(['sim', 'backtest', 'shop', '--change', change, '--duration', '30m', '--json'])).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ scenario: 'shop', minutes: 30, durationSeconds: 1800 });
    expect(result.groups[0].capacity.base).toHaveLength(30);
    expect(result.delta.instanceHours).toHaveProperty('ratio');
  }, 120_000);

  it('--observed puts a real series beside the simulated ones', async () => {
    const observed = join(dir, 'observed.json');
    writeFileSync(observed, JSON.stringify([{ namespace: 'AWS/AutoScaling', metricName: 'GroupInServiceInstances', dimensions: { AutoScalingGroupName: 'shop-web-asg' }, stat: 'Average', periodSeconds: 300, start: '2026-11-20T14:00:00Z', values: [2, 3, 4] }]));
    expect(await main(['sim', 'backtest', 'shop', '--change', change, '--duration', '15m', '--observed', observed])).toBe(0);
    expect(stdout).toMatch(/observed$/m);
    expect(stdout).toMatch(/instance-hours .* 0\.75$/m);
  }, 120_000);

  it('prints on stderr the warnings the change causes (LBA-5: no public IPv4, so the A aliases answer nothing)', async () => {
    const noIpv4 = join(dir, 'no-ipv4.yaml');
    writeFileSync(noIpv4, 'Resources:\n  ShopLoadBalancer:\n    Properties:\n      IpAddressType: dualstack-without-public-ipv4\n');
    expect(await main(['sim', 'backtest', 'shop', '--change', noIpv4, '--duration', '1m'])).toBe(0);
    expect(stderr).toMatch(/no-ipv4\.yaml:\d+:\d+: warning: A alias www\.example\.com\. points to load balancer shop-alb, whose IpAddressType is dualstack-without-public-ipv4/);
  }, 120_000);

  it('an unreachable service never reads as a saving: the table says the change warned and served no requests', async () => {
    const noIpv4 = join(dir, 'no-ipv4.yaml');
    writeFileSync(noIpv4, 'Resources:\n  ShopLoadBalancer:\n    Properties:\n      IpAddressType: dualstack-without-public-ipv4\n');
    expect(await main(['sim', 'backtest', 'shop', '--change', noIpv4, '--duration', '30m'])).toBe(0);
    expect(stdout).toMatch(/^the change has \d+ warnings? \(printed above\): read them before trusting the figures$/m);
    const served = /^requests served \(2XX, 3XX\) +(\d+) +(\d+) +(\S+)/m.exec(stdout)!;
    expect(Number(served[1])).toBeGreaterThan(0);
    expect(served[2]).toBe('0');
    expect(stdout).toMatch(/^requests failed \(4XX, 5XX\) +\d+ +\d+/m);
  }, 120_000);

  it('counts minutes without CPU data beside minutes above target (table and JSON)', async () => {
    const vcpus = join(dir, 'vcpus.yaml');
    writeFileSync(vcpus, 'Simulation:\n  InstanceTypes:\n    c5.large: { Vcpus: 1 }\n');
    expect(await main(['sim', 'backtest', 'shop', '--change', vcpus, '--duration', '1h', '--json'])).toBe(0);
    const result = JSON.parse(stdout);
    const web = result.groups.find((g: { name: string }) => g.name === 'shop-web-asg');
    expect(web.changed.minutesWithoutCpuData).toBe(web.cpu.changed.filter((v: number | null) => v === null).length);
    expect(result.changed).toHaveProperty('requestsServed');
    expect(result.changed).toHaveProperty('requestsFailed');
    expect(result.changeWarnings).toEqual([]);
    stdout = '';
    expect(await main(['sim', 'backtest', 'shop', '--change', vcpus, '--duration', '1h'])).toBe(0);
    expect(stdout).toMatch(/^minutes without CPU data +\d+ +\d+/m);
    expect(stdout).toMatch(/shop-web-asg \[c5\.large\]: .* min; without CPU data: \d+ → \d+ min$/m);
    expect(stdout).not.toContain('the change has');
  }, 120_000);

  it('a typo in the change exits 1 naming the file, line and path', async () => {
    expect(await main(['sim', 'backtest', 'shop', '--change', typo, '--duration', '10m'])).toBe(1);
    expect(stderr).toContain('the change file has 1 error');
    expect(stderr).toContain(`${typo}:5:`);
    expect(stderr).toContain('error: TargetValu is not a property of AWS::AutoScaling::ScalingPolicy');
    expect(stderr).toContain('(at Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValu)');
  });

  it.each([
    [['sim', 'backtest', 'shop'], 'needs --change'],
    [['sim', 'backtest', '--change', 'x.yaml'], 'needs a scenario'],
    [['sim', 'backtest', 'shop', '--change', 'x.yaml', '--duration', '30s'], 'at least a minute'],
    [['sim', 'backtest', 'shop', '--change', 'x.yaml', '--duration', '3d'], 'longer than the 48 hours'],
    [['sim', 'backtest', 'shop', '--change', 'x.yaml', '--cpu-threshold', '120'], '--cpu-threshold must be a percentage'],
    [['sim', 'backtest', 'shop', '--change', 'x.yaml', '--seed', 'x'], '--seed must be an integer'],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    expect(await main(args)).toBe(2);
    expect(stderr).toContain(message);
  });

  it('a missing change file exits 1 naming it', async () => {
    expect(await main(['sim', 'backtest', 'shop', '--change', join(dir, 'nope.yaml')])).toBe(1);
    expect(stderr).toContain('file not found');
  });

  it('--help prints the usage and exits 0', async () => {
    expect(await main(['sim', 'backtest', '--help'])).toBe(0);
    expect(stdout).toContain('flightdeck sim backtest <scenario> --change <change.yaml>');
    stdout = '';
    expect(await main(['help'])).toBe(0);
    expect(stdout).toContain('flightdeck sim backtest');
  });

  it('a twin is compared with the account it copies: its Twin.Observed series are the Reality column without --observed', async () => {
    const shop = readFileSync(resolve('resources/scenarios/shop.yaml'), 'utf8');
    const twin = join(dir, 'shop-twin.yaml');
    const capacity = Array.from({ length: 6 }, () => 4).join(', ');
    writeFileSync(
      twin,
      `${shop}\nTwin:\n  Source: { Account: '123456789012', Region: us-east-1 }\n  Window: { Start: '2026-11-20T14:00:00Z', End: '2026-11-20T14:30:00Z' }\n  PeriodSeconds: 300\n  Observed:\n    - { Namespace: AWS/AutoScaling, MetricName: GroupInServiceInstances, Dimensions: { AutoScalingGroupName: shop-web-asg }, Stat: Average, Values: [${capacity}] }\n`,
    );
    expect(await main(['sim', 'backtest', twin, '--change', change, '--duration', '30m', '--json'])).toBe(0);
    const result = JSON.parse(stdout);
    const web = result.groups.find((g: { name: string }) => g.name === 'shop-web-asg');
    expect(web.capacity.observed.filter((v: number | null) => v !== null).length).toBeGreaterThan(0);
    expect(web.capacity.observed.find((v: number | null) => v !== null)).toBe(4);
    expect(result.unmatchedObserved).toEqual([]);
  }, 120_000);
});

