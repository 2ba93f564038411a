/**
 * Issue 11, items 2, 3 and 6 against moto_server and local fakes:
 * - endpoint isolation: one profile's signed requests never reach another profile's endpoint
 *   (`$AWS_PROFILE`'s or `[default]`'s), and a non-AWS endpoint is always labelled;
 * - corporate networks: HTTPS_PROXY/NO_PROXY (CONNECT tunnels), AWS_CA_BUNDLE and `ca_bundle`
 *   with a TLS endpoint whose certificate only a test CA trusts;
 * - messages: network, endpoint, region and credential failures told apart with their own exit
 *   codes; credential_process stderr shown (redacted); MFA from --mfa-code or a prompt.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@main/cli/index';
import { awsSnapshot } from '@main/cli/aws-snapshot';
import { FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, startMoto, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';
import { makeTestCa, opensslAvailable, startHtmlEndpoint, startProxy, startTlsFrontend, type FakeProxy, type FakeServer, type TestCa } from './local-fakes';

const moto = motoSuite('endpoints-network.moto.test.ts');

const CLEARED = [
  'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_STS', 'AWS_CA_BUNDLE', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy',
];

const keys = (name: string) => `[${name}]\naws_access_key_id = ${FAKE_ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET_ACCESS_KEY}\n`;

describe.runIf(moto.available)('endpoints, proxies, CA bundles and failure messages', () => {
  let server: MotoServer;
  let listener: FakeServer;
  let proxy: FakeProxy;
  let refusingProxy: FakeProxy;
  let ca: TestCa | undefined;
  let tls: FakeServer | undefined;
  let dir: string;
  let stdout: string;
  let stderr: string;

  const writeProfiles = (config: string, credentials: string) => {
    writeFileSync(join(dir, 'config'), config);
    writeFileSync(join(dir, 'credentials'), credentials);
  };

  beforeAll(async () => {
    server = await startMoto();
    listener = await startHtmlEndpoint();
    proxy = await startProxy();
    refusingProxy = await startProxy({ refuse: true });
    if (opensslAvailable()) {
      ca = makeTestCa();
      tls = await startTlsFrontend(ca, server.endpoint);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await listener?.close();
    await proxy?.close();
    await refusingProxy?.close();
    await tls?.close();
  }, 120_000);
  beforeEach(() => {
    stdout = '';
    stderr = '';
    listener.requests.length = 0;
    proxy.connects.length = 0;
    proxy.forwarded.length = 0;
    refusingProxy.connects.length = 0;
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    for (const name of CLEARED) vi.stubEnv(name, undefined);
    dir = mkdtempSync(join(tmpdir(), 'flightdeck-net-'));
    vi.stubEnv('HOME', dir);
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  }, 120_000);
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('AWS_PROFILE=local and --profile realprod: realprod signs for AWS, never for local\'s (or [default]\'s) endpoint', async () => {
    writeProfiles(
      `[default]\nregion = us-east-1\nendpoint_url = ${listener.url}\n\n[profile local]\nregion = us-east-1\nendpoint_url = ${listener.url}\n\n[profile realprod]\nregion = us-east-1\n`,
      keys('local') + keys('realprod'),
    );
    vi.stubEnv('AWS_PROFILE', 'local');
    // realprod's calls go to sts.us-east-1.amazonaws.com; a proxy that refuses every tunnel keeps the test offline and shows where they went.
    vi.stubEnv('HTTPS_PROXY', refusingProxy.url);
    const code = await main(['aws', 'snapshot', '--profile', 'realprod', '--json']);
    expect(listener.requests).toEqual([]);
    expect(refusingProxy.connects).toContain('sts.us-east-1.amazonaws.com:443');
    expect(code).toBe(6);
    expect(stderr).toContain('via the proxy');
    // The control: local itself does reach its endpoint (and is told it is not AWS: exit 7).
    stderr = '';
    expect(await main(['aws', 'snapshot', '--profile', 'local'])).toBe(7);
    expect(listener.requests.length).toBeGreaterThan(0);
    expect(stderr).toContain(`${listener.url} did not answer as AWS STS does`);
    expect(stderr).not.toMatch(/Unexpected token|not valid JSON|Deserialization/);
  });

  it('AWS_ENDPOINT_URL applies to every profile, and says so; a profile\'s own endpoint_url is labelled too', async () => {
    writeProfiles(`[profile realprod]\nregion = us-east-1\n\n[profile emu]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\n`, keys('realprod') + keys('emu'));
    expect(await main(['aws', 'snapshot', '--profile', 'emu'])).toBe(0);
    expect(stdout).toContain(`endpoint  ${server.endpoint} (custom; not AWS)`);
    stdout = '';
    vi.stubEnv('AWS_ENDPOINT_URL', server.endpoint);
    expect(await main(['aws', 'snapshot', '--profile', 'realprod'])).toBe(0);
    expect(stdout).toContain(`endpoint  ${server.endpoint} (custom, from AWS_ENDPOINT_URL* — applies to every profile; not AWS)`);
  });

  it.runIf(opensslAvailable())('a TLS endpoint signed by a private CA: refused without the bundle (exit 6), works with AWS_CA_BUNDLE or ca_bundle', async () => {
    const config = `[profile corp]\nregion = us-east-1\nendpoint_url = ${tls!.url}\n\n[profile corp-bundle]\nregion = us-east-1\nendpoint_url = ${tls!.url}\nca_bundle = ${ca!.caFile}\n`;
    writeProfiles(config, keys('corp') + keys('corp-bundle'));
    expect(await main(['aws', 'snapshot', '--profile', 'corp'])).toBe(6);
    expect(stderr).toContain('TLS certificate');
    expect(stderr).toContain('AWS_CA_BUNDLE');
    vi.stubEnv('AWS_CA_BUNDLE', ca!.caFile);
    expect(await main(['aws', 'snapshot', '--profile', 'corp'])).toBe(0);
    vi.stubEnv('AWS_CA_BUNDLE', undefined);
    expect(await main(['aws', 'snapshot', '--profile', 'corp-bundle'])).toBe(0);
    vi.stubEnv('AWS_CA_BUNDLE', join(dir, 'missing.pem'));
    stderr = '';
    expect(await main(['aws', 'snapshot', '--profile', 'corp'])).toBe(6);
    expect(stderr).toContain('missing.pem cannot be used (ENOENT)');
  });

  it.runIf(opensslAvailable())('HTTPS_PROXY: every AWS call (STS included) goes through CONNECT tunnels; NO_PROXY exempts the host', async () => {
    writeProfiles(`[profile corp]\nregion = us-east-1\nendpoint_url = ${tls!.url}\nca_bundle = ${ca!.caFile}\n`, keys('corp'));
    vi.stubEnv('HTTPS_PROXY', proxy.url);
    const before = tls!.requests.length;
    expect(await main(['aws', 'snapshot', '--profile', 'corp'])).toBe(0);
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(new Set(proxy.connects)).toEqual(new Set([`127.0.0.1:${tls!.port}`]));
    expect(tls!.requests.length).toBeGreaterThan(before);
    proxy.connects.length = 0;
    vi.stubEnv('NO_PROXY', '127.0.0.1');
    expect(await main(['aws', 'snapshot', '--profile', 'corp'])).toBe(0);
    expect(proxy.connects).toEqual([]);
  });

  it('tells network, endpoint, region and credential failures apart, each with its exit code and no raw parser text', async () => {
    writeProfiles(
      `[profile down]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\n\n[profile html]\nregion = us-east-1\nendpoint_url = ${listener.url}\n\n[profile emu]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\n`,
      keys('down') + keys('html') + keys('emu'),
    );
    expect(await main(['aws', 'snapshot', '--profile', 'down'])).toBe(6);
    expect(stderr).toContain('Cannot reach AWS (ECONNREFUSED)');
    stderr = '';
    expect(await main(['aws', 'snapshot', '--profile', 'html'])).toBe(7);
    expect(stderr).not.toMatch(/Unexpected token|<!doctype/i);
    stderr = '';
    expect(await main(['aws', 'snapshot', '--profile', 'emu', '--region', 'us east 1'])).toBe(8);
    expect(stderr).toContain('"us east 1" is not an AWS region name');
    expect(stderr).not.toMatch(/credential/i);
    stderr = '';
    expect(await main(['aws', 'snapshot', '--profile', 'nope'])).toBe(3);
  });

  it('a failing credential_process: its stderr is shown, bounded and with secrets masked (exit 3)', async () => {
    const script = join(dir, 'login.sh');
    writeFileSync(script, `#!/bin/sh\necho "corp-login: session expired for jane; run corp-login --refresh" >&2\necho "debug: secret=${FAKE_SECRET_ACCESS_KEY}" >&2\nexit 1\n`, { mode: 0o755 });
    writeProfiles(`[profile vault]\nregion = us-east-1\ncredential_process = ${script}\nendpoint_url = ${server.endpoint}\n`, '');
    expect(await main(['aws', 'snapshot', '--profile', 'vault'])).toBe(3);
    expect(stderr).toContain('corp-login: session expired for jane; run corp-login --refresh');
    expect(stderr).not.toContain(FAKE_SECRET_ACCESS_KEY);
    expect(stderr).toContain('secret=[redacted]');
  });

  it('an MFA profile: --mfa-code for scripts, a prompt on a terminal, and exit 3 with the fix when neither', async () => {
    writeProfiles(
      `[profile base]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\n\n[profile admin]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/jane\nendpoint_url = ${server.endpoint}\n`,
      keys('base'),
    );
    expect(await awsSnapshot(['--profile', 'admin'], process.env, undefined, async () => undefined)).toBe(3);
    expect(stderr).toContain('(mfa-required)');
    expect(stderr).toContain('--mfa-code');
    server.clearCounts();
    expect(await main(['aws', 'snapshot', '--profile', 'admin', '--mfa-code', '123456'])).toBe(0);
    expect(server.calls.find((c) => c.operation === 'AssumeRole')?.body).toMatch(/TokenCode=123456/);
    server.clearCounts();
    let asked = '';
    expect(await awsSnapshot(['--profile', 'admin'], process.env, undefined, async (profile) => ((asked = profile), '654321'))).toBe(0);
    expect(asked).toBe('admin');
    expect(server.calls.find((c) => c.operation === 'AssumeRole')?.body).toMatch(/TokenCode=654321/);
    expect(await main(['aws', 'snapshot', '--profile', 'admin', '--mfa-code', '12ab'])).toBe(2);
  });
});
