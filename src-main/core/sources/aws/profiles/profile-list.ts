/**
 * The profiles an operator can pick, with their kind and default region — never their secrets:
 * only names, regions, ARNs and URLs leave this module, URLs without userinfo (core/redact.ts).
 * A credential_process profile is shown by its kind only, never by its command line.
 * docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html
 */
import type { AwsProfile, ProfileKind } from '../../../contract/model-aws';
import { configSection, readSharedFiles, type IniSection, type SharedFiles } from './shared-ini';
import { customEndpoint } from '../endpoints';
import { credentialProcessProgram, redactUrl } from '../../../redact';
import { chainProfile, DEFAULT_CHAIN, expectedSource } from '../credentials/default-chain';
import { REGIONS } from '../regions';

export function profileKind(config: IniSection | undefined, credentials: IniSection | undefined): ProfileKind {
  const c = config ?? {};
  if (c.sso_session || c.sso_start_url) return 'sso';
  if (c.role_arn && c.web_identity_token_file) return 'web-identity';
  if (c.role_arn) return 'assume-role';
  if (c.credential_process || credentials?.credential_process) return 'credential-process';
  if (credentials?.aws_access_key_id || c.aws_access_key_id) return 'static';
  return 'unknown';
}

export function profileNames(files: SharedFiles): string[] {
  const names = new Set<string>();
  for (const section of files.config.keys()) {
    if (section === 'default') names.add('default');
    else if (section.startsWith('profile ')) names.add(section.slice('profile '.length));
  }
  for (const section of files.credentials.keys()) names.add(section);
  return [...names].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

export function describeProfile(files: SharedFiles, name: string, env: NodeJS.ProcessEnv = process.env): AwsProfile {
  const config = configSection(files, name);
  const credentials = files.credentials.get(name);
  const kind = profileKind(config, credentials);
  const ssoSession = config?.sso_session ? files.config.get(`sso-session ${config.sso_session}`) : undefined;
  const found = customEndpoint(files, name, env);
  // Userinfo (user:password@) in an endpoint URL never leaves the main process.
  const endpoint = found === undefined ? undefined : { label: redactUrl(found.label), from: found.from };
  const ssoStartUrl = ssoSession?.sso_start_url ?? config?.sso_start_url;
  const command = config?.credential_process ?? credentials?.credential_process;
  const program = kind === 'credential-process' && command ? credentialProcessProgram(command).slice(0, 200) : '';
  return {
    name,
    kind,
    ...(config?.region ? { region: config.region } : {}),
    ...(kind === 'sso' ? { ssoStartUrl: ssoStartUrl === undefined ? undefined : redactUrl(ssoStartUrl), ssoSession: config?.sso_session } : {}),
    ...(config?.role_arn ? { roleArn: config.role_arn } : {}),
    ...(config?.source_profile ? { sourceProfile: config.source_profile } : {}),
    ...(config?.mfa_serial ? { mfa: true } : {}),
    ...(program ? { credentialProgram: program } : {}),
    ...(endpoint ? { customEndpoint: endpoint.label, customEndpointFrom: endpoint.from } : {}),
  };
}

/**
 * The SDK's standard chain as a profile-list entry: what `aws sts get-caller-identity` uses with
 * no --profile. Its region and endpoint are those of $AWS_PROFILE's section (else `[default]`),
 * as for the CLI; the link expected to answer is judged from the environment alone.
 */
export function describeDefaultChain(files: SharedFiles, env: NodeJS.ProcessEnv = process.env): AwsProfile {
  const profile = chainProfile(env);
  const exists = profileNames(files).includes(profile);
  const config = configSection(files, profile);
  const region = env.AWS_REGION || config?.region || env.AWS_DEFAULT_REGION;
  const found = customEndpoint(files, profile, env);
  const endpoint = found === undefined ? undefined : { label: redactUrl(found.label), from: found.from };
  return {
    name: DEFAULT_CHAIN,
    kind: 'default-chain',
    ...(region ? { region } : {}),
    credentialSource: expectedSource(env, exists),
    ...(endpoint ? { customEndpoint: endpoint.label, customEndpointFrom: endpoint.from } : {}),
  };
}

export interface ProfileListing {
  profiles: AwsProfile[];
  /** The implicit default: always the SDK's standard chain (which itself reads $AWS_PROFILE, else default). */
  defaultProfile?: string;
  configFile: string;
  credentialsFile: string;
  regions?: { name: string; description?: string; optIn: boolean }[];
}

export function listProfiles(env: NodeJS.ProcessEnv = process.env, files: SharedFiles = readSharedFiles(env)): ProfileListing {
  const names = profileNames(files);
  return {
    profiles: [describeDefaultChain(files, env), ...names.map((name) => describeProfile(files, name, env))],
    defaultProfile: DEFAULT_CHAIN,
    configFile: files.paths.configFile,
    credentialsFile: files.paths.credentialsFile,
    regions: REGIONS.map((r) => ({ name: r.name, description: r.description, optIn: r.optIn })),
  };
}

/** The region to use: the one asked for, AWS_REGION, the profile's, AWS_DEFAULT_REGION, then us-east-1. */
export function resolveRegion(files: SharedFiles, profile: string, requested: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const section = profile === DEFAULT_CHAIN ? chainProfile(env) : profile;
  return requested || env.AWS_REGION || configSection(files, section)?.region || env.AWS_DEFAULT_REGION || 'us-east-1';
}
