/**
 * Loaded CloudFormation resources → the simulator's Route 53 state at t = 0: hosted zones with their
 * delegation sets, every record set (the NS and SOA Route 53 creates with a zone included, R53-8),
 * the health checks in their initial state, and the load balancers alias records can point to.
 */
import type { ResourceRecordSet } from '../../../contract/model-route53';
import { normalizeName, withoutDualstack } from '../../../route53/names';
import { NS_TTL, SOA_TTL, soaValue } from '../../../route53/name-servers';
import type { LoadedResource } from '../scenario/loaded-resource';
import { ALB_HOSTED_ZONE_IDS, loadBalancerDnsName } from '../scenario/resource-types';
import { DEFAULT_FAILURE_THRESHOLD, DEFAULT_REQUEST_INTERVAL_SECONDS, initialHealthChecks, type HealthCheckDefinition, type HealthChecksState } from './health-checks';
import { toRecordSet, type CfnRecordSet } from './records';
import { nameServersOf } from './resource-types';

export interface SimHostedZone {
  id: string;
  logicalId: string;
  /** Fully qualified, with the trailing dot. */
  name: string;
  privateZone: boolean;
  /** Without trailing dots, as GetHostedZone's DelegationSet lists them. */
  nameServers: string[];
  comment?: string;
}

/** A load balancer as an alias target: what its name resolves to and where it is. */
export interface SimAliasLoadBalancer {
  logicalId: string;
  arn: string;
  name: string;
  /** Lowercase, without the trailing dot (as DescribeLoadBalancers returns DNSName). */
  dnsName: string;
  region: string;
  canonicalHostedZoneId: string;
  /** One address per load balancer node (one node per AZ). */
  addresses: string[];
  /** LBA-1/LBA-5: which of the two families its DNS name answers (A, AAAA or both). */
  ipAddressType: 'ipv4' | 'dualstack' | 'dualstack-without-public-ipv4';
  /** LBA-6: one IPv6 address per node; answered (AAAA) only when not ipv4. */
  ipv6Addresses: string[];
}

export interface Route53State {
  zones: SimHostedZone[];
  /** Every zone's record sets, zone by zone, NS and SOA first as ListResourceRecordSets lists them. */
  recordSets: ResourceRecordSet[];
  healthChecks: HealthChecksState;
  loadBalancers: SimAliasLoadBalancer[];
}

const ALB_NODES = 3;
/** ELB answers with a 60-second TTL (API_ResourceRecordSet.html, TTL). */
export const LOAD_BALANCER_TTL = 60;

/**
 * Load balancer node addresses, from the three documentation ranges of RFC 5737 so they can never
 * be mistaken for real ones: three per load balancer, assigned in the scenario's order.
 */
function nodeAddresses(index: number): string[] {
  const blocks = ['192.0.2', '198.51.100', '203.0.113'];
  return Array.from({ length: ALB_NODES }, (_, node) => {
    const n = index * ALB_NODES + node;
    return `${blocks[Math.floor(n / 240) % blocks.length]}.${10 + (n % 240)}`;
  });
}

/**
 * LBA-6: IPv6 node addresses from the documentation prefix 2001:db8::/32 (RFC 3849), one /48 per
 * load balancer in the scenario's order: 2001:db8:1::1, ::2, ::3 for the first.
 */
function nodeIpv6Addresses(index: number): string[] {
  return Array.from({ length: ALB_NODES }, (_, node) => `2001:db8:${((index % 0xffff) + 1).toString(16)}::${(node + 1).toString(16)}`);
}

export function aliasLoadBalancers(resources: readonly LoadedResource[]): SimAliasLoadBalancer[] {
  return resources
    .filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer')
    .map((r, index) => ({
      logicalId: r.logicalId,
      arn: r.ref,
      name: r.identity.name,
      dnsName: loadBalancerDnsName(r.identity),
      region: r.identity.region,
      canonicalHostedZoneId: ALB_HOSTED_ZONE_IDS[r.identity.region] ?? 'Z35SXDOTRQ7X7K',
      addresses: nodeAddresses(index),
      ipAddressType: ((r.properties as { IpAddressType?: SimAliasLoadBalancer['ipAddressType'] }).IpAddressType ?? 'ipv4'),
      ipv6Addresses: nodeIpv6Addresses(index),
    }));
}

/**
 * LBA-5: what the load balancer's DNS name answers for a record type. ipv4: A only (an AAAA query
 * gets NOERROR and no records); dualstack: A and AAAA; dualstack-without-public-ipv4: public IPv6
 * only, so AAAA only (our reading of "IPv6 only public addresses"). load-balancer-ip-address-type.html
 */
export function loadBalancerAnswers(lb: Pick<SimAliasLoadBalancer, 'ipAddressType' | 'addresses' | 'ipv6Addresses'>, type: string): string[] {
  const qtype = type.toUpperCase();
  if (qtype === 'A') return lb.ipAddressType === 'dualstack-without-public-ipv4' ? [] : [...lb.addresses];
  if (qtype === 'AAAA') return lb.ipAddressType === 'ipv4' ? [] : [...lb.ipv6Addresses];
  return [];
}

export function findLoadBalancer(state: Pick<Route53State, 'loadBalancers'>, dnsName: string): SimAliasLoadBalancer | undefined {
  const wanted = withoutDualstack(dnsName);
  return state.loadBalancers.find((lb) => normalizeName(lb.dnsName) === wanted);
}

interface ZoneProps {
  Name: string;
  HostedZoneConfig?: { Comment?: string };
  VPCs?: { VPCId: string; VPCRegion: string }[];
}

