/**
 * The browser features the stores use, detected at run time and replaceable, so the same code
 * runs in a browser, in Node and in tests: page visibility and focus (poll when the broker comes
 * back), `BroadcastChannel` (share changes between tabs), `localStorage` (drafts), and the clock.
 */

/** The part of `BroadcastChannel` the sync engine uses. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** The part of the Web Storage API drafts use (`localStorage` fits). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length?: number;
  key?(index: number): string | null;
}

/** Environment hooks. Every field is optional when passed; missing ones are detected. */
export interface Environment {
  /** Milliseconds since the epoch. */
  now(): number;
  /** True when the page is visible (always true outside a browser). */
  isVisible(): boolean;
  /** Calls `listener` when the page becomes visible again; returns the unsubscribe function. */
  onVisible(listener: () => void): () => void;
  /** Calls `listener` when the window gains focus or the device comes back online. */
  onFocus(listener: () => void): () => void;
  /** Opens a channel shared by the tabs of this browser, or null where there is none. */
  openChannel(name: string): BroadcastChannelLike | null;
  /** Persistent storage for drafts, or null where there is none (drafts then live in memory). */
  storage: StorageLike | null;
  /** Calls `listener(key)` when another tab changes `storage`; returns the unsubscribe function. */
  onStorage(listener: (key: string | null) => void): () => void;
}

interface EventTargetLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

function globalDocument(): (EventTargetLike & { visibilityState?: string }) | null {
  const candidate = (globalThis as { document?: unknown }).document;
  return candidate && typeof (candidate as EventTargetLike).addEventListener === 'function'
    ? (candidate as EventTargetLike & { visibilityState?: string })
    : null;
}

function globalWindow(): EventTargetLike | null {
  const candidate = (globalThis as { window?: unknown }).window;
  return candidate && typeof (candidate as EventTargetLike).addEventListener === 'function'
    ? (candidate as EventTargetLike)
    : null;
}

function detectStorage(): StorageLike | null {
  try {
    // Reading `localStorage` throws in sandboxed frames and when storage is disabled.
    const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
    if (!storage || typeof storage.getItem !== 'function') return null;
    const probe = '__chat_sessions_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * The environment detected from globals, with `overrides` taking precedence. In Node there is
 * no document, window or localStorage; Node 20 does have `BroadcastChannel` (shared between
 * the threads of one process).
 *
 * @example
 * // A test driving visibility by hand:
 * let wake = () => {};
 * const environment = detectEnvironment({ onVisible: (listener) => ((wake = listener), () => {}) });
 */
export function detectEnvironment(overrides: Partial<Environment> = {}): Environment {
  const doc = globalDocument();
  const win = globalWindow();
  const detected: Environment = {
    now: () => Date.now(),
    isVisible: () => (doc?.visibilityState ?? 'visible') !== 'hidden',
    onVisible(listener) {
      if (!doc) return () => {};
      const handler = () => {
        if (doc.visibilityState !== 'hidden') listener();
      };
      doc.addEventListener('visibilitychange', handler);
      return () => doc.removeEventListener('visibilitychange', handler);
    },
    onFocus(listener) {
      if (!win) return () => {};
      win.addEventListener('focus', listener);
      win.addEventListener('online', listener);
      return () => {
        win.removeEventListener('focus', listener);
        win.removeEventListener('online', listener);
      };
    },
    openChannel(name) {
      const Channel = (
        globalThis as { BroadcastChannel?: new (name: string) => BroadcastChannelLike }
      ).BroadcastChannel;
      if (typeof Channel !== 'function') return null;
      try {
        return new Channel(name);
      } catch {
        return null;
      }
    },
    storage: 'storage' in overrides ? null : detectStorage(),
    onStorage(listener) {
      if (!win) return () => {};
      const handler = (event?: unknown) =>
        listener((event as { key?: string | null } | undefined)?.key ?? null);
      win.addEventListener('storage', handler);
      return () => win.removeEventListener('storage', handler);
    },
  };
  return { ...detected, ...overrides };
}
