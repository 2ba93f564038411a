import { describe, expect, it } from 'vitest';
import { RdsApiError } from '@main/core/sources/sim/rds/rds-service';
import { harness } from './engine-harness';
import { dbResources, shopDatabase } from './rds-resources';

const statusOf = (h: ReturnType<typeof harness>, id: string) => h.rds.instance(id)!.status;

/** Runs until `id` is available again, recording each status change with its time since the start. */
function timeline(h: ReturnType<typeof harness>, id: string, maxSeconds: number, traffic?: (tickSeconds: number) => void) {
  const start = h.engine.now;
  const seen: { status: string; atSeconds: number }[] = [{ status: statusOf(h, id), atSeconds: 0 }];
  h.runUntil(
    () => statusOf(h, id) === 'available',
    maxSeconds,
    (tickSeconds) => {
      traffic?.(tickSeconds);
      const status = statusOf(h, id);
      if (seen[seen.length - 1]!.status !== status) seen.push({ status, atSeconds: (h.engine.now - start) / 1000 });
    },
  );
  if (seen[seen.length - 1]!.status !== statusOf(h, id)) seen.push({ status: statusOf(h, id), atSeconds: (h.engine.now - start) / 1000 });
  return seen;
}

describe('RDS-1 Multi-AZ failover', () => {
  it('RDS-1 FailDBInstance: rebooting for 60–120 s, events 0013 then 0049, primary and standby AZs swap', () => {
    const h = harness(shopDatabase());
    const before = h.rds.instance('shop-db')!;
    const [primaryAz, standbyAz] = [before.availabilityZone, before.secondaryAvailabilityZone];
    expect(standbyAz).toBeDefined();
    expect(standbyAz).not.toBe(primaryAz);

    const effect = h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' })!;
    expect(effect.message).toContain('failover');
    expect(statusOf(h, 'shop-db')).toBe('rebooting');
    const seen = timeline(h, 'shop-db', 600);
    expect(seen.map((s) => s.status)).toEqual(['rebooting', 'available']);
    const duration = seen[1]!.atSeconds;
    // Completion lands on the first tick boundary (5 s) at or after the seeded 60–120 s.
    expect(duration).toBeGreaterThanOrEqual(60);
    expect(duration).toBeLessThanOrEqual(125);

    const events = h.eventsOf('shop-db');
    expect(events.map((e) => e.eventId).filter(Boolean)).toEqual(['RDS-EVENT-0013', 'RDS-EVENT-0006', 'RDS-EVENT-0049']);
    expect(events[0]).toMatchObject({ message: 'A Multi-AZ failover that resulted in the promotion of a standby instance has started.', eventCategories: ['failover'], sourceType: 'db-instance' });
    expect(events.find((e) => e.eventId === 'RDS-EVENT-0049')!.message).toBe('A Multi-AZ failover has completed.');
    const completedAt = Date.parse(events.find((e) => e.eventId === 'RDS-EVENT-0049')!.date);
    const startedAt = Date.parse(events[0]!.date);
    expect((completedAt - startedAt) / 1000).toBeGreaterThanOrEqual(60);
    expect((completedAt - startedAt) / 1000).toBeLessThanOrEqual(120);

    const after = h.rds.instance('shop-db')!;
    expect(after.availabilityZone).toBe(standbyAz);
    expect(after.secondaryAvailabilityZone).toBe(primaryAz);
    const inventory = h.rds.inventory().dbInstances.find((d) => d.dbInstanceIdentifier === 'shop-db')!;
    expect(inventory).toMatchObject({ availabilityZone: standbyAz, secondaryAvailabilityZone: primaryAz, dbInstanceStatus: 'available', multiAZ: true });
  });

  it('RDS-1 the seeded failover duration varies with the seed but stays within 60–120 s', () => {
    const durations = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) {
      const h = harness(shopDatabase(), { seed, tickSeconds: 1 });
      h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' });
      const seconds = h.runUntil(() => statusOf(h, 'shop-db') === 'available', 600);
      expect(seconds).toBeGreaterThanOrEqual(60);
      expect(seconds).toBeLessThanOrEqual(121);
      durations.add(seconds);
    }
    expect(durations.size).toBeGreaterThan(3);
  });

  it('RDS-1 writes fail during the failover and succeed after it; reads keep going to the replicas', () => {
    const h = harness(shopDatabase());
    h.run(60, () => h.rds.serve('shop-db', 100, 20, 5));
    h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' });
    const during: { failedReads: number; failedWrites: number }[] = [];
    h.runUntil(() => statusOf(h, 'shop-db') === 'available', 600, (tick) => during.push(h.rds.serve('shop-db', 100, 20, tick)));
    // The last tick is the one in which it came back.
    for (const outcome of during.slice(0, -1)) {
      expect(outcome.failedWrites).toBe(20);
      expect(outcome.failedReads).toBe(0);
    }
    let after = { failedReads: -1, failedWrites: -1, latencySeconds: 0 };
    h.step((tick) => (after = h.rds.serve('shop-db', 100, 20, tick)));
    expect(after).toMatchObject({ failedReads: 0, failedWrites: 0 });
  });

  it('RDS-1 without replicas, reads on the failing primary fail too', () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' });
    let outcome = { failedReads: 0, failedWrites: 0, latencySeconds: 0 };
    h.step((tick) => (outcome = h.rds.serve('shop-db', 50, 10, tick)));
    expect(outcome).toMatchObject({ failedReads: 50, failedWrites: 10 });
  });

  it('RDS-1 RebootDBInstance with ForceFailover fails over and says the user asked for it', () => {
    const h = harness(shopDatabase());
    const standby = h.rds.instance('shop-db')!.secondaryAvailabilityZone;
    const message = h.rds.rebootDBInstance('shop-db', true);
    expect(message).toContain('failover');
    const seen = timeline(h, 'shop-db', 600);
    expect(seen.map((s) => s.status)).toEqual(['rebooting', 'available']);
    expect(seen[1]!.atSeconds).toBeGreaterThanOrEqual(60);
    expect(seen[1]!.atSeconds).toBeLessThanOrEqual(125);
    const messages = h.eventsOf('shop-db').map((e) => e.message);
    expect(messages).toContain('A Multi-AZ failover that resulted in the promotion of a standby instance has started.');
    expect(messages).toContain('A Multi-AZ failover has completed.');
    expect(messages).toContain('The user requested a failover of the DB instance.');
    expect(h.rds.instance('shop-db')!.availabilityZone).toBe(standby);
  });

  it('RDS-1 ForceFailover on a Single-AZ instance is refused with the API constraint', () => {
    const h = harness(dbResources({ Db: { DBInstanceIdentifier: 'solo', Engine: 'postgres', DBInstanceClass: 'db.m5.large' } }));
    const attempt = () => h.rds.rebootDBInstance('solo', true);
    expect(attempt).toThrow(RdsApiError);
    expect(attempt).toThrow("You can't enable force failover if the instance isn't configured for Multi-AZ");
    try {
      attempt();
    } catch (error) {
      expect((error as RdsApiError).params.awsCode).toBe('InvalidParameterCombination');
    }
    expect(statusOf(h, 'solo')).toBe('available');
    expect(h.engine.rdsEvents).toEqual([]);
  });

  it('RDS-1 a plain reboot: rebooting for 30–60 s, DB instance shutdown then DB instance restarted (RDS-EVENT-0006), AZ unchanged', () => {
    const h = harness(shopDatabase());
    const az = h.rds.instance('shop-db')!.availabilityZone;
    expect(h.rds.rebootDBInstance('shop-db', false)).toBe('Rebooting shop-db');
    const seen = timeline(h, 'shop-db', 600);
    expect(seen.map((s) => s.status)).toEqual(['rebooting', 'available']);
    expect(seen[1]!.atSeconds).toBeGreaterThanOrEqual(30);
    expect(seen[1]!.atSeconds).toBeLessThanOrEqual(65);
    expect(h.eventsOf('shop-db').map((e) => [e.eventId, e.message])).toEqual([
      ['RDS-EVENT-0004', 'DB instance shutdown.'],
      ['RDS-EVENT-0006', 'The DB instance restarted.'],
    ]);
    expect(h.rds.instance('shop-db')!.availabilityZone).toBe(az);
  });

  it('RDS-1 a reboot is refused while the instance is not available, and for an unknown instance', () => {
    const h = harness(shopDatabase());
    h.rds.rebootDBInstance('shop-db', false);
    expect(() => h.rds.rebootDBInstance('shop-db', false)).toThrow('DB instance shop-db is not in available state.');
    expect(() => h.rds.rebootDBInstance('nope', false)).toThrow('DBInstance nope not found.');
  });

  it('RDS-1 FailDBInstance on a Single-AZ instance: recovery on a new host with RDS-EVENT-0020 / 0021, same AZ', () => {
    const h = harness(dbResources({ Db: { DBInstanceIdentifier: 'solo', Engine: 'mysql', DBInstanceClass: 'db.m5.large' } }));
    const az = h.rds.instance('solo')!.availabilityZone;
    h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'solo' });
    const seen = timeline(h, 'solo', 3600);
    expect(seen.map((s) => s.status)).toEqual(['rebooting', 'available']);
    expect(seen[1]!.atSeconds).toBeGreaterThanOrEqual(240);
    expect(seen[1]!.atSeconds).toBeLessThanOrEqual(605);
    expect(h.eventsOf('solo').map((e) => e.eventId)).toEqual(['RDS-EVENT-0020', 'RDS-EVENT-0006', 'RDS-EVENT-0021']);
    expect(h.rds.instance('solo')!.availabilityZone).toBe(az);
  });

  it('RDS-1 a second failure during a failover changes nothing', () => {
    const h = harness(shopDatabase());
    h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' });
    h.run(10);
    expect(h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' })!.message).toContain('changes nothing');
    h.runUntil(() => statusOf(h, 'shop-db') === 'available', 600);
    expect(h.eventsOf('shop-db').filter((e) => e.eventId === 'RDS-EVENT-0013')).toHaveLength(1);
  });

  it('RDS-1 replicas pause replication (ReplicaLag −1) while their source fails over, then resume (RDS-EVENT-0046)', () => {
    const h = harness(shopDatabase());
    h.run(60, () => h.rds.serve('shop-db', 100, 20, 5));
    h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' });
    h.run(30, (tick) => h.rds.serve('shop-db', 100, 20, tick));
    expect(h.rds.instance('shop-db-replica-1')!.replicaLag).toBe(-1);
    h.runUntil(() => statusOf(h, 'shop-db') === 'available', 600, (tick) => h.rds.serve('shop-db', 100, 20, tick));
    h.run(10, (tick) => h.rds.serve('shop-db', 100, 20, tick));
    expect(h.rds.instance('shop-db-replica-1')!.replicaLag).toBe(0);
    expect(h.eventsOf('shop-db-replica-1').map((e) => e.eventId)).toEqual(['RDS-EVENT-0046']);
  });
});

// docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html
describe('RDS-6: events carry their documented id and current message (USER_Events.Messages)', () => {
  it('RDS-6: RDS-EVENT-0013, 0049 and 0006 use the documented wording', async () => {
    const { RDS_EVENTS } = await import('@main/core/sources/sim/rds/rds-events');
    expect(RDS_EVENTS.failoverStarted).toMatchObject({ eventId: 'RDS-EVENT-0013', message: 'A Multi-AZ failover that resulted in the promotion of a standby instance has started.' });
    expect(RDS_EVENTS.failoverCompleted).toMatchObject({ eventId: 'RDS-EVENT-0049', message: 'A Multi-AZ failover has completed.' });
    expect(RDS_EVENTS.restarted).toMatchObject({ eventId: 'RDS-EVENT-0006', message: 'The DB instance restarted.' });
  });
});
