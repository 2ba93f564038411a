/**
 * IpAddressType and LoadBalancerAttributes of an Application Load Balancer in a scenario
 * (docs/aws-behaviour.md, "IPv6 and load-balancer attributes", LBA-n).
 */
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { ALB_ATTRIBUTES } from '@main/core/elbv2/load-balancer-attributes';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const withAlb = (properties: string) => webTier().replace('Properties: { Name: web-alb }', `Properties:\n      Name: web-alb\n${properties}`);
const loadErrors = (yaml: string): { message: string; path: string }[] => {
  try {
    scenarioFrom(yaml);
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ message: d.message, path: d.path }));
    throw error;
  }
  return [];
};
const exported = (yaml: string) => new SimulationEngine(scenarioFrom(yaml)).inventory().loadBalancers[0]!;

describe('LBA-1: IpAddressType (API_CreateLoadBalancer, load-balancer-ip-address-type.html)', () => {
  it('LBA-1: ipv4 is the default; dualstack and dualstack-without-public-ipv4 are taken as written', () => {
    expect(exported(webTier()).ipAddressType).toBe('ipv4');
    expect(exported(withAlb('      IpAddressType: dualstack')).ipAddressType).toBe('dualstack');
    expect(exported(withAlb('      IpAddressType: dualstack-without-public-ipv4')).ipAddressType).toBe('dualstack-without-public-ipv4');
  });

  it('LBA-1: another value is an error naming the property', () => {
    const errors = loadErrors(withAlb('      IpAddressType: ipv6'));
    expect(errors.some((e) => e.path.includes('IpAddressType'))).toBe(true);
  });

  it('LBA-1: an internal load balancer cannot have public IPv6 only (internal load balancers must use ipv4)', () => {
    const errors = loadErrors(withAlb('      Scheme: internal\n      IpAddressType: dualstack-without-public-ipv4'));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'Resources.Alb.Properties.IpAddressType' }));
    expect(errors.find((e) => e.path.endsWith('IpAddressType'))!.message).toMatch(/internal load balancer web-alb.*ipv4/);
  });
});

describe('LBA-2: LoadBalancerAttributes keys, values and defaults (API_LoadBalancerAttribute)', () => {
  it('LBA-2: every ALB attribute is listed with AWS default; configured values replace it', () => {
    const lb = exported(
      withAlb(`      LoadBalancerAttributes:
        - { Key: deletion_protection.enabled, Value: true }
        - { Key: idle_timeout.timeout_seconds, Value: "120" }`),
    );
    const byKey = new Map(lb.attributes!.map((a) => [a.key, a]));
    expect(lb.attributes!.map((a) => a.key)).toEqual(ALB_ATTRIBUTES.map((a) => a.key));
    expect(byKey.get('deletion_protection.enabled')).toEqual({ key: 'deletion_protection.enabled', value: 'true', defaultValue: 'false' });
    expect(byKey.get('idle_timeout.timeout_seconds')).toEqual({ key: 'idle_timeout.timeout_seconds', value: '120', defaultValue: '60' });
    expect(byKey.get('routing.http2.enabled')).toEqual({ key: 'routing.http2.enabled', value: 'true', defaultValue: 'true' });
    expect(byKey.get('client_keep_alive.seconds')?.defaultValue).toBe('3600');
    expect(byKey.get('routing.http.xff_header_processing.mode')?.defaultValue).toBe('append');
    expect(byKey.get('routing.http.desync_mitigation_mode')?.defaultValue).toBe('defensive');
    expect(byKey.get('load_balancing.cross_zone.enabled')?.value).toBe('true');
  });

  it('LBA-2: ipv6.deny_all_igw_traffic defaults to false internet-facing, true internal', () => {
    const value = (yaml: string) => exported(yaml).attributes!.find((a) => a.key === 'ipv6.deny_all_igw_traffic')!.value;
    expect(value(webTier())).toBe('false');
    expect(value(withAlb('      Scheme: internal'))).toBe('true');
  });

  it('LBA-2: an unknown key is a warning naming the key and the load balancer, and is left out', () => {
    const scenario = scenarioFrom(withAlb('      LoadBalancerAttributes: [{ Key: idle_timeout.seconds, Value: "30" }]'));
    const warning = scenario.warnings.find((w) => w.message.includes('idle_timeout.seconds'))!;
    expect(warning.message).toMatch(/web-alb/);
    expect(warning.path).toBe('Resources.Alb.Properties.LoadBalancerAttributes[0].Key');
    expect(new SimulationEngine(scenario).inventory().loadBalancers[0]!.attributes!.some((a) => a.key === 'idle_timeout.seconds')).toBe(false);
  });

  it('LBA-2: a Network Load Balancer key on an ALB is named as NLB-only', () => {
    const scenario = scenarioFrom(withAlb('      LoadBalancerAttributes: [{ Key: dns_record.client_routing_policy, Value: any_availability_zone }]'));
    expect(scenario.warnings.find((w) => w.message.includes('dns_record.client_routing_policy'))!.message).toMatch(/Network Load Balancers only/);
  });

  it('LBA-2: a bad value is an error naming key, value, load balancer and what is allowed', () => {
    const errors = loadErrors(
      withAlb(`      LoadBalancerAttributes:
        - { Key: idle_timeout.timeout_seconds, Value: "5000" }
        - { Key: routing.http.xff_header_processing.mode, Value: replace }
        - { Key: deletion_protection.enabled, Value: "yes" }`),
    );
    expect(errors.find((e) => e.path === 'Resources.Alb.Properties.LoadBalancerAttributes[0].Value')!.message).toMatch(/idle_timeout\.timeout_seconds.*"5000".*web-alb.*1 to 4000/);
    expect(errors.find((e) => e.path.endsWith('[1].Value'))!.message).toMatch(/append, preserve, remove/);
    expect(errors.find((e) => e.path.endsWith('[2].Value'))!.message).toMatch(/true or false/);
  });

  it('LBA-2: access logs enabled without a bucket is an error', () => {
    const errors = loadErrors(withAlb('      LoadBalancerAttributes: [{ Key: access_logs.s3.enabled, Value: true }]'));
    expect(errors.some((e) => /access_logs\.s3\.bucket/.test(e.message))).toBe(true);
  });

  it('LBA-3: cross-zone load balancing is always on for an ALB: false is an error', () => {
    const errors = loadErrors(withAlb('      LoadBalancerAttributes: [{ Key: load_balancing.cross_zone.enabled, Value: false }]'));
    expect(errors.find((e) => e.path.endsWith('[0].Value'))!.message).toMatch(/can't be changed/);
  });
});
