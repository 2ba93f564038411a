/**
 * The AWS WAF (v2) resource types the simulator understands: web ACLs, IP sets and the association of
 * a web ACL with a load balancer. Registered in scenario/resource-registry.ts.
 * docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_WAFv2.html
 *
 * Rule statements stay loosely typed here: a statement the simulator does not evaluate is a warning
 * naming its rule (statements.ts, validate.ts), never a load error, so a real template still loads.
 */
import { z } from 'zod';
import { codedCheck } from '../../../coded-checks';
import { cfnIntegerIn, cfnTags } from '../scenario/cfn-values';
import { listOf } from '../scenario/limits';
import type { ResourceIdentity, ResourceTypeSpec } from '../scenario/resource-spec';
import { parseCidr } from './cidr';

/** Our bound on rules per web ACL (AWS bounds them by capacity units, 5,000 WCU at most). */
export const MAX_WEB_ACL_RULES = 100;
/** Addresses per IP set (AWS WAF quotas: 10,000 per IP set). */
export const MAX_IP_SET_ADDRESSES = 10_000;

/** `Allow: {}`, `Block: {}`, `Count: {}` … — the content (custom responses, headers) is not modelled. */
const ruleActionSchema = z.object({ Allow: z.unknown().optional(), Block: z.unknown().optional(), Count: z.unknown().optional(), Captcha: z.unknown().optional(), Challenge: z.unknown().optional() });
/**
 * VisibilityConfig MetricName "can't contain whitespace or metric names that are reserved for AWS WAF, for
 * example All and Default_Action" (API_VisibilityConfig.html): a rule named so would also be summed into the
 * web ACL's `Rule=ALL` (or default-action) series, and BlockedRequests would no longer match the 403s.
 */
const RESERVED_METRIC_NAMES = ['all', 'default_action'];
/** WAF names (web ACL, IP set, MetricName): 1–128 letters, digits, hyphens and underscores; `what` names it in the message. */
const wafName = (what: string) => z.string().regex(/^[\w-]{1,128}$/, `${what} is 1–128 letters, digits, hyphens and underscores`);
/** REGIONAL protects a load balancer or an API; CLOUDFRONT a distribution. */
const wafScope = z.enum(['REGIONAL', 'CLOUDFRONT']);
const visibilityConfig = z.object({
  MetricName: wafName('a MetricName')
    .refine((name) => !RESERVED_METRIC_NAMES.includes(name.toLowerCase()), codedCheck('waf.metricNameReserved', "ALL and Default_Action (in any case) are reserved for AWS WAF's own metrics; choose another MetricName")),
  CloudWatchMetricsEnabled: z.boolean().optional(),
  SampledRequestsEnabled: z.boolean().optional(),
});

export const WebAclRuleSchema = z.object({
  Name: z.string().min(1).max(128),
  Priority: cfnIntegerIn('Priority', 0, 2_147_483_647),
  Action: ruleActionSchema.optional(),
  OverrideAction: z.unknown().optional(),
  Statement: z.record(z.string(), z.unknown()),
  VisibilityConfig: visibilityConfig,
  RuleLabels: z.unknown().optional(),
  CaptchaConfig: z.unknown().optional(),
  ChallengeConfig: z.unknown().optional(),
});
export type WebAclRuleInput = z.output<typeof WebAclRuleSchema>;

/** A stable UUID-shaped id from the resource's hex (AWS gives each WAF resource an id like this). */
const wafId = (id: ResourceIdentity) => `${id.hex.slice(0, 8)}-${id.hex.slice(8, 12)}-${id.hex.slice(12, 16)}-${id.hex.slice(16, 20)}-${id.hex.slice(20, 32)}`.padEnd(36, '0');
const wafArn = (id: ResourceIdentity, kind: string) => `arn:aws:wafv2:${id.region}:${id.accountId}:regional/${kind}/${id.name}/${wafId(id)}`;
/** Ref of a web ACL or an IP set is `name|id|scope` (aws-resource-wafv2-webacl.html, aws-resource-wafv2-ipset.html, Return values). */
const wafRef = (id: ResourceIdentity) => `${id.name}|${wafId(id)}|REGIONAL`;
export const webAclArn = (id: ResourceIdentity) => wafArn(id, 'webacl');
export const ipSetArn = (id: ResourceIdentity) => wafArn(id, 'ipset');

