/**
 * Custom endpoints (moto, LocalStack, VPC endpoints), resolved the way the SDKs document
 * "service-specific endpoints" (docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html):
 * AWS_ENDPOINT_URL_<SERVICE> › AWS_ENDPOINT_URL › the profile's `services` section › the profile's
 * `endpoint_url`; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls turn all off.
 *
 * Why we resolve it ourselves: SDK v3 (3.11xx, @smithy/core getEndpointFromConfig) reads the
 * environment natively, but reads the config file for the profile named by AWS_PROFILE (else
 * `[default]`), not for the `profile` a client is created with. Left to itself it sent one
 * profile's signed requests to another profile's endpoint (issue 11). So Flightdeck resolves the
 * URL for the chosen profile from that profile's section only, passes it to each client as
 * `endpoint`, and turns the SDK's own lookup off (`ignoreConfiguredEndpointUrls`, clients.ts).
 */
import type { AwsServiceName } from './throttle/api-rates';
import { configSection, type SharedFiles } from './profiles/shared-ini';

export type EndpointService = AwsServiceName | 'sso-oidc' | 'sso';

/** The SDK service id of each client: `AWS_ENDPOINT_URL_<ID>` and the `services` key `<id>`. */
const SERVICE_IDS: Record<EndpointService, string> = {
  elbv2: 'Elastic Load Balancing v2',
  autoscaling: 'Auto Scaling',
  cloudwatch: 'CloudWatch',
  route53: 'Route 53',
  rds: 'RDS',
  lambda: 'Lambda',
  sts: 'STS',
  wafv2: 'WAFV2',
  'sso-oidc': 'SSO OIDC',
  sso: 'SSO',
};

function envSuffix(service: EndpointService): string {
  return SERVICE_IDS[service].toUpperCase().replace(/ /g, '_');
}
function configKey(service: EndpointService): string {
  return SERVICE_IDS[service].toLowerCase().replace(/ /g, '_');
}

function ignored(files: SharedFiles, profile: string, env: NodeJS.ProcessEnv): boolean {
  const flag = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? configSection(files, profile)?.ignore_configured_endpoint_urls;
  return flag?.toLowerCase() === 'true';
}

export function resolveEndpoint(files: SharedFiles, profile: string, service: EndpointService, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (ignored(files, profile, env)) return undefined;
  const fromEnv = env[`AWS_ENDPOINT_URL_${envSuffix(service)}`] || env.AWS_ENDPOINT_URL;
  if (fromEnv) return fromEnv;
  const section = configSection(files, profile);
  if (!section) return undefined;
  if (section.services) {
    const services = files.config.get(`services ${section.services}`);
    const url = services?.[`${configKey(service)}.endpoint_url`];
    if (url) return url;
  }
  return section.endpoint_url || undefined;
}

export function resolveEndpoints(files: SharedFiles, profile: string, env: NodeJS.ProcessEnv = process.env): Partial<Record<EndpointService, string>> {
  const result: Partial<Record<EndpointService, string>> = {};
  for (const service of Object.keys(SERVICE_IDS) as EndpointService[]) {
    const url = resolveEndpoint(files, profile, service, env);
    if (url) result[service] = url;
  }
  return result;
}

/** Whether any AWS_ENDPOINT_URL* variable is set: it applies to every profile alike. */
export function endpointFromEnvironment(env: NodeJS.ProcessEnv): boolean {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return false;
  return Object.keys(env).some((key) => key.startsWith('AWS_ENDPOINT_URL') && Boolean(env[key]));
}

export interface EndpointLabel {
  /** The one custom URL, or "N custom endpoints: …". */
  label: string;
  /** `env` when an AWS_ENDPOINT_URL* variable sets any of them (it applies to every profile). */
  from: 'env' | 'profile';
}

/** What to show next to the profile and in the banner: never absent when any call leaves AWS. */
export function customEndpoint(files: SharedFiles, profile: string, env: NodeJS.ProcessEnv = process.env): EndpointLabel | undefined {
  const urls = [...new Set(Object.values(resolveEndpoints(files, profile, env)))];
  if (urls.length === 0) return undefined;
  return { label: urls.length === 1 ? urls[0]! : `${urls.length} custom endpoints: ${urls.join(', ')}`, from: endpointFromEnvironment(env) ? 'env' : 'profile' };
}

/** The label alone (kept for callers that show one string). */
export function customEndpointLabel(files: SharedFiles, profile: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return customEndpoint(files, profile, env)?.label;
}
