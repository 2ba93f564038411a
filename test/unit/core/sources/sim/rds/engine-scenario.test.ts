/**
 * RDS inside the whole simulator: a scenario file with a web tier whose requests read and write a
 * Multi-AZ MySQL primary with two read replicas, and a FailDBInstance fault, run through `sim run`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@main/cli/index';
import type { MetricSeries, RdsEvent } from '@main/core/contract/model';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { runSimulation, serializeReport } from '@main/core/sources/sim/report';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const DATABASE = `  ShopDb:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceIdentifier: shop-db
      Engine: mysql
      EngineVersion: "8.0.40"
      DBInstanceClass: db.r6g.large
      MultiAZ: true
      AllocatedStorage: "100"
      MasterUsername: admin
      MasterUserPassword: "{{resolve:secretsmanager:shop-db}}"
      DBSubnetGroupName: shop-db-subnets
  ShopDbReplica1:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceIdentifier: shop-db-replica-1
      SourceDBInstanceIdentifier: !Ref ShopDb
      DBInstanceClass: db.r6g.large
  ShopDbReplica2:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceIdentifier: shop-db-replica-2
      SourceDBInstanceIdentifier: !Ref ShopDb
      DBInstanceClass: db.r6g.large
`;

function shopScenario(extra = ''): string {
  const base = webTier({ rate: '100', min: 3, desired: 3 });
  return `${base.replace('Traffic:\n', `${DATABASE}Traffic:\n`).trimEnd()}
    Database: { DBInstanceIdentifier: shop-db, ReadShare: 0.6, WriteShare: 0.1 }
Faults:
  - At: 30m
    Type: FailDBInstance
    DBInstanceIdentifier: shop-db
${extra}`;
}

let stderr = '';
beforeEach(() => {
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'fd-rds-'));
const sum = (series: MetricSeries | undefined, from: number, to: number) => (series?.points ?? []).filter(([t]) => t >= from && t < to).reduce((total, [, v]) => total + v, 0);

describe('RDS in the engine: sim run with a FailDBInstance fault', () => {
  it('RDS-1 the report lists the failover events, and write errors show as target 5xx during the failover only', async () => {
    const file = join(dir, 'shop-db.yaml');
    const out = join(dir, 'shop-db.json');
    writeFileSync(file, shopScenario());
    expect(await main(['sim', 'run', file, '--duration', '45m', '--out', out])).toBe(0);
    expect(stderr).not.toContain('warning');
    const report = JSON.parse(readFileSync(out, 'utf8')) as { events: RdsEvent[]; metrics: MetricSeries[]; finalState: { dbInstances: { dbInstanceIdentifier: string; availabilityZone: string; dbInstanceStatus: string; readReplicaDBInstanceIdentifiers: string[] }[] } };

    const events = report.events.filter((e) => e.sourceIdentifier === 'shop-db');
    const started = events.find((e) => e.eventId === 'RDS-EVENT-0013')!;
    const completed = events.find((e) => e.eventId === 'RDS-EVENT-0049')!;
    expect(started).toMatchObject({ date: '2026-11-20T08:30:00.000Z', message: 'A Multi-AZ failover that resulted in the promotion of a standby instance has started.', sourceType: 'db-instance' });
    expect(completed.message).toBe('A Multi-AZ failover has completed.');
    const failoverSeconds = (Date.parse(completed.date) - Date.parse(started.date)) / 1000;
    expect(failoverSeconds).toBeGreaterThanOrEqual(60);
    expect(failoverSeconds).toBeLessThanOrEqual(120);

    const target5xx = report.metrics.find((m) => m.metricName === 'HTTPCode_Target_5XX_Count' && Object.keys(m.dimensions).length === 1 && m.stat === 'Sum');
    const failoverStart = Date.parse(started.date) / 1000;
    const failoverEnd = Date.parse(completed.date) / 1000;
    // Nothing fails before the fault; during it, the writes (10 % of ~100 req/s) fail; after it, nothing again.
    expect(sum(target5xx, Date.parse('2026-11-20T08:05:00Z') / 1000, failoverStart)).toBe(0);
    const during = sum(target5xx, failoverStart, failoverEnd + 60);
    expect(during).toBeGreaterThan(0.1 * 100 * failoverSeconds * 0.8);
    expect(during).toBeLessThan(0.1 * 100 * (failoverSeconds + 60) * 1.2);
    expect(sum(target5xx, failoverEnd + 60, Infinity)).toBe(0);

    const primary = report.finalState.dbInstances.find((d) => d.dbInstanceIdentifier === 'shop-db')!;
    expect(primary).toMatchObject({ dbInstanceStatus: 'available', readReplicaDBInstanceIdentifiers: ['shop-db-replica-1', 'shop-db-replica-2'] });
    // RDS metrics are in the report like every other CloudWatch series.
    const cpu = report.metrics.find((m) => m.namespace === 'AWS/RDS' && m.metricName === 'CPUUtilization' && m.dimensions.DBInstanceIdentifier === 'shop-db');
    expect(cpu?.points.length).toBeGreaterThan(30);
    const lag = report.metrics.find((m) => m.namespace === 'AWS/RDS' && m.metricName === 'ReplicaLag' && m.dimensions.DBInstanceIdentifier === 'shop-db-replica-1');
    expect(lag?.points.some(([, v]) => v < 0)).toBe(true); // replication paused during the failover
  });

  it('the same seed gives byte-identical reports; another seed another failover duration', () => {
    const report = (seed: number) => serializeReport(runSimulation(new SimulationEngine(scenarioFrom(shopScenario(), 'shop-db.yaml', seed)), 40 * 60));
    expect(report(7)).toBe(report(7));
    const completedAt = (json: string) => (JSON.parse(json) as { events: RdsEvent[] }).events.find((e) => e.eventId === 'RDS-EVENT-0049')!.date;
    const seeds = [7, 8, 9, 10].map((seed) => completedAt(report(seed)));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('the primary and standby zones swap in the inventory after the failover', () => {
    const engine = new SimulationEngine(scenarioFrom(shopScenario()));
    engine.advanceBy(60);
    const before = engine.inventory().dbInstances.find((d) => d.dbInstanceIdentifier === 'shop-db')!;
    engine.advanceBy(30 * 60);
    expect(engine.inventory().dbInstances.find((d) => d.dbInstanceIdentifier === 'shop-db')!.dbInstanceStatus).toBe('rebooting');
    engine.advanceBy(5 * 60);
    const after = engine.inventory().dbInstances.find((d) => d.dbInstanceIdentifier === 'shop-db')!;
    expect(after.availabilityZone).toBe(before.secondaryAvailabilityZone);
    expect(after.secondaryAvailabilityZone).toBe(before.availabilityZone);
    expect(engine.timeline.some((t) => t.kind === 'FaultInjected' && t.message.startsWith('FailDBInstance: The primary of shop-db failed'))).toBe(true);
  });

  it('RDS-2 a PromoteReadReplica action in the file runs through the engine; a refused one lands in the timeline', () => {
    const engine = new SimulationEngine(
      scenarioFrom(
        shopScenario(`Actions:
  - At: 10m
    Type: PromoteReadReplica
    DBInstanceIdentifier: shop-db-replica-2
  - At: 11m
    Type: PromoteReadReplica
    DBInstanceIdentifier: shop-db
`),
      ),
    );
    engine.advanceBy(20 * 60);
    const inventory = engine.inventory().dbInstances;
    expect(inventory.find((d) => d.dbInstanceIdentifier === 'shop-db')!.readReplicaDBInstanceIdentifiers).toEqual(['shop-db-replica-1']);
    expect(inventory.find((d) => d.dbInstanceIdentifier === 'shop-db-replica-2')).toMatchObject({ dbInstanceStatus: 'available', readReplicaSourceDBInstanceIdentifier: undefined });
    expect(engine.timeline.find((t) => t.kind === 'ActionRefused')!.message).toBe('Actions[1]: PromoteReadReplica was refused: DB instance shop-db is not a read replica.');
    // The refusal as a code too (issue 9), so the window words it rather than showing the English.
    expect(engine.timeline.find((t) => t.kind === 'ActionRefused')!.text).toEqual({
      code: 'action.refused',
      params: { kind: 'PromoteReadReplica', path: 'Actions[1]', error: 'DB instance shop-db is not a read replica.', errorCode: 'refusal.not-a-replica', 'error.id': 'shop-db' },
    });
  });

  it('the loader reports a replica whose source is missing, with file, line and path', () => {
    const broken = shopScenario().replace('SourceDBInstanceIdentifier: !Ref ShopDb\n      DBInstanceClass: db.r6g.large\n  ShopDbReplica2', 'SourceDBInstanceIdentifier: shop-dbx\n      DBInstanceClass: db.r6g.large\n  ShopDbReplica2');
    try {
      scenarioFrom(broken, 'broken.yaml');
      expect.unreachable('the scenario should be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const [diagnostic] = (error as ScenarioError).diagnostics.filter((d) => d.severity === 'error');
      expect(diagnostic).toMatchObject({ path: 'Resources.ShopDbReplica1.Properties.SourceDBInstanceIdentifier' });
      expect(broken.split('\n')[diagnostic!.line - 1]).toContain('SourceDBInstanceIdentifier: shop-dbx');
    }
  });

  it('GetAtt Endpoint.Address / Endpoint.Port resolve in the file (Port from the engine)', () => {
    const scenario = scenarioFrom(`Resources:
  Pg:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: Orders-PG, Engine: postgres, DBInstanceClass: db.m6g.large, AllocatedStorage: 50 }
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 0
      MaxSize: 1
      AvailabilityZones: !GetAZs ''
      Tags:
        - { Key: db, Value: !Sub '\${Pg.Endpoint.Address}:\${Pg.Endpoint.Port}', PropagateAtLaunch: false }
        - { Key: ref, Value: !Ref Pg, PropagateAtLaunch: false }
`);
    const tags = scenario.resources.find((r) => r.logicalId === 'Asg')!.properties.Tags as { Value: string }[];
    expect(tags[0]!.Value).toMatch(/^orders-pg\.[0-9a-f]{12}\.us-east-1\.rds\.amazonaws\.com:5432$/);
    expect(tags[1]!.Value).toBe('orders-pg');
  });

  it('an Aurora member is a warning and the scenario still runs', () => {
    const scenario = scenarioFrom(
      shopScenario().replace(
        'Traffic:\n',
        `  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: aurora-mysql, DBClusterIdentifier: orders, DBInstanceClass: db.r6g.large }
Traffic:
`,
      ),
    );
    expect(scenario.warnings.map((w) => w.message)).toEqual(['Aurora DB instances are not simulated; Writer is ignored']);
    const engine = new SimulationEngine(scenario);
    expect(engine.inventory().dbInstances.map((d) => d.dbInstanceIdentifier)).toEqual(['shop-db', 'shop-db-replica-1', 'shop-db-replica-2']);
  });
});
