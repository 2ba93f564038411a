/**
 * Shapes of contract additions that another engineer is landing on main (AWS mode: profiles,
 * settings, the two-step action protocol's progress event). Copied from that work so the UI can be
 * built and tested against them now; every use is guarded by `isDeclared(channel)`, so nothing
 * calls a channel the running core does not have. Delete this file and import from @contract once
 * `model-aws.ts` is on main.
 */
import { z } from 'zod';
import { ControlAction, IsoTime } from '@contract';

export const ProfileKind = z.enum(['static', 'sso', 'assume-role', 'credential-process', 'web-identity', 'unknown']);

export const AwsProfile = z.object({
  name: z.string(),
  kind: ProfileKind,
  region: z.string().optional(),
  ssoStartUrl: z.string().optional(),
  ssoSession: z.string().optional(),
  roleArn: z.string().optional(),
  sourceProfile: z.string().optional(),
  mfa: z.boolean().optional(),
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

export const ProfileSettings = z.object({
  readOnly: z.boolean().default(false),
  environmentColour: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  nonProduction: z.boolean().default(false),
});
export type ProfileSettings = z.infer<typeof ProfileSettings>;

export const SettingsView = z.object({
  settings: z.object({ version: z.literal(1).default(1), profiles: z.record(z.string(), ProfileSettings).default({}) }),
  message: z.string().optional(),
});
export type SettingsView = z.infer<typeof SettingsView>;

export interface SettingsUpdate {
  profile: string;
  readOnly?: boolean;
  environmentColour?: string | null;
  nonProduction?: boolean;
}

export const ActionProgress = z.object({
  auditId: z.string(),
  action: ControlAction,
  phase: z.enum(['started', 'progress', 'settled', 'failed', 'timed-out']),
  status: z.string().optional(),
  message: z.string(),
  time: IsoTime,
});
export type ActionProgress = z.infer<typeof ActionProgress>;

export const SsoLoginPrompt = z.object({
  verificationUri: z.string(),
  verificationUriComplete: z.string().optional(),
  userCode: z.string(),
  expiresAt: IsoTime,
});
export type SsoLoginPrompt = z.infer<typeof SsoLoginPrompt>;
