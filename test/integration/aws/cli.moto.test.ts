/** `flightdeck aws snapshot` and `flightdeck dns trace --profile` against moto_server. */
import { appendFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@main/cli/index';
import { Snapshot } from '@main/core/contract';
import { FAKE_SECRET_ACCESS_KEY, startMoto, writeMotoProfiles, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';
import { createTopology } from '../../helpers/aws-topology';

const moto = motoSuite('cli.moto.test.ts');

describe.runIf(moto.available)('headless AWS commands against moto_server', () => {
  let server: MotoServer;
  let profiles: ReturnType<typeof writeMotoProfiles>;
  let stdout: string;
  let stderr: string;

  beforeAll(async () => {
    server = await startMoto();
    profiles = writeMotoProfiles(server.endpoint);
    appendFileSync(profiles.env.AWS_CONFIG_FILE!, '\n[profile corp]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n');
    await createTopology({ endpoint: server.directEndpoint });
  }, 120_000);
  afterAll(async () => server?.stop(), 120_000);
  beforeEach(() => {
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    for (const [name, value] of Object.entries(profiles.env)) vi.stubEnv(name, value);
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_REGION', '');
  }, 120_000);
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }, 120_000);

  it('prints a readable snapshot with inventory, health and latest metric values', async () => {
    expect(await main(['aws', 'snapshot', '--profile', 'moto'])).toBe(0);
    expect(stdout).toContain('AWS profile moto (us-east-1), account 123456789012');
    expect(stdout).toContain(`endpoint  ${server.endpoint} (custom; not AWS)`);
    expect(stdout).toMatch(/:80 HTTP {2}5 \/maintenance → fixed 503; 10 \/api\/\* → api-tg; default → web-tg/);
    expect(stdout).toMatch(/RequestCount 1020 \(Sum, \d\d:\d\dZ\)/);
    expect(stdout).toContain('web-tg  HTTP:80  2/2 healthy');
    expect(stdout).toContain('web-asg  desired 2 (min 1, max 6)  2 InService  policies: cpu-50 (target 50), step-out');
    expect(stdout).toContain('CPUUtilization 41.5');
    expect(stdout).toMatch(/orders-r1 {2}available {2}postgres db\.t3\.micro.*replica of orders, lag 4 s/);
    expect(stdout).toContain('thumbnails  nodejs20.x 256 MB  reserved concurrency 5');
    expect(stdout).toMatch(/Healthy \(100 % of checkers healthy\)/);
    expect(stderr).toContain('GetAccountSettings');
    expect(stdout + stderr).not.toContain(FAKE_SECRET_ACCESS_KEY);
  });

  it('prints the same domain snapshot as the UI receives with --json', async () => {
    expect(await main(['aws', 'snapshot', '--profile', 'moto', '--json'])).toBe(0);
    const snapshot = Snapshot.parse(JSON.parse(stdout));
    expect(snapshot.session).toMatchObject({ mode: 'aws', profile: 'moto', accountId: '123456789012' });
    expect(snapshot.inventory.dbInstances).toHaveLength(3);
  });

  it('uses another region when asked (empty there)', async () => {
    expect(await main(['aws', 'snapshot', '--profile', 'moto', '--region', 'eu-west-1', '--json'])).toBe(0);
    expect(JSON.parse(stdout).inventory.loadBalancers).toEqual([]);
  });

  it('exits 3 with the fix when the profile does not exist or its SSO session is missing', async () => {
    expect(await main(['aws', 'snapshot', '--profile', 'nope'])).toBe(3);
    expect(stderr).toContain('no profile named nope');
    stderr = '';
    expect(await main(['aws', 'snapshot', '--profile', 'corp'])).toBe(3);
    expect(stderr).toContain('cannot use profile corp (sso-missing)');
    expect(stderr).toContain('fix: Run `aws sso login --profile corp`');
    expect(stdout).toBe('');
  });

  it('traces a name in a real zone: delegation to the zone’s four name servers, the competing records and why', async () => {
    expect(await main(['dns', 'trace', 'www.example.com', '--profile', 'moto'])).toBe(0);
    expect(stdout).toContain(';; www.example.com. A from us-east-1 (US-VA, NA) — profile moto (us-east-1, account 123456789012)');
    expect(stdout).toContain('example.com. 172800 IN NS ns-2051.awsdns-67.co.uk.');
    expect(stdout).toMatch(/;; authoritative ns-\d+\.awsdns-\d+\.[a-z.]+\. \(example\.com\.\): answer/);
    // moto reports every checker healthy: blue 70 % / green 30 %.
    expect(stdout).toContain('Possible answers by the resolver: 192.0.2.1 70 %; 192.0.2.2 30 %.');
    expect(stdout).toMatch(/blue \[weight 70, check \S+, healthy\] 192\.0\.2\.1/);
    // moto has no TestDNSAnswer: the trace says so instead of failing.
    expect(stdout).toContain('Route 53 TestDNSAnswer could not be asked');
    stdout = '';
    expect(await main(['dns', 'trace', 'db.example.com', '--profile', 'moto', '--from', 'DE', '--json'])).toBe(0);
    const trace = JSON.parse(stdout) as { answer: { values: string[]; routingPolicy: string }; from: { countryCode: string } };
    expect(trace).toMatchObject({ answer: { values: ['192.0.2.5'], routingPolicy: 'failover' }, from: { countryCode: 'DE' } });
  });

  it('explains usage errors', async () => {
    expect(await main(['dns', 'trace', 'www.example.com'])).toBe(2);
    expect(stderr).toContain('or --profile for a real AWS account');
    expect(await main(['aws', 'list'])).toBe(2);
  });
});
