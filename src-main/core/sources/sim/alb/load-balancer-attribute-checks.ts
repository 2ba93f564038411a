/**
 * LBA-1/LBA-2/LBA-3: a load balancer's IpAddressType and LoadBalancerAttributes, checked as Elastic
 * Load Balancing would check them, each message naming the key (or property), the value and the
 * load balancer. A key ELB does not know for an ALB is a warning and left out (ELB itself would
 * refuse the stack; the simulation can still run); a value ELB would refuse is an error.
 * docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html
 * docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
 */
import { albAttributeSpec, checkAttribute, type AttributeValueKind } from '../../../elbv2/load-balancer-attributes';
import type { LoadedResource } from '../scenario/loaded-resource';
import type { DiagnosticCode } from '../scenario/diagnostics';
import type { ScenarioReport } from '../scenario/scenario-checks';

type AlbReport = ScenarioReport;

/** The code of a value ELB would refuse, with what it expects as parameters (not as English). */
function badValueCode(kind: AttributeValueKind, key: string, value: string, name: string): DiagnosticCode {
  switch (kind.kind) {
    case 'boolean':
      return { code: 'loadBalancer.attributeNotBoolean', params: { key, value, name } };
    case 'integer':
      return { code: 'loadBalancer.attributeOutOfRange', params: { key, value, name, min: kind.min, max: kind.max } };
    case 'enum':
      return { code: 'loadBalancer.attributeNotOneOf', params: { key, value, name, values: kind.values.join(', ') } };
    case 'text':
      return { code: 'loadBalancer.attributeTooLong', params: { key, name, max: 1024 } };
  }
}

interface LoadBalancerProps {
  Scheme?: string;
  IpAddressType?: string;
  LoadBalancerAttributes?: { Key: string; Value: string }[];
}

export function checkLoadBalancerAttributes(resource: LoadedResource, report: AlbReport): void {
  const p = resource.properties as LoadBalancerProps;
  const name = resource.identity.name;
  const base = ['Resources', resource.logicalId, 'Properties'];
  // "Internal load balancers must use ipv4" (API_CreateLoadBalancer, IpAddressType); public IPv6 only
  // is meaningless without public addresses, so that one is refused and dualstack is only warned of.
  if (p.Scheme === 'internal' && p.IpAddressType === 'dualstack-without-public-ipv4') {
    report('error', [...base, 'IpAddressType'], `internal load balancer ${name} cannot use IpAddressType dualstack-without-public-ipv4 (public IPv6 addresses only); internal load balancers use ipv4`, {
      code: 'loadBalancer.internalIpv6Only',
      params: { name },
    });
  } else if (p.Scheme === 'internal' && p.IpAddressType === 'dualstack') {
    report('warning', [...base, 'IpAddressType'], `internal load balancer ${name} has IpAddressType dualstack; the ELB API reference says internal load balancers must use ipv4`, {
      code: 'loadBalancer.internalDualstack',
      params: { name },
    });
  }

  const attributes = p.LoadBalancerAttributes ?? [];
  const given = new Map(attributes.map((a) => [a.Key, a.Value]));
  attributes.forEach((attribute, index) => {
    const at = [...base, 'LoadBalancerAttributes', index];
    const problem = checkAttribute(attribute.Key, attribute.Value);
    if (!problem) {
      const spec = albAttributeSpec(attribute.Key);
      if (spec?.requires && attribute.Value === 'true' && !given.get(spec.requires)) {
        report('error', [...at, 'Value'], `${attribute.Key} is true on load balancer ${name} but ${spec.requires} is not set: the bucket is required when logs are enabled`, {
          code: 'loadBalancer.attributeRequiresBucket',
          params: { key: attribute.Key, name, requires: spec.requires },
        });
      }
      return;
    }
    switch (problem.code) {
      case 'unknown':
        report('warning', [...at, 'Key'], `load balancer attribute ${attribute.Key} of ${name} is not an Application Load Balancer attribute, so it is ignored (ELB would refuse it)`, {
          code: 'loadBalancer.attributeUnknown',
          params: { key: attribute.Key, name },
        });
        return;
      case 'nlbOnly':
        report('warning', [...at, 'Key'], `load balancer attribute ${attribute.Key} of ${name} applies to Network Load Balancers only, so it is ignored (ELB would refuse it on an ALB)`, {
          code: 'loadBalancer.attributeNlbOnly',
          params: { key: attribute.Key, name },
        });
        return;
      case 'badValue':
        report('error', [...at, 'Value'], `load balancer attribute ${attribute.Key} is ${JSON.stringify(attribute.Value)} on ${name}; it must be ${problem.expected}`, badValueCode(problem.kind, attribute.Key, attribute.Value, name));
        return;
      case 'fixed':
        report('error', [...at, 'Value'], `load balancer attribute ${attribute.Key} of ${name} is always ${problem.expected} for an Application Load Balancer and can't be changed`, {
          code: 'loadBalancer.attributeFixed',
          params: { key: attribute.Key, name, expected: problem.expected },
        });
        return;
    }
  });
}
