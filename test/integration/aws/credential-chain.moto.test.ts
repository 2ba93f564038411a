/**
 * Issue 11, item 1: the SDK's standard credential chain, for every setup where credentials are not
 * in a named profile — env keys (CI, aws-vault), the ECS/EKS container endpoint, EC2 IMDSv2, web
 * identity from the environment (EKS IRSA). `flightdeck aws snapshot` without --profile must work
 * like `aws sts get-caller-identity` and name the link that answered. Against moto_server plus the
 * local fakes of local-fakes.ts (container endpoint, IMDSv2, a forwarding proxy).
 *
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is not tested end to end: the SDK always joins it to
 * http://169.254.170.2 (ECS's link-local address, @smithy/credential-provider-imds CMDS_IP), which
 * a test limited to 127.0.0.1 cannot listen on. The unit test of default-chain.ts covers how it is
 * named; the FULL_URI test covers the same provider code path (fromHttp).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@main/cli/index';
import { startMoto, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';
import { startContainerEndpoint, startImdsV2, startProxy, type FakeProxy, type FakeServer } from './local-fakes';

const moto = motoSuite('credential-chain.moto.test.ts');

/** Everything the chain or the proxy logic reads from the environment, cleared before each case. */
const CHAIN_VARIABLES = [
  'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_SESSION_NAME',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_AUTHORIZATION_TOKEN', 'AWS_EC2_METADATA_SERVICE_ENDPOINT', 'AWS_EC2_METADATA_DISABLED',
  'AWS_CA_BUNDLE', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy',
];

describe.runIf(moto.available)('the standard credential chain (no --profile) against moto_server', () => {
  let server: MotoServer;
  let home: string;
  let stdout: string;
  let stderr: string;

  beforeAll(async () => {
    server = await startMoto();
  }, 120_000);
  afterAll(async () => server?.stop(), 120_000);
  beforeEach(() => {
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    for (const name of CHAIN_VARIABLES) vi.stubEnv(name, undefined);
    // No shared files at all: only the environment can answer.
    home = mkdtempSync(join(tmpdir(), 'flightdeck-chain-'));
    vi.stubEnv('HOME', home);
    vi.stubEnv('AWS_CONFIG_FILE', join(home, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(home, 'credentials'));
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ENDPOINT_URL', server.endpoint);
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  }, 120_000);
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('only AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY: connects and says the environment answered', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAENVONLYFAKE00001');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'envOnlySecretFakeenvOnlySecretFake000000');
    expect(await main(['aws', 'snapshot']), stderr).toBe(0);
    expect(stdout).toContain('AWS profile (default chain) (us-east-1), account 123456789012');
    expect(stdout).toContain('credentials from the default chain: environment variables');
    // AWS_ENDPOINT_URL applies to every profile: labelled as such.
    expect(stdout).toContain(`endpoint  ${server.endpoint} (custom, from AWS_ENDPOINT_URL* — applies to every profile; not AWS)`);
    expect(server.count('GetCallerIdentity')).toBeGreaterThan(0);
  });

  it('ECS/EKS container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI, with its token): asked, named; never via the proxy', async () => {
    const endpoint = await startContainerEndpoint();
    const proxy: FakeProxy = await startProxy();
    try {
      vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', `${endpoint.url}/v2/credentials/task-1`);
      vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN', 'container-auth-token');
      // A proxy for plain HTTP too: moto's calls go through it, the container endpoint must not.
      vi.stubEnv('HTTP_PROXY', proxy.url);
      expect(await main(['aws', 'snapshot', '--json']), stderr).toBe(0);
      expect(JSON.parse(stdout).session).toMatchObject({ mode: 'aws', profile: '(default chain)', credentialState: 'connected', credentialSource: 'container', accountId: '123456789012' });
      expect(endpoint.requests.map((r) => r.url)).toContain('/v2/credentials/task-1');
      expect(endpoint.requests[0]!.headers.authorization).toBe('container-auth-token');
      expect(proxy.forwarded.some((url) => url.startsWith(server.endpoint))).toBe(true);
      expect(proxy.forwarded.filter((url) => url.includes('/v2/credentials'))).toEqual([]);
      expect(proxy.connects).toEqual([]);
    } finally {
      await endpoint.close();
      await proxy.close();
    }
  });

  it('EC2 instance role through IMDSv2 (token first, then the role and its keys): connects and names IMDS; never via the proxy', async () => {
    const imds: FakeServer = await startImdsV2();
    const proxy: FakeProxy = await startProxy();
    try {
      vi.stubEnv('AWS_EC2_METADATA_DISABLED', undefined);
      vi.stubEnv('AWS_EC2_METADATA_SERVICE_ENDPOINT', imds.url);
      vi.stubEnv('HTTP_PROXY', proxy.url);
      expect(await main(['aws', 'snapshot']), stderr).toBe(0);
      expect(proxy.forwarded.some((url) => url.startsWith(server.endpoint))).toBe(true);
      expect(proxy.forwarded.filter((url) => url.includes('/latest/'))).toEqual([]);
      expect(stdout).toContain('credentials from the default chain: EC2 instance metadata (IMDSv2)');
      const asked = imds.requests.map((r) => `${r.method} ${r.url}`);
      expect(asked[0]).toBe('PUT /latest/api/token');
      expect(asked).toContain('GET /latest/meta-data/iam/security-credentials/flightdeck-instance-role');
      expect(imds.requests.filter((r) => r.method === 'GET').every((r) => r.headers['x-aws-ec2-metadata-token'] === 'imds-session-token-42')).toBe(true);
    } finally {
      await imds.close();
      await proxy.close();
    }
  });

  it('web identity from the environment (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE): AssumeRoleWithWebIdentity, named', async () => {
    const tokenFile = join(home, 'token');
    writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDpmbGlnaHRkZWNrIn0.c2lnbmF0dXJl');
    vi.stubEnv('AWS_ROLE_ARN', 'arn:aws:iam::123456789012:role/flightdeck-irsa');
    vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', tokenFile);
    vi.stubEnv('AWS_ROLE_SESSION_NAME', 'flightdeck-test');
    expect(await main(['aws', 'snapshot']), stderr).toBe(0);
    expect(stdout).toContain('credentials from the default chain: web identity token');
    expect(stdout).toMatch(/caller {4}arn:aws:sts::123456789012:assumed-role\/flightdeck-irsa\/flightdeck-test/);
    expect(server.count('AssumeRoleWithWebIdentity')).toBe(1);
  });

  it('nothing in the chain answers: exit 3 with what was tried and how to provide credentials', async () => {
    expect(await main(['aws', 'snapshot'])).toBe(3);
    expect(stderr).toContain('cannot use the standard credential chain (missing)');
    expect(stderr).toContain('AWS_ACCESS_KEY_ID');
  });
});
