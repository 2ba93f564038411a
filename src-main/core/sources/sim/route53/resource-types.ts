/**
 * The CloudFormation types of Route 53 the simulator understands, as ResourceTypeSpec entries for the
 * scenario registry: AWS::Route53::HostedZone, RecordSet, RecordSetGroup and HealthCheck, with their
 * property names, what Ref returns and their Fn::GetAtt attributes.
 * docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_Route53.html
 *
 * Rules that concern one record set or one health check are zod refinements here, so their errors
 * carry the exact YAML path (also inside a RecordSetGroup's list); rules across resources (the zone
 * exists, one routing policy per name and type, a health check that exists …) are in validate.ts.
 */
import { z } from 'zod';
import { validateRecordSet } from '../../../route53/record-groups';
import type { ScenarioProblemCode } from '../../../contract/model-scenario-problem';
import { codedCheck, problemParams } from '../../../coded-checks';
import { route53NameServers } from '../../../route53/name-servers';
import { cfnBoolean, cfnInteger, cfnString, cfnTags } from '../scenario/cfn-values';
import type { ResourceIdentity, ResourceTypeSpec } from '../scenario/resource-types';
import { toRecordFields, type CfnRecordSet } from './records';

/** `Z0` and 19 characters of A–Z and 0–9, like the ids Route 53 gives new hosted zones. */
export function hostedZoneIdOf(id: ResourceIdentity): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let out = 'Z0';
  for (let i = 0; i < 19; i++) out += alphabet[parseInt(id.hex.slice(i, i + 2), 16) % alphabet.length];
  return out;
}

/** Health check ids are UUIDs (CreateHealthCheck's HealthCheck.Id). */
export function healthCheckIdOf(id: ResourceIdentity): string {
  const h = id.hex;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The delegation set of a simulated zone (R53-8), from a part of its hex the zone id does not use. */
export function nameServersOf(id: ResourceIdentity): string[] {
  return route53NameServers(id.hex.slice(16));
}

const RECORD_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'HTTPS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT'] as const;
/** Regions Route 53 health checkers run in (HealthCheckConfig.Regions). */
export const HEALTH_CHECKER_REGIONS = ['us-east-1', 'us-west-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'] as const;

