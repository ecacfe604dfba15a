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

/**
 * Base of the SDK's stores: holds the snapshot, freezes each new one, and notifies listeners.
 * A listener that throws does not stop the others (its error is rethrown asynchronously).
 */
export abstract class SnapshotStore<Snapshot extends object> implements ReadableStore<Snapshot> {
  #snapshot: Snapshot;
  readonly #listeners = new Set<StoreListener>();

  protected constructor(initial: Snapshot) {
    this.#snapshot = Object.freeze(initial);
  }

  /** The current snapshot: immutable, replaced (never changed) on every update. */
  getSnapshot(): Snapshot {
    return this.#snapshot;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
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

  /** Drops every listener (on dispose). */
  protected clearListeners(): void {
    this.#listeners.clear();
  }
}
