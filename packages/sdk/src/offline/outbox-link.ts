import type { ChatSessionsClient } from '../client/chat-sessions.js';
import { ChatSessionsError, type ChatSessionsErrorCode } from '../errors.js';
import type { StorageLike } from '../platform.js';
import type { ConnectionState } from './connection-state.js';
import type { IndexedDbOutbox } from './outbox.js';
import type {
  ActionOutbox,
  ActionOutcome,
  MessageOutbox,
  OutboxOutcome,
  QueuedAction,
  QueuedMessage,
} from './outbox-types.js';

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  client: ChatSessionsClient;
  /** The broker whose writes these are: one queue (and one lock) per broker. */
  broker: string;
  /** Told the queue's length and refused writes; tells the outbox when the connection is back. */
  connection: ConnectionState;
  /** First retry delay while writes wait, doubling to 30 s (default 1 000 ms). */
  retryMs?: number;
  /** Delay after the runtime starts before the IndexedDB part is loaded (default 1 000 ms). */
  warmMs?: number;
  /** Feature overrides (tests); detected from globals when omitted. */
  indexedDB?: IDBFactory | null;
  locks?: LockManager | null;
  storage?: StorageLike | null;
}

/** A refusal as it crosses tabs (an Error loses its fields in `postMessage`). */
interface ErrorFields {
  code: ChatSessionsErrorCode;
  message: string;
  status: number;
  hint: string | null;
}

/** What tabs tell each other about the outbox. */
type PeerMessage =
  | { type: 'changed' }
  | {
      type: 'action';
      outcome:
        | Extract<ActionOutcome, { kind: 'done' }>
        | (Omit<Extract<ActionOutcome, { kind: 'refused' }>, 'error'> & { error: ErrorFields });
    }
  | { type: 'delivered'; id: string; message: unknown }
  | {
      type: 'refused';
      id: string;
      queued: QueuedMessage;
      error: ErrorFields;
    };

