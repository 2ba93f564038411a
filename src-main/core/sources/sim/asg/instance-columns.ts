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
 * reads what it had, and its slot is reused by the next launch (slots stay as many as the instances
 * alive at once, however long a session runs).
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
  /** Slots handed out so far (the free ones among them are listed in `free`). */
  size = 0;
  private readonly free: number[] = [];
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
  }

  /** A slot for a new instance, all its values zero. The arrays may be replaced: read them after. */
  allocate(vcpus: number): number {
    const reused = this.free.pop();
    const slot = reused ?? this.size++;
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
    this.free.push(slot);
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
