/**
 * CloudFormation record-set properties (AWS::Route53::RecordSet, and each entry of a
 * RecordSetGroup's RecordSets) → the contract's ResourceRecordSet, shaped as ListResourceRecordSets
 * returns it: fully qualified names with the trailing dot, types in capitals.
 */
import type { ResourceRecordSet } from '../../../contract/model-route53';
import { normalizeName } from '../../../route53/names';
import { routingPolicyOf } from '../../../route53/record-groups';

export interface CfnRecordSet {
  Name: string;
  Type: string;
  TTL?: number;
  ResourceRecords?: string[];
  SetIdentifier?: string;
  Weight?: number;
  Region?: string;
  GeoLocation?: { ContinentCode?: string; CountryCode?: string; SubdivisionCode?: string };
  Failover?: 'PRIMARY' | 'SECONDARY';
  MultiValueAnswer?: boolean;
  HealthCheckId?: string;
  AliasTarget?: { DNSName: string; HostedZoneId: string; EvaluateTargetHealth?: boolean };
  Comment?: string;
}

/** The record set's fields without its zone and derived policy (what validation needs). */
export function toRecordFields(p: CfnRecordSet): Omit<ResourceRecordSet, 'hostedZoneId' | 'routingPolicy'> {
  const geo = p.GeoLocation;
  return {
    name: normalizeName(p.Name ?? ''),
    type: (p.Type ?? '').toUpperCase(),
    ...(p.TTL !== undefined ? { ttl: p.TTL } : {}),
    ...(p.SetIdentifier !== undefined ? { setIdentifier: p.SetIdentifier } : {}),
    ...(p.Weight !== undefined ? { weight: p.Weight } : {}),
    ...(p.Region !== undefined ? { region: p.Region } : {}),
    ...(geo
      ? {
          geoLocation: {
            ...(geo.ContinentCode ? { continentCode: geo.ContinentCode } : {}),
            ...(geo.CountryCode ? { countryCode: geo.CountryCode } : {}),
            ...(geo.SubdivisionCode ? { subdivisionCode: geo.SubdivisionCode } : {}),
          },
        }
      : {}),
    ...(p.Failover !== undefined ? { failover: p.Failover } : {}),
    ...(p.MultiValueAnswer !== undefined ? { multiValueAnswer: p.MultiValueAnswer } : {}),
    ...(p.HealthCheckId !== undefined ? { healthCheckId: p.HealthCheckId } : {}),
    resourceRecords: (p.ResourceRecords ?? []).map(String),
    ...(p.AliasTarget
      ? { aliasTarget: { hostedZoneId: p.AliasTarget.HostedZoneId.replace(/^\/hostedzone\//, ''), dnsName: normalizeName(p.AliasTarget.DNSName), evaluateTargetHealth: p.AliasTarget.EvaluateTargetHealth ?? false } }
      : {}),
  };
}

export function toRecordSet(p: CfnRecordSet, hostedZoneId: string): ResourceRecordSet {
  const fields = toRecordFields(p);
  return { hostedZoneId, ...fields, routingPolicy: routingPolicyOf(fields) };
}
