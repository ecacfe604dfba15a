import type { ChatSessionsClient } from '../client/chat-sessions.js';
import { ChatSessionsError, fail, type Result } from '../errors.js';
import type { ChangeBatch } from '../models/changes.js';
import type { OperatorThread } from '../models/operator-thread.js';
import type { ChangeFeedSync } from '../sync/change-feed-sync.js';
import { timestampMicros } from './session-order.js';
import { FeedLink } from './feed-link.js';
import { SnapshotStore, deepFreeze } from './store.js';

/** What an {@link OperatorThreadStore} shows. Immutable: every change makes a new one. */
export interface OperatorThreadSnapshot {
  sessionId: string;
  /** The session's threads, oldest first, with read marks still in flight already applied. */
  items: readonly OperatorThread[];
  /** Unread operator replies across the threads. */
  unread: number;
  loading: boolean;
  loaded: boolean;
  /** Why the last load or mark-read failed, or null. */
  error: ChatSessionsError | null;
}

/** Options of {@link OperatorThreadStore}. */
export interface OperatorThreadStoreOptions {
  client: ChatSessionsClient;
  /** The change-feed engine bringing new threads and replies (recommended). */
  sync?: ChangeFeedSync | null;
  sessionId: string;
  /** How long read marks gather before one request per thread goes out, in ms (default 300). */
  markReadDelayMs?: number;
}

interface ReadMark {
  /** Read up to this seq. */
  upToSeq: number;
  /** Resolves everyone who asked for this mark. */
  waiters: Array<(result: Result<OperatorThread>) => void>;
}

/**
 * The operator threads of one session, with unread counts, live through the change feed.
 * Marking read is optimistic (the badge clears at once), batched (marks made within
 * `markReadDelayMs` become one request per thread, with the furthest seq) and idempotent on
 * the server (the read cursor only moves forward), so calling it on every scroll is fine.
 *
 * @example
 * const threads = new OperatorThreadStore({ client: chat, sync, sessionId });
 * await threads.load();
 * threads.markRead(threadId); // as the broker opens the thread
 */
export class OperatorThreadStore extends SnapshotStore<OperatorThreadSnapshot> {
  readonly #client: ChatSessionsClient;
  readonly #sync: ChangeFeedSync | null;
  readonly #sessionId: string;
  readonly #delayMs: number;
  readonly #threads = new Map<string, OperatorThread>();
  /** Marks waiting for the next flush. */
  readonly #queued = new Map<string, ReadMark>();
  /** Marks sent and not yet answered, per thread (still shown; two flushes may overlap). */
  readonly #inFlight = new Map<string, number[]>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #loading = false;
  #loaded = false;
  #error: ChatSessionsError | null = null;
  readonly #abort = new AbortController();
  readonly #feed: FeedLink;
  #disposed = false;

  constructor(options: OperatorThreadStoreOptions) {
    super({
      sessionId: options.sessionId,
      items: Object.freeze([]),
      unread: 0,
      loading: false,
      loaded: false,
      error: null,
    });
    this.#client = options.client;
    this.#sync = options.sync ?? null;
    this.#sessionId = options.sessionId;
    this.#delayMs = options.markReadDelayMs ?? 300;
    this.#feed = new FeedLink(this.#sync, (batch) => this.#applyBatch(batch));
  }

