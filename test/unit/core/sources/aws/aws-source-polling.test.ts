/** The poll scheduler in virtual time: each dataset on its own interval, nothing after stop, SSO sign-in then Retry. */
import { existsSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AwsSource } from '@main/core/sources/aws/aws-source';
import { readSharedFiles } from '@main/core/sources/aws/profiles/shared-ini';
import { ssoCachePath, ssoConfig } from '@main/core/sources/aws/sso/sso-device-login';
import type { SessionInfo } from '@main/core/contract';
import { mockedClients, STATIC_PROFILE, type Stubs } from '../../../../helpers/aws-mocks';
import { virtualClock } from '../../../../helpers/virtual-clock';

describe('polling', () => {
  it('refreshes each dataset on its interval, and stops completely on stop()', async () => {
    const clock = virtualClock(Date.UTC(2026, 5, 1));
    let stubs!: Stubs;
    const source = new AwsSource({
      profile: 'prod',
      files: STATIC_PROFILE,
      env: {},
      clock,
      credentialProvider: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      createClients: (options) => {
        const made = mockedClients(options);
        stubs = made.stubs;
        stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' });
        return made.clients;
      },
    });
    source.start();
    await clock.drive(clock.sleep(10 * 60_000 + 1));
    // Initial refresh, then every 30 s (ELB), 60 s (RDS), 120 s (Lambda) for ten minutes.
    expect(stubs.elbv2.commandCalls(DescribeLoadBalancersCommand)).toHaveLength(1 + 20);
    expect(stubs.rds.commandCalls(DescribeDBInstancesCommand)).toHaveLength(1 + 10);
    expect(stubs.lambda.commandCalls(ListFunctionsCommand)).toHaveLength(1 + 5);
    expect(source.snapshot().datasets.elbv2).toMatchObject({ state: 'ok', fetchedAt: Date.UTC(2026, 5, 1) + 10 * 60_000 });
    source.stop();
    const before = stubs.elbv2.commandCalls(DescribeLoadBalancersCommand).length;
    await clock.drive(clock.sleep(5 * 60_000));
    expect(stubs.elbv2.commandCalls(DescribeLoadBalancersCommand)).toHaveLength(before);
  });

  it('shows a dataset as stale when it has not been refreshed for three intervals', async () => {
    const clock = virtualClock(0);
    const source = new AwsSource({
      profile: 'prod',
      files: STATIC_PROFILE,
      env: {},
      clock,
      credentialProvider: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      createClients: (options) => {
        const made = mockedClients(options);
        made.stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '1' });
        return made.clients;
      },
    });
    await clock.drive(source.connect());
    await clock.drive(source.refresh());
    await clock.drive(clock.sleep(91_000));
    expect(source.datasetStatuses().elbv2!.state).toBe('stale');
    expect(source.datasetStatuses().lambda!.state).toBe('ok');
    // Each status carries its schedule and limit, so the window judges staleness by core's rule.
    expect(source.datasetStatuses().elbv2).toMatchObject({ intervalMs: 30_000, staleAfterMs: 90_000 });
    expect(source.datasetStatuses().lambda).toMatchObject({ intervalMs: 120_000, staleAfterMs: 360_000 });
  });
});

describe('SSO sign-in from the app', () => {
  it('signs in with the device flow, writes the token, and retries the session by itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-sso-source-'));
    writeFileSync(join(dir, 'config'), '[profile corp]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n');
    const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
    const files = readSharedFiles(env);
    const tokenFile = ssoCachePath(ssoConfig(files, 'corp'), env);
    const oidcClient = new SSOOIDCClient({ region: 'eu-west-1' });
    const oidc = mockClient(oidcClient);
    oidc.on(RegisterClientCommand).resolves({ clientId: 'c', clientSecret: 's' });
    oidc.on(StartDeviceAuthorizationCommand).resolves({ deviceCode: 'd', userCode: 'WXYZ-1234', verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/', expiresIn: 600, interval: 1 });
    oidc.on(CreateTokenCommand).rejectsOnce(Object.assign(new Error('pending'), { name: 'AuthorizationPendingException' })).resolves({ accessToken: 'tok', expiresIn: 3600 });
    const clock = virtualClock(Date.UTC(2026, 5, 1));
    const sessions: SessionInfo[] = [];
    const source = new AwsSource({
      profile: 'corp',
      files,
      env,
      clock,
      ssoOidcClient: oidcClient,
      // Stands in for the SSO portal: credentials exist once the CLI-format token file does.
      credentialProvider: async () => {
        if (!existsSync(tokenFile)) throw Object.assign(new Error('The SSO session token associated with profile=corp was not found or is invalid.'), { name: 'TokenProviderError' });
        return { accessKeyId: 'ASIA', secretAccessKey: 'x', sessionToken: 'y' };
      },
      createClients: (options) => {
        const made = mockedClients(options);
        made.stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/ReadOnly/jane' });
        return made.clients;
      },
    });
    source.onSessionChanged((s) => sessions.push(s));
    expect(await clock.drive(source.connect())).toMatchObject({ credentialState: 'sso-missing' });
    // No dataset waits in "loading" forever: each names the credential problem and its fix.
    const waiting = source.snapshot().datasets;
    expect(Object.keys(waiting).length).toBeGreaterThan(0);
    for (const status of Object.values(waiting)) expect(status).toMatchObject({ state: 'error', error: { code: 'sso-missing', hint: expect.stringContaining('sso') } });
    const prompt = await clock.drive(source.ssoLogin());
    expect(prompt).toMatchObject({ userCode: 'WXYZ-1234', verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/' });
    await clock.drive(clock.sleep(5_000));
    await clock.drive(source.ready);
    expect(existsSync(tokenFile)).toBe(true);
    expect(source.session).toMatchObject({ credentialState: 'connected', accountId: '111122223333' });
    expect(sessions.map((s) => (s as { credentialState: string }).credentialState)).toEqual(['sso-missing', 'connecting', 'connected']);
    source.stop();
  });
});
