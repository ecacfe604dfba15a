// The outbox's storage and sender: loaded on demand (the first write that fails for network
// reasons, or a reload that finds writes waiting), so pages that never go offline never load it.
import type { ChatSessionsClient } from '../client/chat-sessions.js';
import { ChatSessionsError, fail, type Result } from '../errors.js';
import type { TransitionInput } from '../inputs.js';
import type { Session } from '../models/session.js';
import type { ActionOutcome, OutboxOutcome, QueuedAction, QueuedMessage } from './outbox-types.js';

const DATABASE = 'chat-sessions-outbox';
const STORE = 'writes';
const BY_BROKER = 'by_broker';

/** One row of the `writes` object store; `order` is IndexedDB's auto-increment key. */
type OutboxRow = { order?: number; broker: string } & (
  { kind: 'message'; message: QueuedMessage } | { kind: 'action'; action: QueuedAction }
);

/** What a flush ended with: everything sent, or stopped by a failure worth retrying later. */
export interface FlushResult {
  remaining: number;
  stoppedBy: ChatSessionsError | null;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(DATABASE, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore(STORE, { keyPath: 'order', autoIncrement: true });
    store.createIndex(BY_BROKER, 'broker');
  };
  return request(open);
}

/** Writes whose failure means "try again later" (nothing was refused). */
function isRetryable(error: ChatSessionsError): boolean {
  return (
    error.code === 'network' ||
    error.code === 'server' ||
    error.code === 'aborted' ||
    error.code === 'unauthenticated'
  );
}

/**
 * One broker's outbox in IndexedDB, sent in order under a Web Lock, so tabs (and clients of one
 * page) sharing the browser never send the same write twice at once; each write is re-read from
 * the database inside the lock, so one another tab already sent is skipped.
 */
export class IndexedDbOutbox {
  readonly #broker: string;
  readonly #client: ChatSessionsClient;
  readonly #locks: LockManager;
  readonly #database: Promise<IDBDatabase>;

  constructor(options: {
    broker: string;
    client: ChatSessionsClient;
    indexedDB: IDBFactory;
    locks: LockManager;
  }) {
    this.#broker = options.broker;
    this.#client = options.client;
    this.#locks = options.locks;
    this.#database = openDatabase(options.indexedDB);
  }

  /** Adds a message at the end of the queue. */
  async add(message: QueuedMessage): Promise<void> {
    const database = await this.#database;
    const transaction = database.transaction(STORE, 'readwrite');
    const row: OutboxRow = { broker: this.#broker, kind: 'message', message };
    await request(transaction.objectStore(STORE).add(row));
  }

  /** Adds a session-list action at the end of the queue. */
  async addAction(action: QueuedAction): Promise<void> {
    const database = await this.#database;
    const transaction = database.transaction(STORE, 'readwrite');
    const row: OutboxRow = { broker: this.#broker, kind: 'action', action };
    await request(transaction.objectStore(STORE).add(row));
  }

  /** The broker's queued writes (messages and actions), oldest first. */
  async rows(): Promise<OutboxRow[]> {
    const database = await this.#database;
    const index = database.transaction(STORE, 'readonly').objectStore(STORE).index(BY_BROKER);
    const rows = (await request(index.getAll(this.#broker))) as OutboxRow[];
    return rows.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }

  /** The broker's queued messages, oldest first. */
  async list(): Promise<QueuedMessage[]> {
    return (await this.rows()).flatMap((row) => (row.kind === 'message' ? [row.message] : []));
  }

  /** The broker's queued session-list actions, oldest first. */
  async listActions(): Promise<QueuedAction[]> {
    return (await this.rows()).flatMap((row) => (row.kind === 'action' ? [row.action] : []));
  }

  /**
   * Sends the queue in order, under the broker's lock. Stops at the first write that fails for
   * a reason worth retrying (it stays first); a refused write is removed and reported.
   */
  async flush(
    report: (outcome: OutboxOutcome) => void,
    reportAction: (outcome: ActionOutcome) => void = () => undefined,
  ): Promise<FlushResult> {
    return this.#locks.request(`${DATABASE}:${this.#broker}`, async () => {
      for (;;) {
        const row = await this.#first();
        if (!row) return { remaining: 0, stoppedBy: null };
        if (row.kind === 'action') {
          const { action } = row;
          const { result, current } = await this.#sendAction(action);
          if (result.error && isRetryable(result.error)) {
            return { remaining: (await this.rows()).length, stoppedBy: result.error };
          }
          await this.#delete(row.order ?? -1);
          reportAction(
            result.error
              ? { kind: 'refused', id: action.id, queued: action, error: result.error, current }
              : { kind: 'done', id: action.id, queued: action, session: result.data },
          );
          continue;
        }
        const { message } = row;
        const result = await this.#client.messages.append({
          id: message.id,
          sessionId: message.sessionId,
          threadId: message.threadId,
          content: message.content,
          role: message.role,
          contentType: message.contentType,
          richContent: message.richContent,
        });
        if (result.error && isRetryable(result.error)) {
          return { remaining: (await this.rows()).length, stoppedBy: result.error };
        }
        await this.#delete(row.order ?? -1);
        report(
          result.error
            ? { kind: 'refused', id: message.id, queued: message, error: result.error }
            : { kind: 'delivered', id: message.id, message: result.data },
        );
      }
    });
  }

  async #first(): Promise<OutboxRow | null> {
    return (await this.rows())[0] ?? null;
  }

