/**
 * RDS: causes before effects. During a Multi-AZ failover of a source (RDS-1) its read replicas stop
 * replicating (ReplicaLag −1, RDS-3); the verdict leads with the failover and attributes the
 * replicas' stop to it, never the other way round.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, Inventory, type RdsEvent } from '@main/core/contract/model';
import { evaluateHealth } from '@main/core/health';
import { HealthTimeline } from '../../../helpers/health-timeline';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const db = (part: Record<string, unknown>) => ({ dbInstanceIdentifier: 'shop-db', dbInstanceClass: 'db.r6g.large', engine: 'mysql', dbInstanceStatus: 'available', multiAZ: true, readReplicaDBInstanceIdentifiers: [], backupRetentionPeriod: 7, ...part });
const replica = (id: string, part: Record<string, unknown> = {}) => db({ dbInstanceIdentifier: id, multiAZ: false, readReplicaSourceDBInstanceIdentifier: 'shop-db', replicaLagSeconds: -1, ...part });
const started: RdsEvent = { sourceIdentifier: 'shop-db', sourceType: 'db-instance', date: '2026-11-20T14:59:20Z', message: 'A Multi-AZ failover that resulted in the promotion of a standby instance has started.', eventCategories: ['failover'], eventId: 'RDS-EVENT-0013' };

function rds(dbs: unknown[], rdsEvents: RdsEvent[] = []) {
  const inventory = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [], dbInstances: dbs });
  const report = evaluateHealth({ now: NOW, inventory, metrics: [], scalingActivities: [], rdsEvents, datasets: {}, thresholds: DEFAULT_HEALTH_THRESHOLDS });
  return { service: report.services.find((s) => s.service === 'rds')!, resource: (id: string) => report.resources.find((r) => r.kind === 'dbInstance' && r.id === id)! };
}

describe('RDS: the cause first, its effects attributed to it', () => {
  // The replicas come first in the inventory, as DescribeDBInstances may list them.
  const primary = db({ dbInstanceStatus: 'rebooting', readReplicaDBInstanceIdentifiers: ['shop-db-replica-1', 'shop-db-replica-2'] });

  it('RDS-1: a Multi-AZ failover leads the tile; the replicas stopped because of it say so and are no worse than it', () => {
    const { service, resource } = rds([replica('shop-db-replica-1'), replica('shop-db-replica-2'), primary], [started]);
    expect(service.reasons.map((r) => [r.code, r.subject])).toEqual([
      ['db.failover', 'shop-db'],
      ['db.replicationSourceFailover', 'shop-db-replica-1'],
      ['db.replicationSourceFailover', 'shop-db-replica-2'],
    ]);
    expect(service.status).toBe('degraded');
    expect(resource('shop-db-replica-1')).toMatchObject({ status: 'degraded', reasons: [{ code: 'db.replicationSourceFailover', params: { source: 'shop-db' } }] });
  });

  it('a source that failed: its replicas stopping is an effect, listed after it (both Failing)', () => {
    const { service } = rds([replica('shop-db-replica-1'), db({ dbInstanceStatus: 'failed' })]);
    expect(service.status).toBe('failing');
    expect(service.reasons.map((r) => r.code)).toEqual(['db.notAvailable', 'db.replicationSourceDown']);
    expect(service.reasons[1]).toMatchObject({ status: 'failing', params: { source: 'shop-db', sourceStatus: 'failed' } });
  });

  it('just after the failover completed, a replica still reading ReplicaLag −1 is resuming, not stopped', () => {
    const done = { ...started, date: '2026-11-20T14:59:50Z', eventId: 'RDS-EVENT-0049', message: 'A Multi-AZ failover has completed.' };
    const { service } = rds([replica('shop-db-replica-1'), db({})], [started, done]);
    expect(service.reasons).toEqual([expect.objectContaining({ code: 'db.replicationResuming', status: 'degraded', params: { source: 'shop-db' } })]);
  });

  it('replication stopped while its source is available has no cause to point to: Failing, as before', () => {
    const { service } = rds([replica('shop-db-replica-1'), db({})]);
    expect(service.reasons).toEqual([expect.objectContaining({ code: 'db.replicationStopped', status: 'failing', subject: 'shop-db-replica-1', params: { source: 'shop-db' } })]);
  });
});

describe('shop: "Fail a DB instance" shop-db in the simulator (RDS-1 Multi-AZ failover)', () => {
  it('while the failover runs, the tile leads with it and no replica outranks it; after it, RDS is OK again', () => {
    const run = new HealthTimeline('shop').at(45);
    run.inject('FailDBInstance', { DBInstanceIdentifier: 'shop-db' });
    let sawFailover = false;
    for (let seconds = 5; seconds <= 180; seconds += 5) {
      run.at(45 + seconds / 60);
      const service = run.service('rds');
      if (service.reasons.length === 0) continue;
      const codes = service.reasons.map((r) => r.code);
      // While the failover runs it leads; once it is over, the replicas say their source just came back.
      if (codes.includes('db.failover')) {
        sawFailover = true;
        expect(service.reasons[0], `${seconds} s\n${run.describe()}`).toMatchObject({ code: 'db.failover', subject: 'shop-db' });
      } else expect(codes.every((code) => code === 'db.replicationResuming'), `${seconds} s\n${run.describe()}`).toBe(true);
      expect(service.status, `${seconds} s\n${run.describe()}`).toBe('degraded');
      expect(codes, `${seconds} s\n${run.describe()}`).not.toContain('db.replicationStopped');
    }
    expect(sawFailover).toBe(true);
    run.at(50);
    expect(run.service('rds').status, run.describe()).toBe('ok');
  });
});

describe('RDS: a replica whose ReplicaLag stopped being published', () => {
  it('is Unknown, not Healthy, naming the last value and when it was (AWS mode keeps an old point apart)', () => {
    const { resource } = rds([db({ readReplicaDBInstanceIdentifiers: ['orders-r1'] }), replica('orders-r1', { replicaLagSeconds: undefined, staleReplicaLag: { seconds: 4, time: '2026-11-20T14:41:00Z' } })]);
    expect(resource('orders-r1')).toMatchObject({ status: 'unknown', reasons: [{ code: 'db.replicaLagStale', status: 'unknown', params: { seconds: 4, since: '2026-11-20T14:41:00Z' } }] });
  });

  it('a replica never measured yet stays as before (no datapoint is not a stopped one)', () => {
    const { resource } = rds([db({ readReplicaDBInstanceIdentifiers: ['orders-r1'] }), replica('orders-r1', { replicaLagSeconds: undefined })]);
    expect(resource('orders-r1').status).toBe('ok');
  });
});
