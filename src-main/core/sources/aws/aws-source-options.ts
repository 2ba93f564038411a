/** What an AwsSource is made with: the profile and region, and what tests and the bench replace. */
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { FollowOptions } from './actions/aws-action-backend';
import type { AwsClients, ClientOptions } from './clients';
import type { AwsDataset } from './poll-plan';
import type { SharedFiles } from './profiles/shared-ini';
import type { SsoLoginOptions } from './sso/sso-device-login';
import type { CallRecord } from './throttle/call-gate';
import type { Clock } from './throttle/time';

export interface AwsSourceOptions {
  profile: string;
  region?: string;
  env?: NodeJS.ProcessEnv;
  /** The shared config/credentials files, already read (default: read them now, ignoring any cache). */
  files?: SharedFiles;
  clock?: Clock;
  random?: () => number;
  readOnly?: boolean;
  environmentColour?: string;
  intervalsMs?: Partial<Record<AwsDataset, number>>;
  /** How often rarely-changing settings are re-read (default SETTINGS_INTERVAL_MS; 0: every poll). */
  settingsIntervalMs?: number;
  /** Sees every SDK call attempt (tests, bench). */
  observe?: (record: CallRecord) => void;
  /** Tests: replace credential resolution or client construction. */
  credentialProvider?: AwsCredentialIdentityProvider;
  createClients?: (options: ClientOptions) => AwsClients;
  /** How much history RDS events / alarm history are read for on the first poll (ms). */
  historyWindowMs?: number;
  /** How a control action is followed until it settles. */
  follow?: FollowOptions;
  /** Tests: the SSO OIDC client for device sign-in. */
  ssoOidcClient?: SsoLoginOptions['client'];
}
