import { describe, expect, it } from 'vitest';
import { BASE_READ_SECONDS, BASE_WRITE_SECONDS, capacityOf, MULTI_AZ_COMMIT_SECONDS, queueingSeconds, vcpusOfClass } from '@main/core/sources/sim/rds/capacity';
import { split, type RdsService } from '@main/core/sources/sim/rds/rds-service';
import { harness } from './engine-harness';
import { dbResources, shopDatabase } from './rds-resources';

const loadOf = (rds: RdsService, id: string) => rds.instance(id)!.load;

describe('RDS-5 reads to replicas, writes to the primary', () => {
  it('RDS-5 reads are spread evenly over the replicas; writes go only to the primary', () => {
    const h = harness(shopDatabase({ replicas: 3 }));
    const received: Record<string, number>[] = [];
    h.run(15, (tick) => {
      const outcome = h.rds.serve('shop-db', 100, 40, tick);
      expect(outcome).toMatchObject({ failedReads: 0, failedWrites: 0 });
      received.push(Object.fromEntries(['shop-db', 'shop-db-replica-1', 'shop-db-replica-2', 'shop-db-replica-3'].map((id) => [id, loadOf(h.rds, id).reads])));
      expect(loadOf(h.rds, 'shop-db').writes).toBe(40);
      for (const id of ['shop-db-replica-1', 'shop-db-replica-2', 'shop-db-replica-3']) expect(loadOf(h.rds, id).writes).toBe(0);
    });
    for (const tick of received) {
      expect(tick['shop-db']).toBe(0);
      const shares = [tick['shop-db-replica-1']!, tick['shop-db-replica-2']!, tick['shop-db-replica-3']!];
      expect(shares.reduce((a, b) => a + b)).toBe(100);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
    // The odd request goes to a different replica each tick.
    expect(new Set(received.map((tick) => Object.entries(tick).find(([, reads]) => reads === 34)![0])).size).toBe(3);
  });

  it('RDS-5 without replicas the primary serves the reads too', () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    h.step((tick) => h.rds.serve('shop-db', 80, 20, tick));
    expect(loadOf(h.rds, 'shop-db')).toMatchObject({ reads: 80, writes: 20 });
  });

  it('RDS-5 no reads go to a rebooting replica; when no replica serves, reads go to the primary', () => {
    const h = harness(shopDatabase());
    h.rds.rebootDBInstance('shop-db-replica-1', false);
    h.step((tick) => h.rds.serve('shop-db', 100, 10, tick));
    expect(loadOf(h.rds, 'shop-db-replica-2').reads).toBe(100);
    expect(loadOf(h.rds, 'shop-db').reads).toBe(0);
    h.rds.rebootDBInstance('shop-db-replica-2', false);
    h.step((tick) => h.rds.serve('shop-db', 100, 10, tick));
    expect(loadOf(h.rds, 'shop-db')).toMatchObject({ reads: 100, writes: 10 });
  });

  it('RDS-5 an application pointed at a replica can read from it but every write fails (read-only)', () => {
    const h = harness(shopDatabase());
    let outcome = { failedReads: -1, failedWrites: -1, latencySeconds: 0 };
    h.step((tick) => (outcome = h.rds.serve('shop-db-replica-1', 30, 12, tick)));
    expect(outcome).toMatchObject({ failedReads: 0, failedWrites: 12 });
    expect(loadOf(h.rds, 'shop-db-replica-1').reads).toBe(30);
  });

  it('RDS-5 an unknown DB instance fails everything', () => {
    const h = harness(shopDatabase());
    expect(h.rds.serve('orders-db', 10, 5, 5)).toEqual({ failedReads: 10, failedWrites: 5, latencySeconds: 0 });
  });

  it('the identifier is matched case-insensitively and as an ARN, as RDS stores identifiers lower-cased', () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    expect(h.rds.serve('SHOP-DB', 10, 5, 5)).toMatchObject({ failedReads: 0, failedWrites: 0 });
    expect(h.rds.serve('arn:aws:rds:us-east-1:123456789012:db:shop-db', 10, 5, 5)).toMatchObject({ failedReads: 0, failedWrites: 0 });
  });
});

