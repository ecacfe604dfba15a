import type { ChangeFeedSync, ChangeHandler } from '../sync/change-feed-sync.js';

/**
 * A store's connection to the change feed, made on first use (a load or a listener) rather than
 * in the store's constructor, and cut on dispose. Constructing a store starts nothing.
 */
export class FeedLink {
  readonly #sync: ChangeFeedSync | null;
  readonly #handler: ChangeHandler;
  #stop: (() => void) | null = null;

  constructor(sync: ChangeFeedSync | null, handler: ChangeHandler) {
    this.#sync = sync;
    this.#handler = handler;
  }

  /** The engine, or null for a store without one. */
  get sync(): ChangeFeedSync | null {
    return this.#sync;
  }

  /** Starts receiving batches (idempotent). */
  follow(): void {
    if (this.#sync && !this.#stop) this.#stop = this.#sync.onChanges(this.#handler);
  }

  /** Stops receiving batches. */
  unfollow(): void {
    this.#stop?.();
    this.#stop = null;
  }
}
