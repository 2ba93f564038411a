/**
 * Operator review: a Promote dialog opened while shop-db-replica-1 was rebooting said "Replica is
 * caught up: ReplicaLag 0 s". The 0 is the last ReplicaLag datapoint from before the reboot: while
 * the instance is down (rebooting, stopped, …) it applies no writes from its source, so the lag
 * it had then says nothing about what it will miss (USER_ReadRepl.Promote.html: wait until the
 * replica has applied every write). The check warns that the lag is not known instead of passing.
 * core/rules is the one rules module for both backends, so this holds in simulation and on AWS.
 */
import { describe, expect, it } from 'vitest';
import type { DbInstance } from '@main/core/contract/model';
import { promotionChecks, promotionConsequences } from '@main/core/rules/rds-rules';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const replica = (more: Partial<DbInstance> = {}): DbInstance => ({
  dbInstanceIdentifier: 'shop-db-replica-1',
  dbInstanceClass: 'db.r6g.large',
  engine: 'mysql',
  dbInstanceStatus: 'available',
  multiAZ: false,
  readReplicaSourceDBInstanceIdentifier: 'shop-db',
  readReplicaDBInstanceIdentifiers: [],
  backupRetentionPeriod: 0,
  replicaLagSeconds: 0,
  ...more,
});
const lagCheck = (db: DbInstance) => promotionChecks({ db, nowMs: NOW }, { type: 'PromoteReadReplica', dbInstanceIdentifier: db.dbInstanceIdentifier }).find((c) => c.code.startsWith('replica-lag.'));

describe('PromoteReadReplica pre-flight: ReplicaLag of a replica that is down', () => {
  it('a rebooting replica with its last ReplicaLag 0 is not "caught up": the lag is not known while it applies nothing', () => {
    expect(lagCheck(replica({ dbInstanceStatus: 'rebooting' }))).toEqual({ code: 'replica-lag.not-running', status: 'warn', params: { id: 'shop-db-replica-1', status: 'rebooting', source: 'shop-db' } });
  });

  it('the same for stopped, starting and failed replicas, and for a lag above 0 (no "writes will be missing" from an old figure either)', () => {
    for (const status of ['stopped', 'starting', 'failed']) expect(lagCheck(replica({ dbInstanceStatus: status }))?.code).toBe('replica-lag.not-running');
    expect(lagCheck(replica({ dbInstanceStatus: 'rebooting', replicaLagSeconds: 12 }))?.code).toBe('replica-lag.not-running');
    const consequences = promotionConsequences({ db: replica({ dbInstanceStatus: 'rebooting', replicaLagSeconds: 12 }), nowMs: NOW }, { type: 'PromoteReadReplica', dbInstanceIdentifier: 'shop-db-replica-1' });
    expect(consequences.some((c) => c.code === 'promote.lag-loss')).toBe(false);
  });

  it('an available replica (or one taking a backup, which keeps replicating) still reads its lag', () => {
    expect(lagCheck(replica())).toMatchObject({ code: 'replica-lag.caught-up', status: 'pass' });
    expect(lagCheck(replica({ dbInstanceStatus: 'backing-up' }))).toMatchObject({ code: 'replica-lag.caught-up', status: 'pass' });
    expect(lagCheck(replica({ replicaLagSeconds: 4.5 }))).toMatchObject({ code: 'replica-lag.behind', status: 'warn' });
  });
});
