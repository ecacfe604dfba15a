import type { Clock } from '../../../src/types.js';

/** A clock the spec moves by hand: `advance()` changes "now" and ticks, nothing else does. */
export class ManualClock implements Clock {
  private readonly listeners = new Set<() => void>();

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  subscribe(onTick: () => void): () => void {
    this.listeners.add(onTick);
    return () => this.listeners.delete(onTick);
  }

  /** Moves time forward and tells every subscriber, as the real clock's interval would. */
  advance(milliseconds: number): void {
    this.time += milliseconds;
    for (const listener of [...this.listeners]) listener();
  }

  /** How many elements currently follow this clock. */
  get subscriberCount(): number {
    return this.listeners.size;
  }
}
