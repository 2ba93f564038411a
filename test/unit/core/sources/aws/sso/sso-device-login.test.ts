import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { fromSso } from '@aws-sdk/token-providers';
import { DEVICE_GRANT, ssoCachePath, ssoConfig, startSsoDeviceLogin } from '@main/core/sources/aws/sso/sso-device-login';
import { readSharedFiles } from '@main/core/sources/aws/profiles/shared-ini';
import { describeCredentialError } from '@main/core/sources/aws/credentials/credential-state';
import { manualClock } from '@main/core/sources/aws/throttle/time';

const CONFIG = `[profile corp-admin]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly
`;

function home() {
  const dir = mkdtempSync(join(tmpdir(), 'fd-sso-'));
  writeFileSync(join(dir, 'config'), CONFIG);
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  return { dir, env, files: readSharedFiles(env) };
}

afterEach(() => vi.unstubAllEnvs());

describe('SSO device authorization sign-in', () => {
  it('reads the sso-session and legacy settings', () => {
    const { files } = home();
    expect(ssoConfig(files, 'corp-admin')).toEqual({ sessionName: 'corp', startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1', scopes: ['sso:account:access'] });
    expect(ssoConfig(files, 'legacy')).toEqual({ startUrl: 'https://legacy.awsapps.com/start', region: 'us-east-1' });
    expect(() => ssoConfig(files, 'nope')).toThrow(/not in/);
  });

  it('registers, shows the code, polls CreateToken (pending, slow down) and writes the CLI token cache the SDK reads', async () => {
    const { env, files, dir } = home();
    const client = new SSOOIDCClient({ region: 'eu-west-1' });
    const oidc = mockClient(client);
    oidc.on(RegisterClientCommand).resolves({ clientId: 'client-id', clientSecret: 'client-secret-value', clientSecretExpiresAt: 1_900_000_000 });
    oidc.on(StartDeviceAuthorizationCommand).resolves({
      deviceCode: 'device-code-value',
      userCode: 'ABCD-EFGH',
      verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
      verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
      expiresIn: 600,
      interval: 5,
    });
    const pending = Object.assign(new Error('pending'), { name: 'AuthorizationPendingException' });
    const slowDown = Object.assign(new Error('slow'), { name: 'SlowDownException' });
    oidc
      .on(CreateTokenCommand)
      .rejectsOnce(pending)
      .rejectsOnce(slowDown)
      .rejectsOnce(pending)
      .resolves({ accessToken: 'access-token-value', expiresIn: 28_800, refreshToken: 'refresh-token-value', tokenType: 'Bearer' });
    const clock = manualClock(Date.UTC(2026, 5, 1, 9, 0, 0));
    const { prompt, completion } = await startSsoDeviceLogin({ files, profile: 'corp-admin', env, clock, client });
    expect(prompt).toEqual({
      verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
      verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
      userCode: 'ABCD-EFGH',
      expiresAt: '2026-06-01T09:10:00.000Z',
    });
    // Nothing secret in what goes to the renderer.
    expect(JSON.stringify(prompt)).not.toMatch(/device-code|client-secret|token-value/);
    const path = await completion;
    expect(path).toBe(ssoCachePath({ sessionName: 'corp', startUrl: '', region: '' }, env));
    // As the AWS CLI names it: SHA-1 of the sso-session name.
    expect(path).toBe(join(dir, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`));
    expect(clock.slept).toEqual([5000, 5000, 10_000, 10_000]);
    expect(oidc.commandCalls(CreateTokenCommand)[0]!.args[0].input).toEqual({ clientId: 'client-id', clientSecret: 'client-secret-value', grantType: DEVICE_GRANT, deviceCode: 'device-code-value' });
    expect(oidc.commandCalls(RegisterClientCommand)[0]!.args[0].input).toEqual({ clientName: 'flightdeck', clientType: 'public', scopes: ['sso:account:access'] });
    const cache = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    expect(cache).toEqual({
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: 'access-token-value',
      expiresAt: '2026-06-01T17:00:30Z',
      clientId: 'client-id',
      clientSecret: 'client-secret-value',
      registrationExpiresAt: '2030-03-17T17:46:40Z',
      refreshToken: 'refresh-token-value',
    });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);

    // The SDK's own SSO token provider finds and accepts the file we wrote.
    vi.stubEnv('HOME', dir);
    vi.useFakeTimers({ now: Date.UTC(2026, 5, 1, 9, 1, 0), toFake: ['Date'] });
    try {
      const token = await fromSso({ profile: 'corp-admin', configFilepath: env.AWS_CONFIG_FILE, filepath: env.AWS_SHARED_CREDENTIALS_FILE, ignoreCache: true })();
      expect(token.token).toBe('access-token-value');
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails cleanly when the operator denies the request or the code expires', async () => {
    const { env, files } = home();
    const client = new SSOOIDCClient({ region: 'us-east-1' });
    const oidc = mockClient(client);
    oidc.on(RegisterClientCommand).resolves({ clientId: 'c', clientSecret: 's' });
    oidc.on(StartDeviceAuthorizationCommand).resolves({ deviceCode: 'd', userCode: 'U', verificationUri: 'https://x/', expiresIn: 60, interval: 5 });
    oidc.on(CreateTokenCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    const denied = await startSsoDeviceLogin({ files, profile: 'legacy', env, clock: manualClock(0), client });
    await expect(denied.completion).rejects.toThrow('The sign-in was denied in the browser.');
    oidc.on(CreateTokenCommand).rejects(Object.assign(new Error('pending'), { name: 'AuthorizationPendingException' }));
    const expired = await startSsoDeviceLogin({ files, profile: 'legacy', env, clock: manualClock(0), client });
    await expect(expired.completion).rejects.toThrow(/expired before it was approved/);
  });

  it('tells "sign in" from "sign in again" in the SDK messages', () => {
    expect(describeCredentialError(new Error("The SSO session token associated with profile=corp-admin was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile."), 'corp-admin', 'sso')).toMatchObject({
      state: 'sso-missing',
      hint: 'Run `aws sso login --profile corp-admin` (or Sign in from Flightdeck), then Retry.',
    });
    expect(describeCredentialError(new Error("Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."), 'corp-admin', 'sso').state).toBe('sso-expired');
  });
});
