/**
 * Request priority (issue 15, first render at scale): a simulation frame is cut into slices of
 * FRAME_SLICE_MS wall time, and the host answers what arrived between two slices. Before, a frame
 * held the event loop for ~200 ms of every 250 at scale-1000 ×3600, and every request of a page
 * being opened (its HTML, its scripts, its snapshot) waited for a frame to end. The slices change
 * when updates go out, never what is simulated: the same ticks, the same run.
 */
import { describe, expect, it } from 'vitest';
import { FlightdeckCore } from '@main/core/core-host';
import type { Snapshot, Update } from '@main/core/contract/model';
import { readScenario } from '@main/core/scenario-files';
import { FRAME_SLICE_MS, SimSource } from '@main/core/sources/sim/sim-source';
import type { WallClock } from '@main/core/wall-clock';

/**
 * A wall clock on which each reading costs `msPerRead` (as each simulated tick costs real time), with
 * the host's event loop in the test's hands: `frame()` lets 250 ms pass and runs the frame timer,
 * `deferred` holds what waits for the host's next turn (WallClock.defer), `turn()` runs it.
 */
function hostLoop(msPerRead: number, slices: boolean) {
  let now = 0;
  let timer: (() => void) | undefined;
  const deferred: (() => void)[] = [];
  const clock: WallClock & { frame(): void; turn(): void; deferred: (() => void)[] } = {
    now: () => (now += msPerRead),
    every: (_ms, run) => {
      timer = run;
      return () => (timer = undefined);
    },
    ...(slices ? { defer: (callback: () => void) => void deferred.push(callback) } : {}),
    deferred,
    frame: () => {
      now += 250;
      timer?.();
    },
    turn: () => deferred.splice(0).forEach((callback) => callback()),
  };
  return clock;
}

/** The frame and every slice it defers, to its end. */
function finishFrame(clock: ReturnType<typeof hostLoop>): number {
  let turns = 0;
  while (clock.deferred.length > 0) {
    clock.turn();
    turns++;
  }
  return turns;
}

/** Points as `series|stat|time=value`, the identity the renderer's ring buffers keep. */
function pointsOf(series: Snapshot['metrics']): Set<string> {
  const points = new Set<string>();
  for (const entry of series) {
    const key = `${entry.namespace}|${entry.metricName}|${JSON.stringify(entry.dimensions)}|${entry.stat}|${entry.period}`;
    for (const [time, value] of entry.points) points.add(`${key}|${time}=${value}`);
  }
  return points;
}

