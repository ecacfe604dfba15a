import { detectEnvironment, type Environment, type StorageLike } from '../platform.js';
import { SnapshotStore } from './store.js';

/** What a {@link DraftStore} holds: the unsent text per session id. */
export type DraftSnapshot = Readonly<Record<string, string>>;

/** Options of {@link DraftStore}. */
export interface DraftStoreOptions {
  /** The signed-in broker: drafts are namespaced by user, so two brokers of one browser never mix. */
  userId: string;
  /** Where drafts persist (default `localStorage` when usable, else memory only). */
  storage?: StorageLike | null;
  /** Key prefix (default `chat-sessions`). Keys look like `chat-sessions:draft:<userId>:<sessionId>`. */
  namespace?: string;
  /** Environment hooks (storage events from other tabs); detected when omitted. */
  environment?: Partial<Environment>;
}

/**
 * Unsent text per session, kept while the broker switches sessions and across reloads (in
 * `localStorage`, namespaced by user), and shared with other tabs through storage events.
 *
 * @example
 * const drafts = new DraftStore({ userId });
 * input.value = drafts.get(sessionId);
 * input.oninput = () => drafts.set(sessionId, input.value);
 * // after sending:
 * drafts.clear(sessionId);
 */
export class DraftStore extends SnapshotStore<DraftSnapshot> {
  readonly #storage: StorageLike | null;
  readonly #prefix: string;
  readonly #stopStorage: () => void;

  constructor(options: DraftStoreOptions) {
    if (!options.userId)
      throw new TypeError('DraftStore needs the signed-in user id (drafts are kept per user)');
    super(Object.freeze({}));
    const environment = detectEnvironment(options.environment);
    this.#storage = options.storage === undefined ? environment.storage : options.storage;
    this.#prefix = `${options.namespace ?? 'chat-sessions'}:draft:${options.userId}:`;
    this.#reload();
    this.#stopStorage = environment.onStorage((key) => {
      if (key === null || key.startsWith(this.#prefix)) this.#reload();
    });
  }

  /** The draft of a session ('' when none). */
  get(sessionId: string): string {
    const known = this.getSnapshot()[sessionId];
    if (known !== undefined) return known;
    try {
      // Storage that cannot list its keys is read one draft at a time.
      return this.#storage?.getItem(this.#prefix + sessionId) ?? '';
    } catch {
      return '';
    }
  }

  /** Saves a session's draft; an empty (or blank) text removes it. */
  set(sessionId: string, text: string): void {
    const current = this.getSnapshot();
    if (text.trim() === '') {
      this.clear(sessionId);
      return;
    }
    if (current[sessionId] === text) return;
    this.#write(sessionId, text);
    this.setSnapshot(Object.freeze({ ...current, [sessionId]: text }));
  }

  /** Removes a session's draft (e.g. once the message is sent). */
  clear(sessionId: string): void {
    const current = this.getSnapshot();
    if (!(sessionId in current)) return;
    this.#write(sessionId, null);
    const { [sessionId]: _cleared, ...next } = current;
    this.setSnapshot(Object.freeze(next));
  }

  /** Stops listening to other tabs. */
  dispose(): void {
    this.#stopStorage();
    this.clearListeners();
  }

  #write(sessionId: string, text: string | null): void {
    if (!this.#storage) return;
    try {
      if (text === null) this.#storage.removeItem(this.#prefix + sessionId);
      else this.#storage.setItem(this.#prefix + sessionId, text);
    } catch {
      // Quota exceeded or storage disabled: the draft lives in memory for this page.
    }
  }

  /** Reads every draft of this user from storage (when it can list its keys). */
  #reload(): void {
    const storage = this.#storage;
    if (!storage || typeof storage.key !== 'function' || typeof storage.length !== 'number') return;
    const drafts: Record<string, string> = {};
    try {
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index);
        if (!key?.startsWith(this.#prefix)) continue;
        const text = storage.getItem(key);
        if (text) drafts[key.slice(this.#prefix.length)] = text;
      }
    } catch {
      return;
    }
    this.setSnapshot(Object.freeze(drafts));
  }
}
