import type { ChatSessionsClient } from '../client/chat-sessions.js';
import { ChatSessionsError, fail, validationError, type Result } from '../errors.js';
import { newId } from '../ids.js';
import { AppendMessageInputSchema } from '../inputs.js';
import type { ChangeBatch } from '../models/changes.js';
import type {
  Message,
  MessageContentType,
  MessagePage,
  MessageRole,
  RichContent,
} from '../models/message.js';
import type { CacheableConversation, StoreCache } from '../offline/cache-types.js';
import type { MessageOutbox, OutboxOutcome, QueuedMessage } from '../offline/outbox-types.js';
import type { ChangeFeedSync } from '../sync/change-feed-sync.js';
import { FeedLink } from './feed-link.js';
import { SnapshotStore, deepFreeze } from './store.js';

/** A message the server has saved (it has a `seq`). */
export type SentMessageItem = Message & { delivery: 'sent'; error: null };

/** A message written here and not (yet) confirmed: being sent, or failed (retry or discard it). */
export type OutgoingMessageItem = Omit<Message, 'seq' | 'ownerId' | 'syncVersion'> & {
  seq: null;
  ownerId: null;
  syncVersion: null;
  delivery: 'pending' | 'failed';
  error: ChatSessionsError | null;
};

/** One line of a conversation as a UI shows it. */
export type MessageItem = SentMessageItem | OutgoingMessageItem;

/** What a {@link MessageStore} shows. Immutable: every change makes a new one. */
export interface MessageStoreSnapshot {
  sessionId: string;
  /** The operator thread shown, or null for the main conversation. */
  threadId: string | null;
  /** Saved messages in `seq` order, then outgoing ones in the order they were written. Each id once. */
  items: readonly MessageItem[];
  /** Earlier messages exist (call `loadOlder`). */
  hasOlder: boolean;
  /** The newest page is loading. */
  loading: boolean;
  /** An earlier page is loading. */
  loadingOlder: boolean;
  /** The newest page has arrived. */
  loaded: boolean;
  /** Why the last load failed, or null. */
  error: ChatSessionsError | null;
  /** The session was purged: nothing more will come. */
  gone: boolean;
}

/** Options of {@link MessageStore}. */
export interface MessageStoreOptions {
  client: ChatSessionsClient;
  /** The change-feed engine bringing messages from elsewhere (recommended). */
  sync?: ChangeFeedSync | null;
  sessionId: string;
  /** An operator thread of the session; omitted or null for the main conversation. */
  threadId?: string | null;
  /** Messages per page, 1–200 (default 50). */
  pageSize?: number;
  /**
   * Where sends lost to the network wait, still `pending`, to be sent again in order (the
   * runtime's outbox in a browser). Without one they become `failed`.
   */
  outbox?: MessageOutbox | null;
  /**
   * The local cache (the runtime's): the first load paints the newest page kept from an earlier
   * visit, then catches up by the change feed. Null or omitted: the first load reads the network.
   */
  cache?: StoreCache | null;
}

/** What `send` takes besides the text. */
export interface SendMessageOptions {
  /** A client id, to make a send you may repeat (e.g. from an outbox) idempotent. Generated when omitted. */
  id?: string;
  role?: Exclude<MessageRole, 'operator'>;
  contentType?: MessageContentType;
  richContent?: RichContent | null;
}

interface Outgoing {
  item: OutgoingMessageItem;
  options: SendMessageOptions;
}

/**
 * The messages of one conversation (a session's main conversation, or one operator thread):
 * the newest page first, earlier pages on demand, and messages from elsewhere through the
 * change feed. Sending is optimistic (pending → sent, or failed with a retry); a retry reuses
 * the message id, so the server never stores it twice. Items are ordered by the server's `seq`
 * and never duplicated.
 *
 * @example
 * const conversation = new MessageStore({ client: chat, sync, sessionId });
 * conversation.subscribe(() => render(conversation.getSnapshot().items));
 * await conversation.load();
 * const { error } = await conversation.send('Can you do Friday 9am?');
 * if (error) showRetry(); // conversation.retry(id)
 */
