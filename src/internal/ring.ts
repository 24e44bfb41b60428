/**
 * A growable FIFO ring buffer: the loop's ready queue (DESIGN.md rule 2).
 *
 * Capacity is a power of two so the index wraps with a mask; it doubles when full and never
 * shrinks below its initial size. push/shift allocate nothing (except when the ring grows), and
 * shifted slots are cleared so the ring keeps no garbage alive.
 */
export class Ring<T> {
  private buf: (T | undefined)[];
  private mask: number;
  private head = 0;
  /** Number of items queued. */
  length = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.buf = new Array<T | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  push(item: T): void {
    if (this.length > this.mask) this.grow();
    this.buf[(this.head + this.length) & this.mask] = item;
    this.length++;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const i = this.head;
    const item = this.buf[i];
    this.buf[i] = undefined;
    this.head = (i + 1) & this.mask;
    this.length--;
    return item;
  }

  /** The oldest item without removing it. */
  peek(): T | undefined {
    return this.length === 0 ? undefined : this.buf[this.head];
  }

  clear(): void {
    for (let n = 0; n < this.length; n++) this.buf[(this.head + n) & this.mask] = undefined;
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    const old = this.buf;
    const cap = old.length;
    const next = new Array<T | undefined>(cap * 2).fill(undefined);
    for (let n = 0; n < this.length; n++) next[n] = old[(this.head + n) & this.mask];
    this.buf = next;
    this.head = 0;
    this.mask = cap * 2 - 1;
  }
}