  /**
   * Sends an action again. Pins and read marks are idempotent; a lifecycle action the server
   * refuses because the session already is where it leads (the first attempt was applied, its
   * answer lost) counts as done, with the server's row.
   */
  async #sendAction(
    queued: QueuedAction,
  ): Promise<{ result: Result<Session>; current: Session | null }> {
    const sessions = this.#client.sessions;
    const { sessionId, action, transition } = queued;
    if (action === 'create') {
      const input = queued.create;
      const missing = new ChatSessionsError({
        code: 'validation',
        message: 'A queued create lost its input',
      });
      return { result: input ? await sessions.create(input) : fail(missing), current: null };
    }
    if (action === 'delete') return { result: await sessions.delete(sessionId), current: null };
    if (action === 'restore') return { result: await sessions.restore(sessionId), current: null };
    if (action === 'rename' || action === 'update') return this.#sendEdit(queued);
    if (action === 'pin' || action === 'unpin')
      return { result: await sessions.setPinned(sessionId, action === 'pin'), current: null };
    if (action === 'mark_read')
      return { result: await sessions.markRead(sessionId), current: null };
    const input = transition ?? { action };
    const result = await sessions.transition(sessionId, input);
    const code = result.error?.code;
    if (code !== 'invalid_transition' && code !== 'conflict') return { result, current: null };
    const current = await sessions.get(sessionId);
    if (current.error)
      return { result: isRetryable(current.error) ? current : result, current: null };
    return { result: reached(current.data, input) ? current : result, current: current.data };
  }

  /**
   * Sends a rename or an edit again. Without a version check it just applies again; with one, a
   * replay whose first attempt was applied (its answer lost) is refused as a conflict: it counts
   * as done when the server's row already has every field it sets.
   */
  async #sendEdit(
    queued: QueuedAction,
  ): Promise<{ result: Result<Session>; current: Session | null }> {
    const sessions = this.#client.sessions;
    const patch = queued.patch ?? {};
    const options =
      queued.expectedVersion === undefined ? {} : { expectedVersion: queued.expectedVersion };
    const result = await sessions.update(queued.sessionId, patch, options);
    if (result.error?.code !== 'conflict') return { result, current: null };
    const current = await sessions.get(queued.sessionId);
    if (current.error)
      return { result: isRetryable(current.error) ? current : result, current: null };
    const row = current.data as unknown as Record<string, unknown>;
    const same = Object.entries(patch).every(
      ([field, value]) => JSON.stringify(row[field]) === JSON.stringify(value),
    );
    return { result: same ? current : result, current: current.data };
  }

  async #delete(order: number): Promise<void> {
    const database = await this.#database;
    await request(database.transaction(STORE, 'readwrite').objectStore(STORE).delete(order));
  }
}

/** True when `session` already is where `input` leads. */
function reached(session: Session, input: TransitionInput): boolean {
  if (session.deletedAt !== null) return false;
  switch (input.action) {
    case 'pause':
      return session.status === 'paused';
    case 'resume':
    case 'reopen':
      return session.status === 'active';
    case 'complete':
      return session.status === 'completed' && session.outcome === (input.outcome ?? null);
    case 'archive':
      return session.status === 'archived';
    case 'unarchive':
      return session.status !== 'archived';
  }
}