describe('SimSource frames in slices: the host answers between them', () => {
  // shop at ×300: a 250 ms frame asks for 75 s, 15 ticks of 5 s; at 5 ms a tick it fits the 150 ms
  // budget (the frame reaches its target) and spans several 20 ms slices.
  const speed = 300;
  const msPerRead = 5;

  it('a snapshot asked while a frame is being simulated is answered before the frame has run to its end, and ends it', async () => {
    const clock = hostLoop(msPerRead, true);
    const source = new SimSource(readScenario('shop'), { wallClock: clock, speed, frameMs: 250 });
    const core = new FlightdeckCore(source);
    const updates: Update[] = [];
    core.subscribe((channel, payload) => {
      if (channel === 'update') updates.push(payload as Update);
    });
    core.start();
    const start = source.clock().now;
    clock.frame();
    // The first slice ran (FRAME_SLICE_MS of wall time, a few ticks) and the rest waits for the host.
    expect(clock.deferred).toHaveLength(1);
    const midFrame = source.clock().now;
    expect(midFrame).toBeGreaterThan(start);
    expect(midFrame - start).toBeLessThanOrEqual(Math.ceil(FRAME_SLICE_MS / msPerRead) * source.engine.tickMs);

    const answer = (await core.handle('snapshot.get', {})) as { ok: true; value: Snapshot };
    expect(answer.ok).toBe(true);
    expect(answer.value.clock!.now).toBe(midFrame);
    // What was simulated before the snapshot went out first, so the snapshot is of published state.
    expect(updates.at(-1)!.clock!.now).toBe(midFrame);
    const afterSnapshot = updates.length;

    // The snapshot ended that frame (published): its last slice does nothing, the next frame
    // carries on towards the same target.
    finishFrame(clock);
    expect(source.clock().now).toBe(midFrame);
    expect(updates).toHaveLength(afterSnapshot);
    clock.frame();
    finishFrame(clock);
    const end = source.clock().now;
    expect(end).toBeGreaterThan(midFrame);
    // The rest of the frame comes as updates, and the snapshot plus those is the whole state: no
    // datapoint missing, none sent twice.
    const later = updates.slice(afterSnapshot);
    expect(later.at(-1)!.clock!.now).toBe(end);
    const final = source.snapshot();
    const known = pointsOf(answer.value.metrics);
    const pushed = pointsOf(later.flatMap((update) => update.metrics));
    for (const point of pointsOf(final.metrics)) {
      if (!known.has(point)) expect(pushed.has(point), point).toBe(true);
    }
    for (const point of pushed) expect(known.has(point), point).toBe(false);
    core.stop();
  });

  it('slices simulate the same ticks as one piece: the same run, byte for byte, requests between slices or not', async () => {
    const clock = hostLoop(msPerRead, true);
    const sliced = new SimSource(readScenario('shop'), { wallClock: clock, speed, frameMs: 250 });
    const core = new FlightdeckCore(sliced);
    core.start();
    let cut = 0;
    for (let i = 0; i < 40; i++) {
      clock.frame();
      if (clock.deferred.length > 0) cut++;
      // Requests between slices: a snapshot and a subscription's history read the engine mid-frame.
      if (i % 3 === 0) await core.handle('snapshot.get', {});
      if (i % 5 === 0) await core.handle('live.subscribe', { metrics: [], lists: ['timeline'], instanceCpu: [], history: true });
      finishFrame(clock);
    }
    core.stop();
    expect(cut).toBeGreaterThan(30);
    // The same scenario simulated to the same time in one go (step: whole ticks, no frames at all).
    const whole = new SimSource(readScenario('shop'), { wallClock: hostLoop(0, false), paused: true });
    whole.step((sliced.clock().now - whole.clock().now) / 1000);
    // Only the publishing differs: how often the inventory was published (its version), and the clock's running/speed.
    const state = (source: SimSource) => JSON.stringify({ ...source.snapshot(), clock: source.clock().now, inventoryVersion: undefined });
    expect(state(sliced)).toBe(state(whole));
  });

  it('a frame that falls due while the previous one is still in slices follows it at once, not a timer period later', () => {
    const clock = hostLoop(msPerRead, true);
    const source = new SimSource(readScenario('shop'), { wallClock: clock, speed, frameMs: 250 });
    const ends: number[] = [];
    source.onUpdate((update) => ends.push(update.clock!.now));
    source.start();
    clock.frame();
    expect(clock.deferred).toHaveLength(1);
    // The timer fires again before the first frame's slices are done (a busy machine).
    clock.frame();
    expect(ends).toHaveLength(0);
    finishFrame(clock);
    // Two frames published, the second one simulating both intervals' wall time.
    expect(ends).toHaveLength(2);
    expect(ends[1]!).toBeGreaterThan(ends[0]!);
    source.stop();
  });

  it('step, load and stop let go of a frame still in slices; pause drops the rest of its target', () => {
    const clock = hostLoop(msPerRead, true);
    const source = new SimSource(readScenario('shop'), { wallClock: clock, speed, frameMs: 250 });
    source.start();
    clock.frame();
    expect(clock.deferred).toHaveLength(1);
    source.step(60);
    const stepped = source.clock().now;
    finishFrame(clock);
    // The slice left over does nothing: the clock is where the step put it.
    expect(source.clock().now).toBe(stepped);
    // The next frame starts afresh (not refused as "still in slices").
    clock.frame();
    expect(source.clock().now).toBeGreaterThan(stepped);
    finishFrame(clock);

    clock.frame();
    source.pause();
    const paused = source.clock().now;
    finishFrame(clock);
    expect(source.clock().now).toBe(paused);
    source.resume();
    clock.frame();
    finishFrame(clock);
    // Resumed: one frame's worth, not the dropped remainder on top.
    expect(source.clock().now - paused).toBeLessThanOrEqual(15 * 10_000);

    clock.frame();
    source.reset();
    const reset = source.clock().now;
    finishFrame(clock);
    expect(source.clock().now).toBe(reset);
    source.stop();
    expect(clock.deferred).toHaveLength(0);
  });
});