const region = z.string().regex(/^[a-z]{2,4}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-1');
const ranged = (min: number, max: number, what: string) => cfnInteger.pipe(z.number().min(min, `${what} must be between ${min} and ${max}`).max(max, `${what} must be between ${min} and ${max}`));

const geoLocation = z
  .object({
    ContinentCode: z.enum(['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA']).optional(),
    CountryCode: z.string().regex(/^([A-Z]{2}|\*)$/, 'a two-letter ISO 3166 country code, or "*" for the default location').optional(),
    SubdivisionCode: z.string().regex(/^[A-Z0-9]{1,3}$/, 'a subdivision code such as CA').optional(),
  })
  .strict();

const aliasTarget = z
  .object({
    DNSName: z.string().min(1),
    HostedZoneId: z.string().min(1),
    EvaluateTargetHealth: cfnBoolean.optional(),
  })
  .strict();

const recordSetShape = {
  Name: z.string().min(1),
  Type: z.enum(RECORD_TYPES),
  TTL: ranged(0, 2_147_483_647, 'TTL').optional(),
  ResourceRecords: z.array(cfnString).min(1).optional(),
  SetIdentifier: z.string().min(1).max(128).optional(),
  // 0–255 is checked with the other record-set rules (validateRecordSet), which AWS mode shares.
  Weight: cfnInteger.optional(),
  Region: region.optional(),
  GeoLocation: geoLocation.optional(),
  Failover: z.enum(['PRIMARY', 'SECONDARY']).optional(),
  MultiValueAnswer: cfnBoolean.optional(),
  HealthCheckId: z.string().min(1).optional(),
  AliasTarget: aliasTarget.optional(),
  Comment: z.string().optional(),
};

/** The record-set rules of validateRecordSet, reported at the property they are about. */
function checkRecordSet(value: Record<string, unknown>, ctx: z.core.$RefinementCtx<unknown>): void {
  for (const problem of validateRecordSet(toRecordFields(value as unknown as CfnRecordSet))) {
    // The code travels in the issue's params (section-issues.ts reports it instead of value.custom).
    ctx.addIssue({ code: 'custom', message: problem.message, path: problem.field ? [problem.field] : [], params: problemParams(problem.code, problem.params) });
  }
}

/** A record set inside a RecordSetGroup: the same fields, without the zone (the group names it). */
const groupedRecordSet = z.object(recordSetShape).strict().superRefine(checkRecordSet);

const zoneReference = {
  HostedZoneId: z.string().min(1).optional(),
  HostedZoneName: z.string().min(1).optional(),
};

function checkZoneReference(value: { HostedZoneId?: string; HostedZoneName?: string }, ctx: z.core.$RefinementCtx<unknown>): void {
  if (value.HostedZoneId && value.HostedZoneName) ctx.addIssue({ code: 'custom', message: 'give HostedZoneId or HostedZoneName, not both', path: ['HostedZoneName'], params: problemParams('route53.zoneReferenceBoth', {}) });
  if (!value.HostedZoneId && !value.HostedZoneName) ctx.addIssue({ code: 'custom', message: 'give HostedZoneId (e.g. !Ref MyZone) or HostedZoneName (e.g. example.com.)', path: [], params: problemParams('route53.zoneReferenceMissing', {}) });
}

/** Names clients can call: those with an address record or a CNAME. */
function servedNames(records: readonly CfnRecordSet[]): string[] {
  return records.filter((r) => r.Type === 'A' || r.Type === 'AAAA' || r.Type === 'CNAME').map((r) => r.Name.toLowerCase().replace(/\.$/, ''));
}

const ENDPOINT_TYPES = new Set(['HTTP', 'HTTPS', 'HTTP_STR_MATCH', 'HTTPS_STR_MATCH', 'TCP']);

const healthCheckConfig = z
  .object({
    Type: z.enum(['HTTP', 'HTTPS', 'HTTP_STR_MATCH', 'HTTPS_STR_MATCH', 'TCP', 'CALCULATED', 'CLOUDWATCH_METRIC', 'RECOVERY_CONTROL']),
    FullyQualifiedDomainName: z.string().min(1).max(255).optional(),
    IPAddress: z.string().regex(/^(\d{1,3}\.){3}\d{1,3}$|:/, 'an IPv4 or IPv6 address').optional(),
    Port: ranged(1, 65_535, 'Port').optional(),
    ResourcePath: z.string().max(255).optional(),
    SearchString: z.string().max(255).optional(),
    // RequestInterval is 10 or 30 seconds (R53-7), FailureThreshold 1–10.
    RequestInterval: cfnInteger.pipe(z.number().refine((seconds) => seconds === 10 || seconds === 30, codedCheck('value.notOneOfKind', 'RequestInterval is 10 or 30 (seconds)', { values: '10, 30' }))).optional(),
    FailureThreshold: ranged(1, 10, 'FailureThreshold').optional(),
    Inverted: cfnBoolean.optional(),
    Disabled: cfnBoolean.optional(),
    EnableSNI: cfnBoolean.optional(),
    MeasureLatency: cfnBoolean.optional(),
    Regions: z.array(z.enum(HEALTH_CHECKER_REGIONS)).min(3, 'Regions needs at least 3 health-checker regions').optional(),
    ChildHealthChecks: z.array(z.string()).max(256).optional(),
    HealthThreshold: ranged(0, 256, 'HealthThreshold').optional(),
    AlarmIdentifier: z.object({ Name: z.string(), Region: region }).strict().optional(),
    InsufficientDataHealthStatus: z.enum(['Healthy', 'Unhealthy', 'LastKnownStatus']).optional(),
    RoutingControlArn: z.string().optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const issue = (message: string, path: string, code: ScenarioProblemCode, params: Record<string, string> = {}) => ctx.addIssue({ code: 'custom', message, path: [path], params: problemParams(code, params) });
    const type = config.Type;
    if (ENDPOINT_TYPES.has(type)) {
      if (!config.IPAddress && !config.FullyQualifiedDomainName) issue(`a ${type} health check needs an IPAddress or a FullyQualifiedDomainName to probe`, 'FullyQualifiedDomainName', 'route53.healthCheckNeedsEndpoint', { type });
      if (type === 'TCP' && config.Port === undefined) issue('a TCP health check needs a Port', 'Port', 'route53.healthCheckNeedsPort');
      if (type.endsWith('_STR_MATCH') && !config.SearchString) issue(`a ${type} health check needs a SearchString`, 'SearchString', 'route53.healthCheckNeedsSearchString', { type });
      if (config.ChildHealthChecks) issue('ChildHealthChecks is only for CALCULATED health checks', 'ChildHealthChecks', 'route53.healthCheckChildrenNotCalculated');
    }
    if (type === 'CALCULATED') {
      if (!config.ChildHealthChecks?.length) issue('a CALCULATED health check needs ChildHealthChecks', 'ChildHealthChecks', 'route53.healthCheckNeedsChildren');
      if (config.HealthThreshold === undefined) issue('a CALCULATED health check needs a HealthThreshold (how many children must be healthy)', 'HealthThreshold', 'route53.healthCheckNeedsThreshold');
      for (const key of ['IPAddress', 'Port', 'RequestInterval', 'FailureThreshold'] as const) if (config[key] !== undefined) issue(`omit ${key} for a CALCULATED health check`, key, 'route53.healthCheckOmitForCalculated', { key });
    }
  });

export const ROUTE53_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::Route53::HostedZone': {
    nameProperty: 'Name',
    properties: z.object({
      Name: z.string().min(1),
      HostedZoneConfig: z.object({ Comment: z.string().optional() }).strict().optional(),
      // A private hosted zone answers only inside its VPCs (routing-policy-geo-phz.html).
      VPCs: z.array(z.object({ VPCId: z.string(), VPCRegion: region }).strict()).optional(),
      HostedZoneTags: cfnTags,
    }),
    ignored: ['QueryLoggingConfig'],
    ref: hostedZoneIdOf,
    attributes: {
      Id: hostedZoneIdOf,
      NameServers: nameServersOf,
    },
  },
  'AWS::Route53::RecordSet': {
    nameProperty: 'Name',
    properties: z
      .object({ ...zoneReference, ...recordSetShape })
      .superRefine((value, ctx) => {
        checkZoneReference(value, ctx);
        checkRecordSet(value, ctx);
      }),
    // CidrRoutingConfig and GeoProximityLocation are routing policies the simulator does not model: they are warned about.
    ref: (id) => id.name.replace(/\.$/, ''),
    servedNames: (_id, properties) => servedNames([properties as unknown as CfnRecordSet]),
    attributes: {},
  },
  'AWS::Route53::RecordSetGroup': {
    properties: z
      .object({ ...zoneReference, Comment: z.string().optional(), RecordSets: z.array(groupedRecordSet).min(1) })
      .superRefine(checkZoneReference),
    ref: (id) => id.name,
    servedNames: (_id, properties) => servedNames((properties as { RecordSets: CfnRecordSet[] }).RecordSets),
    attributes: {},
  },
  'AWS::Route53::HealthCheck': {
    properties: z.object({
      HealthCheckConfig: healthCheckConfig,
      HealthCheckTags: cfnTags,
    }),
    ref: healthCheckIdOf,
    attributes: {
      HealthCheckId: healthCheckIdOf,
    },
  },
};
