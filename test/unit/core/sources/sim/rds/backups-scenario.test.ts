/**
 * RDSB-1, RDSB-4, RDSB-5 through the scenario loader: the fixture test/fixtures/rds-backups.yaml
 * (backup properties, a CreateDBSnapshot action) loads and runs; actions that name a DB instance
 * that is not in the file, and overlapping windows, are errors with file, line and path.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { scenarioFrom } from '../../../../../helpers/scenarios';

const FIXTURE = readFileSync(resolve(__dirname, '../../../../../fixtures/rds-backups.yaml'), 'utf8');

function errorsOf(text: string): { path: string; message: string; line: number }[] {
  try {
    scenarioFrom(text, 'broken.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ path: d.path, message: d.message, line: d.line }));
    throw error;
  }
  return [];
}

describe('RDSB the backups fixture through the loader', () => {
  it('RDSB-4 loads and runs: the scenario action takes its snapshot (tags copied), the daily backup runs in the window', () => {
    const engine = new SimulationEngine(scenarioFrom(FIXTURE, 'rds-backups.yaml'));
    engine.advanceBy(14 * 3600);
    const snapshots = engine.inventory().dbSnapshots;
    expect(snapshots.find((s) => s.dbSnapshotIdentifier === 'orders-db-afternoon')).toMatchObject({ snapshotType: 'manual', status: 'available', tagCount: 2 });
    expect(snapshots.map((s) => s.dbSnapshotIdentifier)).toContain('rds:orders-db-2026-11-21-03-00');
    expect(engine.rdsEvents.filter((e) => e.sourceIdentifier === 'orders-db').map((e) => e.eventId)).toEqual(['RDS-EVENT-0001', 'RDS-EVENT-0002']);
  });

  it('RDSB-5 RestoreDBInstanceToPointInTime as a scenario action; a source that is not in the file is an error at its path', () => {
    const withRestore = `${FIXTURE}  - At: 40m\n    Type: RestoreDBInstanceToPointInTime\n    SourceDBInstanceIdentifier: orders-db\n    TargetDBInstanceIdentifier: orders-db-copy\n    UseLatestRestorableTime: true\n`;
    const engine = new SimulationEngine(scenarioFrom(withRestore, 'restore.yaml'));
    engine.advanceBy(2 * 3600);
    expect(engine.inventory().dbInstances.find((d) => d.dbInstanceIdentifier === 'orders-db-copy')).toMatchObject({ dbInstanceStatus: 'available', multiAZ: false });
    const broken = withRestore.replace('SourceDBInstanceIdentifier: orders-db\n', 'SourceDBInstanceIdentifier: orders-dbx\n');
    const [error] = errorsOf(broken);
    expect(error).toMatchObject({ path: 'Actions[1].SourceDBInstanceIdentifier' });
    expect(error!.message).toContain('"orders-dbx" is not a DB instance in this file');
    expect(broken.split('\n')[error!.line - 1]).toContain('orders-dbx');
  });

  it('RDSB-1 a backup window overlapping the maintenance window is an error naming the instance', () => {
    const [error] = errorsOf(FIXTURE.replace('sun:05:00-sun:05:30', 'fri:03:10-fri:03:40'));
    expect(error).toMatchObject({ path: 'Resources.OrdersDatabase.Properties.PreferredBackupWindow' });
    expect(error!.message).toContain('"03:00-03:30" of orders-db overlaps PreferredMaintenanceWindow "fri:03:10-fri:03:40"');
  });
});
