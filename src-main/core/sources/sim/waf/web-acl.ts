/**
 * A web ACL as the simulator runs it: its rules in priority order and the per-IP request counts of its
 * rate-based rules. AWS WAF evaluates rules lowest Priority first; the first matching rule whose action
 * is Allow or Block ends the evaluation, a Count rule counts the request and evaluation goes on, and a
 * request no terminating rule matched gets the default action (WAF-1; web-acl-processing-order.html,
 * waf-rule-action.html).
 */
import type { LoadedResource } from '../scenario/loaded-resource';
import { parseCidr, type Cidr } from './cidr';
import { ipSetArn, webAclArn, type WebAclRuleInput } from './resource-types';
import type { WafStatementSummary } from '../../../contract/model';
import { compileStatement, summarizeStatement, type Compiled, type IpSets, type RateLimit, type WafRequest } from './statements';

export type WafAction = 'ALLOW' | 'BLOCK' | 'COUNT';

export interface SimWafRule {
  name: string;
  priority: number;
  /** Undefined when the rule cannot act (no Action, or Captcha / Challenge): it is skipped (WAF-7). */
  action?: WafAction;
  metricName: string;
  compiled: Compiled;
  summary: WafStatementSummary;
  /** A rule a fault added (WafBlockPath), removed when the fault ends. */
  addedByFault?: boolean;
}

export interface SimWebAcl {
  arn: string;
  id: string;
  name: string;
  metricName: string;
  defaultAction: 'ALLOW' | 'BLOCK';
  description?: string;
  /** Ascending Priority. */
  rules: SimWafRule[];
  /** Load balancer ARNs it is associated with (AWS::WAFv2::WebACLAssociation). */
  resourceArns: string[];
}

/** What the web ACL decided for a group of identical requests. */
export interface Verdict {
  action: 'ALLOW' | 'BLOCK';
  /** The rule that ended evaluation; undefined when the default action applied. */
  terminatingRule?: SimWafRule;
  /** Count rules that matched on the way. */
  counted: SimWafRule[];
}

export function ruleAction(rule: WebAclRuleInput): WafAction | undefined {
  if (!rule.Action) return undefined;
  if (rule.Action.Block !== undefined) return 'BLOCK';
  if (rule.Action.Allow !== undefined) return 'ALLOW';
  if (rule.Action.Count !== undefined) return 'COUNT';
  return undefined;
}

export function ipSetsOf(resources: readonly LoadedResource[]): Map<string, Cidr[]> {
  const sets = new Map<string, Cidr[]>();
  for (const resource of resources) {
    if (resource.type !== 'AWS::WAFv2::IPSet') continue;
    const addresses = (resource.properties.Addresses as string[]).map(parseCidr).filter((c): c is Cidr => c !== undefined);
    sets.set(ipSetArn(resource.identity), addresses);
  }
  return sets;
}

export function compileRule(rule: WebAclRuleInput, ipSets: IpSets): SimWafRule {
  const action = ruleAction(rule);
  return {
    name: rule.Name,
    priority: rule.Priority,
    ...(action ? { action } : {}),
    metricName: rule.VisibilityConfig.MetricName,
    compiled: compileStatement(rule.Statement, ipSets),
    summary: summarizeStatement(rule.Statement),
  };
}

export function buildWebAcls(resources: readonly LoadedResource[]): SimWebAcl[] {
  const ipSets = ipSetsOf(resources);
  const acls = resources
    .filter((r) => r.type === 'AWS::WAFv2::WebACL')
    .map((resource): SimWebAcl => {
      const p = resource.properties as { DefaultAction: { Block?: unknown }; Rules?: WebAclRuleInput[]; VisibilityConfig: { MetricName: string }; Description?: string };
      const arn = webAclArn(resource.identity);
      return {
        arn,
        id: arn.split('/').pop()!,
        name: resource.identity.name,
        metricName: p.VisibilityConfig.MetricName,
        defaultAction: p.DefaultAction.Block !== undefined ? 'BLOCK' : 'ALLOW',
        ...(p.Description ? { description: p.Description } : {}),
        rules: (p.Rules ?? []).map((rule) => compileRule(rule, ipSets)).sort((a, b) => a.priority - b.priority),
        resourceArns: [],
      };
    });
  // Only a REGIONAL web ACL can protect a load balancer (a CLOUDFRONT one is a warning, validate.ts).
  const regional = new Set(resources.filter((r) => r.type === 'AWS::WAFv2::WebACL' && r.properties.Scope === 'REGIONAL').map((r) => webAclArn(r.identity)));
  const byArn = new Map(acls.filter((acl) => regional.has(acl.arn)).map((acl) => [acl.arn, acl]));
  for (const resource of resources) {
    if (resource.type !== 'AWS::WAFv2::WebACLAssociation') continue;
    const p = resource.properties as { ResourceArn: string; WebACLArn: string };
    const acl = byArn.get(p.WebACLArn);
    // A resource has at most one web ACL (AssociateWebACL replaces it); the check reports a second one.
    if (acl && !acls.some((other) => other.resourceArns.includes(p.ResourceArn))) acl.resourceArns.push(p.ResourceArn);
  }
  return acls;
}

/**
 * Per client IP, the requests a rate-based rule counted in recent ticks (WAF-5). AWS WAF looks back
 * over the evaluation window each time it checks the rate; the simulator checks every tick.
 */
export class RateCounter {
  private readonly history = new Map<string, { at: number; count: number }[]>();

  constructor(readonly rate: RateLimit) {}

  /** Requests from `client` counted in the window ending at `now` (ms). */
  inWindow(client: string, now: number): number {
    const entries = this.history.get(client);
    if (!entries) return 0;
    const from = now - this.rate.windowSeconds * 1000;
    while (entries.length > 0 && entries[0]!.at <= from) entries.shift();
    return entries.reduce((sum, e) => sum + e.count, 0);
  }

  add(client: string, now: number, count: number): void {
    const entries = this.history.get(client) ?? [];
    const last = entries[entries.length - 1];
    if (last && last.at === now) last.count += count;
    else entries.push({ at: now, count });
    this.history.set(client, entries);
  }
}

/**
 * The verdict for `count` identical requests from one client at `now`. A rate-based rule counts every
 * request that reaches it and matches its scope-down statement, and matches once the client's count
 * over the window exceeds the limit (waf-rule-statement-type-rate-based-high-level-settings.html).
 */
export function evaluate(acl: SimWebAcl, counters: ReadonlyMap<SimWafRule, RateCounter>, request: WafRequest, clientKey: string, count: number, now: number): Verdict {
  const counted: SimWafRule[] = [];
  for (const rule of acl.rules) {
    if (!rule.action || rule.compiled.kind === 'unsupported') continue;
    let matched: boolean;
    if (rule.compiled.kind === 'rate') {
      const counter = counters.get(rule);
      if (!counter || (rule.compiled.rate.scopeDown && !rule.compiled.rate.scopeDown(request))) continue;
      counter.add(clientKey, now, count);
      matched = counter.inWindow(clientKey, now) > rule.compiled.rate.limit;
    } else {
      matched = rule.compiled.match(request);
    }
    if (!matched) continue;
    if (rule.action === 'COUNT') counted.push(rule);
    else return { action: rule.action, terminatingRule: rule, counted };
  }
  return { action: acl.defaultAction, counted };
}
