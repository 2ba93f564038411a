/**
 * The first-run guide on the Overview (issue 15): what a new user is looking at and three things to
 * try. Dismissed once, it stays hidden on this machine (localStorage, like the other preferences).
 */
import type { Inventory } from '@contract';
import { readSetting, writeSetting } from '@/utils/local-setting';

export const GUIDE_SETTING = 'flightdeck.firstRunGuide';

export function isGuideDismissed(): boolean {
  return readSetting(GUIDE_SETTING) === 'dismissed';
}

export function dismissGuide(): void {
  writeSetting(GUIDE_SETTING, 'dismissed');
}

/**
 * The services this scenario has, by their AWS names (the same in every language), in the Overview's
 * order: the guide says what is there, not what the default scenario has (scale-1000 has no Route 53,
 * RDS or Lambda).
 */
export function servicesPresent(inventory: Inventory): string[] {
  const present: [boolean, string][] = [
    [inventory.hostedZones.length > 0, 'Route 53'],
    [inventory.loadBalancers.length > 0, 'Application Load Balancer'],
    [inventory.autoScalingGroups.length > 0, 'Auto Scaling'],
    [inventory.dbInstances.length > 0, 'RDS'],
    [inventory.lambdaFunctions.length > 0, 'Lambda'],
  ];
  return present.filter(([has]) => has).map(([, name]) => name);
}

/** A name worth tracing: a failover or weighted record first (their answers depend on health), else any A/AAAA/CNAME. */
export function nameToTrace(inventory: Inventory): string | undefined {
  const candidates = inventory.recordSets.filter((r) => r.type === 'A' || r.type === 'AAAA' || r.type === 'CNAME');
  const interesting = candidates.find((r) => r.routingPolicy === 'failover' || r.routingPolicy === 'weighted') ?? candidates[0];
  return interesting?.name;
}

/** A read replica that can be promoted now (RDS refuses unless it is available). */
export function replicaToPromote(inventory: Inventory): string | undefined {
  const replicas = inventory.dbInstances.filter((db) => db.readReplicaSourceDBInstanceIdentifier);
  return (replicas.find((db) => db.dbInstanceStatus === 'available') ?? replicas[0])?.dbInstanceIdentifier;
}
