/**
 * A view that shows the newest N of a list gets those N when it subscribes or loads a snapshot, not
 * the whole list (issue 15: the Overview's answer was ~0.5 MB at scale-1000 for a table of ten rows
 * in view), with the count of the older entries the host holds; `live.older` pages through those,
 * the lists merged newest first without gaps or repeats; a bound lifted later answers with the
 * list again; the request is bounded.
 */
import { describe, expect, it } from 'vitest';
import { LiveHistory, OlderPage, OlderRequest, Snapshot, type LiveList, type LiveSubscription, type TimelineEvent } from '@main/core/contract';
import { listEntryMillis } from '@main/core/contract/list-entry-time';
import { olderPage } from '@main/core/older-pages';
import { shopCore } from '../../helpers/core';

const OVERVIEW_LISTS: LiveList[] = ['scalingActivities', 'alarmHistory', 'rdsEvents', 'timeline'];
const overview = (over: Partial<LiveSubscription> = {}): LiveSubscription => ({
  metrics: [],
  lists: OVERVIEW_LISTS,
  instanceCpu: [],
  activitiesOf: [],
  targetsOf: [],
  newest: { scalingActivities: 3, alarmHistory: 3, rdsEvents: 3, timeline: 3 },
  history: true,
  ...over,
});
const value = <T>(result: { ok: boolean }): T => {
  expect(result.ok).toBe(true);
  return (result as unknown as { value: T }).value;
};

/** A core with an hour behind it and an Availability Zone failure: every list has far more than three entries. */
async function busyCore() {
  const { core, source } = shopCore();
  await core.handle('sim.control', { command: 'step', seconds: 600 });
  expect((await core.handle('sim.fault.inject', { type: 'FailAvailabilityZone', parameters: { AvailabilityZone: `${source.scenario.simulation.region}a` }, durationSeconds: 900 })).ok).toBe(true);
  await core.handle('sim.control', { command: 'step', seconds: 3000 });
  const whole = value<Snapshot>(await core.handle('snapshot.get', {}));
  return { core, whole };
}

describe('live.subscribe newest: answers and snapshots carry what the view shows', () => {
  it('a bounded list answers with its newest N and counts the older ones; an unbounded one comes whole', async () => {
    const { core, whole } = await busyCore();
    expect(whole.scalingActivities.length).toBeGreaterThan(3);
    expect(whole.timeline.length).toBeGreaterThan(3);
    const window = core.newInterest();
    const answer = LiveHistory.parse(value(await core.handle('live.subscribe', overview(), window)));
    expect(answer.timeline).toEqual(whole.timeline.slice(-3));
    expect(answer.scalingActivities).toEqual(whole.scalingActivities.slice(-3));
    // Lists travel oldest first, so the last three are the newest: the snapshot held its scaling
    // activities newest first (as DescribeScalingActivities answers), and the Overview's "recent"
    // table showed the three oldest, with nothing older to page to.
    const startTimes = whole.scalingActivities.map((a) => Date.parse(a.startTime));
    expect(startTimes).toEqual([...startTimes].sort((a, b) => a - b));
    const oldestSent = Math.min(...answer.scalingActivities!.map((a) => Date.parse(a.startTime)));
    expect(startTimes.slice(0, -3).every((ms) => ms <= oldestSent)).toBe(true);
    expect(answer.older).toMatchObject({ timeline: whole.timeline.length - 3, scalingActivities: whole.scalingActivities.length - 3 });
    // The snapshot that follows a reconnect is bounded the same way.
    const snapshot = Snapshot.parse(value(await core.handle('snapshot.get', {}, window)));
    expect(snapshot.timeline).toEqual(whole.timeline.slice(-3));
    expect(snapshot.older?.timeline).toBe(whole.timeline.length - 3);

    const unbounded = core.newInterest();
    const all = LiveHistory.parse(value(await core.handle('live.subscribe', overview({ newest: {} }), unbounded)));
    expect(all.timeline).toEqual(whole.timeline);
    expect(all.older).toBeUndefined();
  });

  it('a bound lifted by another view answers with the whole list; an open group keeps all its activities', async () => {
    const { core, whole } = await busyCore();
    const window = core.newInterest();
    await core.handle('live.subscribe', overview(), window);
    const lifted = LiveHistory.parse(value(await core.handle('live.subscribe', overview({ newest: { scalingActivities: 3 } }), window)));
    expect(lifted.timeline).toEqual(whole.timeline);
    expect(lifted.scalingActivities).toBeUndefined();
    expect(lifted.older).toBeUndefined();

    const group = whole.scalingActivities[0]!.autoScalingGroupName;
    const ofGroup = whole.scalingActivities.filter((a) => a.autoScalingGroupName === group);
    const withGroup = LiveHistory.parse(value(await core.handle('live.subscribe', overview({ activitiesOf: [group] }), core.newInterest())));
    expect(withGroup.scalingActivities!.filter((a) => a.autoScalingGroupName === group)).toEqual(ofGroup);
  });
});

