import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../internal/idle.js';

/** What a lazy chunk controller needs. */
export interface LazyChunkOptions<T> {
  /** The chunk's loader (a `chunkLoader`: shared, and retried after a failure). */
  readonly load: () => Promise<T>;
  /** The chunk has just loaded (before the update that shows it). */
  readonly loaded: (chunk: T) => void;
  /** A use could not load the chunk: say so where the user looks (it is retried on next use). */
  readonly failed: (error: unknown) => void;
}

/** How long a use waits for its chunk before `slow` turns on (a visible busy state), in ms. */
const SLOW_AFTER = 300;

/**
 * A part of an element that loads in its own chunk the first time the user needs it (a menu,
 * a dialog): `value` is the chunk's module once loaded, else null. `preload()` on intent
 * (the pointer over the trigger, focus on it) so the first use is instant; `use()` when the user
 * acts: it resolves with the module (null, after reporting through `failed`, when it can't be
 * loaded, e.g. offline before it ever loaded; the next use tries again). While a use waits
 * longer than 300 ms, `slow` is true, for a busy state. The element's `getUpdateComplete()`
 * goes through `settle()`, so `updateComplete` covers a use (the update that shows the part).
 *
 * After the host's first render the chunk is preloaded once the page is idle: it stays out of
 * the first load, yet is there before the broker reaches for it, and if the network goes away.
 * That preload waits only while the host is in the page: leaving cancels it (the queued
 * callback would keep the host alive), coming back queues it again.
 */
export class LazyChunkController<T> implements ReactiveController {
  /** The loaded chunk, or null. */
  value: T | null = null;
  /** A use has waited for the chunk longer than 300 ms. */
  slow = false;
  /** The load a use waits for (a preload alone keeps no update waiting). */
  private loading: Promise<T | null> | null = null;
  /** Cancels the idle preload: unset until asked for, null while the host is out of the page. */
  private idle?: (() => void) | null;
  private preloading = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: LazyChunkOptions<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.idle === null) this.hostUpdated();
  }

  hostUpdated(): void {
    this.idle ??= this.host.isConnected ? whenIdle(this.preload) : null;
  }

  hostDisconnected(): void {
    if (this.idle) {
      this.idle();
      this.idle = null;
    }
  }

  /** Starts loading on intent; a failure here stays silent (a use reports it). */
  readonly preload = (): void => {
    if (this.value === null && !this.preloading) {
      this.preloading = true;
      void this.load(false).finally(() => (this.preloading = false));
    }
  };

  /** The chunk for a use: at once when loaded, else once loaded (null when it failed). */
  use(): Promise<T | null> {
    return Promise.resolve(this.value ?? this.load(true));
  }

  /** `update` (the element's own update complete), again after each use's load in flight. */
  async settle(update: () => Promise<boolean>): Promise<boolean> {
    let complete = await update();
    while (this.loading) {
      await this.loading;
      complete = await update();
    }
    return complete;
  }

  private load(use: boolean): Promise<T | null> {
    const slow = use ? setTimeout(() => this.showSlow(true), SLOW_AFTER) : undefined;
    const loading: Promise<T | null> = this.options
      .load()
      .then(
        (chunk) => {
          if (this.value === null) this.options.loaded((this.value = chunk));
          return chunk;
        },
        (error: unknown) => {
          if (use) this.options.failed(error);
          return null;
        },
      )
      .finally(() => {
        clearTimeout(slow);
        if (this.loading === loading) this.loading = null;
        this.showSlow(false);
      });
    if (use) this.loading = loading;
    return loading;
  }

  private showSlow(slow: boolean): void {
    this.slow = slow;
    this.host.requestUpdate();
  }
}
