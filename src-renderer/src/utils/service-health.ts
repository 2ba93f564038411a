/**
 * Health per service at a glance, from the inventory alone, in the app's tone vocabulary.
 * Each summary says what is wrong in numbers an operator checks first.
 */
import type { AutoScalingGroup, DbInstance, HealthCheck, Inventory, MetricAlarm, TargetGroup } from '@contract';
import { countTargetHealth } from '@/stores/inventory';
import type { Tone } from './tone';

export function targetGroupTone(group: TargetGroup): Tone {
  const counts = countTargetHealth([group]);
  if (counts.total === 0) return 'neutral';
  if (counts.healthy === 0) return 'bad';
  if (counts.unhealthy > 0) return 'warn';
  if (counts.other > 0) return 'info';
  return 'ok';
}

export function inService(group: AutoScalingGroup): number {
  return group.instances.filter((instance) => instance.lifecycleState === 'InService').length;
}

export function autoScalingGroupTone(group: AutoScalingGroup): Tone {
  const serving = inService(group);
  if (group.desiredCapacity > 0 && serving === 0) return 'bad';
  if (serving < group.desiredCapacity) return 'warn';
  if (group.instances.some((instance) => instance.healthStatus === 'Unhealthy')) return 'warn';
  return 'ok';
}

export function dbInstanceTone(db: DbInstance): Tone {
  const status = db.dbInstanceStatus;
  if (status === 'available') return db.replicaLagSeconds !== undefined && db.replicaLagSeconds > 30 ? 'warn' : 'ok';
  if (['failed', 'inaccessible-encryption-credentials', 'incompatible-restore', 'storage-full', 'stopped'].includes(status)) return 'bad';
  return 'info';
}

export function healthCheckTone(check: HealthCheck): Tone {
  return check.status === 'Healthy' ? 'ok' : check.status === 'Unhealthy' ? 'bad' : 'neutral';
}

export function alarmTone(alarm: Pick<MetricAlarm, 'stateValue'>): Tone {
  return alarm.stateValue === 'ALARM' ? 'bad' : alarm.stateValue === 'OK' ? 'ok' : 'neutral';
}

export function worst(tones: readonly Tone[]): Tone {
  const order: Tone[] = ['bad', 'warn', 'info', 'ok', 'neutral'];
  for (const tone of order) if (tones.includes(tone)) return tone;
  return 'neutral';
}

export type ServiceKey = 'elbv2' | 'autoscaling' | 'route53' | 'rds' | 'lambda' | 'cloudwatch';

export interface ServiceHealth {
  service: ServiceKey;
  route: string;
  tone: Tone;
  /** How many resources of this kind; 0 means "not in this scenario/account". */
  total: number;
  /** Numbers for the summary message. */
  counts: Record<string, number>;
}

export function serviceHealth(inventory: Inventory): ServiceHealth[] {
  const targets = countTargetHealth(inventory.targetGroups);
  const lbBad = inventory.loadBalancers.filter((lb) => lb.state !== 'active').length;
  const groups = inventory.autoScalingGroups;
  const checks = inventory.healthChecks;
  const dbs = inventory.dbInstances;
  const alarmsInAlarm = inventory.alarms.filter((alarm) => alarm.stateValue === 'ALARM').length;
  return [
    {
      service: 'elbv2',
      route: 'load-balancers',
      total: inventory.loadBalancers.length,
      tone: inventory.loadBalancers.length === 0 ? 'neutral' : worst([lbBad > 0 ? 'warn' : 'ok', ...inventory.targetGroups.map(targetGroupTone)]),
      counts: { loadBalancers: inventory.loadBalancers.length, healthy: targets.healthy, unhealthy: targets.unhealthy, total: targets.total },
    },
    {
      service: 'autoscaling',
      route: 'auto-scaling',
      total: groups.length,
      tone: groups.length === 0 ? 'neutral' : worst(groups.map(autoScalingGroupTone)),
      counts: { groups: groups.length, inService: groups.reduce((sum, g) => sum + inService(g), 0), desired: groups.reduce((sum, g) => sum + g.desiredCapacity, 0) },
    },
    {
      service: 'route53',
      route: 'route53',
      total: inventory.hostedZones.length,
      tone: inventory.hostedZones.length === 0 ? 'neutral' : worst(['ok', ...checks.map(healthCheckTone).filter((tone) => tone !== 'neutral')]),
      counts: { zones: inventory.hostedZones.length, records: inventory.recordSets.length, unhealthy: checks.filter((c) => c.status === 'Unhealthy').length, checks: checks.length },
    },
    {
      service: 'rds',
      route: 'rds',
      total: dbs.length,
      tone: dbs.length === 0 ? 'neutral' : worst(dbs.map(dbInstanceTone)),
      counts: { instances: dbs.length, available: dbs.filter((db) => db.dbInstanceStatus === 'available').length, replicas: dbs.filter((db) => db.readReplicaSourceDBInstanceIdentifier).length },
    },
    {
      service: 'lambda',
      route: 'lambda',
      total: inventory.lambdaFunctions.length,
      tone: inventory.lambdaFunctions.length === 0 ? 'neutral' : worst(inventory.lambdaFunctions.map((fn) => (fn.reservedConcurrentExecutions === 0 ? 'warn' : fn.state && fn.state !== 'Active' ? 'info' : 'ok'))),
      counts: { functions: inventory.lambdaFunctions.length, throttled: inventory.lambdaFunctions.filter((fn) => fn.reservedConcurrentExecutions === 0).length },
    },
    {
      service: 'cloudwatch',
      route: 'auto-scaling',
      total: inventory.alarms.length,
      // An alarm in ALARM is often a scaling trigger doing its job (target tracking), so 'warn', not 'bad'.
      tone: inventory.alarms.length === 0 ? 'neutral' : alarmsInAlarm > 0 ? 'warn' : 'ok',
      counts: { alarms: inventory.alarms.length, inAlarm: alarmsInAlarm },
    },
  ];
}
