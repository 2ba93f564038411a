/**
 * The action registry: one entry per action type in every table (contract schema, rules, simulator
 * owner, AWS call, scenario form), a scenario's PascalCase action converted once to the typed
 * ControlAction, and a service's refusal reaching the window as a code.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, CONTROL_ACTION_SCHEMAS, ControlAction, type ActionOutcome, type PreparedAction } from '@main/core/contract';
import { FlightdeckCore } from '@main/core/core-host';
import { ACTION_RULES } from '@main/core/rules';
import { readScenario } from '@main/core/scenario-files';
import { createSessionManager } from '@main/core/session/create-session-manager';
import { AWS_ACTION_CALLS } from '@main/core/sources/aws/actions/aws-action-calls';
import { ACTION_PARAMETERS, parseScenarioAction } from '@main/core/sources/sim/scenario/timed-entries';
import { SIM_ACTIONS } from '@main/core/sources/sim/sim-action-registry';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock } from '../../../helpers/core';

const keys = (table: object) => Object.keys(table).sort();

describe('the action registry', () => {
  it('has one entry per action type in every table', () => {
    const types = [...ACTION_TYPES].sort();
    expect(types).toEqual(['CreateDBSnapshot', 'ExecutePolicy', 'PromoteReadReplica', 'RebootDBInstance', 'RestoreDBInstanceToPointInTime', 'SetDesiredCapacity']);
    for (const table of [CONTROL_ACTION_SCHEMAS, ACTION_RULES, SIM_ACTIONS, AWS_ACTION_CALLS, ACTION_PARAMETERS]) expect(keys(table)).toEqual(types);
    expect(Object.fromEntries(ACTION_TYPES.map((type) => [type, SIM_ACTIONS[type].owner]))).toEqual({ PromoteReadReplica: 'rds', RebootDBInstance: 'rds', SetDesiredCapacity: 'asg', ExecutePolicy: 'asg', CreateDBSnapshot: 'rds', RestoreDBInstanceToPointInTime: 'rds' });
    expect(Object.fromEntries(ACTION_TYPES.map((type) => [type, AWS_ACTION_CALLS[type].client]))).toEqual({ PromoteReadReplica: 'rds', RebootDBInstance: 'rds', SetDesiredCapacity: 'autoscaling', ExecutePolicy: 'autoscaling', CreateDBSnapshot: 'rds', RestoreDBInstanceToPointInTime: 'rds' });
  });

  it("converts a scenario's PascalCase action once into the typed ControlAction, or says what is wrong", () => {
    const cases: [string, Record<string, unknown>, ControlAction][] = [
      ['PromoteReadReplica', { DBInstanceIdentifier: 'r1', BackupRetentionPeriod: 3 }, { type: 'PromoteReadReplica', dbInstanceIdentifier: 'r1', backupRetentionPeriod: 3 }],
      ['RebootDBInstance', { DBInstanceIdentifier: 'db' }, { type: 'RebootDBInstance', dbInstanceIdentifier: 'db', forceFailover: false }],
      ['SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 4, HonorCooldown: true }, { type: 'SetDesiredCapacity', autoScalingGroupName: 'web', desiredCapacity: 4, honorCooldown: true }],
      ['ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'step', MetricValue: 80, BreachThreshold: 70 }, { type: 'ExecutePolicy', autoScalingGroupName: 'web', policyName: 'step', metricValue: 80, breachThreshold: 70 }],
      ['CreateDBSnapshot', { DBInstanceIdentifier: 'db', DBSnapshotIdentifier: 'db-before' }, { type: 'CreateDBSnapshot', dbInstanceIdentifier: 'db', dbSnapshotIdentifier: 'db-before' }],
      [
        'RestoreDBInstanceToPointInTime',
        { SourceDBInstanceIdentifier: 'db', TargetDBInstanceIdentifier: 'db-restored', UseLatestRestorableTime: true },
        { type: 'RestoreDBInstanceToPointInTime', sourceDBInstanceIdentifier: 'db', targetDBInstanceIdentifier: 'db-restored', useLatestRestorableTime: true },
      ],
    ];
    for (const [type, parameters, expected] of cases) {
      const parsed = parseScenarioAction(type, parameters);
      expect(parsed).toEqual({ action: expected });
      expect(ControlAction.safeParse(expected).success).toBe(true);
    }
    expect(parseScenarioAction('TerminateEverything', {})).toEqual({
      problems: [expect.stringContaining('unknown action TerminateEverything')],
      refusal: expect.objectContaining({ code: 'InvalidRequest', problem: 'action.unknownType', params: expect.objectContaining({ kind: 'TerminateEverything' }) }),
    });
    // The refusal a window translates: the first problem's value code, wrapped, and which parameter.
    expect(parseScenarioAction('SetDesiredCapacity', { AutoScalingGroupName: 'web' })).toEqual({
      problems: [expect.stringContaining('DesiredCapacity')],
      refusal: expect.objectContaining({ problem: 'action.parameterInvalid', params: expect.objectContaining({ kind: 'SetDesiredCapacity', parameter: 'DesiredCapacity', reasonCode: 'value.required', 'reason.field': 'DesiredCapacity' }) }),
    });
  });

  it('a refusal by the simulated service at execute time reaches the outcome as a code', async () => {
    const wallClock = manualWallClock();
    const source = new SimSource(readScenario('shop'), { wallClock, speed: 60 });
    const core = new FlightdeckCore(createSessionManager({ initial: source, configDirectory: mkdtempSync(join(tmpdir(), 'fd-registry-')), env: {} }));
    core.start();
    const prepared = (await core.handle('action.prepare', { action: { type: 'RebootDBInstance', dbInstanceIdentifier: 'shop-db', forceFailover: false } })) as { ok: true; value: PreparedAction };
    expect(prepared.value.allowed).toBe(true);
    // Between prepare and execute the instance starts rebooting: RDS answers InvalidDBInstanceState.
    source.engine.perform({ type: 'RebootDBInstance', dbInstanceIdentifier: 'shop-db', forceFailover: false });
    const outcome = (await core.handle('action.execute', { nonce: prepared.value.nonce })) as { ok: true; value: ActionOutcome };
    expect(outcome.value).toMatchObject({ accepted: false, message: 'DB instance shop-db is not in available state.', refusal: { code: 'not-available', params: { id: 'shop-db' } } });
    core.stop();
  });
});