export const WAF_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::WAFv2::WebACL': {
    nameProperty: 'Name',
    maxNameLength: 128,
    properties: z.object({
      Name: wafName('a web ACL name').optional(),
      Scope: wafScope,
      DefaultAction: z.object({ Allow: z.unknown().optional(), Block: z.unknown().optional() }).refine((a) => (a.Allow === undefined) !== (a.Block === undefined), codedCheck('waf.defaultActionNotOne', 'DefaultAction is exactly one of Allow or Block')),
      Rules: listOf('Rules', WebAclRuleSchema, MAX_WEB_ACL_RULES).optional(),
      VisibilityConfig: visibilityConfig,
      Description: z.string().max(256).optional(),
      Tags: cfnTags,
    }),
    ignored: ['CustomResponseBodies', 'CaptchaConfig', 'ChallengeConfig', 'TokenDomains', 'AssociationConfig', 'DataProtectionConfig', 'OnSourceDDoSProtectionConfig', 'ApplicationConfig'],
    check(properties, report) {
      const rules = (properties.Rules as WebAclRuleInput[] | undefined) ?? [];
      const seen = new Map<number, string>();
      rules.forEach((rule, index) => {
        // CreateWebACL refuses two rules with one priority (WAFInvalidParameterException).
        const other = seen.get(rule.Priority);
        if (other !== undefined) report(`Rules.${index}.Priority`, `rules ${other} and ${rule.Name} have the same Priority ${rule.Priority}; each rule needs its own`, {
            code: 'waf.rulePriorityRepeated',
            params: { rule: rule.Name, other, priority: rule.Priority },
          });
        seen.set(rule.Priority, rule.Name);
      });
    },
    ref: wafRef,
    attributes: { Arn: webAclArn, Id: wafId, LabelNamespace: (id) => `awswaf:${id.accountId}:webacl:${id.name}:`, Capacity: () => 0 },
  },
  'AWS::WAFv2::IPSet': {
    nameProperty: 'Name',
    maxNameLength: 128,
    properties: z.object({
      Name: wafName('an IP set name').optional(),
      Scope: wafScope,
      IPAddressVersion: z.enum(['IPV4', 'IPV6']),
      Addresses: listOf('Addresses', z.string().max(50), MAX_IP_SET_ADDRESSES),
      Description: z.string().max(256).optional(),
      Tags: cfnTags,
    }),
    check(properties, report) {
      const version = properties.IPAddressVersion === 'IPV6' ? 6 : 4;
      (properties.Addresses as string[]).forEach((address, index) => {
        const cidr = parseCidr(address);
        if (!cidr) report(`Addresses.${index}`, `${address} is not a CIDR block such as 192.0.2.0/24 or 2001:db8::/32`, { code: 'waf.addressNotCidr', params: { address } });
        // "All addresses must be specified using CIDR notation"; "AWS WAF supports all IPv4 and IPv6 CIDR
        // ranges except for /0" (API_IPSet.html, waf-rule-statement-type-ipset-match.html).
        else if (!address.includes('/')) report(`Addresses.${index}`, `${address} needs its prefix length in CIDR notation (e.g. ${address}/${cidr.version === 4 ? 32 : 128} for one address)`, {
            code: 'waf.addressWithoutPrefix',
            params: { address, prefix: cidr.version === 4 ? 32 : 128 },
          });
        else if (cidr.prefix === 0) report(`Addresses.${index}`, `${address}: AWS WAF supports every IPv4 and IPv6 CIDR range except /0`, { code: 'waf.addressPrefixZero', params: { address } });
        else if (cidr.version !== version) report(`Addresses.${index}`, `${address} is an IPv${cidr.version} block in an IPAddressVersion ${String(properties.IPAddressVersion)} IP set`, {
            code: 'waf.addressWrongVersion',
            params: { address, version: cidr.version, setVersion: String(properties.IPAddressVersion) },
          });
      });
    },
    ref: wafRef,
    attributes: { Arn: ipSetArn, Id: wafId },
  },
  'AWS::WAFv2::WebACLAssociation': {
    properties: z.object({
      ResourceArn: z.string().min(1),
      WebACLArn: z.string().regex(/^arn:aws[\w-]*:wafv2:/, 'WebACLArn is a web ACL ARN, e.g. !GetAtt Acl.Arn'),
    }),
    // CloudFormation documents no useful Ref for an association: a stand-in identifier.
    ref: (id) => `${id.logicalId}-${id.hex.slice(0, 8)}`,
    attributes: {},
  },
};
