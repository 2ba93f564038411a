/**
 * Lists a view shows only the latest of (issue 15 item 5, `live.subscribe` newest): a window that
 * asks for the newest N of a list gets at most N new entries of it per frame, the newest, with the
 * count of those left out; an activity it already shows always gets its later changes; windows
 * that never subscribe, or subscribe without a bound, get the whole list; merged frames keep the
 * counts.
 */
import { describe, expect, it } from 'vitest';
import { LiveSubscription, type ScalingActivity, type TimelineEvent, type Update } from '@main/core/contract';
import { LiveInterest } from '@main/core/live-interest';
import { mergeUpdates } from '@main/web/update-coalescer';

const event = (i: number): TimelineEvent => ({ time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), kind: 'target-health', service: 'elbv2', resource: `tg-${i}`, message: `m${i}`, severity: 'info' }) as TimelineEvent;
const activity = (id: string, group: string, statusCode: ScalingActivity['statusCode']): ScalingActivity => ({ activityId: id, autoScalingGroupName: group, cause: 'c', description: 'd', startTime: '2026-01-01T00:00:00.000Z', statusCode, progress: statusCode === 'Successful' ? 100 : 30 });
const update = (over: Partial<Update>): Update => ({ scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [], ...over });
const subscribe = (interest: LiveInterest, over: Partial<LiveSubscription>) => interest.set(LiveSubscription.parse({ metrics: [], lists: [], instanceCpu: [], ...over }));

describe('live.subscribe newest: lists bounded per frame, with the count of what was left out', () => {
  it('sends the newest N entries of a frame and counts the rest; an unbounded window gets all', () => {
    const bounded = new LiveInterest();
    subscribe(bounded, { lists: ['timeline'], newest: { timeline: 3 } });
    const whole = new LiveInterest();
    subscribe(whole, { lists: ['timeline'] });
    const frame = update({ timeline: Array.from({ length: 10 }, (_, i) => event(i)) });
    const mine = bounded.update(frame);
    expect(mine.timeline).toEqual(frame.timeline.slice(-3));
    expect(mine.skipped).toEqual({ timeline: 7 });
    expect(whole.update(frame).timeline).toHaveLength(10);
    expect(whole.update(frame).skipped).toBeUndefined();
    expect(new LiveInterest().update(frame)).toBe(frame);
    // A frame within the bound goes whole, with nothing counted.
    expect(bounded.update(update({ timeline: [event(1)] })).skipped).toBeUndefined();
  });

  it('an activity the window already shows gets its later changes, however many new ones the frame has', () => {
    const interest = new LiveInterest();
    subscribe(interest, { lists: ['scalingActivities'], newest: { scalingActivities: 2 }, activitiesOf: ['open-group'] });
    const first = interest.update(update({ scalingActivities: ['a', 'b', 'c', 'd'].map((id) => activity(id, 'g', 'InProgress')) }));
    expect(first.scalingActivities.map((a) => a.activityId)).toEqual(['c', 'd']);
    expect(first.skipped).toEqual({ scalingActivities: 2 });
    // c and d complete in a frame full of new activities: their completion is not left out.
    const fresh = ['e', 'f', 'g', 'h'].map((id) => activity(id, 'g', 'InProgress'));
    const second = interest.update(update({ scalingActivities: [activity('c', 'g', 'Successful'), activity('d', 'g', 'Successful'), activity('x', 'open-group', 'InProgress'), ...fresh] }));
    expect(second.scalingActivities.map((a) => `${a.activityId}:${a.statusCode}`)).toEqual(['c:Successful', 'd:Successful', 'x:InProgress', 'g:InProgress', 'h:InProgress']);
    expect(second.skipped).toEqual({ scalingActivities: 2 });
  });

  it('the schema bounds the request', () => {
    expect(LiveSubscription.safeParse({ metrics: [], lists: [], instanceCpu: [], newest: { timeline: 0 } }).success).toBe(false);
    expect(LiveSubscription.safeParse({ metrics: [], lists: [], instanceCpu: [], newest: { nonsense: 3 } }).success).toBe(false);
  });

  it('merged frames of a slow client add up the counts, and count what the merge bound drops', () => {
    const a = update({ timeline: [event(1)], skipped: { timeline: 5 } });
    const b = update({ timeline: [event(2)], skipped: { timeline: 2, accessLog: 1 } });
    expect(mergeUpdates(a, b)!.skipped).toEqual({ timeline: 7, accessLog: 1 });
    const many = update({ timeline: Array.from({ length: 1500 }, (_, i) => event(i)) });
    expect(mergeUpdates(many, many)!.skipped).toEqual({ timeline: 1000 });
  });
});
