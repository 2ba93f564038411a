/**
 * AWS WAF in AWS mode: the web ACL associated with each load balancer. GetWebACLForResource returns
 * the whole web ACL (rules included) or nothing when none is associated
 * (docs.aws.amazon.com/waf/latest/APIReference/API_GetWebACLForResource.html). One call per load
 * balancer; web ACLs shared by several load balancers are listed once with every one of them.
 */
import { GetWebACLForResourceCommand, type Rule, type Statement, type WAFV2Client, type WebACL } from '@aws-sdk/client-wafv2';
import type { WafRule, WafStatementSummary, WebAcl } from '../../../contract/model';

/** The Region of a regional web ACL, from its ARN (`arn:aws:wafv2:<region>:<account>:regional/webacl/...`). */
export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}

export async function discoverWebAcls(client: WAFV2Client, loadBalancerArns: readonly string[]): Promise<WebAcl[]> {
  const byArn = new Map<string, WebAcl>();
  for (const resourceArn of loadBalancerArns) {
    const { WebACL: acl } = await client.send(new GetWebACLForResourceCommand({ ResourceArn: resourceArn }));
    if (!acl?.ARN) continue;
    const known = byArn.get(acl.ARN);
    if (known) known.associatedResourceArns.push(resourceArn);
    else byArn.set(acl.ARN, toWebAcl(acl, resourceArn));
  }
  return [...byArn.values()];
}

export function toWebAcl(acl: WebACL, resourceArn: string): WebAcl {
  return {
    webAclArn: acl.ARN!,
    webAclId: acl.Id ?? '',
    name: acl.Name ?? acl.Id ?? acl.ARN!,
    metricName: acl.VisibilityConfig?.MetricName ?? acl.Name ?? '',
    defaultAction: acl.DefaultAction?.Block ? 'BLOCK' : 'ALLOW',
    rules: (acl.Rules ?? []).map(toRule).sort((a, b) => a.priority - b.priority),
    associatedResourceArns: [resourceArn],
    region: regionOfArn(acl.ARN!),
  };
}

function toRule(rule: Rule): WafRule {
  const a = rule.Action;
  const action = a?.Block ? 'BLOCK' : a?.Allow ? 'ALLOW' : a?.Count ? 'COUNT' : a?.Captcha ? 'CAPTCHA' : a?.Challenge ? 'CHALLENGE' : undefined;
  return {
    name: rule.Name ?? '',
    priority: rule.Priority ?? 0,
    ...(action ? { action } : {}),
    metricName: rule.VisibilityConfig?.MetricName ?? rule.Name ?? '',
    statement: summarize(rule.Statement, 0),
  };
}

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes).slice(0, 512) : undefined);

function summarize(statement: Statement | undefined, depth: number): WafStatementSummary {
  if (!statement) return { type: 'Unknown' };
  const type = (Object.keys(statement).find((key) => statement[key as keyof Statement] !== undefined) ?? 'Unknown').slice(0, 64);
  if (statement.ByteMatchStatement) {
    const b = statement.ByteMatchStatement;
    const field = b.FieldToMatch?.UriPath ? 'UriPath' : b.FieldToMatch?.SingleHeader?.Name ? `header:${b.FieldToMatch.SingleHeader.Name.toLowerCase()}` : Object.keys(b.FieldToMatch ?? {})[0];
    const search = text(b.SearchString);
    return { type, ...(field ? { field: field.slice(0, 256) } : {}), ...(b.PositionalConstraint ? { positionalConstraint: b.PositionalConstraint } : {}), ...(search !== undefined ? { searchString: search } : {}) };
  }
  if (statement.IPSetReferenceStatement?.ARN) return { type, ipSetArn: statement.IPSetReferenceStatement.ARN };
  if (statement.RateBasedStatement) {
    const r = statement.RateBasedStatement;
    return { type, ...(r.Limit !== undefined ? { limit: Number(r.Limit) } : {}), evaluationWindowSec: Number(r.EvaluationWindowSec ?? 300) };
  }
  const inner = statement.AndStatement?.Statements ?? statement.OrStatement?.Statements ?? (statement.NotStatement?.Statement ? [statement.NotStatement.Statement] : undefined);
  if (inner && depth === 0) {
    return {
      type,
      statements: inner.slice(0, 20).map((part) => {
        const { type: innerType, field, positionalConstraint, searchString } = summarize(part, 1);
        return { type: innerType, ...(field ? { field } : {}), ...(positionalConstraint ? { positionalConstraint } : {}), ...(searchString !== undefined ? { searchString } : {}) };
      }),
    };
  }
  return { type };
}
