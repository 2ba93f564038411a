/**
 * Issue 17 end to end against moto_server: a reference account seeded with the AWS SDK (the
 * topology of aws-topology.ts, plus a function holding a secret), three hours of history written
 * with PutMetricData → `flightdeck aws export` → the normal loader → the twin replays the window →
 * calibration and fit figures are there. The seeded requests cost a known 20 ms of CPU each, so the
 * fit must find it.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { main } from '@main/cli/index';
import { awsExport } from '@main/cli/aws-export';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { twinFit } from '@main/core/sources/sim/report';
import { FlightdeckCore } from '@main/core/core-host';
import { createSessionManager } from '@main/core/session/create-session-manager';
import type { AwsSource } from '@main/core/sources/aws/aws-source';
import { shopCore } from '../../helpers/core';
import { loadBalancerDimension, targetGroupDimension } from '@main/core/metric-catalog';
import { FAKE_SECRET_ACCESS_KEY, startMoto, writeMotoProfiles, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';
import { createTopology, sdkConfig, type Topology } from '../../helpers/aws-topology';

const moto = motoSuite('twin.moto.test.ts');

const SECRET = 'hunter2-seeded-secret';
const PERIOD = 300;
const HOURS = 3;
/** CPU seconds per request the seeded history is made with: the fit must find it. */
const CPU_PER_REQUEST = 0.02;
const EMPTY_ZIP = new Uint8Array([80, 75, 5, 6, ...new Array<number>(18).fill(0)]);

/** Requests per second of the web target group in period i: a slow wave between 20 and 60. */
const webRate = (i: number) => 40 + 20 * Math.sin(i / 5);
const apiRate = (i: number) => 10 + 5 * Math.cos(i / 7);

