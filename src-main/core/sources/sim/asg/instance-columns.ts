/**
 * The numbers every tick rewrites for every instance — utilisation, queued work, CPU and whether it
 * received work — held in typed arrays (a struct of arrays) instead of on the instance objects
 * (issue 15 item 6). On the objects, each was a boxed double of its own (V8 keeps no unboxed double
 * fields): serving, health checks and the CPU metrics touched the instance and each box, and the tick's
 * first step walked all 13,000 instance objects at 10,000 instances only to set two of them to zero,
 * which here is one `fill`. The columns hold the same doubles, so every result is the same bytes.
 *
 * Each instance in the world has a slot; an instance that leaves the world (terminated, or its launch
 * failed) is detached: its values move to plain fields on it (SimInstance.detach), so whoever still holds it
 * reads what it had, and its slot is reused by a later launch (slots stay as many as the instances
 * alive at once, however long a session runs).
 *
 * A launch takes a free slot near one of its group's (allocate's `near`): the per-tick walks go group
 * by group (CPU, health checks, serving a target group), and a group's slots close together share cache
 * lines. Handing out the last slot freed, whichever group it was, scattered every group over all the
 * columns within hours of churn (issue 15 item 6). Nothing depends on which slot an instance has.
 */
export class InstanceColumns {
  /** Utilisation of its vCPUs in the current tick, 0..1 (can exceed 1 when offered more than it can serve). */
  utilisation: Float64Array;
  /** CPU-seconds of queued work not yet processed (requests waiting), carried across ticks. */
  backlog: Float64Array;
  cpuPercent: Float64Array;
  /** 1 when it received work this tick (an idle instance drains its backlog in the ALB's tick). */
  busy: Uint8Array;
  /** 1 while its lifecycle state is InService (kept by SimInstance's lifecycleState setter). */
  inService: Uint8Array;
  vcpus: Float64Array;
  /**
   * Its lifecycle state as a code (LIFECYCLE below, kept by SimInstance's lifecycleState setter): the
   * group's per-tick walk (CPU, group metrics) reads states here instead of touching every instance object.
   */
  state: Uint8Array;
  /** Until when its metrics do not count toward the group's (ASG-5), epoch ms. */
  warmUntil: Float64Array;
  /** 1 while it is a rebalancing launch not yet in service (SimInstance.rebalancing). */
  rebalancing: Uint8Array;
  /** Its Availability Zone as an index into `zoneNames` (zoneIndex): whether its zone is down, without the object. */
  zone: Int32Array;
  /**
   * Bumped whenever the slot is handed out or freed: a (slot, generation) pair someone kept names the
   * same instance, still in the world, exactly while the slot's generation is unchanged — so the ALB
   * reaches a target's instance without a lookup by id or a touch of the object (alb-service.ts).
   */
  generation: Int32Array;
  /** Slots handed out so far (the free ones among them are flagged in `freeFlags`). */
  size = 0;
  /**
   * Free slots, the last freed last. A slot taken near another (allocate) stays listed until it comes up
   * here: what comes up is taken only while its flag says free. Compacted when mostly stale.
   */
  private free: number[] = [];
  /** 1 for a free slot. */
  private freeFlags: Uint8Array;
  private freeCount = 0;
  /** Availability Zone names by index, and the index of each (a handful per region). */
  readonly zoneNames: string[] = [];
  private readonly zoneIndexes = new Map<string, number>();

  /**
   * Per zone index, 1 for the zones listed (the failed ones), else 0: the per-tick walks tell whether an
   * instance's zone is down from its zone column. The array is reused: valid until the next call.
   */
  zonesDown(failed: Iterable<string>): Uint8Array {
    if (this.zoneFlags.length < this.zoneNames.length) this.zoneFlags = new Uint8Array(this.zoneNames.length * 2);
    this.zoneFlags.fill(0);
    for (const zone of failed) this.zoneFlags[this.zoneIndex(zone)] = 1;
    return this.zoneFlags;
  }

  private zoneFlags = new Uint8Array(8);

  /** The index of an Availability Zone in `zoneNames`, given one on first sight. */
  zoneIndex(name: string): number {
    let index = this.zoneIndexes.get(name);
    if (index === undefined) {
      index = this.zoneNames.push(name) - 1;
      this.zoneIndexes.set(name, index);
    }
    return index;
  }

  constructor(capacity = 256) {
    this.utilisation = new Float64Array(capacity);
    this.backlog = new Float64Array(capacity);
    this.cpuPercent = new Float64Array(capacity);
    this.busy = new Uint8Array(capacity);
    this.inService = new Uint8Array(capacity);
    this.vcpus = new Float64Array(capacity);
    this.generation = new Int32Array(capacity);
    this.state = new Uint8Array(capacity);
    this.warmUntil = new Float64Array(capacity);
    this.zone = new Int32Array(capacity);
    this.rebalancing = new Uint8Array(capacity);
    this.freeFlags = new Uint8Array(capacity);
  }