describe('capacity and queueing', () => {
  it('vCPUs per DB instance class follow the size; burstable classes count at half', () => {
    expect(['db.t3.micro', 'db.t4g.medium', 'db.m5.large', 'db.r6g.xlarge', 'db.r6g.2xlarge', 'db.m6i.16xlarge'].map(vcpusOfClass)).toEqual([2, 2, 2, 4, 8, 64]);
    expect(capacityOf('db.r6g.large', 'gp3', 100).unitsPerSecond).toBe(1000);
    expect(capacityOf('db.t3.large', 'gp3', 100).unitsPerSecond).toBe(500);
    expect(capacityOf('db.m5.large', 'gp2', 100).iops).toBe(300);
    expect(capacityOf('db.m5.large', 'gp2', 10).iops).toBe(100);
    expect(capacityOf('db.m5.large', 'gp3', 500).iops).toBe(12_000);
    expect(capacityOf('db.m5.large', 'io1', 100, 5000).iops).toBe(5000);
  });

  it('latency follows base / (1 − utilisation); Multi-AZ adds commit latency to writes', () => {
    // db.r6g.large: 1000 units/s; 100 reads + 100 writes per second = 500 units → u = 0.5.
    const h = harness(shopDatabase({ replicas: 0, primary: { MultiAZ: false } }));
    let outcome = { failedReads: 0, failedWrites: 0, latencySeconds: 0 };
    h.step((tick) => (outcome = h.rds.serve('shop-db', 100 * tick, 100 * tick, tick)));
    expect(outcome.latencySeconds).toBeCloseTo((queueingSeconds(BASE_READ_SECONDS, 0.5) + queueingSeconds(BASE_WRITE_SECONDS, 0.5)) / 2, 9);
    expect(queueingSeconds(BASE_READ_SECONDS, 0.5)).toBeCloseTo(2 * BASE_READ_SECONDS, 12);
    const multi = harness(shopDatabase({ replicas: 0 }));
    multi.step((tick) => (outcome = multi.rds.serve('shop-db', 0, 100 * tick, tick)));
    expect(outcome.latencySeconds).toBeCloseTo(queueingSeconds(BASE_WRITE_SECONDS + MULTI_AZ_COMMIT_SECONDS, 0.4), 9);
  });

  it('latency rises with load, and beyond capacity the excess fails', () => {
    const latencies: number[] = [];
    for (const rate of [50, 100, 150, 200, 240]) {
      const h = harness(shopDatabase({ replicas: 0 }));
      let outcome = { failedReads: 0, failedWrites: 0, latencySeconds: 0 };
      h.step((tick) => (outcome = h.rds.serve('shop-db', 0, rate * tick, tick)));
      expect(outcome.failedWrites).toBe(0);
      latencies.push(outcome.latencySeconds);
    }
    for (let i = 1; i < latencies.length; i++) expect(latencies[i]!).toBeGreaterThan(latencies[i - 1]!);
    // 1000 units/s ÷ 4 per write = 250 writes/s; offered 400/s for 5 s: 1250 served, 750 fail.
    const h = harness(shopDatabase({ replicas: 0 }));
    let outcome = { failedReads: 0, failedWrites: 0, latencySeconds: 0 };
    h.step((tick) => (outcome = h.rds.serve('shop-db', 0, 400 * tick, tick)));
    expect(outcome.failedWrites).toBe(750);
  });

  it('storage IOPS limit throughput too: magnetic storage saturates long before the CPU', () => {
    const h = harness(dbResources({ Db: { DBInstanceIdentifier: 'old', Engine: 'mysql', DBInstanceClass: 'db.m5.4xlarge', StorageType: 'standard', AllocatedStorage: 100 } }));
    let outcome = { failedReads: 0, failedWrites: 0, latencySeconds: 0 };
    // 100 IOPS ÷ 1.5 I/O per write ≈ 66 writes/s.
    h.step((tick) => (outcome = h.rds.serve('old', 0, 100 * tick, tick)));
    expect(outcome.failedWrites).toBe(500 - 333);
  });

  it('two populations using one database in the same tick share its capacity', () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    const outcomes: { failedWrites: number }[] = [];
    h.step((tick) => {
      outcomes.push(h.rds.serve('shop-db', 0, 200 * tick, tick));
      outcomes.push(h.rds.serve('shop-db', 0, 200 * tick, tick));
    });
    expect(outcomes[0]!.failedWrites).toBe(0);
    expect(outcomes[1]!.failedWrites).toBe(750);
    expect(loadOf(h.rds, 'shop-db').writes).toBe(1250);
  });

  it('split keeps whole requests whole and fractional ones exact', () => {
    expect(split(10, 3, 0)).toEqual([4, 3, 3]);
    expect(split(10, 3, 1)).toEqual([3, 4, 3]);
    expect(split(2.5, 2, 0)).toEqual([1.25, 1.25]);
  });
});

