/** Record sets and resolver contexts for the Route 53 tests, written the way ListResourceRecordSets returns them. */
import type { ClientLocation } from '../../../../src-main/core/contract/model-dns';
import type { ResourceRecordSet } from '../../../../src-main/core/contract/model-route53';
import { routingPolicyOf } from '../../../../src-main/core/route53/record-groups';
import type { AliasTarget, AliasTargetState, RandomSource, ResolverContext } from '../../../../src-main/core/route53/resolver';

export const ZONE = { id: 'Z0EXAMPLE0000000001', name: 'example.com.' };

type Input = Partial<ResourceRecordSet> & { name: string };

/** A record set in ZONE; type A, TTL 60 and the routing policy derived from the fields unless given. */
export function rrset(input: Input): ResourceRecordSet {
  const record = { hostedZoneId: ZONE.id, type: 'A', resourceRecords: [], ...input } as ResourceRecordSet;
  if (!record.aliasTarget && record.ttl === undefined) record.ttl = 60;
  record.routingPolicy = input.routingPolicy ?? routingPolicyOf(record);
  return record;
}

export const weighted = (id: string, weight: number, value: string, extra: Partial<ResourceRecordSet> = {}) =>
  rrset({ name: 'www.example.com', setIdentifier: id, weight, resourceRecords: [value], ...extra });

export const alb = (dnsName: string, evaluateTargetHealth = true): AliasTarget => ({ hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName, evaluateTargetHealth });

export interface ContextOptions {
  client?: ClientLocation;
  unhealthy?: readonly string[];
  latency?: Record<string, number>;
  targets?: Record<string, Partial<AliasTargetState> & { healthy: boolean }>;
}

export function context(recordSets: ResourceRecordSet[], options: ContextOptions = {}): ResolverContext {
  const unhealthy = new Set(options.unhealthy ?? []);
  return {
    zone: ZONE,
    recordSets,
    client: options.client ?? { continentCode: 'EU', countryCode: 'DE' },
    latency: options.latency ?? {},
    health: {
      healthCheck: (id) => !unhealthy.has(id),
      aliasTarget: (target) => {
        const known = options.targets?.[target.dnsName];
        if (!known) return undefined;
        return { values: [`addr-of-${target.dnsName}`], ttl: 60, description: `ALB ${target.dnsName}`, ...known };
      },
    },
  };
}

/** Replays fixed draws, so a test can say which record a draw lands on. */
export function fixedRandom(...draws: number[]): RandomSource {
  let i = 0;
  return { next: () => draws[i++ % draws.length]! };
}
