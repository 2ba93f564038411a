import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RdsApiError } from '@main/core/sources/sim/rds/rds-service';
import { harness } from './engine-harness';
import { shopDatabase } from './rds-resources';

const IDS = ['shop-db', 'shop-db-replica-1', 'shop-db-replica-2', 'shop-db-replica-3'];

type Op =
  | { kind: 'serve'; target: string; reads: number; writes: number }
  | { kind: 'wait'; seconds: number }
  | { kind: 'fail'; target: string }
  | { kind: 'lag'; target: string; seconds: number }
  | { kind: 'reboot'; target: string; failover: boolean }
  | { kind: 'promote'; target: string };

const target = fc.constantFrom(...IDS);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('serve' as const), target, reads: fc.nat(20_000), writes: fc.nat(5_000) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 5, max: 900 }) }) },
  fc.record({ kind: fc.constant('fail' as const), target }),
  fc.record({ kind: fc.constant('lag' as const), target, seconds: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ kind: fc.constant('reboot' as const), target, failover: fc.boolean() }),
  fc.record({ kind: fc.constant('promote' as const), target }),
);

/** Runs `ops`, one serve per tick; refusals (RdsApiError) are part of the game, anything else is a bug. */
function play(ops: Op[], seed: number, check: (h: ReturnType<typeof harness>, served: { offered: [number, number]; failed: [number, number]; admitted: [number, number] }) => void) {
  const h = harness(shopDatabase({ replicas: 3, replicaClass: 'db.t3.medium' }), { seed });
  const attempt = (action: () => unknown) => {
    try {
      action();
    } catch (error) {
      if (!(error instanceof RdsApiError)) throw error;
    }
  };
  for (const o of ops) {
    if (o.kind === 'serve') {
      h.step(() => {
        const before = IDS.map((id) => h.rds.instance(id)!.load).filter((l) => l.mark === h.engine.now);
        const sum = (loads: { reads: number; writes: number }[]) => loads.reduce((acc, l) => [acc[0] + l.reads, acc[1] + l.writes] as [number, number], [0, 0] as [number, number]);
        const [readsBefore, writesBefore] = sum(before);
        const outcome = h.rds.serve(o.target, o.reads, o.writes, 5);
        const [readsAfter, writesAfter] = sum(IDS.map((id) => h.rds.instance(id)!.load).filter((l) => l.mark === h.engine.now));
        expect(outcome.latencySeconds).toBeGreaterThanOrEqual(0);
        check(h, { offered: [o.reads, o.writes], failed: [outcome.failedReads, outcome.failedWrites], admitted: [readsAfter - readsBefore, writesAfter - writesBefore] });
      });
    } else if (o.kind === 'wait') h.run(o.seconds);
    else if (o.kind === 'fail') h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: o.target });
    else if (o.kind === 'lag') attempt(() => h.rds.applyFault('RaiseReplicaLag', { DBInstanceIdentifier: o.target, LagSeconds: o.seconds }));
    else if (o.kind === 'reboot') attempt(() => h.rds.rebootDBInstance(o.target, o.failover));
    else attempt(() => h.rds.promoteReadReplica(o.target));
  }
  return h;
}

describe('properties (fast-check)', () => {
  it('served + failed = offered for reads and writes; no negative counts; whole requests stay whole', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.nat(1000), (ops, seed) => {
        play(ops, seed, (_h, { offered, failed, admitted }) => {
          for (const i of [0, 1]) {
            expect(failed[i]!).toBeGreaterThanOrEqual(0);
            expect(admitted[i]!).toBeGreaterThanOrEqual(0);
            expect(admitted[i]! + failed[i]!).toBe(offered[i]!);
            expect(Number.isInteger(failed[i]!)).toBe(true);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('state stays sane: lag ≥ −1, no negative backlog or metric, statuses from the AWS list, replica links consistent', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.nat(1000), (ops, seed) => {
        const h = play(ops, seed, () => {});
        h.run(900);
        const inventory = h.rds.inventory().dbInstances;
        for (const db of inventory) {
          expect(['available', 'backing-up', 'modifying', 'rebooting', 'creating']).toContain(db.dbInstanceStatus);
          const state = h.rds.instance(db.dbInstanceIdentifier)!;
          expect(state.backlogWrites).toBeGreaterThanOrEqual(0);
          if (db.readReplicaSourceDBInstanceIdentifier) {
            expect(db.replicaLagSeconds!).toBeGreaterThanOrEqual(-1);
            expect(inventory.find((d) => d.dbInstanceIdentifier === db.readReplicaSourceDBInstanceIdentifier)!.readReplicaDBInstanceIdentifiers).toContain(db.dbInstanceIdentifier);
          } else {
            expect(db.replicaLagSeconds).toBeUndefined();
          }
          for (const replica of db.readReplicaDBInstanceIdentifiers) expect(inventory.find((d) => d.dbInstanceIdentifier === replica)!.readReplicaSourceDBInstanceIdentifier).toBe(db.dbInstanceIdentifier);
          if (db.multiAZ) expect(db.secondaryAvailabilityZone).not.toBe(db.availabilityZone);
        }
        // 900 s of quiet is longer than any failover, reboot or promotion: everything is back.
        expect(inventory.every((d) => d.dbInstanceStatus === 'available' || d.dbInstanceStatus === 'backing-up')).toBe(true);
        for (const series of h.engine.metrics.all()) {
          for (const [, value] of series.points('Minimum')) expect(value).toBeGreaterThanOrEqual(series.metricName === 'ReplicaLag' ? -1 : 0);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('determinism', () => {
  const scenario = (seed: number) => {
    const h = harness(shopDatabase(), { seed });
    const traffic = (tick: number) => h.rds.serve('shop-db', 300 * tick, 60 * tick, tick);
    h.run(120, traffic);
    h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' });
    h.run(300, traffic);
    h.rds.promoteReadReplica('shop-db-replica-2');
    h.run(600, traffic);
    h.rds.rebootDBInstance('shop-db', true);
    h.run(600, traffic);
    return JSON.stringify({ events: h.engine.rdsEvents, inventory: h.rds.inventory(), metrics: [...h.engine.metrics.all()].map((s) => [s.key, s.points('Average')]) });
  };

  it('the same seed gives the same events, inventory and metrics, byte for byte', () => {
    expect(scenario(42)).toBe(scenario(42));
  });

  it('another seed gives other durations (and so other event times)', () => {
    const dates = (json: string) => (JSON.parse(json) as { events: { date: string }[] }).events.map((e) => e.date).join();
    expect(dates(scenario(42))).not.toBe(dates(scenario(43)));
  });
});