async function writeHistory(endpoint: string, topology: Topology, startSeconds: number): Promise<void> {
  const cw = new CloudWatchClient(sdkConfig(endpoint));
  const lb = loadBalancerDimension(topology.loadBalancerArns[0]!);
  const [web, api] = [targetGroupDimension(topology.targetGroupArns[0]!), targetGroupDimension(topology.targetGroupArns[1]!)];
  const elb: MetricDatum[] = [];
  const ec2: MetricDatum[] = [];
  const lambda: MetricDatum[] = [];
  for (let i = 0; i < (HOURS * 3600) / PERIOD; i++) {
    const Timestamp = new Date((startSeconds + i * PERIOD + 60) * 1000);
    const webCount = Math.round(webRate(i) * PERIOD);
    const apiCount = Math.round(apiRate(i) * PERIOD);
    elb.push({ MetricName: 'RequestCount', Dimensions: [{ Name: 'LoadBalancer', Value: lb }], Timestamp, Value: webCount + apiCount + 30, Unit: 'Count' });
    elb.push({ MetricName: 'RequestCount', Dimensions: [{ Name: 'LoadBalancer', Value: lb }, { Name: 'TargetGroup', Value: web }], Timestamp, Value: webCount, Unit: 'Count' });
    elb.push({ MetricName: 'RequestCount', Dimensions: [{ Name: 'LoadBalancer', Value: lb }, { Name: 'TargetGroup', Value: api }], Timestamp, Value: apiCount, Unit: 'Count' });
    // web-asg: 2 × t3.micro (2 vCPUs each) serve web-tg: CPU% = 100 × rate × cost / (2 × 2).
    const utilisation = (webRate(i) * CPU_PER_REQUEST) / 4;
    ec2.push({ MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web-asg' }], Timestamp, Value: 100 * utilisation, Unit: 'Percent' });
    elb.push({ MetricName: 'TargetResponseTime', Dimensions: [{ Name: 'LoadBalancer', Value: lb }], Timestamp, Value: (0.01 + CPU_PER_REQUEST) / (1 - utilisation), Unit: 'Seconds' });
    lambda.push({ MetricName: 'Invocations', Dimensions: [{ Name: 'FunctionName', Value: 'mailer' }], Timestamp, Value: 600, Unit: 'Count' });
  }
  for (const [Namespace, data] of [['AWS/ApplicationELB', elb], ['AWS/EC2', ec2], ['AWS/Lambda', lambda]] as const) {
    for (let i = 0; i < data.length; i += 20) await cw.send(new PutMetricDataCommand({ Namespace, MetricData: data.slice(i, i + 20) }));
  }
  cw.destroy();
}

describe.runIf(moto.available)('twin of an account against moto_server', () => {
  let server: MotoServer;
  let profiles: ReturnType<typeof writeMotoProfiles>;
  let stderr: string;
  const now = Math.floor(Date.now() / 1000 / PERIOD) * PERIOD * 1000 + 30_000;
  const windowStart = now / 1000 - 30 - HOURS * 3600;
  const out = join(mkdtempSync(join(tmpdir(), 'flightdeck-twin-')), 'twin.yaml');

  beforeAll(async () => {
    server = await startMoto();
    profiles = writeMotoProfiles(server.endpoint);
    // The topology's own ten minutes of datapoints are put hours before the window, so they never mix with the history.
    const topology = await createTopology({ endpoint: server.directEndpoint, now: now - 6 * 3600_000 });
    const lambda = new LambdaClient(sdkConfig(server.directEndpoint));
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'orders-api',
        Runtime: 'nodejs20.x',
        Role: 'arn:aws:iam::123456789012:role/flightdeck-lambda',
        Handler: 'index.handler',
        Code: { ZipFile: EMPTY_ZIP },
        Environment: { Variables: { DB_PASSWORD: SECRET, STAGE: 'prod' } },
      }),
    );
    lambda.destroy();
    await writeHistory(server.directEndpoint, topology, windowStart);
  }, 180_000);
  afterAll(async () => server?.stop(), 120_000);
  beforeEach(() => {
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    for (const [name, value] of Object.entries(profiles.env)) vi.stubEnv(name, value);
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_REGION', '');
  }, 120_000);
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }, 120_000);

  it('exports the account, its history and no secret; the twin loads, replays and reports its fit', async () => {
    expect(await awsExport(['--profile', 'moto', '--hours', String(HOURS), '--out', out], process.env, undefined, () => now)).toBe(0);
    expect(stderr).toMatch(/history: GetMetricData call 1 of 1 \(\d+ series read\)/);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(FAKE_SECRET_ACCESS_KEY);
    expect(text).not.toContain('not-a-real-password-1');

    const twin = loadScenario(text, { file: out });
    expect(twin.twin).toMatchObject({ source: { account: '123456789012', region: 'us-east-1', profile: 'moto' }, periodSeconds: PERIOD });
    expect(twin.twin!.window.start).toBe(new Date(windowStart * 1000).toISOString());
    expect(twin.twin!.placeholders).toEqual(expect.arrayContaining([{ resource: 'FunctionOrdersApi', path: 'Environment.Variables.DB_PASSWORD' }, { resource: 'FunctionOrdersApi', path: 'Environment.Variables.STAGE' }]));
    const types = twin.resources.map((r) => r.type);
    for (const type of ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::AutoScaling::ScalingPolicy', 'AWS::AutoScaling::ScheduledAction', 'AWS::CloudWatch::Alarm', 'AWS::Route53::HostedZone', 'AWS::Route53::RecordSet', 'AWS::Route53::HealthCheck', 'AWS::RDS::DBInstance', 'AWS::Lambda::Function']) {
      expect(types, type).toContain(type);
    }
    // The replay: each forwarding rule's population carries its target group's recorded requests.
    const web = twin.traffic.find((t) => t.Name === 'web-80-default')!;
    expect(web.Rate).toMatchObject({ kind: 'steps', everySeconds: PERIOD });
    expect((web.Rate as { values: number[] }).values[3]).toBeCloseTo(Math.round(webRate(3) * PERIOD) / PERIOD, 2);
    expect(twin.traffic.find((t) => t.Name === 'web-80-10')?.Requests).toEqual([expect.objectContaining({ Path: '/api/x' })]);
    expect(twin.traffic.map((t) => t.Name)).toContain('invocations-mailer');
    // Calibration: the seeded 20 ms per request is found, with its fit error.
    const cpu = twin.twin!.calibration!.cpuPerRequest.find((c) => c.autoScalingGroupName === 'web-asg')!;
    expect(cpu.cpuPerRequestSeconds).toBeCloseTo(CPU_PER_REQUEST, 3);
    expect(cpu.fitError).toBeLessThan(0.01);
    expect(web.CpuPerRequest).toBeCloseTo(CPU_PER_REQUEST, 3);

    const engine = new SimulationEngine(twin, { trackChanges: false });
    engine.advanceBy(HOURS * 3600);
    const fit = twinFit(engine)!;
    const row = (kind: string, resource: string) => fit.series.find((s) => s.kind === kind && s.resource === resource);
    expect(row('requests', 'web')).toMatchObject({ verdict: 'measured' });
    expect(row('requests', 'web')!.error).toBeLessThan(0.05);
    expect(row('cpu', 'web-asg')).toMatchObject({ verdict: 'measured' });
    expect(row('cpu', 'web-asg')!.points).toBeGreaterThanOrEqual(fit.minPoints);
    expect(row('latency', 'web')).toMatchObject({ verdict: 'measured' });
    // Group metrics were off in the account: the twin says so instead of a figure.
    expect(row('capacity', 'web-asg')).toMatchObject({ verdict: 'notRecorded', error: null });

    // The same through `sim run`: the fit is on stderr and in the report.
    stderr = '';
    expect(await main(['sim', 'run', out, '--duration', '30m'])).toBe(0);
    expect(stderr).toContain('twin of account 123456789012 in us-east-1');
    // Thirty minutes are six periods: fewer than the twelve a figure needs.
    expect(stderr).toMatch(/cpu {6}web-asg .*not enough data \(6 of 12 periods needed\)/);
  }, 300_000);

  it('"Open as twin" writes the same file in the settings folder, runs it, and from then on makes no AWS call', async () => {
    const configDirectory = mkdtempSync(join(tmpdir(), 'flightdeck-config-'));
    const sessions = createSessionManager({ initial: shopCore().source, configDirectory, env: profiles.env });
    const core = new FlightdeckCore(sessions);
    const progress: unknown[] = [];
    core.subscribe((channel, payload) => channel === 'twin.progress' && progress.push(payload));
    expect(await core.handle('session.switch', { mode: 'aws', profile: 'moto' })).toMatchObject({ ok: true });
    await (sessions.active as AwsSource).ready;
    const opened = await core.handle('aws.twin.open', { hours: HOURS });
    expect(opened).toMatchObject({ ok: true, value: { session: { mode: 'simulation', twin: { source: { account: '123456789012', region: 'us-east-1', profile: 'moto' }, periodSeconds: PERIOD, placeholders: 3 } } } });
    // Progress, per GetMetricData call, then done.
    expect(progress).toEqual([expect.objectContaining({ stage: 'history', call: 1, calls: 1 }), expect.objectContaining({ stage: 'done' })]);
    const files = readdirSync(join(configDirectory, 'twins'));
    expect(files).toEqual([expect.stringMatching(/^twin-123456789012-us-east-1-.*\.yaml$/)]);
    const text = readFileSync(join(configDirectory, 'twins', files[0]!), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(loadScenario(text, { file: files[0]! }).twin?.observed.length).toBeGreaterThan(0);
    // The twin is the simulator: an hour of it sends nothing to AWS.
    server.clearCounts();
    expect(await core.handle('sim.control', { command: 'step', seconds: 3600 })).toMatchObject({ ok: true });
    expect(await core.handle('sim.twin.fit', {})).toMatchObject({ ok: true, value: { method: 'wape' } });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(server.calls.map((c) => c.operation)).toEqual([]);
    core.stop();
  }, 300_000);
});
