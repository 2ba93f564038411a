import { describe, expect, it } from 'vitest';
import { InstanceColumns, NEAR_SLOTS } from '@main/core/sources/sim/asg/instance-columns';

describe("slots near the group's (issue 15 item 6: a group's instances close together in the columns)", () => {
  it('takes the free slot closest to the one given, else the last freed, else a new one', () => {
    const columns = new InstanceColumns(4); // grows on the way
    const slots = Array.from({ length: 200 }, () => columns.allocate(2));
    expect(slots).toEqual(Array.from({ length: 200 }, (_, i) => i));
    for (const slot of [10, 13, 150, 199]) columns.release(slot);
    expect(columns.allocate(2, 12)).toBe(13); // 1 after it, closer than 10 (2 before)
    expect(columns.allocate(2, 12)).toBe(10);
    expect(columns.allocate(2, 12 + NEAR_SLOTS * 3)).toBe(199); // nothing near: the last freed
    expect(columns.allocate(2)).toBe(150);
    expect(columns.allocate(2)).toBe(200); // none free: a new slot
    expect(columns.size).toBe(201);
    columns.release(20);
    columns.release(24);
    expect(columns.allocate(2, 22)).toBe(24); // a tie: the one after
  });

  it('a slot taken near another is never handed out twice, and the free list stays bounded', () => {
    const columns = new InstanceColumns();
    const inUse = new Set(Array.from({ length: 100 }, () => columns.allocate(1)));
    // Churn: free one, take one near another slot, many times over (each leaves a stale list entry).
    for (let round = 0; round < 5000; round++) {
      const freed = (round * 37) % 100;
      if (!inUse.has(freed)) continue;
      columns.release(freed);
      inUse.delete(freed);
      const taken = columns.allocate(1, (freed + 3) % 100);
      expect(inUse.has(taken)).toBe(false);
      inUse.add(taken);
    }
    for (let i = 0; i < 20; i++) {
      const slot = [...inUse][i * 3]!;
      columns.release(slot);
      inUse.delete(slot);
    }
    const handedOut = Array.from({ length: 30 }, () => columns.allocate(1));
    expect(new Set(handedOut).size).toBe(30);
    for (const slot of handedOut) expect(inUse.has(slot)).toBe(false);
    expect(columns.size).toBe(110); // the 20 freed came back before any new slot
    expect((columns as unknown as { free: number[] }).free.length).toBeLessThanOrEqual(64);
  });

  it('a freed slot is zeroed when handed out near another, as from the free list', () => {
    const columns = new InstanceColumns();
    const a = columns.allocate(2);
    const b = columns.allocate(2);
    columns.backlog[b] = 9;
    columns.cpuPercent[b] = 50;
    const generation = columns.generation[b]!;
    columns.release(b);
    expect(columns.allocate(4, a)).toBe(b);
    expect([columns.backlog[b], columns.cpuPercent[b], columns.vcpus[b]]).toEqual([0, 0, 4]);
    expect(columns.generation[b]).toBe(generation + 2);
  });
});
