/**
 * Route 53 rules that span resources, checked once a scenario's resources are loaded: the zone a
 * record set names exists and contains it, one routing policy per name and type, unique set
 * identifiers and locations, health checks and alias targets that exist. Errors are what Route 53
 * or CloudFormation would refuse (worded after their messages where we know them); warnings are
 * what the simulator cannot model and says so.
 */
import { isInZone, normalizeName, withoutDualstack } from '../../../route53/names';
import { groupKey, validateZoneRecordSets } from '../../../route53/record-groups';
import type { ScenarioReport } from '../scenario/scenario-checks';
import type { LoadedResource } from '../scenario/loaded-resource';
import { aliasLoadBalancers, hostedZones, locatedRecordSets, zoneFor, type LocatedRecordSet } from './build-route53';

export type Route53Report = ScenarioReport;

interface HealthCheckConfig {
  Type: string;
  FullyQualifiedDomainName?: string;
  IPAddress?: string;
  ChildHealthChecks?: string[];
}

export function checkRoute53Resources(resources: readonly LoadedResource[], report: Route53Report): void {
  const zones = hostedZones(resources);
  const loadBalancers = aliasLoadBalancers(resources);
  const healthChecks = resources.filter((r) => r.type === 'AWS::Route53::HealthCheck');
  const healthCheckIds = new Set(healthChecks.map((r) => r.ref));

  // Every record set's zone must exist.
  for (const resource of resources) {
    if (resource.type !== 'AWS::Route53::RecordSet' && resource.type !== 'AWS::Route53::RecordSetGroup') continue;
    const p = resource.properties as { HostedZoneId?: string; HostedZoneName?: string };
    if (zoneFor(zones, p)) continue;
    const known = zones.map((z) => `${z.name} (${z.id})`).join(', ') || 'none';
    const [property, value] = p.HostedZoneId ? ['HostedZoneId', p.HostedZoneId] : ['HostedZoneName', p.HostedZoneName];
    report('error', ['Resources', resource.logicalId, 'Properties', property!], `no AWS::Route53::HostedZone in this scenario has ${property === 'HostedZoneId' ? 'id' : 'name'} "${value}" (hosted zones: ${known}); use !Ref <HostedZone>`, {
      code: property === 'HostedZoneId' ? 'route53.zoneIdNotFound' : 'route53.zoneNameNotFound',
      params: { value: String(value), known: known === 'none' ? '—' : known },
    });
  }

  const located = locatedRecordSets(resources, zones);
  for (const zone of zones) {
    const inZone = located.filter((l) => l.zone === zone);
    for (const problem of validateZoneRecordSets(inZone.map((l) => l.record), zone.name)) {
      const at = inZone[problem.index]!;
      report('error', [...at.path, ...(problem.field ? [problem.field] : [])], problem.message, { code: problem.code, params: problem.params });
    }
  }

  const groupsInZone = new Map<string, Set<string>>();
  for (const l of located) (groupsInZone.get(l.zone.id) ?? groupsInZone.set(l.zone.id, new Set()).get(l.zone.id)!).add(groupKey(l.record.name, l.record.type));

  for (const l of located) {
    const { record } = l;
    if (record.healthCheckId && !healthCheckIds.has(record.healthCheckId)) {
      report('error', [...l.path, 'HealthCheckId'], `no AWS::Route53::HealthCheck in this scenario has id "${record.healthCheckId}"; use !Ref <HealthCheck>`, {
        code: 'route53.healthCheckNotFound',
        params: { id: record.healthCheckId },
      });
    }
    if (record.aliasTarget) checkAlias(l, groupsInZone.get(l.zone.id) ?? new Set(), loadBalancers, report);
  }

  for (const check of healthChecks) {
    const config = (check.properties as { HealthCheckConfig: HealthCheckConfig }).HealthCheckConfig;
    const path = ['Resources', check.logicalId, 'Properties', 'HealthCheckConfig'];
    (config.ChildHealthChecks ?? []).forEach((child, index) => {
      if (!healthCheckIds.has(child)) report('error', [...path, 'ChildHealthChecks', index], `no AWS::Route53::HealthCheck in this scenario has id "${child}"`, { code: 'route53.childHealthCheckNotFound', params: { id: child } });
    });
    if (config.Type === 'CLOUDWATCH_METRIC' || config.Type === 'RECOVERY_CONTROL') {
      report('warning', [...path, 'Type'], `${config.Type} health checks are not simulated; ${check.logicalId} stays Healthy`, { code: 'route53.healthCheckTypeNotSimulated', params: { type: config.Type, logicalId: check.logicalId } });
    }
    if (config.FullyQualifiedDomainName && !config.IPAddress) {
      const name = withoutDualstack(config.FullyQualifiedDomainName);
      const known = loadBalancers.some((lb) => normalizeName(lb.dnsName) === name) || located.some((l) => !l.zone.privateZone && normalizeName(l.record.name) === name);
      if (!known) {
        report('warning', [...path, 'FullyQualifiedDomainName'], `${config.FullyQualifiedDomainName} is not a load balancer or record in this scenario; its probes always succeed`, {
          code: 'route53.healthCheckNameUnknown',
          params: { name: config.FullyQualifiedDomainName },
        });
      }
    }
    if (config.IPAddress) {
      const known = loadBalancers.some((lb) => lb.addresses.includes(config.IPAddress!) || lb.ipv6Addresses.includes(config.IPAddress!)) || located.some((l) => l.record.resourceRecords.includes(config.IPAddress!));
      if (!known) report('warning', [...path, 'IPAddress'], `${config.IPAddress} is not an address of this scenario; its probes always succeed`, { code: 'route53.healthCheckAddressUnknown', params: { address: config.IPAddress } });
    }
  }

  const publicNames = new Map<string, string>();
  for (const zone of zones.filter((z) => !z.privateZone)) {
    const other = publicNames.get(zone.name);
    if (other) {
      report('warning', ['Resources', zone.logicalId, 'Properties', 'Name'], `${other} is also a public hosted zone for ${zone.name}; the DNS trace answers from ${other}, as only one can be delegated to`, {
        code: 'route53.zoneDuplicate',
        params: { other, zone: zone.name },
      });
    }
    else publicNames.set(zone.name, zone.logicalId);
  }
}