  /**
   * A slot for a new instance, all its values zero. The arrays may be replaced: read them after.
   * `near`: a slot of its group's, if it has one; the free slot closest to it within NEAR_SLOTS is
   * taken, else the last one freed, else a new one.
   */
  allocate(vcpus: number, near = -1): number {
    const slot = this.takeFreeNear(near) ?? this.takeLastFreed() ?? this.size++;
    if (slot >= this.utilisation.length) this.grow(Math.max(256, this.utilisation.length * 2));
    this.utilisation[slot] = 0;
    this.backlog[slot] = 0;
    this.cpuPercent[slot] = 0;
    this.busy[slot] = 0;
    this.inService[slot] = 0;
    this.vcpus[slot] = vcpus;
    this.state[slot] = LIFECYCLE.other;
    this.warmUntil[slot] = 0;
    this.zone[slot] = 0;
    this.rebalancing[slot] = 0;
    this.generation[slot]!++;
    return slot;
  }

  /** The slot's instance left the world: the slot may be handed out again. */
  release(slot: number): void {
    this.generation[slot]!++;
    this.inService[slot] = 0;
    this.state[slot] = LIFECYCLE.other;
    this.freeFlags[slot] = 1;
    this.freeCount++;
    this.free.push(slot);
    if (this.free.length > 2 * this.freeCount + 64) this.compactFree();
  }

  /** The free slot closest to `near` (the one after it first on a tie), within NEAR_SLOTS either side. */
  private takeFreeNear(near: number): number | undefined {
    if (near < 0 || this.freeCount === 0) return undefined;
    const flags = this.freeFlags;
    for (let distance = 1; distance <= NEAR_SLOTS; distance++) {
      const after = near + distance;
      if (after < this.size && flags[after] === 1) return this.take(after);
      const before = near - distance;
      if (before >= 0 && before < this.size && flags[before] === 1) return this.take(before);
    }
    return undefined;
  }

  private takeLastFreed(): number | undefined {
    while (this.free.length > 0) {
      const slot = this.free.pop()!;
      if (this.freeFlags[slot] === 1) return this.take(slot);
    }
    return undefined;
  }

  private take(slot: number): number {
    this.freeFlags[slot] = 0;
    this.freeCount--;
    return slot;
  }

  /** The free list without its stale entries (slots taken near another) and repeats, in the same order. */
  private compactFree(): void {
    const flags = this.freeFlags;
    const kept: number[] = [];
    // From the end: of a slot listed twice, the later entry is the one that would come up first.
    for (let i = this.free.length - 1; i >= 0; i--) {
      const slot = this.free[i]!;
      if (flags[slot] !== 1) continue;
      flags[slot] = 2; // listed already
      kept.push(slot);
    }
    for (const slot of kept) flags[slot] = 1;
    this.free = kept.reverse();
  }

  /** Before a tick's traffic: no instance has worked yet (the instances' former startTick walk). */
  startTick(): void {
    this.utilisation.fill(0, 0, this.size);
    this.busy.fill(0, 0, this.size);
  }

  private grow(capacity: number): void {
    const utilisation = new Float64Array(capacity);
    const backlog = new Float64Array(capacity);
    const cpuPercent = new Float64Array(capacity);
    const busy = new Uint8Array(capacity);
    const inService = new Uint8Array(capacity);
    const vcpus = new Float64Array(capacity);
    const generation = new Int32Array(capacity);
    const state = new Uint8Array(capacity);
    const warmUntil = new Float64Array(capacity);
    const zone = new Int32Array(capacity);
    const rebalancing = new Uint8Array(capacity);
    const freeFlags = new Uint8Array(capacity);
    freeFlags.set(this.freeFlags);
    this.freeFlags = freeFlags;
    rebalancing.set(this.rebalancing);
    state.set(this.state);
    warmUntil.set(this.warmUntil);
    zone.set(this.zone);
    utilisation.set(this.utilisation);
    backlog.set(this.backlog);
    cpuPercent.set(this.cpuPercent);
    busy.set(this.busy);
    inService.set(this.inService);
    vcpus.set(this.vcpus);
    generation.set(this.generation);
    this.utilisation = utilisation;
    this.backlog = backlog;
    this.cpuPercent = cpuPercent;
    this.busy = busy;
    this.inService = inService;
    this.vcpus = vcpus;
    this.generation = generation;
    this.state = state;
    this.warmUntil = warmUntil;
    this.zone = zone;
    this.rebalancing = rebalancing;
  }
}

/** How far from its group's slot a launch looks for a free one: a few cache lines of each column either side. */
export const NEAR_SLOTS = 64;

/**
 * Lifecycle states as the per-tick walks tell them apart: in service; exactly Pending (the group's
 * pending count); on its way out (any Terminating…, the terminating count); Terminated; anything else.
 */
export const LIFECYCLE = { other: 0, inService: 1, pending: 2, terminating: 3, terminated: 4 } as const;

/** The code of a lifecycle state (LIFECYCLE). */
export function lifecycleCode(state: string): number {
  if (state === 'InService') return LIFECYCLE.inService;
  if (state === 'Pending') return LIFECYCLE.pending;
  if (state.startsWith('Terminating')) return LIFECYCLE.terminating;
  if (state === 'Terminated') return LIFECYCLE.terminated;
  return LIFECYCLE.other;
}