export class MessageStore
  extends SnapshotStore<MessageStoreSnapshot>
  implements CacheableConversation
{
  /** @internal What the local cache reads of this store. */
  readonly cacheKind = 'conversation';
  readonly #client: ChatSessionsClient;
  readonly #sync: ChangeFeedSync | null;
  readonly #sessionId: string;
  readonly #threadId: string | null;
  readonly #pageSize: number;
  readonly #sent = new Map<string, SentMessageItem>();
  #outgoing: Outgoing[] = [];
  #hasOlder = false;
  #loading = false;
  #loadingOlder = false;
  #loaded = false;
  #error: ChatSessionsError | null = null;
  #gone = false;
  #generation = 0;
  readonly #abort = new AbortController();
  readonly #feed: FeedLink;
  readonly #outbox: MessageOutbox | null;
  readonly #cache: StoreCache | null;
  readonly #stopOutbox: () => void;
  #disposed = false;

  constructor(options: MessageStoreOptions) {
    const threadId = options.threadId ?? null;
    super({
      sessionId: options.sessionId,
      threadId,
      items: Object.freeze([]),
      hasOlder: false,
      loading: false,
      loadingOlder: false,
      loaded: false,
      error: null,
      gone: false,
    });
    const pageSize = options.pageSize ?? 50;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) {
      throw new RangeError(
        `MessageStore: pageSize is a whole number from 1 to 200 (got ${pageSize})`,
      );
    }
    this.#client = options.client;
    this.#sync = options.sync ?? null;
    this.#sessionId = options.sessionId;
    this.#threadId = threadId;
    this.#pageSize = pageSize;
    this.#feed = new FeedLink(this.#sync, (batch) => this.#applyBatch(batch));
    this.#outbox = options.outbox ?? null;
    this.#cache = options.cache ?? null;
    this.#stopOutbox = this.#outbox?.onOutcome((outcome) => this.#applyOutcome(outcome)) ?? noop;
  }

  /**
   * Loads the newest page. Called again once messages are held, it catches up from the newest
   * one instead (a newest page could leave a gap after a long absence). Never duplicates.
   */
  async load(): Promise<Result<MessagePage>> {
    if (this.#disposed) return fail(this.#disposedError());
    this.#feed.follow();
    const restored = this.#cache && !this.#loaded ? await this.#restore(this.#cache) : null;
    if (restored) return restored;
    if (this.#loaded && this.#sent.size > 0) {
      const caughtUp = await this.catchUp();
      if (caughtUp.error) return fail(caughtUp.error);
      // Caught up: an earlier failure (a catch-up from the cache, a page of older messages) is over.
      if (this.#error) {
        this.#error = null;
        this.#emit();
      }
      return {
        data: { items: this.#sortedSent().slice(-this.#pageSize), hasMore: this.#hasOlder },
        error: null,
      };
    }
    const generation = ++this.#generation;
    this.#loading = true;
    this.#error = null;
    this.#emit();
    // With a feed, fix its position before reading: whatever commits after this page arrives through it.
    if (this.#sync) await this.#sync.ensureBaseline();
    const page = await this.#client.messages.list(
      { sessionId: this.#sessionId, threadId: this.#threadId, limit: this.#pageSize },
      { signal: this.#abort.signal },
    );
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (generation !== this.#generation || this.#disposed) return page;
    this.#loading = false;
    if (page.error) {
      this.#error = page.error;
    } else {
      for (const message of page.data.items) this.#merge(message);
      // Earlier messages exist if the server says so, or if we already held older ones.
      if (!this.#loaded) this.#hasOlder = page.data.hasMore;
      this.#loaded = true;
    }
    this.#emit();
    if (this.#outbox) await this.#showQueued(this.#outbox);
    return page;
  }

  /** Paints the cached newest page, then applies the cache's delta; null when a load is due. */
  async #restore(cache: StoreCache): Promise<Result<MessagePage> | null> {
    const cached = await cache.conversation(this.#sessionId, this.#threadId);
    if (!cached || this.#disposed || this.#loaded) return null;
    for (const message of cached.items) this.#merge(message);
    [this.#hasOlder, this.#loaded, this.#loading] = [cached.hasOlder, true, true];
    this.#emit();
    const caughtUp = await cache.catchUp();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (this.#disposed) return fail(this.#disposedError());
    this.#loading = false;
    if (caughtUp.kind === 'reload') {
      // Too old to catch up: read the newest page instead.
      this.#sent.clear();
      [this.#loaded, this.#hasOlder] = [false, false];
      return null;
    }
    if (caughtUp.kind === 'error') this.#error = caughtUp.error;
    else for (const batch of caughtUp.batches) this.#applyBatch(batch);
    this.#emit();
    // Writes waiting in the outbox show as pending, also when the catch-up failed (offline).
    if (this.#outbox) await this.#showQueued(this.#outbox);
    if (caughtUp.kind === 'error') return fail(caughtUp.error);
    const items = this.#sortedSent().slice(-this.#pageSize);
    return { data: { items, hasMore: this.#hasOlder }, error: null };
  }

  /** @internal The saved messages, for the local cache; null while not settled. */
  cacheEntry(): ReturnType<CacheableConversation['cacheEntry']> {
    if (!this.#loaded || this.#loading || this.#error || this.#gone) return null;
    const items = this.#sortedSent();
    return {
      sessionId: this.#sessionId,
      threadId: this.#threadId,
      items,
      hasOlder: this.#hasOlder,
    };
  }

  /** Loads the page before the oldest message held. Does nothing when there is none or while loading. */
  async loadOlder(): Promise<Result<MessagePage> | null> {
    if (this.#disposed || !this.#loaded || !this.#hasOlder || this.#loadingOlder) return null;
    const oldest = this.#sortedSent()[0];
    if (!oldest) return null;
    this.#loadingOlder = true;
    this.#emit();
    const page = await this.#client.messages.list(
      {
        sessionId: this.#sessionId,
        threadId: this.#threadId,
        beforeSeq: oldest.seq,
        limit: this.#pageSize,
      },
      { signal: this.#abort.signal },
    );
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (this.#disposed) return page;
    this.#loadingOlder = false;
    if (page.error) {
      this.#error = page.error;
    } else {
      for (const message of page.data.items) this.#merge(message);
      this.#hasOlder = page.data.hasMore;
    }
    this.#emit();
    return page;
  }

  /**
   * Reads everything after the newest message held (`afterSeq`), page by page. The feed does
   * this continuously; call it when running without one, or after being offline.
   */
  async catchUp(): Promise<Result<number>> {
    if (this.#disposed) return fail(this.#disposedError());
    let added = 0;
    for (;;) {
      const newest = this.#sortedSent().at(-1);
      const page = await this.#client.messages.list(
        {
          sessionId: this.#sessionId,
          threadId: this.#threadId,
          afterSeq: newest?.seq ?? 0,
          limit: 200,
        },
        { signal: this.#abort.signal },
      );
      if (page.error) return fail(page.error);
      for (const message of page.data.items) if (this.#merge(message)) added += 1;
      this.#emit();
      if (!page.data.hasMore) return { data: added, error: null };
    }
  }

  /**
   * Sends a message: it shows at once as `pending`, becomes `sent` with the server's `seq`, or
   * `failed` with the error (then `retry(id)` or `discard(id)`). Safe to retry: the id is fixed.
   */
  async send(content: string, options: SendMessageOptions = {}): Promise<Result<Message>> {
    if (this.#disposed) return fail(this.#disposedError());
    const id = options.id ?? newId();
    const parsed = AppendMessageInputSchema.safeParse({
      id,
      sessionId: this.#sessionId,
      threadId: this.#threadId,
      content,
      ...options,
    });
    if (!parsed.success) return fail(validationError('message', parsed.error));
    const sent = this.#sent.get(id);
    if (sent) return { data: sent, error: null };
    const item: OutgoingMessageItem = deepFreeze({
      id,
      sessionId: this.#sessionId,
      threadId: this.#threadId,
      ownerId: null,
      seq: null,
      role: options.role ?? 'broker',
      content,
      contentType: options.contentType ?? 'text',
      richContent: options.richContent ?? null,
      createdAt: new Date().toISOString(),
      syncVersion: null,
      delivery: 'pending',
      error: null,
    });
    this.#outgoing = [
      ...this.#outgoing.filter((entry) => entry.item.id !== id),
      { item, options: { ...options, id } },
    ];
    this.#emit();
    return this.#deliver(id);
  }

  /** Sends a failed message again (same id: never a duplicate). */
  async retry(id: string): Promise<Result<Message>> {
    const entry = this.#outgoing.find((candidate) => candidate.item.id === id);
    if (!entry) {
      const sent = this.#sent.get(id);
      if (sent) return { data: sent, error: null };
      return fail(
        new ChatSessionsError({ code: 'not_found', message: 'No outgoing message has this id' }),
      );
    }
    if (entry.item.delivery === 'pending') return this.#deliver(id);
    this.#replaceOutgoing(id, { delivery: 'pending', error: null });
    this.#emit();
    return this.#deliver(id);
  }

  /** Drops a failed message from the list (it was never saved, or its fate is left to the feed). */
  discard(id: string): void {
    const before = this.#outgoing.length;
    this.#outgoing = this.#outgoing.filter(
      (entry) => entry.item.id !== id || entry.item.delivery !== 'failed',
    );
    if (this.#outgoing.length !== before) this.#emit();
  }

  /** A listener follows the feed from now on, even before the first load. */
  protected override watchedChanged(watched: boolean): void {
    if (watched && !this.#disposed) this.#feed.follow();
  }

  /** Stops listening to the feed and cancels loads. Sends in flight still reach the server. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#cache?.released(this);
    this.#feed.unfollow();
    this.#stopOutbox();
    this.#abort.abort();
    this.clearListeners();
  }

  async #deliver(id: string): Promise<Result<Message>> {
    const entry = this.#outgoing.find((candidate) => candidate.item.id === id);
    if (!entry)
      return fail(
        new ChatSessionsError({ code: 'not_found', message: 'No outgoing message has this id' }),
      );
    const { item, options } = entry;
    // Writes already wait in the outbox: queue behind them, so the order is kept.
    if (this.#outbox?.busy && (await this.#queue(this.#outbox, item))) {
      return fail(queuedError());
    }
    // Not tied to the store's abort signal: a message written before closing the view is still sent.
    const result = await this.#client.messages.append({
      id,
      sessionId: this.#sessionId,
      threadId: this.#threadId,
      content: item.content,
      ...(options.role ? { role: options.role } : {}),
      ...(options.contentType ? { contentType: options.contentType } : {}),
      ...(options.richContent !== undefined ? { richContent: options.richContent } : {}),
    });
    if (
      result.error?.code === 'network' &&
      this.#outbox &&
      !this.#sent.has(id) &&
      (await this.#queue(this.#outbox, item))
    ) {
      // Queued: it stays pending and the outbox sends it again, with the same id.
    } else if (result.error) {
      // The feed may already have brought it (a lost response after the commit).
      if (!this.#sent.has(id))
        this.#replaceOutgoing(id, { delivery: 'failed', error: result.error });
    } else {
      this.#merge(result.data);
    }
    this.#emit();
    return result;
  }

  #queue(outbox: MessageOutbox, item: OutgoingMessageItem): Promise<boolean> {
    return outbox.queueMessage({
      id: item.id,
      sessionId: item.sessionId,
      threadId: item.threadId,
      content: item.content,
      role: item.role === 'operator' ? 'broker' : item.role,
      contentType: item.contentType === 'event' ? 'text' : item.contentType,
      richContent: item.richContent,
      createdAt: item.createdAt,
    });
  }

  /** Shows the messages of this conversation still waiting in the outbox (after a reload). */
  async #showQueued(outbox: MessageOutbox): Promise<void> {
    const queued = await outbox.queuedMessages(this.#sessionId, this.#threadId);
    let changed = false;
    for (const message of queued) {
      if (this.#sent.has(message.id) || this.#outgoing.some((e) => e.item.id === message.id))
        continue;
      this.#outgoing = [...this.#outgoing, outgoingFromQueue(message)];
      changed = true;
    }
    if (changed) this.#emit();
  }

  /** A queued send was saved (merge it) or refused (roll it back: it was never saved). */
  #applyOutcome(outcome: OutboxOutcome): void {
    if (outcome.kind === 'delivered') {
      const waiting = this.#outgoing.some((entry) => entry.item.id === outcome.id);
      if (this.#merge(outcome.message) || waiting) this.#emit();
      return;
    }
    if (!this.#outgoing.some((entry) => entry.item.id === outcome.id)) return;
    this.#outgoing = this.#outgoing.filter((entry) => entry.item.id !== outcome.id);
    this.#emit();
  }

  #replaceOutgoing(id: string, change: Pick<OutgoingMessageItem, 'delivery' | 'error'>): void {
    this.#outgoing = this.#outgoing.map((entry) =>
      entry.item.id === id ? { ...entry, item: deepFreeze({ ...entry.item, ...change }) } : entry,
    );
  }

  /** Adds a saved message if it belongs here; true when it was new. */
  #merge(message: Message): boolean {
    if (message.sessionId !== this.#sessionId || message.threadId !== this.#threadId) return false;
    const isNew = !this.#sent.has(message.id);
    if (isNew)
      this.#sent.set(message.id, deepFreeze({ ...message, delivery: 'sent', error: null }));
    if (this.#outgoing.some((entry) => entry.item.id === message.id)) {
      this.#outgoing = this.#outgoing.filter((entry) => entry.item.id !== message.id);
    }
    return isNew;
  }

  #applyBatch(batch: ChangeBatch): void {
    let changed = false;
    for (const message of batch.messages) changed = this.#merge(message) || changed;
    for (const entry of batch.deleted) {
      if (entry.entity === 'session' && entry.id === this.#sessionId) {
        this.#gone = true;
        this.#sent.clear();
        this.#outgoing = [];
        changed = true;
      } else if (
        (entry.entity === 'message' && this.#sent.delete(entry.id)) ||
        (entry.entity === 'thread' && entry.id === this.#threadId)
      ) {
        if (entry.entity === 'thread') {
          this.#gone = true;
          this.#sent.clear();
        }
        changed = true;
      }
    }
    if (changed) this.#emit();
  }

  #sortedSent(): SentMessageItem[] {
    return [...this.#sent.values()].sort((a, b) => a.seq - b.seq);
  }

  #disposedError(): ChatSessionsError {
    return new ChatSessionsError({ code: 'aborted', message: 'The message store was disposed' });
  }

  #emit(): void {
    if (this.#disposed) return;
    const items: MessageItem[] = [
      ...this.#sortedSent(),
      ...this.#outgoing.map((entry) => entry.item),
    ];
    this.setSnapshot({
      sessionId: this.#sessionId,
      threadId: this.#threadId,
      items: Object.freeze(items),
      hasOlder: this.#hasOlder,
      loading: this.#loading,
      loadingOlder: this.#loadingOlder,
      loaded: this.#loaded,
      error: this.#error,
      gone: this.#gone,
    });
    this.#cache?.changed(this);
  }
}

function noop(): void {}

/** What `send` returns for a message queued behind others in the outbox. */
function queuedError(): ChatSessionsError {
  return new ChatSessionsError({
    code: 'network',
    message: 'Queued: sent when the connection returns',
  });
}

function outgoingFromQueue(message: QueuedMessage): Outgoing {
  return {
    item: deepFreeze({
      ...message,
      ownerId: null,
      seq: null,
      syncVersion: null,
      delivery: 'pending',
      error: null,
    }),
    options: {
      id: message.id,
      role: message.role,
      contentType: message.contentType,
      richContent: message.richContent,
    },
  };
}