function checkAlias(l: LocatedRecordSet, namesInZone: Set<string>, loadBalancers: ReturnType<typeof aliasLoadBalancers>, report: Route53Report): void {
  const alias = l.record.aliasTarget!;
  const path = [...l.path, 'AliasTarget'];
  const target = normalizeName(alias.dnsName);
  if (alias.hostedZoneId === l.zone.id) {
    if (!isInZone(target, l.zone.name) || !namesInZone.has(groupKey(target, l.record.type))) {
      report('error', [...path, 'DNSName'], `Tried to create an alias that targets ${target}, type ${l.record.type} in zone ${l.zone.id}, but that target was not found`, {
        code: 'route53.aliasTargetNotFound',
        params: { target, type: l.record.type, zone: l.zone.id },
      });
    }
    return;
  }
  const lb = loadBalancers.find((candidate) => normalizeName(candidate.dnsName) === withoutDualstack(target));
  if (lb) {
    if (alias.hostedZoneId !== lb.canonicalHostedZoneId) {
      report('error', [...path, 'HostedZoneId'], `Tried to create an alias that targets ${target}, type ${l.record.type} in zone ${alias.hostedZoneId}, but the alias target name does not lie within the target zone (load balancers in ${lb.region} are in ${lb.canonicalHostedZoneId}; use !GetAtt ${lb.logicalId}.CanonicalHostedZoneID)`, {
        code: 'route53.aliasTargetWrongZone',
        params: { target, type: l.record.type, zone: alias.hostedZoneId, region: lb.region, canonical: lb.canonicalHostedZoneId, logicalId: lb.logicalId },
      });
    }
    if (l.record.type !== 'A' && l.record.type !== 'AAAA') report('error', path, `an alias to a load balancer has type A or AAAA, not ${l.record.type}`, { code: 'route53.aliasWrongType', params: { type: l.record.type } });
    // LBA-5: the load balancer's name has no records of this family, so the alias answers nothing.
    if (l.record.type === 'AAAA' && lb.ipAddressType === 'ipv4') {
      report('warning', [...path, 'DNSName'], `AAAA alias ${l.record.name} points to load balancer ${lb.name}, whose IpAddressType is ipv4: AAAA queries get no data (NOERROR, no records) until it is dualstack`, {
        code: 'route53.aliasAaaaToIpv4LoadBalancer',
        params: { name: l.record.name, loadBalancer: lb.name },
      });
    }
    if (l.record.type === 'A' && lb.ipAddressType === 'dualstack-without-public-ipv4') {
      report('warning', [...path, 'DNSName'], `A alias ${l.record.name} points to load balancer ${lb.name}, whose IpAddressType is dualstack-without-public-ipv4 (no public IPv4): A queries get no data`, {
        code: 'route53.aliasAToIpv6OnlyLoadBalancer',
        params: { name: l.record.name, loadBalancer: lb.name },
      });
    }
    return;
  }
  report('warning', [...path, 'DNSName'], `alias target ${target} (zone ${alias.hostedZoneId}) is not a load balancer or a record in this scenario; the simulator answers nothing for it`, {
    code: 'route53.aliasTargetUnknown',
    params: { target, zone: alias.hostedZoneId },
  });
}