describe('RDS-5 CloudWatch metrics (AWS/RDS, dimension DBInstanceIdentifier)', () => {
  it('RDS-5 CPUUtilization, DatabaseConnections, ReadIOPS, WriteIOPS for every instance, ReplicaLag for replicas', () => {
    const h = harness(shopDatabase());
    h.run(300, (tick) => h.rds.serve('shop-db', 200 * tick, 50 * tick, tick));
    const names = [...h.engine.metrics.all()].map((s) => `${s.namespace} ${s.metricName} ${JSON.stringify(s.dimensions)}`);
    for (const id of ['shop-db', 'shop-db-replica-1', 'shop-db-replica-2']) {
      for (const metric of ['CPUUtilization', 'DatabaseConnections', 'ReadIOPS', 'WriteIOPS']) expect(names).toContain(`AWS/RDS ${metric} {"DBInstanceIdentifier":"${id}"}`);
    }
    expect(names.filter((n) => n.includes('ReplicaLag'))).toEqual([
      'AWS/RDS ReplicaLag {"DBInstanceIdentifier":"shop-db-replica-1"}',
      'AWS/RDS ReplicaLag {"DBInstanceIdentifier":"shop-db-replica-2"}',
    ]);
    // Values: 50 writes/s × 4 units on 1000 units/s → CPU 2 + 98 × 0.2 = 21.6 %; WriteIOPS 50 × 1.5.
    const cpu = h.series('CPUUtilization', 'shop-db');
    expect(cpu.at(-2)![1]).toBeCloseTo(21.6, 6);
    expect(h.series('WriteIOPS', 'shop-db').at(-2)![1]).toBeCloseTo(75, 6);
    expect(h.series('ReadIOPS', 'shop-db-replica-1').at(-2)![1]).toBeCloseTo(100 * 0.2, 6);
    // Periods are 60 s apart, one datapoint a minute.
    expect(cpu[1]![0] - cpu[0]![0]).toBe(60);
    // The primary holds a replication connection per replica on top of the base connections.
    expect(h.series('DatabaseConnections', 'shop-db').at(-2)![1]).toBeGreaterThanOrEqual(2 + 2);
  });

  it('RDS-5 CPU and connections rise with load', () => {
    const cpuAt = (writesPerSecond: number) => {
      const h = harness(shopDatabase({ replicas: 0 }));
      h.run(120, (tick) => h.rds.serve('shop-db', 0, writesPerSecond * tick, tick));
      return [h.series('CPUUtilization', 'shop-db').at(-1)![1], h.series('DatabaseConnections', 'shop-db').at(-1)![1]];
    };
    const [lowCpu, lowConnections] = cpuAt(20);
    const [highCpu, highConnections] = cpuAt(230);
    expect(highCpu!).toBeGreaterThan(lowCpu!);
    expect(highConnections!).toBeGreaterThan(lowConnections!);
  });

  it('RDS-5 no CPU datapoints while an instance is down; ReplicaLag −1 keeps coming for a replica', () => {
    const h = harness(shopDatabase());
    h.run(60);
    h.rds.rebootDBInstance('shop-db-replica-1', false);
    h.run(60);
    h.engine.metrics.closePeriodsBefore(h.engine.now / 1000);
    const minute = (metric: string, stat: 'SampleCount' | 'Minimum') =>
      h.engine.metrics.get('AWS/RDS', metric, { DBInstanceIdentifier: 'shop-db-replica-1' })!.points(stat).at(-1)![1];
    // The reboot takes 30–60 s: at least 6 of the minute's 12 ticks have no CPU datapoint.
    expect(minute('CPUUtilization', 'SampleCount')).toBeLessThanOrEqual(6);
    expect(minute('ReplicaLag', 'SampleCount')).toBe(12);
    expect(minute('ReplicaLag', 'Minimum')).toBe(-1);
    expect(h.engine.metrics.get('AWS/RDS', 'CPUUtilization', { DBInstanceIdentifier: 'shop-db-replica-2' })!.points('SampleCount').at(-1)![1]).toBe(12);
  });
});
