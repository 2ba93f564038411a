/**
 * Signing in to IAM Identity Center from inside Flightdeck, as `aws sso login` does: the OAuth 2.0
 * device authorization grant (RFC 8628) through the SSO OIDC API — RegisterClient,
 * StartDeviceAuthorization, then CreateToken polled at the interval AWS gives (slower on
 * SlowDownException) until the operator approves in the browser.
 * docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html
 *
 * The token is written where the AWS CLI and the SDK read it: ~/.aws/sso/cache/<sha1>.json, the
 * SHA-1 of the sso-session name (or, for legacy profiles, of the start URL), mode 0600, atomically.
 * Only the verification URI and the user code leave this module; the device code, client secret,
 * access and refresh tokens never do.
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import type { SsoLoginPrompt } from '../../../contract/model-aws';
import { writeFileAtomic } from '../../../settings/atomic-file';
import { resolveEndpoint } from '../endpoints';
import { configSection, type SharedFiles } from '../profiles/shared-ini';
import type { Clock } from '../throttle/time';
import { CoreError } from '../../../core-error';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export interface SsoLoginOptions {
  files: SharedFiles;
  profile: string;
  env?: NodeJS.ProcessEnv;
  clock: Clock;
  /** Tests: a client (mocked) instead of a real SSOOIDCClient. */
  client?: Pick<SSOOIDCClient, 'send'>;
  /** The session's proxy/CA-aware handler (network/network-agent.ts). */
  requestHandler?: unknown;
}

export interface SsoProfileConfig {
  sessionName?: string;
  startUrl: string;
  region: string;
  scopes?: string[];
}

export function ssoConfig(files: SharedFiles, profile: string): SsoProfileConfig {
  const section = configSection(files, profile);
  if (!section) throw new CoreError('InvalidRequest', `Profile ${profile} is not in ${files.paths.configFile}.`, { profile, configFile: files.paths.configFile }, { problem: 'sso.profileNotInConfig' });
  const sessionName = section.sso_session;
  const session = sessionName ? files.config.get(`sso-session ${sessionName}`) : undefined;
  if (sessionName && !session) throw new CoreError('InvalidRequest', `Profile ${profile} names sso_session ${sessionName}, which ${files.paths.configFile} does not define.`, { profile, sessionName, configFile: files.paths.configFile }, { problem: 'sso.sessionUndefined' });
  const startUrl = session?.sso_start_url ?? section.sso_start_url;
  const region = session?.sso_region ?? section.sso_region;
  if (!startUrl || !region) throw new CoreError('NotSupported', `Profile ${profile} is not an IAM Identity Center (SSO) profile: it has no sso_start_url/sso_region.`, { profile }, { problem: 'sso.notSsoProfile' });
  const scopes = session?.sso_registration_scopes?.split(',').map((s) => s.trim()).filter(Boolean);
  return { startUrl, region, ...(sessionName ? { sessionName, scopes: scopes?.length ? scopes : ['sso:account:access'] } : {}) };
}

/** Where the CLI caches the token for this profile. */
export function ssoCachePath(config: SsoProfileConfig, env: NodeJS.ProcessEnv = process.env): string {
  const home = env.HOME || env.USERPROFILE || homedir();
  const key = createHash('sha1').update(config.sessionName ?? config.startUrl).digest('hex');
  return join(home, '.aws', 'sso', 'cache', `${key}.json`);
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function startSsoDeviceLogin(options: SsoLoginOptions): Promise<{ prompt: SsoLoginPrompt; completion: Promise<string> }> {
  const config = ssoConfig(options.files, options.profile);
  const endpoint = resolveEndpoint(options.files, options.profile, 'sso-oidc', options.env);
  // The OIDC API is unsigned: no credentials are needed (or sent) to sign in.
  const client =
    options.client ??
    new SSOOIDCClient({
      region: config.region,
      // Only this profile's endpoint, never $AWS_PROFILE's (endpoints.ts); through the proxy, trusting the CA bundle.
      ignoreConfiguredEndpointUrls: true,
      ...(endpoint ? { endpoint } : {}),
      ...(options.requestHandler ? { requestHandler: options.requestHandler as never } : {}),
    });
  const registration = await client.send(
    new RegisterClientCommand({ clientName: 'flightdeck', clientType: 'public', ...(config.scopes ? { scopes: config.scopes } : {}) }),
  );
  const clientId = registration.clientId!;
  const clientSecret = registration.clientSecret!;
  const authorization = await client.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: config.startUrl }));
  const started = options.clock.now();
  const expiresAt = started + (authorization.expiresIn ?? 600) * 1000;
  const prompt: SsoLoginPrompt = {
    verificationUri: authorization.verificationUri ?? '',
    ...(authorization.verificationUriComplete ? { verificationUriComplete: authorization.verificationUriComplete } : {}),
    userCode: authorization.userCode ?? '',
    expiresAt: new Date(expiresAt).toISOString(),
  };

  const completion = (async () => {
    let intervalMs = (authorization.interval ?? 5) * 1000;
    for (;;) {
      await options.clock.sleep(intervalMs);
      if (options.clock.now() > expiresAt) throw new Error('The sign-in code expired before it was approved: start again.');
      try {
        const token = await client.send(new CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_GRANT, deviceCode: authorization.deviceCode }));
        const path = ssoCachePath(config, options.env);
        const now = options.clock.now();
        const cache = {
          startUrl: config.startUrl,
          region: config.region,
          accessToken: token.accessToken,
          expiresAt: isoSeconds(now + (token.expiresIn ?? 3600) * 1000),
          clientId,
          clientSecret,
          ...(registration.clientSecretExpiresAt ? { registrationExpiresAt: isoSeconds(registration.clientSecretExpiresAt * 1000) } : {}),
          ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
        };
        writeFileAtomic(path, JSON.stringify(cache));
        return path;
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'AuthorizationPendingException') continue;
        // RFC 8628 §3.5: on slow_down, add 5 seconds to the interval for this and all later requests.
        if (name === 'SlowDownException') {
          intervalMs += 5000;
          continue;
        }
        if (name === 'AccessDeniedException') throw new Error('The sign-in was denied in the browser.', { cause: error });
        if (name === 'ExpiredTokenException') throw new Error('The sign-in code expired before it was approved: start again.', { cause: error });
        throw error;
      }
    }
  })();
  // A rejection is reported through the session; never an unhandled rejection.
  completion.catch(() => undefined);
  return { prompt, completion };
}
