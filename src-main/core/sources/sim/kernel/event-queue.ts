/**
 * Future events ordered by (time, sequence number) — the CloudSim Plus FutureQueue ordering — so two
 * events at the same instant always run in the order they were scheduled, on every run. Each event has
 * a handle that cancels it: a cancelled event stays in the heap (removing from the middle of a heap
 * costs more than skipping) and is dropped when it reaches the top.
 */

/** A scheduled event: `cancel()` before it is due and it never runs. */
export interface EventHandle {
  readonly time: number;
  /** True once cancelled (or once it ran: a handle cannot cancel the past). */
  readonly done: boolean;
  cancel(): void;
}

interface QueuedEvent<T> extends EventHandle {
  sequence: number;
  payload: T;
  done: boolean;
  /** Still in the heap (runDue takes a batch out before running it). */
  queued: boolean;
}

export class EventQueue<T> {
  private heap: QueuedEvent<T>[] = [];
  private nextSequence = 0;

  private cancelled = 0;

  /** Events still to run (cancelled ones not counted). */
  get size(): number {
    return this.heap.length - this.cancelled;
  }

  schedule(time: number, payload: T): EventHandle {
    const event: QueuedEvent<T> = {
      time,
      sequence: this.nextSequence++,
      payload,
      done: false,
      queued: true,
      cancel: () => {
        if (event.done) return;
        event.done = true;
        if (event.queued) this.cancelled++;
      },
    };
    this.heap.push(event);
    this.siftUp(this.heap.length - 1);
    return event;
  }

  /** Time of the earliest event still to run, or Infinity when none. */
  peekTime(): number {
    this.dropCancelled();
    return this.heap[0]?.time ?? Infinity;
  }

  /** Removes and returns every event due at or before `time` and not cancelled, in order. */
  popDue(time: number): T[] {
    const due: T[] = [];
    this.runDue(time, (payload) => due.push(payload));
    return due;
  }

  /**
   * Takes every event due at or before `time` (those scheduled while they run wait for the next call,
   * as before handles existed) and runs each in order, unless an earlier one cancelled it.
   */
  runDue(time: number, run: (payload: T) => void): void {
    const batch: QueuedEvent<T>[] = [];
    for (;;) {
      this.dropCancelled();
      if (this.heap.length === 0 || this.heap[0]!.time > time) break;
      batch.push(this.pop()!);
    }
    for (const event of batch) {
      if (event.done) continue; // cancelled by an event that ran before it in this batch
      event.done = true;
      run(event.payload);
    }
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.done) {
      this.pop();
      this.cancelled--;
    }
  }

  private pop(): QueuedEvent<T> | undefined {
    const top = this.heap[0];
    if (top) top.queued = false;
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private before(a: QueuedEvent<T>, b: QueuedEvent<T>): boolean {
    return a.time < b.time || (a.time === b.time && a.sequence < b.sequence);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && this.before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && this.before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  }
}
