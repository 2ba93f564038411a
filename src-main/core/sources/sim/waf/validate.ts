/**
 * WAF-7: what the simulator cannot evaluate loads with one warning per rule that names it and says what
 * follows, never an error: a statement type it does not model (the rule never matches), a Captcha or
 * Challenge action, an OverrideAction (only for rules that reference a rule group; waf-rule-action.html),
 * a CLOUDFRONT web ACL, an association with something that is not one of the stack's load balancers.
 */
import { type PathSegment, wrappedReason } from '../scenario/diagnostics';
import type { ScenarioReport } from '../scenario/scenario-checks';
import type { LoadedResource } from '../scenario/loaded-resource';
import { compileRule, ipSetsOf } from './web-acl';
import { webAclArn, type WebAclRuleInput } from './resource-types';

export type WafReport = ScenarioReport;

export function checkWafResources(resources: readonly LoadedResource[], report: WafReport): void {
  const ipSets = ipSetsOf(resources);
  const acls = new Map<string, LoadedResource>();
  for (const resource of resources) {
    if (resource.type !== 'AWS::WAFv2::WebACL') continue;
    acls.set(webAclArn(resource.identity), resource);
    const at = (...path: PathSegment[]) => ['Resources', resource.logicalId, 'Properties', ...path];
    const aclName = resource.identity.name;
    if (resource.properties.Scope === 'CLOUDFRONT') report('warning', at('Scope'), `web ACL ${aclName} has Scope CLOUDFRONT: it cannot be associated with a load balancer, so it inspects nothing here`, {
        code: 'waf.cloudfrontScope',
        params: { acl: aclName },
      });
    ((resource.properties.Rules as WebAclRuleInput[] | undefined) ?? []).forEach((input, index) => {
      const rule = compileRule(input, ipSets);
      const where = `rule ${input.Name} of web ACL ${aclName}`;
      const named = { rule: input.Name, acl: aclName };
      if (input.OverrideAction !== undefined) {
        report('warning', at('Rules', index, 'OverrideAction'), `${where}: OverrideAction is only for rules that reference a rule group; the simulator ignores it${input.Action ? ' and uses Action' : ' and the rule never acts'}`, {
          code: input.Action ? 'waf.overrideActionIgnored' : 'waf.overrideActionWithoutAction',
          params: named,
        });
      } else if (rule.compiled.kind === 'unsupported' && rule.compiled.invalid) {
        // AWS WAF refuses the web ACL (WAFInvalidParameterException): an error, not "not simulated".
        report('error', at('Rules', index, 'Statement'), `${where}: ${rule.compiled.reason}`, { code: 'waf.statementInvalid', params: { ...named, ...wrappedReason(rule.compiled.reasonCode, rule.compiled.reason) } });
      } else if (rule.compiled.kind === 'unsupported') {
        report('warning', at('Rules', index, 'Statement'), `${where} is not simulated and never matches: ${rule.compiled.reason}`, {
          code: 'waf.statementNotSimulated',
          params: { ...named, ...wrappedReason(rule.compiled.reasonCode, rule.compiled.reason) },
        });
      } else if (!rule.action) {
        const kind = input.Action ? Object.keys(input.Action).join(', ') : 'none';
        report('warning', at('Rules', index, 'Action'), `${where} has action ${kind}; only Allow, Block and Count are simulated, so the rule never acts`, {
          code: 'waf.actionNotSimulated',
          params: { ...named, action: kind },
        });
      }
    });
  }
  const loadBalancers = new Set(resources.filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer').map((r) => r.ref));
  const associated = new Map<string, string>();
  for (const resource of resources) {
    if (resource.type !== 'AWS::WAFv2::WebACLAssociation') continue;
    const p = resource.properties as { ResourceArn: string; WebACLArn: string };
    const at = (property: string) => ['Resources', resource.logicalId, 'Properties', property];
    if (!acls.has(p.WebACLArn)) report('warning', at('WebACLArn'), `${p.WebACLArn} is not a web ACL of this stack (use !GetAtt Acl.Arn): the association inspects nothing`, {
        code: 'waf.associationAclUnknown',
        params: { arn: p.WebACLArn },
      });
    else if (!loadBalancers.has(p.ResourceArn)) report('warning', at('ResourceArn'), `${p.ResourceArn} is not a load balancer of this stack (use !Ref Alb): the association inspects nothing`, {
        code: 'waf.associationResourceUnknown',
        params: { arn: p.ResourceArn },
      });
    else if (associated.has(p.ResourceArn)) report('warning', at('ResourceArn'), `the load balancer already has web ACL association ${associated.get(p.ResourceArn)}; a resource has one web ACL at most, so this one is ignored`, {
        code: 'waf.associationDuplicate',
        params: { other: associated.get(p.ResourceArn)! },
      });
    else associated.set(p.ResourceArn, resource.logicalId);
  }
}
