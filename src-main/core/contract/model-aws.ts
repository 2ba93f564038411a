/**
 * AWS mode: profiles as the operator sees them (names, kinds, regions — never keys or tokens),
 * per-profile settings, SSO sign-in prompts and the progress of a control action.
 */
import { z } from 'zod';
import { ControlAction } from './model-actions';
import { IsoTime } from './model-common';

export const ProfileKind = z.enum(['static', 'sso', 'assume-role', 'credential-process', 'web-identity', 'unknown']);
export type ProfileKind = z.infer<typeof ProfileKind>;

export const AwsProfile = z.object({
  name: z.string(),
  kind: ProfileKind,
  /** The profile's `region`, when set. */
  region: z.string().optional(),
  ssoStartUrl: z.string().optional(),
  ssoSession: z.string().optional(),
  roleArn: z.string().optional(),
  sourceProfile: z.string().optional(),
  /** The profile names an mfa_serial: assuming its role asks for a code. */
  mfa: z.boolean().optional(),
  /** Set when the SDK would send this profile's calls to a custom endpoint (moto, LocalStack). */
  customEndpoint: z.string().optional(),
});
export type AwsProfile = z.infer<typeof AwsProfile>;

export const ProfileListing = z.object({
  profiles: z.array(AwsProfile),
  defaultProfile: z.string().optional(),
  configFile: z.string(),
  credentialsFile: z.string(),
});
export type ProfileListing = z.infer<typeof ProfileListing>;

/** `#rrggbb`, shown as a band around the window (e.g. production red). */
export const EnvironmentColour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const ProfileSettings = z.object({
  /** Control actions are refused for this profile. */
  readOnly: z.boolean().default(false),
  environmentColour: EnvironmentColour.optional(),
  /** Marked as not production: actions need no typed identifier (still two-step). */
  nonProduction: z.boolean().default(false),
});
export type ProfileSettings = z.infer<typeof ProfileSettings>;

export const Settings = z.object({
  version: z.literal(1).default(1),
  profiles: z.record(z.string(), ProfileSettings).default({}),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsView = z.object({
  settings: Settings,
  /** Set when the file could not be read and defaults were loaded (and where the bad file went). */
  message: z.string().optional(),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const SettingsUpdate = z
  .object({
    profile: z.string().min(1).max(200),
    readOnly: z.boolean().optional(),
    /** null clears it. */
    environmentColour: EnvironmentColour.nullable().optional(),
    nonProduction: z.boolean().optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

/** SSO device authorization: what the operator opens and types; the device code stays in main. */
export const SsoLoginPrompt = z.object({
  verificationUri: z.string(),
  verificationUriComplete: z.string().optional(),
  userCode: z.string(),
  expiresAt: IsoTime,
});
export type SsoLoginPrompt = z.infer<typeof SsoLoginPrompt>;

export const ActionProgress = z.object({
  auditId: z.string(),
  action: ControlAction,
  phase: z.enum(['started', 'progress', 'settled', 'failed', 'timed-out']),
  /** The resource's state as last described, e.g. `modifying`, or `3/5 InService`. */
  status: z.string().optional(),
  message: z.string(),
  /** Wall-clock time of the report. */
  time: IsoTime,
  /** In simulation: the simulated time the state was observed (the clock the window shows). */
  simulatedTime: IsoTime.optional(),
});
export type ActionProgress = z.infer<typeof ActionProgress>;
