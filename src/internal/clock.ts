import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock } from '../types.js';

/**
 * The real clock, ticking every `periodMs` while anything listens. One interval serves every
 * subscriber, and it stops when the last one leaves, so 30 visible cards cost one timer and a
 * page with no cards costs none. It also ticks when the page becomes visible again, because
 * browsers throttle timers in background tabs.
 */
export class TickingClock implements Clock {
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly periodMs = 15_000) {}

  now(): number {
    return Date.now();
  }

  subscribe(onTick: () => void): () => void {
    this.listeners.add(onTick);
    if (this.listeners.size === 1) this.start();
    return () => {
      if (this.listeners.delete(onTick) && this.listeners.size === 0) this.stop();
    };
  }

  /** Whether a timer is running (i.e. something is subscribed). */
  get running(): boolean {
    return this.timer !== undefined;
  }

  private readonly tick = (): void => {
    for (const listener of [...this.listeners]) listener();
  };

  private readonly handleVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.tick();
  };

  private start(): void {
    this.timer = setInterval(this.tick, this.periodMs);
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.handleVisibilityChange);
    }
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    }
  }
}

/** The clock every element uses unless given another. Relative times are minute-grained. */
export const sharedClock: Clock = new TickingClock(15_000);

/**
 * Re-renders its host whenever its clock ticks, while the host is connected. `now` is the time
 * the host renders against.
 */
export class NowController implements ReactiveController {
  private clock: Clock;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    clock: Clock,
  ) {
    this.clock = clock;
    host.addController(this);
  }

  get now(): number {
    return this.clock.now();
  }

  /** Follows another clock from now on. */
  use(clock: Clock): void {
    if (clock === this.clock) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.clock = clock;
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private subscribe(): void {
    this.unsubscribe = this.clock.subscribe(() => this.host.requestUpdate());
  }
}
