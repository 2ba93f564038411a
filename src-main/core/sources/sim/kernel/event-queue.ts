/**
 * Future events ordered by (time, sequence number) — the CloudSim Plus FutureQueue ordering — so two
 * events at the same instant always run in the order they were scheduled, on every run.
 */

interface QueuedEvent<T> {
  time: number;
  sequence: number;
  payload: T;
}

export class EventQueue<T> {
  private heap: QueuedEvent<T>[] = [];
  private nextSequence = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(time: number, payload: T): void {
    this.heap.push({ time, sequence: this.nextSequence++, payload });
    this.siftUp(this.heap.length - 1);
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.heap[0]?.time ?? Infinity;
  }

  /** Removes and returns every event due at or before `time`, in order. */
  popDue(time: number): T[] {
    const due: T[] = [];
    while (this.heap.length > 0 && this.heap[0]!.time <= time) due.push(this.pop()!.payload);
    return due;
  }

  private pop(): QueuedEvent<T> | undefined {
    const top = this.heap[0];
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
