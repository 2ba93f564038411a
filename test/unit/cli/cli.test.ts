import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const dir = mkdtempSync(join(tmpdir(), 'fd-cli-'));

describe('flightdeck sim run', () => {
  it('writes the same report twice for one seed', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    expect(await main(['sim', 'run', 'shop', '--duration', '1h', '--seed', '5', '--out', a])).toBe(0);
    expect(await main(['sim', 'run', 'shop', '--duration', '1h', '--seed', '5', '--out', b])).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const report = JSON.parse(readFileSync(a, 'utf8'));
    expect(report).toMatchObject({ seed: 5, simulatedSeconds: 3600 });
    expect(stderr).toContain('simulated 3600 s of shop (seed 5)');
  });

  it('prints the report to standard output without --out', async () => {
    expect(await main(['sim', 'run', 'shop', '--duration', '10m'])).toBe(0);
    expect(JSON.parse(stdout).simulatedSeconds).toBe(600);
  });

  it('runs a --lead-in of history before StartTime, and none by default', async () => {
    expect(await main(['sim', 'run', 'shop', '--duration', '10m', '--lead-in', '30m'])).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ startTime: '2026-11-20T14:00:00.000Z', leadInSeconds: 1800, simulatedSeconds: 600 });
    const requests = report.metrics.find((s: { metricName: string; stat: string }) => s.metricName === 'RequestCount' && s.stat === 'Sum');
    expect(requests.points[0][0]).toBe(Date.parse('2026-11-20T13:30:00Z') / 1000);
    stdout = '';
    expect(await main(['sim', 'run', 'shop', '--duration', '10m'])).toBe(0);
    expect(JSON.parse(stdout)).not.toHaveProperty('leadInSeconds');
  });

  it.each([
    [['sim', 'run', 'shop', '--duration', '1h', '--lead-in', '45s'], '--lead-in "45s": a lead-in is whole minutes from 0 to 24h'],
    [['serve', '--lead-in', '2d'], '--lead-in "2d": a lead-in is whole minutes from 0 to 24h'],
    [['sim', 'run', 'shop'], 'needs --duration'],
    [['sim', 'run', 'shop', '--duration', 'soon'], '"soon" is not a duration'],
    [['sim', 'run', '--duration', '1h'], 'needs a scenario'],
    [['sim', 'run', 'shop', '--duration', '1h', '--seed', 'abc'], '--seed must be an integer'],
    [['sim', 'run', 'shop', '--duration', '1h', '--bogus'], "Unknown option '--bogus'"],
    [['sim', 'walk'], 'unknown command "sim walk"'],
    [['serve', '--stack-name', 'load.v2'], '--stack-name "load.v2" is not a stack name'],
    [['serve', '--parameter', 'NoEquals'], '--parameter "NoEquals" is not Key=Value'],
    // dns trace opens its scenario as sim run and serve do: the same stack options, checked alike.
    [['dns', 'trace', 'www.example.com', '--scenario', 'global-failover', '--parameter', 'NoEquals'], '--parameter "NoEquals" is not Key=Value'],
    [['dns', 'trace', 'www.example.com', '--scenario', 'global-failover', '--stack-name', 'load.v2'], '--stack-name "load.v2" is not a stack name'],
    [['sim', 'backtest', 'shop', 'extra', '--change', 'change.yaml'], 'unexpected argument "extra"'],
    [['launch'], 'unknown command "launch"'],
    // The report's place is checked before the run, not after it (a 12-hour run was lost to ENOENT).
    [['sim', 'run', 'shop', '--duration', '12h', '--out', '/nonexistent-dir/report.json'], '--out /nonexistent-dir/report.json: the folder /nonexistent-dir does not exist'],
    [['sim', 'run', 'shop', '--duration', '12h', '--out', tmpdir()], `--out ${tmpdir()} is a folder`],
  ])('exits 2 with a clear usage message for %j', async (args, message) => {
    expect(await main(args)).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 1 and lists each scenario error with file, line and path', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'Resources:\n  G:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: 5\n      MaxSize: 2\n      AvailabilityZones: [us-east-1a]\n');
    expect(await main(['sim', 'run', file, '--duration', '1h'])).toBe(1);
    expect(stderr).toContain(`${file}:5:16: error: MinSize 5 is greater than MaxSize 2 (at Resources.G.Properties.MinSize)`);
  });

  it('--template with --parameter, --parameters (create-stack and deploy shapes) and --stack-name; Outputs in the report', async () => {
    const template = join(dir, 'web.stack.yaml');
    writeFileSync(
      template,
      `Parameters:\n  Max: { Type: Number, MaxValue: 8 }\n  Key: { Type: String }\nResources:\n  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties: { LaunchTemplateData: { InstanceType: t3.micro, ImageId: ami-12345678 } }\n  G:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: 1\n      MaxSize: !Ref Max\n      LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: "1" }\n      AvailabilityZones: !GetAZs ""\n      Tags: [{ Key: k, Value: !Ref Key, PropagateAtLaunch: true }]\nOutputs:\n  Group: { Value: !Ref G }\n`,
    );
    const scenario = join(dir, 'load.v2.yaml');
    writeFileSync(scenario, 'Simulation:\n  Seed: 2\n');
    expect(await main(['sim', 'run', scenario, '--template', template, '--duration', '2m'])).toBe(1);
    expect(stderr).toContain('flightdeck: the template (');
    expect(stderr).toContain('parameter "Max" has no Default and no value was given; give one with --parameter Max=…');
    stderr = '';
    stdout = '';
    expect(await main(['sim', 'run', scenario, '--template', template, '--duration', '2m', '--parameter', 'Max=3'])).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.scenario).toBe('web-stack');
    expect(report.outputs).toEqual([{ key: 'Group', value: expect.stringMatching(/^web-stack-G-/) }]);
    for (const [name, text] of [
      ['create-stack.json', JSON.stringify([{ ParameterKey: 'Max', ParameterValue: '4' }])],
      ['deploy.json', JSON.stringify(['Max=4'])],
      ['deploy.txt', 'Max=4\n'],
    ]) {
      const file = join(dir, name!);
      writeFileSync(file, text!);
      stdout = '';
      expect(await main(['sim', 'run', scenario, '--template', template, '--duration', '1m', '--parameters', file, '--stack-name', 'shop'])).toBe(0);
      expect(JSON.parse(stdout).outputs[0].value).toMatch(/^shop-G-/);
    }
    expect(await main(['sim', 'run', scenario, '--template', template, '--duration', '1m', '--parameter', 'Max=9'])).toBe(1);
    expect(stderr).toContain('parameter "Max": 9 is more than the maximum 8; the value comes from --parameter Max');
    expect(await main(['sim', 'run', scenario, '--template', template, '--duration', '1m', '--parameter', 'Max'])).toBe(2);
    expect(stderr).toContain('--parameter "Max" is not Key=Value');
    expect(await main(['sim', 'run', scenario, '--template', template, '--duration', '1m', '--stack-name', 'a.b'])).toBe(2);
  });

  it('names the bundled scenarios when one is not found', async () => {
    expect(await main(['sim', 'run', 'no-such-scenario', '--duration', '1h'])).toBe(1);
    expect(stderr).toMatch(/file not found \(bundled scenarios: .*shop/);
  });
});