describe('live.older: the older entries a page at a time', () => {
  it('pages from the oldest entry shown back to the start: every entry once, newest first, no gaps', async () => {
    const { core, whole } = await busyCore();
    const window = core.newInterest();
    const answer = LiveHistory.parse(value(await core.handle('live.subscribe', overview(), window)));
    const shown = OVERVIEW_LISTS.flatMap((list) => (answer[list] as { [k: string]: unknown }[] | undefined) ?? []).length;
    const key = (list: LiveList, entry: unknown) => `${list}:${JSON.stringify(entry)}`;
    const got = new Set<string>();
    for (const list of OVERVIEW_LISTS) for (const entry of (answer[list] as unknown[] | undefined) ?? []) got.add(key(list, entry));
    // The merged cursor starts at the newest of the lists' oldest entries shown (older ones of the others may be missing).
    const oldestShown = Math.max(...OVERVIEW_LISTS.filter((list) => (answer.older?.[list] ?? 0) > 0).map((list) => listEntryMillis(list, (answer[list] as never[])[0]!)));
    let cursor: OlderPage['next'] = { time: new Date(oldestShown).toISOString(), skip: 0 };
    let pages = 0;
    let previousOldest = Infinity;
    while (cursor) {
      const page = OlderPage.parse(value(await core.handle('live.older', { lists: OVERVIEW_LISTS, before: cursor, limit: 7 }, window)));
      const entries = OVERVIEW_LISTS.flatMap((list) => ((page[list] as never[]) ?? []).map((entry) => ({ list, entry, ms: listEntryMillis(list, entry) })));
      expect(entries.length).toBeLessThanOrEqual(7);
      // Each page is older than (or at the instant of) the one before.
      expect(Math.max(...entries.map((e) => e.ms))).toBeLessThanOrEqual(previousOldest);
      previousOldest = Math.min(...entries.map((e) => e.ms));
      for (const { list, entry } of entries) got.add(key(list, entry));
      cursor = page.next;
      if (!cursor) expect(Object.values(page.older).every((count) => count === 0)).toBe(true);
      expect(++pages).toBeLessThan(1000);
    }
    // Everything the host holds of the four lists, each once.
    const expected = OVERVIEW_LISTS.flatMap((list) => (whole[list] as unknown[]).map((entry) => key(list, entry)));
    expect(got).toEqual(new Set(expected));
    expect(pages).toBeGreaterThan(1);
    expect(shown).toBeLessThanOrEqual(12);
  });

  it('entries at one instant split across pages: the next cursor skips those sent, none twice, none lost', () => {
    const at = (second: number, i: number): TimelineEvent => ({ time: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(), kind: 'k', service: 'elbv2', resource: `r${i}`, message: `m${i}`, severity: 'info' });
    // Oldest first, as the source holds them: ten entries at second 5, two before.
    const timeline = [at(1, 0), at(2, 1), ...Array.from({ length: 10 }, (_, i) => at(5, i + 2))];
    const lists = { scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline, accessLog: [] };
    const seen: string[] = [];
    let before: OlderRequest['before'] | undefined = { time: '2026-01-01T00:00:05.000Z', skip: 0 };
    while (before) {
      const page = olderPage(lists, OlderRequest.parse({ lists: ['timeline'], before, limit: 4 }));
      // Oldest first within the page, as lists travel.
      expect(page.timeline!.map((e) => e.time)).toEqual([...page.timeline!.map((e) => e.time)].sort());
      seen.push(...[...page.timeline!].reverse().map((e) => e.resource));
      before = page.next;
    }
    expect(seen).toEqual(['r11', 'r10', 'r9', 'r8', 'r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1', 'r0']);
  });

  it('the request is bounded and checked', async () => {
    const { core } = shopCore();
    const ask = (payload: unknown) => core.handle('live.older', payload);
    expect((await ask({ lists: ['timeline'], before: { time: '2026-01-01T00:00:00Z', skip: 0 }, limit: 201 })).ok).toBe(false);
    expect((await ask({ lists: [], before: { time: '2026-01-01T00:00:00Z', skip: 0 } })).ok).toBe(false);
    expect((await ask({ lists: ['timeline'], before: { time: 'yesterday', skip: 0 } })).ok).toBe(false);
    expect((await ask({ lists: ['timeline'], before: { time: '2026-01-01T00:00:00Z', skip: -1 } })).ok).toBe(false);
    expect((await ask({ lists: ['nonsense'], before: { time: '2026-01-01T00:00:00Z', skip: 0 } })).ok).toBe(false);
    expect((await ask({ lists: ['timeline'], before: { time: '2026-01-01T00:00:00Z', skip: 0 }, extra: 1 })).ok).toBe(false);
  });
});
