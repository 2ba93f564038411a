/**
 * Health verdicts in pushes (issue 15 item 5): an update carries what changed since the report the
 * clients hold (contract/health-delta.ts), never the report again; another client's snapshot
 * request does not start the health monitor over (it did: the report under every other client
 * changed and their next delta would not have applied).
 */
import { describe, expect, it } from 'vitest';
import { applyHealthDelta, type HealthReport, type Snapshot, type Update } from '@main/core/contract';
import { FlightdeckCore } from '@main/core/core-host';
import { readScenario } from '@main/core/scenario-files';
import { SessionManager } from '@main/core/session/session-manager';
import { SimSource } from '@main/core/sources/sim/sim-source';

const stillWallClock = { now: () => 0, every: () => () => undefined };

async function snapshotOf(core: FlightdeckCore): Promise<Snapshot> {
  const answer = await core.handle('snapshot.get', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as Snapshot;
}

describe('health in pushes', () => {
  it('updates carry the changed verdicts as deltas from the version held; a client that applies them holds what a new snapshot says, whoever else asked for snapshots meanwhile', async () => {
    const source = new SimSource(readScenario('shop'), { wallClock: stillWallClock, paused: true });
    const core = new FlightdeckCore(new SessionManager(source));
    const updates: Update[] = [];
    core.subscribe((channel, payload) => channel === 'update' && updates.push(payload as Update));
    const first = await snapshotOf(core);
    let held: HealthReport = first.health!;
    let version = first.healthVersion!;
    const wholeBytes: number[] = [];
    const deltaBytes: number[] = [];
    source.injectFault('FailAvailabilityZone', { AvailabilityZone: `${source.scenario.simulation.region}a` }, 1800);
    for (let step = 0; step < 16; step++) {
      source.step(300);
      // Another window (re)connecting: its snapshot must not change what this one's deltas apply to.
      if (step % 3 === 1) await snapshotOf(core);
      for (const update of updates.splice(0)) {
        expect(update).not.toHaveProperty('health');
        const delta = update.healthDelta;
        if (!delta) continue;
        expect(delta.from).toBe(version);
        held = applyHealthDelta(held, delta);
        version = delta.to;
        deltaBytes.push(JSON.stringify(delta).length);
        wholeBytes.push(JSON.stringify(held).length);
      }
    }
    const latest = await snapshotOf(core);
    expect(latest.healthVersion).toBe(version);
    expect(held).toEqual(latest.health);
    // The report changed along the way, and the deltas together weigh less than half of the reports would.
    expect(deltaBytes.length).toBeGreaterThan(5);
    expect(deltaBytes.reduce((a, b) => a + b, 0)).toBeLessThan(wholeBytes.reduce((a, b) => a + b, 0) / 2);
  });
});
