/**
 * CloudFormation → simulated CloudWatch alarms: the scenario's AWS::CloudWatch::Alarm resources, built
 * by the alarms module after Auto Scaling has added each target-tracking policy's pair (addAlarm) — the
 * order they are evaluated in.
 */
import type { AlarmDefinition } from './alarm';
import { alarmPeriod, type AlarmProperties } from './alarm-resource-type';
import type { AlarmWorld } from './alarm-state';
import { compileAlarm } from './math-alarm';
import { ACCOUNT_ID, type ScenarioModel } from '../scenario/load-scenario';

export function buildAlarms(scenario: ScenarioModel, world: AlarmWorld): void {
  for (const resource of scenario.resources.filter((r) => r.type === 'AWS::CloudWatch::Alarm')) {
    const p = resource.properties as unknown as AlarmProperties;
    const statistic = (p.Statistic ?? (['p50', 'p90', 'p99'].includes(p.ExtendedStatistic ?? '') ? p.ExtendedStatistic : 'Average')) as AlarmDefinition['statistic'];
    // A metric-math alarm watches the query that returns data; check-alarms.ts warned at load about what is not evaluated.
    const math = compileAlarm(p);
    addAlarm(
      world,
      {
        alarmName: resource.identity.name,
        alarmArn: `arn:aws:cloudwatch:${resource.identity.region}:${ACCOUNT_ID}:alarm:${resource.identity.name}`,
        namespace: p.Namespace ?? '',
        metricName: p.MetricName ?? '',
        dimensions: Object.fromEntries((p.Dimensions ?? []).map((d) => [d.Name, String(d.Value)])),
        statistic,
        period: alarmPeriod(p),
        evaluationPeriods: p.EvaluationPeriods,
        datapointsToAlarm: p.DatapointsToAlarm ?? p.EvaluationPeriods,
        threshold: p.Threshold ?? 0,
        // A band comparison is kept as written for the inventory; such an alarm is never evaluated (math.unsupported).
        comparisonOperator: p.ComparisonOperator as AlarmDefinition['comparisonOperator'],
        treatMissingData: p.TreatMissingData ?? 'missing',
        alarmActions: p.ActionsEnabled === false ? [] : (p.AlarmActions ?? []),
        ...(math ? { math } : {}),
      },
      scenario.simulation.startTime,
    );
  }
}

/** A new alarm starts INSUFFICIENT_DATA at the stack's creation (or says why it is never evaluated). */
export function addAlarm(world: AlarmWorld, definition: AlarmDefinition, startTime: number): void {
  const stateReason = definition.math?.unsupported ? `Not evaluated by the simulator: ${definition.math.unsupported}` : 'Unchecked: Initial alarm creation';
  world.alarms.set(definition.alarmName, { definition, state: 'INSUFFICIENT_DATA', stateReason, stateUpdated: startTime });
}

