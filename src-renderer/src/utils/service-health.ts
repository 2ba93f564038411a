/**
 * A resource's state as its own fields show it, in the app's tone vocabulary: badges in tables
 * (health-check status, alarm state) and a first guess before core's verdicts arrive. Health
 * verdicts — with thresholds, metrics and reasons — come from core (stores/health), not from here.
 */
import { countInstances, type AutoScalingGroup, type DbInstance, type HealthCheck, type MetricAlarm, type TargetGroup } from '@contract';
import { countTargetHealth, type TargetHealthCounts } from '@/stores/inventory';
import type { Tone } from './tone';

export function targetGroupTone(group: TargetGroup): Tone {
  const counts = countTargetHealth([group]);
  if (counts.total === 0) return 'neutral';
  // Health checks off (LTG-1): nothing says healthy or unhealthy; core's verdict judges the group.
  if (counts.unchecked === counts.total) return 'neutral';
  if (counts.healthy === 0) return 'bad';
  if (counts.unhealthy > 0) return 'warn';
  if (counts.other > 0) return 'info';
  return 'ok';
}

/**
 * A target group's count as a node shows it: "3/4" healthy of all; targets nothing checks (health
 * checks off, LTG-1) are not counted healthy but named apart: "1 not checked".
 */
export function targetCountDetail(counts: TargetHealthCounts, notChecked: (count: number) => string): string {
  if (counts.unchecked === 0) return `${counts.healthy}/${counts.total}`;
  if (counts.unchecked === counts.total) return notChecked(counts.unchecked);
  return `${counts.healthy}/${counts.total - counts.unchecked} · ${notChecked(counts.unchecked)}`;
}

/** From the host's counts: a window gets a group's instances only while it lists them (contract/member-counts.ts). */
export function inService(group: AutoScalingGroup): number {
  return (group.instanceCounts ?? countInstances(group.instances)).inService;
}

export function autoScalingGroupTone(group: AutoScalingGroup): Tone {
  const serving = inService(group);
  if (group.desiredCapacity > 0 && serving === 0) return 'bad';
  if (serving < group.desiredCapacity) return 'warn';
  if ((group.instanceCounts ?? countInstances(group.instances)).unhealthy > 0) return 'warn';
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
