import type { SnapshotStore } from '../stores/store.js';

/** What the registry needs of a store: the SDK's stores fit. */
export interface RegisteredStore extends SnapshotStore<object> {
  dispose(): void;
}

/** Keeps the engine running while a store is watched. */
export interface EngineUse {
  acquire(): void;
  release(): void;
}

interface Entry {
  readonly store: RegisteredStore;
  live: boolean;
  idleTimer: ReturnType<typeof setTimeout> | null;
  stopWatching: () => void;
}

/**
 * The runtime's keyed cache of shared stores (TanStack Query's QueryCache, for our stores):
 * one store per key, made on first request, started (engine held, first load) when it gains
 * its first listener, and disposed and forgotten `idleMs` after it loses its last.
 */
export class StoreRegistry {
  readonly #entries = new Map<string, Entry>();
  readonly #engine: EngineUse;
  readonly #idleMs: number;

  constructor(engine: EngineUse, idleMs: number) {
    this.#engine = engine;
    this.#idleMs = idleMs;
  }

  /** Stores held, and how many of them are watched now. */
  get stats(): { stores: number; watched: number } {
    let watched = 0;
    for (const entry of this.#entries.values()) if (entry.live) watched += 1;
    return { stores: this.#entries.size, watched };
  }

  /**
   * The store for `key`: the one held, or a new one from `make` (which must start nothing).
   * `start` runs when it gains its first listener (e.g. its first load).
   */
  get<S extends RegisteredStore>(key: string, make: () => S, start: (store: S) => void): S {
    const held = this.#entries.get(key);
    if (held) return held.store as S;
    const store = make();
    const entry: Entry = { store, live: false, idleTimer: null, stopWatching: () => {} };
    entry.stopWatching = store.onWatchedChange((watched) => {
      if (watched) this.#watched(entry, () => start(store));
      else this.#unwatched(key, entry);
    });
    this.#entries.set(key, entry);
    return store;
  }

  /** Disposes every store (the runtime's end). */
  clear(): void {
    for (const [key, entry] of [...this.#entries]) this.#retire(key, entry);
  }

  #watched(entry: Entry, start: () => void): void {
    if (entry.idleTimer !== null) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = null;
    }
    if (entry.live) return;
    entry.live = true;
    this.#engine.acquire();
    start();
  }

  #unwatched(key: string, entry: Entry): void {
    if (this.#idleMs <= 0) {
      this.#retire(key, entry);
      return;
    }
    entry.idleTimer = setTimeout(() => this.#retire(key, entry), this.#idleMs);
    (entry.idleTimer as { unref?: () => void }).unref?.();
  }

  #retire(key: string, entry: Entry): void {
    if (entry.idleTimer !== null) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
    entry.stopWatching();
    if (this.#entries.get(key) === entry) this.#entries.delete(key);
    entry.store.dispose();
    if (entry.live) {
      entry.live = false;
      this.#engine.release();
    }
  }
}
