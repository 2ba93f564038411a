/**
 * CloudWatch alarms as a simulated service: at each minute boundary, after the minute's metric
 * periods closed, every alarm is evaluated (CW-1); state changes are recorded with time, old and new
 * state and reason (CW-2); while an alarm is in ALARM its actions (scaling policies) are invoked
 * each minute — our reading of how Auto Scaling alarms keep driving their policies.
 */
import type { AlarmHistoryItem, Inventory, MetricAlarm } from '../../../contract/model';
import type { SimContext } from '../sim-context';
import type { SimService } from '../service-module';
import { evaluateAlarm, evaluationRange, type AlarmDefinition } from './alarm';
import type { MetricSeriesData } from './metric-store';
import { mathSeries } from './math-alarm';
import { BoundedLog } from '../kernel/bounded-log';

/** Newest alarm-history items kept (CloudWatch keeps 30 days). */
export const MAX_ALARM_HISTORY = 2000;

export type AlarmActionDispatcher = (actionArn: string, trigger: { alarmName: string; metricValue: number; threshold: number }) => void;

export class AlarmService implements SimService {
  readonly id = 'cloudwatch';
  private readonly historyLog = new BoundedLog<AlarmHistoryItem>(MAX_ALARM_HISTORY);

  constructor(
    private readonly ctx: SimContext,
    private readonly dispatch: AlarmActionDispatcher,
  ) {}

  /** Last in module order: after the minute's periods closed and every other service's `minute`. */
  minute(): void {
    this.evaluate();
  }

  evaluate(): void {
    const nowSeconds = this.ctx.now / 1000;
    for (const alarm of this.ctx.world.alarms.values()) {
      const def = alarm.definition;
      if ((nowSeconds % def.period) !== 0) continue; // a period of its own has not just ended
      // A metric-math alarm the simulator cannot evaluate stays INSUFFICIENT_DATA (warned at load).
      if (def.math?.unsupported) continue;
      const series = def.math
        ? mathSeries(def.math, this.ctx.metrics, nowSeconds - (nowSeconds % def.period), def.period, evaluationRange(def.evaluationPeriods))
        : this.seriesOf(def);
      const evaluation = evaluateAlarm(def, series, nowSeconds, alarm.state);
      if (evaluation.state !== alarm.state) {
        const item: AlarmHistoryItem = {
          alarmName: def.alarmName,
          timestamp: new Date(this.ctx.now).toISOString(),
          oldState: alarm.state,
          newState: evaluation.state,
          reason: evaluation.reason,
        };
        this.historyLog.push(item);
        this.ctx.changes.alarmHistoryItem(item);
        alarm.state = evaluation.state;
        alarm.stateReason = evaluation.reason;
        alarm.stateUpdated = this.ctx.now;
        this.ctx.inventoryChanged();
      }
      if (alarm.state === 'ALARM' && evaluation.latestValue !== undefined) {
        for (const action of def.alarmActions) this.dispatch(action, { alarmName: def.alarmName, metricValue: evaluation.latestValue, threshold: def.threshold });
      }
    }
  }

  /**
   * The alarm's metric series, held once found (a series, once created, stays in the store): building its
   * key every minute for each of 500 alarms cost more than the lookup (issue 15).
   */
  private seriesOf(def: AlarmDefinition): MetricSeriesData | undefined {
    let series = this.seriesByAlarm.get(def);
    if (!series) {
      series = this.ctx.metrics.get(def.namespace, def.metricName, def.dimensions);
      if (series) this.seriesByAlarm.set(def, series);
    }
    return series;
  }

  private readonly seriesByAlarm = new WeakMap<AlarmDefinition, MetricSeriesData>();

  /** State changes (DescribeAlarmHistory), the newest MAX_ALARM_HISTORY, oldest first. */
  get history(): readonly AlarmHistoryItem[] {
    return this.historyLog.items;
  }

  inventory(): Partial<Inventory> {
    const alarms: MetricAlarm[] = [...this.ctx.world.alarms.values()].map(({ definition, state, stateReason, stateUpdated }) => ({
      alarmName: definition.alarmName,
      alarmArn: definition.alarmArn,
      // DescribeAlarms gives a metric-math alarm's Metrics instead of a namespace, name and statistic.
      ...(definition.math ? {} : { namespace: definition.namespace, metricName: definition.metricName, statistic: definition.statistic }),
      dimensions: { ...definition.dimensions },
      period: definition.period,
      evaluationPeriods: definition.evaluationPeriods,
      datapointsToAlarm: definition.datapointsToAlarm,
      threshold: definition.threshold,
      comparisonOperator: definition.comparisonOperator,
      treatMissingData: definition.treatMissingData,
      alarmActions: [...definition.alarmActions],
      stateValue: state,
      stateReason,
      stateUpdatedTimestamp: new Date(stateUpdated).toISOString(),
    }));
    return { alarms };
  }
}
