/**
 * AWS mode: profiles as the operator sees them (names, kinds, regions — never keys or tokens),
 * per-profile settings, SSO sign-in prompts and the progress of a control action.
 */
import { z } from 'zod';
import { ControlAction } from './model-actions';
import { IsoTime, TextParams } from './model-common';

export const ProfileKind = z.enum(['static', 'sso', 'assume-role', 'credential-process', 'web-identity', 'unknown', 'default-chain']);
export type ProfileKind = z.infer<typeof ProfileKind>;

/** Which link of the SDK's standard credential chain answered (or is expected to). */
export const CredentialSource = z.enum(['env', 'sso', 'profile', 'process', 'web-identity', 'container', 'imds']);
export type CredentialSource = z.infer<typeof CredentialSource>;

/** Where a custom endpoint comes from: AWS_ENDPOINT_URL* (every profile) or the profile's own config. */
export const EndpointOrigin = z.enum(['env', 'profile']);
export type EndpointOrigin = z.infer<typeof EndpointOrigin>;

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
  /** A credential_process profile: the program's name only — never its path or arguments, which may hold secrets. */
  credentialProgram: z.string().max(200).optional(),
  /** Set when the SDK would send this profile's calls to a custom endpoint (moto, LocalStack). */
  customEndpoint: z.string().optional(),
  customEndpointFrom: EndpointOrigin.optional(),
  /** kind `default-chain`: the link expected to answer, judged from the environment alone. */
  credentialSource: CredentialSource.optional(),
});
export type AwsProfile = z.infer<typeof AwsProfile>;

export const ProfileListing = z.object({
  profiles: z.array(AwsProfile),
  defaultProfile: z.string().optional(),
  configFile: z.string(),
  credentialsFile: z.string(),
  /** Every region of the profiles' partitions (SDK partition data), opt-in regions marked. */
  regions: z.array(z.object({ name: z.string(), description: z.string().optional(), optIn: z.boolean() })).optional(),
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

/**
 * What happened to settings.json, as a code and parameters (the renderer words it):
 * - blocking: the file is kept untouched, nothing is written and every AWS profile is read-only
 *   until the operator reloads it (after fixing it) or starts over (`settings.resolve`);
 * - warning: one entry or field was wrong and took its safe value or was dropped;
 * - info: a copy of the file was kept (`copy`) before it was repaired or replaced.
 */
export const SettingsDiagnosticCode = z.enum([
  'unreadable',
  'not-a-file',
  'too-large',
  'empty',
  'unparseable',
  'not-an-object',
  'newer-version',
  'unknown-version',
  'too-many-profiles',
  'entry-invalid',
  'profile-name-invalid',
  'more-problems',
  'repaired',
  'reset',
  // health-thresholds.json could not be used: the defaults apply (params: file, detail, copy).
  'thresholds-unusable',
]);
export type SettingsDiagnosticCode = z.infer<typeof SettingsDiagnosticCode>;

export const SettingsDiagnostic = z.object({
  code: SettingsDiagnosticCode,
  severity: z.enum(['blocking', 'warning', 'info']),
  /** Always `file`; then e.g. `profile`, `field`, `outcome`, `copy`, `version`, `limit`, `detail`. */
  params: TextParams,
});
export type SettingsDiagnostic = z.infer<typeof SettingsDiagnostic>;

export const SettingsView = z.object({
  settings: Settings,
  /** `blocked`: the file could not be used; every AWS profile is treated as read-only meanwhile. */
  status: z.enum(['ok', 'blocked']),
  /** The settings file's full path. */
  file: z.string().max(4096),
  diagnostics: z.array(SettingsDiagnostic).max(60),
});
export type SettingsView = z.infer<typeof SettingsView>;

/** The operator's decision about a settings file that could not be used. */
export const SettingsResolve = z
  .object({
    /**
     * `reload`: read the file again (after fixing it by hand).
     * `reset`: keep the file as a copy next to it and start a new one in which every known AWS
     * profile is read-only — protection is only ever loosened per profile, afterwards.
     */
    action: z.enum(['reload', 'reset']),
  })
  .strict();
export type SettingsResolve = z.infer<typeof SettingsResolve>;

/** Same bound as settings/settings-file.ts MAX_PROFILE_NAME_LENGTH (the contract imports nothing from core). */
const MAX_PROFILE_NAME = 200;

export const SettingsUpdate = z
  .object({
    profile: z.string().min(1).max(MAX_PROFILE_NAME),
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