  /** Loads the session's threads. */
  async load(): Promise<Result<OperatorThread[]>> {
    if (this.#disposed) return fail(this.#disposedError());
    this.#feed.follow();
    this.#loading = true;
    this.#error = null;
    this.#emit();
    if (this.#sync) await this.#sync.ensureBaseline();
    const result = await this.#client.threads.list(this.#sessionId, { signal: this.#abort.signal });
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (this.#disposed) return result;
    this.#loading = false;
    if (result.error) this.#error = result.error;
    else {
      for (const thread of result.data) this.#upsert(thread);
      this.#loaded = true;
    }
    this.#emit();
    return result;
  }

  /**
   * Marks a thread read up to `upToSeq` (default: its last message now). The unread badge clears
   * at once; the request goes out after `markReadDelayMs`, merged with other marks of the same
   * thread. Resolves with the server's thread.
   */
  markRead(threadId: string, upToSeq?: number): Promise<Result<OperatorThread>> {
    if (this.#disposed) return Promise.resolve(fail(this.#disposedError()));
    const thread = this.#threads.get(threadId);
    const target = upToSeq ?? thread?.lastSeq ?? Number.MAX_SAFE_INTEGER;
    return new Promise((resolve) => {
      const queued = this.#queued.get(threadId);
      if (queued) {
        queued.upToSeq = Math.max(queued.upToSeq, target);
        queued.waiters.push(resolve);
      } else {
        this.#queued.set(threadId, { upToSeq: target, waiters: [resolve] });
      }
      this.#emit();
      if (this.#timer === null) {
        this.#timer = setTimeout(() => {
          this.#timer = null;
          void this.flush();
        }, this.#delayMs);
      }
    });
  }

  /** Sends the queued read marks now. */
  async flush(): Promise<void> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const marks = [...this.#queued.entries()];
    this.#queued.clear();
    await Promise.all(
      marks.map(async ([threadId, mark]) => {
        const upToSeq = mark.upToSeq === Number.MAX_SAFE_INTEGER ? undefined : mark.upToSeq;
        const sending = [...(this.#inFlight.get(threadId) ?? []), mark.upToSeq];
        this.#inFlight.set(threadId, sending);
        const result = await this.#client.threads.markRead(threadId, upToSeq);
        const remaining = [...(this.#inFlight.get(threadId) ?? [])];
        remaining.splice(remaining.indexOf(mark.upToSeq), 1);
        if (remaining.length > 0) this.#inFlight.set(threadId, remaining);
        else this.#inFlight.delete(threadId);
        if (result.error) this.#error = result.error;
        else this.#upsert(result.data);
        this.#emit();
        for (const waiter of mark.waiters) waiter(result);
      }),
    );
  }

  /** A listener follows the feed from now on, even before the first load. */
  protected override watchedChanged(watched: boolean): void {
    if (watched && !this.#disposed) this.#feed.follow();
  }

  /** Sends pending read marks, then stops listening to the feed. */
  dispose(): void {
    if (this.#disposed) return;
    if (this.#queued.size > 0) void this.flush();
    this.#disposed = true;
    this.#feed.unfollow();
    this.#abort.abort();
    this.clearListeners();
  }

  #upsert(thread: OperatorThread): void {
    const known = this.#threads.get(thread.id);
    if (known && known.syncVersion > thread.syncVersion) return;
    this.#threads.set(thread.id, deepFreeze(thread));
  }

  #applyBatch(batch: ChangeBatch): void {
    let changed = false;
    for (const thread of batch.threads) {
      if (thread.sessionId !== this.#sessionId) continue;
      this.#upsert(thread);
      changed = true;
    }
    for (const entry of batch.deleted) {
      if (entry.entity === 'thread' && this.#threads.delete(entry.id)) changed = true;
      if (entry.entity === 'session' && entry.id === this.#sessionId) {
        this.#threads.clear();
        changed = true;
      }
    }
    if (changed) this.#emit();
  }

  #disposedError(): ChatSessionsError {
    return new ChatSessionsError({
      code: 'aborted',
      message: 'The operator thread store was disposed',
    });
  }

  /** A thread as shown: read marks queued or in flight hide the replies they cover. */
  #shown(thread: OperatorThread): OperatorThread {
    const mark = Math.max(
      this.#queued.get(thread.id)?.upToSeq ?? 0,
      ...(this.#inFlight.get(thread.id) ?? []),
    );
    if (mark >= thread.lastSeq && thread.unreadCount > 0)
      return { ...thread, unreadCount: 0, lastReadSeq: thread.lastSeq };
    return thread;
  }

  #emit(): void {
    if (this.#disposed) return;
    const items = [...this.#threads.values()]
      .map((thread) => this.#shown(thread))
      .sort(
        (a, b) =>
          timestampMicros(a.createdAt) - timestampMicros(b.createdAt) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    this.setSnapshot({
      sessionId: this.#sessionId,
      items: Object.freeze(items),
      unread: items.reduce((total, thread) => total + thread.unreadCount, 0),
      loading: this.#loading,
      loaded: this.#loaded,
      error: this.#error,
    });
  }
}