/** The zone a record set or group refers to, by id or by name (public zones first, as CloudFormation would need them unambiguous). */
export function zoneFor(zones: readonly SimHostedZone[], reference: { HostedZoneId?: string; HostedZoneName?: string }): SimHostedZone | undefined {
  if (reference.HostedZoneId) {
    const id = reference.HostedZoneId.replace(/^\/hostedzone\//, '');
    return zones.find((z) => z.id === id);
  }
  if (reference.HostedZoneName) {
    const name = normalizeName(reference.HostedZoneName);
    return zones.find((z) => z.name === name && !z.privateZone) ?? zones.find((z) => z.name === name);
  }
  return undefined;
}

export function hostedZones(resources: readonly LoadedResource[]): SimHostedZone[] {
  return resources
    .filter((r) => r.type === 'AWS::Route53::HostedZone')
    .map((r) => {
      const p = r.properties as unknown as ZoneProps;
      return {
        id: r.ref,
        logicalId: r.logicalId,
        name: normalizeName(p.Name),
        privateZone: (p.VPCs?.length ?? 0) > 0,
        nameServers: nameServersOf(r.identity),
        ...(p.HostedZoneConfig?.Comment ? { comment: p.HostedZoneConfig.Comment } : {}),
      };
    });
}

/** Each record set of the scenario with the resource (and RecordSetGroup index) it came from. */
export interface LocatedRecordSet {
  record: ResourceRecordSet;
  zone: SimHostedZone;
  logicalId: string;
  /** Path of the record set's properties in the file: `Resources.X.Properties` or `…Properties.RecordSets[2]`. */
  path: (string | number)[];
}

type ZoneReference = { HostedZoneId?: string; HostedZoneName?: string };

/** Every record set written in the scenario whose zone exists, with where it came from. */
export function locatedRecordSets(resources: readonly LoadedResource[], zones: readonly SimHostedZone[]): LocatedRecordSet[] {
  const out: LocatedRecordSet[] = [];
  for (const resource of resources) {
    const base: (string | number)[] = ['Resources', resource.logicalId, 'Properties'];
    if (resource.type === 'AWS::Route53::RecordSet') {
      const p = resource.properties as unknown as CfnRecordSet & ZoneReference;
      const zone = zoneFor(zones, p);
      if (zone) out.push({ record: toRecordSet(p, zone.id), zone, logicalId: resource.logicalId, path: base });
    } else if (resource.type === 'AWS::Route53::RecordSetGroup') {
      const p = resource.properties as unknown as ZoneReference & { RecordSets: CfnRecordSet[] };
      const zone = zoneFor(zones, p);
      if (zone) p.RecordSets.forEach((set, index) => out.push({ record: toRecordSet(set, zone.id), zone, logicalId: resource.logicalId, path: [...base, 'RecordSets', index] }));
    }
  }
  return out;
}

/** The NS and SOA record sets Route 53 creates with every hosted zone (R53-8). */
export function zoneApexRecords(zone: SimHostedZone): ResourceRecordSet[] {
  return [
    { hostedZoneId: zone.id, name: zone.name, type: 'NS', ttl: NS_TTL, resourceRecords: zone.nameServers.map((ns) => `${ns}.`), routingPolicy: 'simple' },
    { hostedZoneId: zone.id, name: zone.name, type: 'SOA', ttl: SOA_TTL, resourceRecords: [soaValue(zone.nameServers)], routingPolicy: 'simple' },
  ];
}

interface HealthCheckProps {
  HealthCheckConfig: {
    Type: HealthCheckDefinition['type'];
    FullyQualifiedDomainName?: string;
    IPAddress?: string;
    Port?: number;
    ResourcePath?: string;
    RequestInterval?: number;
    FailureThreshold?: number;
    Inverted?: boolean;
    Disabled?: boolean;
    Regions?: string[];
    ChildHealthChecks?: string[];
    HealthThreshold?: number;
  };
}

export function healthCheckDefinitions(resources: readonly LoadedResource[]): HealthCheckDefinition[] {
  return resources
    .filter((r) => r.type === 'AWS::Route53::HealthCheck')
    .map((r) => {
      const c = (r.properties as unknown as HealthCheckProps).HealthCheckConfig;
      const defaultPort = c.Type.startsWith('HTTPS') ? 443 : c.Type.startsWith('HTTP') ? 80 : undefined;
      const port = c.Port ?? defaultPort;
      return {
        id: r.ref,
        logicalId: r.logicalId,
        type: c.Type,
        ...(c.FullyQualifiedDomainName ? { fullyQualifiedDomainName: c.FullyQualifiedDomainName } : {}),
        ...(c.IPAddress ? { ipAddress: c.IPAddress } : {}),
        ...(port !== undefined && c.Type !== 'CALCULATED' ? { port } : {}),
        ...(c.ResourcePath ? { resourcePath: c.ResourcePath } : {}),
        requestIntervalSeconds: c.RequestInterval ?? DEFAULT_REQUEST_INTERVAL_SECONDS,
        failureThreshold: c.FailureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
        inverted: c.Inverted ?? false,
        disabled: c.Disabled ?? false,
        regions: c.Regions ?? [],
        childHealthChecks: c.ChildHealthChecks ?? [],
        ...(c.HealthThreshold !== undefined ? { healthThreshold: c.HealthThreshold } : {}),
      };
    });
}

export function buildRoute53(resources: readonly LoadedResource[]): Route53State {
  const zones = hostedZones(resources);
  const located = locatedRecordSets(resources, zones);
  const recordSets = zones.flatMap((zone) => [...zoneApexRecords(zone), ...located.filter((l) => l.zone === zone).map((l) => l.record)]);
  return {
    zones,
    recordSets,
    healthChecks: initialHealthChecks(healthCheckDefinitions(resources)),
    loadBalancers: aliasLoadBalancers(resources),
  };
}
