import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a lazy chunk controller needs. */
export interface LazyChunkOptions<T> {
  /** The chunk's loader (a `chunkLoader`: shared, and retried after a failure). */
  readonly load: () => Promise<T>;
  /** A use could not load the chunk: say so where the user looks (it is retried on next use). */
  readonly failed: (error: unknown) => void;
  /** The chunk has just loaded (before the update that shows it). */
  readonly loaded?: (chunk: T) => void;
  /** After this many ms of waiting for a use, `slow` turns on (a visible busy state). */
  readonly slowAfter?: number;
}

/**
 * A part of an element that loads in its own chunk the first time the user needs it (a menu,
 * a dialog): `value` is the chunk's module once loaded, else null. `preload()` on intent
 * (the pointer over the trigger, focus on it) so the first use is instant; `use()` when the user
 * acts: it resolves with the module (null, after reporting through `failed`, when it can't be
 * loaded, e.g. offline before it ever loaded; the next use tries again). While a use waits
 * longer than `slowAfter`, `slow` is true, for a busy state. `settled` resolves once nothing is
 * loading: an element's `getUpdateComplete()` awaits it, so `updateComplete` covers a use.
 */
export class LazyChunkController<T> implements ReactiveController {
  /** The loaded chunk, or null. */
  value: T | null = null;
  /** A use has waited for the chunk longer than `slowAfter`. */
  slow = false;
  private loading: Promise<T | null> | null = null;
  private waiting = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LazyChunkOptions<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether a load is in flight. */
  get pending(): boolean {
    return this.loading !== null;
  }

  /**
   * For an element's `getUpdateComplete()`: its own update complete (`update`), awaited again
   * after each load in flight, so `updateComplete` covers what a load was for.
   */
  async settle(update: () => Promise<boolean>): Promise<boolean> {
    let complete = await update();
    while (this.loading) {
      await this.loading;
      complete = await update();
    }
    return complete;
  }

  /** Starts loading on intent; a failure here stays silent (the use reports it). */
  readonly preload = (): void => {
    if (this.value === null && this.loading === null) void this.start(false);
  };

  /** The chunk for a use: at once when loaded, else once loaded (null when it failed). */
  use(): Promise<T | null> {
    if (this.value !== null) return Promise.resolve(this.value);
    return this.start(true);
  }

  private start(report: boolean): Promise<T | null> {
    this.waiting += report ? 1 : 0;
    const slowTimer = report
      ? setTimeout(() => {
          this.slow = true;
          this.host.requestUpdate();
        }, this.options.slowAfter ?? 300)
      : undefined;
    const loading = this.options.load().then(
      (chunk) => {
        if (this.value === null) {
          this.value = chunk;
          this.options.loaded?.(chunk);
        }
        return chunk;
      },
      (error: unknown) => {
        if (report) this.options.failed(error);
        return null;
      },
    );
    const finished = loading.finally(() => {
      clearTimeout(slowTimer);
      this.waiting -= report ? 1 : 0;
      if (this.waiting === 0) this.slow = false;
      if (this.loading === finished) this.loading = null;
      this.host.requestUpdate();
    });
    this.loading = finished;
    return finished;
  }
}
