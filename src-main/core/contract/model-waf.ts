/**
 * AWS WAF (v2) web ACLs as GetWebACLForResource / GetWebACL return them, reduced to what the load
 * balancer view shows: the default action and the rules in priority order with their action and what
 * they inspect. Codes and values only (the renderer words them); counts travel as AWS/WAFV2 metrics.
 * docs.aws.amazon.com/waf/latest/APIReference/API_WebACL.html
 */
import { z } from 'zod';

/** A rule's action (Allow / Block / Count); Captcha and Challenge are shown as configured, not simulated. */
export const WafRuleAction = z.enum(['ALLOW', 'BLOCK', 'COUNT', 'CAPTCHA', 'CHALLENGE']);
export type WafRuleAction = z.infer<typeof WafRuleAction>;

export const WafDefaultAction = z.enum(['ALLOW', 'BLOCK']);
export type WafDefaultAction = z.infer<typeof WafDefaultAction>;

/** What a rule's statement inspects, as values: the renderer phrases it. */
export const WafStatementSummary = z.object({
  /** The AWS statement type: ByteMatchStatement, IPSetReferenceStatement, RateBasedStatement, AndStatement … */
  type: z.string().max(64),
  /** ByteMatchStatement: `UriPath`, or `header:<name>` for SingleHeader. */
  field: z.string().max(256).optional(),
  positionalConstraint: z.string().max(32).optional(),
  searchString: z.string().max(512).optional(),
  /** IPSetReferenceStatement: the IP set's ARN. */
  ipSetArn: z.string().max(2048).optional(),
  /** RateBasedStatement: requests per client IP over the evaluation window. */
  limit: z.number().int().nonnegative().optional(),
  evaluationWindowSec: z.number().int().positive().optional(),
  /** And / Or / Not: the statements inside (one level; deeper ones are counted, not shown). */
  statements: z.array(z.object({ type: z.string().max(64), field: z.string().max(256).optional(), positionalConstraint: z.string().max(32).optional(), searchString: z.string().max(512).optional() })).max(20).optional(),
});
export type WafStatementSummary = z.infer<typeof WafStatementSummary>;

export const WafRule = z.object({
  name: z.string().min(1).max(128),
  priority: z.number().int().nonnegative(),
  /** Absent for a rule-group reference (it has an OverrideAction instead). */
  action: WafRuleAction.optional(),
  /** The rule's VisibilityConfig MetricName: its Rule dimension in AWS/WAFV2. */
  metricName: z.string().max(128),
  statement: WafStatementSummary,
  /** The simulator does not evaluate this statement: the rule never matches there. */
  notSimulated: z.boolean().optional(),
  /** Added by the simulator's WafBlockPath fault (removed when the fault ends). */
  addedByFault: z.boolean().optional(),
});
export type WafRule = z.infer<typeof WafRule>;

export const WebAcl = z.object({
  webAclArn: z.string().min(1).max(2048),
  webAclId: z.string().max(128),
  name: z.string().min(1).max(128),
  /** The web ACL's VisibilityConfig MetricName: its WebACL dimension in AWS/WAFV2. */
  metricName: z.string().max(128),
  defaultAction: WafDefaultAction,
  /** Ascending priority: the order AWS WAF evaluates them. */
  rules: z.array(WafRule).max(1000),
  /** The load balancers (and other resources) it is associated with. */
  associatedResourceArns: z.array(z.string().max(2048)).max(1000),
  /** The Region dimension of its metrics (a regional web ACL). */
  region: z.string().max(32),
});
export type WebAcl = z.infer<typeof WebAcl>;
