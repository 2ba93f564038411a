/**
 * The attributes of an Application Load Balancer, as DescribeLoadBalancerAttributes lists them:
 * every key an ALB supports, its allowed values and AWS's default. Shared by the simulator (which
 * checks a scenario's LoadBalancerAttributes against it and fills in the defaults) and AWS mode
 * (which marks what the account left at its default), so both show the same list.
 * docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html
 */
import type { LoadBalancerAttribute } from '../contract/model-alb';

export type AttributeValueKind =
  | { kind: 'boolean' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'text' };

export interface AlbAttributeSpec {
  key: string;
  value: AttributeValueKind;
  /** AWS's default; ipv6.deny_all_igw_traffic's depends on the scheme. */
  defaultValue: string | ((scheme: 'internet-facing' | 'internal') => string);
  /** load_balancing.cross_zone.enabled: always true for an ALB, "and can't be changed". */
  fixed?: boolean;
  /** An `…enabled` attribute that needs this bucket attribute when true. */
  requires?: string;
}

const bool = { kind: 'boolean' } as const;
const text = { kind: 'text' } as const;

/** In the order of the API reference: all load balancers, ALB and NLB, then ALB only. */
export const ALB_ATTRIBUTES: readonly AlbAttributeSpec[] = [
  { key: 'deletion_protection.enabled', value: bool, defaultValue: 'false' },
  { key: 'load_balancing.cross_zone.enabled', value: bool, defaultValue: 'true', fixed: true },
  { key: 'access_logs.s3.enabled', value: bool, defaultValue: 'false', requires: 'access_logs.s3.bucket' },
  { key: 'access_logs.s3.bucket', value: text, defaultValue: '' },
  { key: 'access_logs.s3.prefix', value: text, defaultValue: '' },
  // "set to false for internet-facing load balancers and true for internal load balancers"
  { key: 'ipv6.deny_all_igw_traffic', value: bool, defaultValue: (scheme) => String(scheme === 'internal') },
  { key: 'zonal_shift.config.enabled', value: bool, defaultValue: 'false' },
  { key: 'idle_timeout.timeout_seconds', value: { kind: 'integer', min: 1, max: 4000 }, defaultValue: '60' },
  { key: 'client_keep_alive.seconds', value: { kind: 'integer', min: 60, max: 604_800 }, defaultValue: '3600' },
  { key: 'connection_logs.s3.enabled', value: bool, defaultValue: 'false', requires: 'connection_logs.s3.bucket' },
  { key: 'connection_logs.s3.bucket', value: text, defaultValue: '' },
  { key: 'connection_logs.s3.prefix', value: text, defaultValue: '' },
  { key: 'health_check_logs.s3.enabled', value: bool, defaultValue: 'false', requires: 'health_check_logs.s3.bucket' },
  { key: 'health_check_logs.s3.bucket', value: text, defaultValue: '' },
  { key: 'health_check_logs.s3.prefix', value: text, defaultValue: '' },
  { key: 'routing.http.desync_mitigation_mode', value: { kind: 'enum', values: ['monitor', 'defensive', 'strictest'] }, defaultValue: 'defensive' },
  { key: 'routing.http.drop_invalid_header_fields.enabled', value: bool, defaultValue: 'false' },
  { key: 'routing.http.preserve_host_header.enabled', value: bool, defaultValue: 'false' },
  { key: 'routing.http.x_amzn_tls_version_and_cipher_suite.enabled', value: bool, defaultValue: 'false' },
  { key: 'routing.http.xff_client_port.enabled', value: bool, defaultValue: 'false' },
  { key: 'routing.http.xff_header_processing.mode', value: { kind: 'enum', values: ['append', 'preserve', 'remove'] }, defaultValue: 'append' },
  { key: 'routing.http2.enabled', value: bool, defaultValue: 'true' },
  { key: 'waf.fail_open.enabled', value: bool, defaultValue: 'false' },
];

/** Keys the API reference lists for Network Load Balancers only. */
export const NLB_ONLY_ATTRIBUTES: readonly string[] = ['dns_record.client_routing_policy', 'secondary_ips.auto_assigned.per_subnet'];

const BY_KEY = new Map(ALB_ATTRIBUTES.map((spec) => [spec.key, spec]));

export function albAttributeSpec(key: string): AlbAttributeSpec | undefined {
  return BY_KEY.get(key);
}

export function defaultOf(spec: AlbAttributeSpec, scheme: 'internet-facing' | 'internal'): string {
  return typeof spec.defaultValue === 'function' ? spec.defaultValue(scheme) : spec.defaultValue;
}

/** What is wrong with one Key/Value pair, as a code and what was expected (the loader words it). */
export type AttributeProblem =
  | { code: 'unknown' }
  | { code: 'nlbOnly' }
  | { code: 'badValue'; expected: string; kind: AttributeValueKind }
  | { code: 'fixed'; expected: string };

export function expectedValues(kind: AttributeValueKind): string {
  switch (kind.kind) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      return `an integer from ${kind.min} to ${kind.max}`;
    case 'enum':
      return kind.values.join(', ');
    case 'text':
      return 'text';
  }
}

export function checkAttribute(key: string, value: string): AttributeProblem | undefined {
  const spec = BY_KEY.get(key);
  if (!spec) return NLB_ONLY_ATTRIBUTES.includes(key) ? { code: 'nlbOnly' } : { code: 'unknown' };
  const kind = spec.value;
  const ok =
    kind.kind === 'boolean'
      ? value === 'true' || value === 'false'
      : kind.kind === 'integer'
        ? /^\d+$/.test(value) && Number(value) >= kind.min && Number(value) <= kind.max
        : kind.kind === 'enum'
          ? kind.values.includes(value)
          : value.length <= 1024;
  if (!ok) return { code: 'badValue', expected: expectedValues(kind), kind };
  if (spec.fixed && value !== defaultOf(spec, 'internet-facing')) return { code: 'fixed', expected: defaultOf(spec, 'internet-facing') };
  return undefined;
}

/**
 * Every ALB attribute with its value — the configured one, else AWS's default — as
 * DescribeLoadBalancerAttributes returns them, each carrying its default so a view can tell them apart.
 */
export function albAttributesWithDefaults(configured: ReadonlyMap<string, string>, scheme: 'internet-facing' | 'internal'): LoadBalancerAttribute[] {
  return ALB_ATTRIBUTES.map((spec) => {
    const defaultValue = defaultOf(spec, scheme);
    return { key: spec.key, value: configured.get(spec.key) ?? defaultValue, defaultValue };
  });
}

/**
 * Attributes read from AWS, with AWS's default added to each key this catalog knows (a key AWS added
 * later is shown as it is, without a default). Values longer than the contract allows are cut.
 */
export function annotateDefaults(attributes: readonly { key: string; value: string }[], scheme: 'internet-facing' | 'internal'): LoadBalancerAttribute[] {
  return attributes.map(({ key, value }) => {
    const spec = BY_KEY.get(key);
    return { key: key.slice(0, 128), value: value.slice(0, 1024), ...(spec ? { defaultValue: defaultOf(spec, scheme) } : {}) };
  });
}

/** The idle timeout the load balancer enforces (LBA-4), from its attributes. */
export function idleTimeoutSeconds(attributes: ReadonlyMap<string, string>): number {
  const value = Number(attributes.get('idle_timeout.timeout_seconds') ?? 60);
  return Number.isFinite(value) && value > 0 ? value : 60;
}
