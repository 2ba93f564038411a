/**
 * One timeline from four AWS-shaped lists: alarm state changes, scaling activities, RDS events
 * and the timeline entries (target health, health checks, faults, actions). Newest first.
 */
import type { AlarmHistoryItem, RdsEvent, ScalingActivity, TimelineEvent } from '@contract';
import type { Tone } from '@/utils/tone';
import { shortAlarmName } from '@/views/auto-scaling/capacity-markers';

export interface RecentEvent {
  id: string;
  time: number;
  service: string;
  resource: string;
  message: string;
  tone: Tone;
  route: string;
}

const ms = (iso: string): number => {
  const value = Date.parse(iso);
  return Number.isNaN(value) ? 0 : value;
};

const ROUTES: Record<string, string> = { elbv2: 'load-balancers', autoscaling: 'auto-scaling', cloudwatch: 'auto-scaling', route53: 'route53', rds: 'rds', lambda: 'lambda', simulator: 'simulator' };

export function mergeRecentEvents(input: {
  alarmHistory: readonly AlarmHistoryItem[];
  scalingActivities: readonly ScalingActivity[];
  rdsEvents: readonly RdsEvent[];
  timeline: readonly TimelineEvent[];
  /** Core's health model marks scaling alarms (target tracking, scaling-policy actions): their ALARM is scaling, not a problem. */
  isScalingAlarm?: (alarmName: string) => boolean;
  /** A timeline entry's words: translated from its code when it has one (utils/timeline-text). */
  describeTimeline?: (event: TimelineEvent) => string;
}): RecentEvent[] {
  const out: RecentEvent[] = [];
  for (const item of input.alarmHistory) {
    out.push({
      id: `alarm|${item.alarmName}|${item.timestamp}|${item.newState}`,
      time: ms(item.timestamp),
      service: 'cloudwatch',
      resource: shortAlarmName(item.alarmName),
      message: `${item.oldState} → ${item.newState}: ${item.reason}`,
      tone: item.newState === 'ALARM' ? (input.isScalingAlarm?.(item.alarmName) ? 'info' : 'bad') : item.newState === 'OK' ? 'ok' : 'neutral',
      route: ROUTES.cloudwatch!,
    });
  }
  for (const activity of input.scalingActivities) {
    out.push({
      id: `activity|${activity.activityId}`,
      time: ms(activity.startTime),
      service: 'autoscaling',
      resource: activity.autoScalingGroupName,
      message: `${activity.statusCode}: ${activity.description}`,
      tone: activity.statusCode === 'Failed' ? 'bad' : activity.statusCode === 'Successful' ? 'ok' : 'info',
      route: ROUTES.autoscaling!,
    });
  }
  for (const event of input.rdsEvents) {
    out.push({
      id: `rds|${event.sourceIdentifier}|${event.date}|${event.message}`,
      time: ms(event.date),
      service: 'rds',
      resource: event.sourceIdentifier,
      message: event.eventId ? `${event.message} (${event.eventId})` : event.message,
      tone: event.eventCategories.includes('failure') ? 'bad' : event.eventCategories.includes('failover') ? 'warn' : 'info',
      route: ROUTES.rds!,
    });
  }
  const describe = input.describeTimeline;
  for (const event of input.timeline) {
    out.push({
      id: `timeline|${event.time}|${event.kind}|${event.resource}|${event.message}`,
      time: ms(event.time),
      service: event.service,
      resource: event.resource,
      // Translated when read (the rows in view, or a filter), not for all thousand on every push:
      // at scale most of the list is new in each frame (issue 15).
      get message() {
        return describe ? describe(event) : event.message;
      },
      tone: event.severity === 'error' ? 'bad' : event.severity === 'warning' ? 'warn' : 'info',
      route: ROUTES[event.service] ?? 'overview',
    });
  }
  return out.sort((a, b) => b.time - a.time);
}
