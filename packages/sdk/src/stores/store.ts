/** Called after a store's snapshot changed. Read the new one with `getSnapshot()`. */
export type StoreListener = () => void;

/**
 * A store a UI can read and watch: `getSnapshot()` returns the current immutable snapshot (the
 * same object until something changes), `subscribe()` registers a listener and returns the
 * function that removes it. Fits React's `useSyncExternalStore` and a Lit `ReactiveController`.
 *
 * @example
 * const unsubscribe = store.subscribe(() => render(store.getSnapshot()));
 */
export interface ReadableStore<Snapshot> {
  getSnapshot(): Snapshot;
  subscribe(listener: StoreListener): () => void;
}

/** Freezes an object and, recursively, the plain objects and arrays inside it. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value as object)) deepFreeze(inner);
  return value;
}

/** Told when a store gains its first listener (`true`) and loses its last one (`false`). */
export type WatchListener = (watched: boolean) => void;

/**
 * Base of the SDK's stores: holds the snapshot, freezes each new one, and notifies listeners.
 * A listener that throws does not stop the others (its error is rethrown asynchronously).
 * Whether anyone watches (has a listener) is observable: the runtime starts a store's work on
 * its first listener and stops it after the last.
 */
export abstract class SnapshotStore<Snapshot extends object> implements ReadableStore<Snapshot> {
  #snapshot: Snapshot;
  readonly #listeners = new Set<StoreListener>();
  readonly #watchListeners = new Set<WatchListener>();

  protected constructor(initial: Snapshot) {
    this.#snapshot = Object.freeze(initial);
  }

  /** The current snapshot: immutable, replaced (never changed) on every update. */
  getSnapshot(): Snapshot {
    return this.#snapshot;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: StoreListener): () => void {
    const before = this.#listeners.size;
    this.#listeners.add(listener);
    if (before === 0) this.#watchChanged(true);
    return () => {
      if (this.#listeners.delete(listener) && this.#listeners.size === 0) this.#watchChanged(false);
    };
  }

  /** True while at least one listener is subscribed. */
  get watched(): boolean {
    return this.#listeners.size > 0;
  }

  /**
   * Calls `listener(true)` when the store gains its first listener and `listener(false)` when
   * it loses its last; returns the function that stops it. What the runtime uses to start a
   * shared store's work on the first watcher and stop it after the last.
   */
  onWatchedChange(listener: WatchListener): () => void {
    this.#watchListeners.add(listener);
    return () => {
      this.#watchListeners.delete(listener);
    };
  }

  /** Called on the first listener (`true`) and after the last (`false`). For subclasses. */
  protected watchedChanged(_watched: boolean): void {}

  #watchChanged(watched: boolean): void {
    this.watchedChanged(watched);
    for (const listener of [...this.#watchListeners]) listener(watched);
  }

  /** Replaces the snapshot (frozen, shallowly: keep rows frozen yourself) and notifies. */
  protected setSnapshot(next: Snapshot): void {
    if (next === this.#snapshot) return;
    this.#snapshot = Object.freeze(next);
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Drops every listener (on dispose). Watch listeners are not told: the store is over. */
  protected clearListeners(): void {
    this.#listeners.clear();
    this.#watchListeners.clear();
  }
}
