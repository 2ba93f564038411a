/**
 * A stable owner for MetricStore.putFor when one target group has several series of one metric (by
 * TargetGroup alone, or per load balancer it is attached to): the store caches a series per owner and
 * name, and building the dimension key on every put costs more than the put (issue 15 item 6). Shared
 * by serving (alb-service.ts) and the health checks' host counts (target-health.ts).
 */
import type { SimTargetGroup } from './alb-state';

const owners = new WeakMap<SimTargetGroup, Map<string, object>>();

export function seriesOwner(group: SimTargetGroup, qualifier: string): object {
  let byQualifier = owners.get(group);
  if (!byQualifier) owners.set(group, (byQualifier = new Map()));
  let owner = byQualifier.get(qualifier);
  if (!owner) byQualifier.set(qualifier, (owner = {}));
  return owner;
}