describe('--help on every command', () => {
  it('prints the command\'s usage and exits 0, without running it', async () => {
    for (const argv of [['serve', '--help'], ['sim', 'run', '--help'], ['dns', 'trace', '-h'], ['aws', 'snapshot', '--help'], ['aws', 'regions', '--help'], ['aws', '--help'], ['help']]) {
      stdout = '';
      expect(await main(argv), argv.join(' ')).toBe(0);
      expect(stdout, argv.join(' ')).toMatch(/flightdeck /);
    }
    stdout = '';
    await main(['serve', '--help']);
    expect(stdout).toContain('--profile');
    expect(stdout).toContain('--region');
  });

  it('aws regions lists every partition region, opt-in ones marked', async () => {
    expect(await main(['aws', 'regions'])).toBe(0);
    expect(stdout).toMatch(/^me-central-1 +Middle East \(UAE\) {2}\(opt-in\)$/m);
    expect(stdout).toMatch(/^eu-west-3 +Europe \(Paris\)$/m);
  });

  it('serve: --region without --profile, a malformed region or an unknown profile are usage errors (exit 2)', async () => {
    expect(await main(['serve', '--region', 'eu-west-1'])).toBe(2);
    expect(stderr).toContain('--region needs --profile');
    stderr = '';
    expect(await main(['serve', '--profile', 'x', '--region', 'us east 1'])).toBe(2);
    expect(stderr).toContain('"us east 1" is not an AWS region name');
  });
});

// ASG-16 (issue 13): a refused action is not only a timeline entry.
describe('flightdeck sim run: error-severity events', () => {
  const file = join(dir, 'refused.yaml');
  const scenario = (policy: string) =>
    readFileSync(join(__dirname, '../../../resources/scenarios/shop.yaml'), 'utf8').replace(/\nActions:[\s\S]*?(?=\n[A-Z]|$)/, '') +
    `\nActions:\n  - { At: 2m, Type: ExecutePolicy, AutoScalingGroupName: no-such-group, PolicyName: ${policy} }\n`;

  it('ASG-16: prints refused actions to stderr and exits 0 without --strict', async () => {
    writeFileSync(file, scenario('x'));
    expect(await main(['sim', 'run', file, '--duration', '5m', '--out', join(dir, 'r.json')])).toBe(0);
    expect(stderr).toMatch(/error: \[simulator ActionRefused\] Actions\[\d+\]: ExecutePolicy was refused: AutoScalingGroup name not found/);
  });

  it('ASG-16: --strict exits 3 when the run had error-severity events', async () => {
    writeFileSync(file, scenario('x'));
    expect(await main(['sim', 'run', file, '--duration', '5m', '--out', join(dir, 'r.json'), '--strict'])).toBe(3);
    expect(stderr).toContain('(--strict: failing)');
  });

  it('ASG-16: --strict exits 0 for a clean run', async () => {
    expect(await main(['sim', 'run', 'shop', '--duration', '5m', '--out', join(dir, 'clean.json'), '--strict'])).toBe(0);
  });
});
