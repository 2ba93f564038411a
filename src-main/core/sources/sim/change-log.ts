/**
 * What changed since the live bridge last looked: the data source (sim-source.ts) drains it into
 * pushed Updates. Services record here through the context; the engine never reaches into a
 * service's own buffers. A headless run (`sim run`, a DNS trace, the benchmark) has nobody to push to
 * and turns tracking off: every closed datapoint and timeline entry would otherwise pile up here for
 * the whole run (+99 MB per simulated day of scale-1000, issue 15).
 */
import type { AccessLogEntry, MetricStat, RdsEvent, TimelineEvent } from '../../contract/model';
import type { AlarmHistoryItem } from './cloudwatch/alarm';
import type { MetricSeriesData } from './cloudwatch/metric-store';
import type { SimActivity } from './asg/asg-state';

export interface ClosedDatapoint {
  series: MetricSeriesData;
  stat: MetricStat;
  point: [number, number];
}

export interface SimChanges {
  activities: SimActivity[];
  inventoryChanged: boolean;
  datapoints: ClosedDatapoint[];
  alarmHistory: AlarmHistoryItem[];
  timeline: TimelineEvent[];
  rdsEvents: RdsEvent[];
  accessLog: AccessLogEntry[];
}

export class ChangeLog {
  private activities = new Set<SimActivity>();
  private inventoryDirty = true;
  private datapoints: ClosedDatapoint[] = [];
  private alarmHistory: AlarmHistoryItem[] = [];
  private timeline: TimelineEvent[] = [];
  private rdsEvents: RdsEvent[] = [];
  private accessLog: AccessLogEntry[] = [];

  /** `tracking` false: nothing is kept (nobody will drain); `inventoryChanged` still reads true. */
  constructor(public tracking = true) {}

  activity(activity: SimActivity): void {
    if (this.tracking) this.activities.add(activity);
  }

  inventory(): void {
    this.inventoryDirty = true;
  }

  datapoint(point: ClosedDatapoint): void {
    if (this.tracking) this.datapoints.push(point);
  }

  timelineEntry(entry: TimelineEvent): void {
    if (this.tracking) this.timeline.push(entry);
  }

  rdsEvent(entry: RdsEvent): void {
    if (this.tracking) this.rdsEvents.push(entry);
  }

  alarmHistoryItem(item: AlarmHistoryItem): void {
    if (this.tracking) this.alarmHistory.push(item);
  }

  accessLogEntry(entry: AccessLogEntry): void {
    if (this.tracking) this.accessLog.push(entry);
  }

  drain(): SimChanges {
    const changes: SimChanges = {
      activities: [...this.activities],
      inventoryChanged: this.inventoryDirty,
      datapoints: this.datapoints,
      alarmHistory: this.alarmHistory,
      timeline: this.timeline,
      rdsEvents: this.rdsEvents,
      accessLog: this.accessLog,
    };
    this.activities = new Set();
    this.inventoryDirty = false;
    this.datapoints = [];
    this.alarmHistory = [];
    this.timeline = [];
    this.rdsEvents = [];
    this.accessLog = [];
    return changes;
  }
}