function detectStorage(): StorageLike | null {
  try {
    return (globalThis as { localStorage?: StorageLike }).localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The outbox of one broker for one client, or null where the browser lacks IndexedDB or Web
 * Locks (Node): writes then fail as before, with nothing queued.
 */
export function createOutbox(options: OutboxOptions): OutboxLink | null {
  const indexedDB =
    options.indexedDB === undefined
      ? ((globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null)
      : options.indexedDB;
  const locks =
    options.locks === undefined
      ? ((globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks ?? null)
      : options.locks;
  if (!indexedDB || !locks) return null;
  return new OutboxLink(options, indexedDB, locks);
}

/**
 * The always-loaded side of the outbox: it keeps the count and the listeners and loads the
 * IndexedDB part (`outbox.ts`) only when a write fails or a reload finds writes waiting (a
 * `localStorage` mark says so without opening the database).
 */
export class OutboxLink implements MessageOutbox, ActionOutbox {
  readonly #options: OutboxOptions;
  readonly #indexedDB: IDBFactory;
  readonly #locks: LockManager;
  readonly #storage: StorageLike | null;
  readonly #mark: string;
  readonly #listeners = new Set<(outcome: OutboxOutcome) => void>();
  readonly #actionListeners = new Set<(outcome: ActionOutcome) => void>();
  readonly #peerQueuedListeners = new Set<() => void>();
  readonly #channel: BroadcastChannel | null;
  readonly #stopRecovered: () => void;
  #engine: Promise<IndexedDbOutbox> | null = null;
  #queued = 0;
  #flushing: Promise<void> | null = null;
  #again = false;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;
  #disposed = false;
  #ready = false;
  #warmTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: OutboxOptions, indexedDB: IDBFactory, locks: LockManager) {
    this.#options = options;
    this.#indexedDB = indexedDB;
    this.#locks = locks;
    this.#storage = options.storage === undefined ? detectStorage() : options.storage;
    this.#mark = `chat-sessions-outbox:${options.broker}`;
    this.#channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.#mark) : null;
    this.#channel?.addEventListener('message', (event: MessageEvent) => this.#receive(event.data));
    this.#stopRecovered = options.connection.onRecovered(() => this.flush());
  }

  get busy(): boolean {
    return this.#queued > 0;
  }

  /** Writes waiting (as last counted). */
  get queued(): number {
    return this.#queued;
  }

  queueMessage(message: QueuedMessage): Promise<boolean> {
    return this.#add((engine) => engine.add(message));
  }

  queueAction(action: QueuedAction): Promise<boolean> {
    return this.#add((engine) => engine.addAction(action));
  }

  onActionOutcome(listener: (outcome: ActionOutcome) => void): () => void {
    this.#actionListeners.add(listener);
    return () => this.#actionListeners.delete(listener);
  }

  async #add(write: (engine: IndexedDbOutbox) => Promise<void>): Promise<boolean> {
    try {
      await write(await this.#load());
    } catch {
      return false;
    }
    this.#setQueued(this.#queued + 1);
    this.#markWaiting(true);
    this.#post({ type: 'changed' });
    this.#scheduleRetry();
    return true;
  }

  async queuedMessages(sessionId: string, threadId: string | null): Promise<QueuedMessage[]> {
    if (!this.#engine && !this.#mightHaveWaiting()) return [];
    try {
      const all = await (await this.#load()).list();
      return all.filter((entry) => entry.sessionId === sessionId && entry.threadId === threadId);
    } catch {
      return [];
    }
  }

  onPeerQueued(listener: () => void): () => void {
    this.#peerQueuedListeners.add(listener);
    return () => this.#peerQueuedListeners.delete(listener);
  }

  async queuedActions(): Promise<QueuedAction[]> {
    if (!this.#engine && !this.#mightHaveWaiting()) return [];
    try {
      return await (await this.#load()).listActions();
    } catch {
      return [];
    }
  }

  onOutcome(listener: (outcome: OutboxOutcome) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** After a reload: if writes were left waiting, count them and send them. */
  resume(): void {
    if (this.#mightHaveWaiting()) {
      this.flush();
      return;
    }
    // Load the IndexedDB part soon, off the first paint: the first write lost to the network
    // usually comes when the network is gone, and then a module can't be fetched either.
    if (this.#warmTimer !== null || this.#engine) return;
    this.#warmTimer = setTimeout(() => {
      this.#warmTimer = null;
      if (!this.#disposed) void this.#load().catch(() => undefined);
    }, this.#options.warmMs ?? 1000);
  }

  /** The IndexedDB part is loaded (a write lost now can be queued even with no network). */
  get ready(): boolean {
    return this.#ready;
  }

  flush(): void {
    if (this.#disposed) return;
    if (this.#flushing) {
      this.#again = true;
      return;
    }
    if (!this.#engine && !this.#mightHaveWaiting()) return;
    this.#flushing = (async () => {
      do {
        this.#again = false;
        try {
          const engine = await this.#load();
          const result = await engine.flush(
            (outcome) => {
              this.#setQueued(Math.max(0, this.#queued - 1));
              this.#deliver(outcome);
              this.#post(serialize(outcome));
            },
            (outcome) => {
              this.#setQueued(Math.max(0, this.#queued - 1));
              this.#deliverAction(outcome);
              this.#post({
                type: 'action',
                outcome:
                  outcome.kind === 'done'
                    ? outcome
                    : { ...outcome, error: errorFields(outcome.error) },
              });
            },
          );
          this.#setQueued(result.remaining);
          this.#markWaiting(result.remaining > 0);
          if (result.stoppedBy) {
            this.#failures += 1;
            this.#scheduleRetry();
            break;
          }
          this.#failures = 0;
        } catch {
          this.#failures += 1;
          this.#scheduleRetry();
          break;
        }
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
      } while (this.#again);
      this.#flushing = null;
    })();
  }

  /** Stops retrying and listening (writes stay queued for the next client). */
  dispose(): void {
    this.#disposed = true;
    this.#stopRecovered();
    if (this.#retry !== null) clearTimeout(this.#retry);
    if (this.#warmTimer !== null) clearTimeout(this.#warmTimer);
    this.#channel?.close();
    this.#listeners.clear();
    this.#actionListeners.clear();
    this.#peerQueuedListeners.clear();
  }

  #load(): Promise<IndexedDbOutbox> {
    this.#engine ??= import('./outbox.js').then(
      ({ IndexedDbOutbox }) => {
        this.#ready = true;
        return new IndexedDbOutbox({
          broker: this.#options.broker,
          client: this.#options.client,
          indexedDB: this.#indexedDB,
          locks: this.#locks,
        });
      },
      (error: unknown) => {
        // Not loaded (offline before it was warmed): try again next time.
        this.#engine = null;
        throw error;
      },
    );
    return this.#engine;
  }

  #mightHaveWaiting(): boolean {
    // Without storage the mark can't be read: look in the database.
    if (!this.#storage) return true;
    try {
      return this.#storage.getItem(this.#mark) !== null;
    } catch {
      return true;
    }
  }

  #markWaiting(waiting: boolean): void {
    try {
      if (waiting) this.#storage?.setItem(this.#mark, '1');
      else this.#storage?.removeItem(this.#mark);
    } catch {
      // Storage full or blocked: the mark is only an optimisation.
    }
  }

  #setQueued(queued: number): void {
    this.#queued = queued;
    this.#options.connection.setQueued(queued);
  }

  #scheduleRetry(): void {
    if (this.#retry !== null || this.#disposed) return;
    const base = this.#options.retryMs ?? 1000;
    const delay = Math.min(30_000, base * 2 ** Math.min(this.#failures, 5));
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.flush();
    }, delay);
  }

  #deliver(outcome: OutboxOutcome): void {
    if (outcome.kind === 'refused') {
      this.#options.connection.setRefused({
        id: outcome.id,
        kind: 'message',
        sessionId: outcome.queued.sessionId,
        summary: outcome.queued.content.slice(0, 60),
        error: outcome.error,
      });
    }
    for (const listener of [...this.#listeners]) {
      try {
        listener(outcome);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  #deliverAction(outcome: ActionOutcome): void {
    if (outcome.kind === 'refused') {
      const { queued, current } = outcome;
      this.#options.connection.setRefused({
        id: outcome.id,
        kind: 'action',
        action: queued.action,
        sessionId: queued.sessionId,
        summary: current?.title || queued.title || '',
        status: current?.status ?? null,
        error: outcome.error,
      });
    }
    for (const listener of [...this.#actionListeners]) listener(outcome);
  }

  #post(message: PeerMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel: the other tabs catch up on their next flush.
    }
  }

  #receive(data: unknown): void {
    const message = data as PeerMessage | null;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'changed') {
      // Another tab queued a write: this tab counts it too (and sends it if it gets online first).
      void this.#load()
        .then((engine) => engine.rows())
        .then((all) => this.#setQueued(all.length))
        .catch(() => undefined);
      for (const listener of [...this.#peerQueuedListeners]) listener();
      return;
    }
    if (this.#queued > 0) this.#setQueued(this.#queued - 1);
    if (message.type === 'action') {
      const { outcome } = message;
      this.#deliverAction(
        outcome.kind === 'refused'
          ? { ...outcome, error: new ChatSessionsError(outcome.error) }
          : outcome,
      );
    } else if (message.type === 'delivered') {
      this.#deliver({
        kind: 'delivered',
        id: message.id,
        message: message.message as Extract<OutboxOutcome, { kind: 'delivered' }>['message'],
      });
    } else {
      this.#deliver({
        kind: 'refused',
        id: message.id,
        queued: message.queued,
        error: new ChatSessionsError(message.error),
      });
    }
  }
}

function errorFields(error: ChatSessionsError): ErrorFields {
  return { code: error.code, message: error.message, status: error.status, hint: error.hint };
}

function serialize(outcome: OutboxOutcome): PeerMessage {
  if (outcome.kind === 'delivered')
    return { type: 'delivered', id: outcome.id, message: outcome.message };
  return {
    type: 'refused',
    id: outcome.id,
    queued: outcome.queued,
    error: errorFields(outcome.error),
  };
}
