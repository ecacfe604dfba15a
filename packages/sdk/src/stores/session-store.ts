import type { ChatSessionsClient } from '../client/chat-sessions.js';
import { ChatSessionsError, fail, type Result } from '../errors.js';
import type { ChangeBatch } from '../models/changes.js';
import type { Session } from '../models/session.js';
import type { ChangeFeedSync } from '../sync/change-feed-sync.js';
import { FeedLink } from './feed-link.js';
import { SnapshotStore, deepFreeze } from './store.js';

/** What a {@link SessionStore} shows. Immutable: every change makes a new one. */
export interface SessionSnapshot {
  sessionId: string;
  /** The session as last read (a load, the feed, or a row handed in), or null. */
  session: Session | null;
  loading: boolean;
  /** The first read has answered. */
  loaded: boolean;
  /** Why the last read failed, or null. */
  error: ChatSessionsError | null;
  /** The session was purged: nothing more will come. */
  gone: boolean;
}

/** Options of {@link SessionStore}. */
export interface SessionStoreOptions {
  client: ChatSessionsClient;
  /** The change-feed engine bringing the session's changes (recommended). */
  sync?: ChangeFeedSync | null;
  sessionId: string;
}

/**
 * One session, live: read once, then kept current by the change feed (a newer row by
 * `syncVersion` always wins). What a session view's header shows.
 *
 * @example
 * const session = getRuntime(chat).session(sessionId);
 * session.subscribe(() => renderHeader(session.getSnapshot().session));
 */
export class SessionStore extends SnapshotStore<SessionSnapshot> {
  readonly #client: ChatSessionsClient;
  readonly #sessionId: string;
  readonly #feed: FeedLink;
  readonly #abort = new AbortController();
  #disposed = false;

  constructor(options: SessionStoreOptions) {
    super({
      sessionId: options.sessionId,
      session: null,
      loading: false,
      loaded: false,
      error: null,
      gone: false,
    });
    this.#client = options.client;
    this.#sessionId = options.sessionId;
    this.#feed = new FeedLink(options.sync ?? null, (batch) => this.#applyBatch(batch));
  }

  /**
   * Reads the session, while the feed fixes its position. Not one after the other: a header
   * must not wait two round trips. A change committed between the two reads reaches the row
   * with the session's next change (any later write bumps its `syncVersion`).
   */
  async load(): Promise<Result<Session>> {
    if (this.#disposed) return fail(this.#disposedError());
    this.#feed.follow();
    this.setSnapshot({ ...this.getSnapshot(), loading: true, error: null });
    const [result] = await Promise.all([
      this.#client.sessions.get(this.#sessionId, { signal: this.#abort.signal }),
      this.#feed.sync?.ensureBaseline(),
    ]);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (this.#disposed) return result;
    const snapshot = this.getSnapshot();
    this.setSnapshot({
      ...snapshot,
      session: result.data ? newer(snapshot.session, result.data) : snapshot.session,
      loading: false,
      loaded: true,
      error: result.error,
    });
    return result;
  }

  /** Takes a row learned elsewhere (e.g. an action's answer) if it is newer than the one held. */
  accept(session: Session): void {
    if (this.#disposed || session.id !== this.#sessionId) return;
    const snapshot = this.getSnapshot();
    const next = newer(snapshot.session, session);
    if (next !== snapshot.session) this.setSnapshot({ ...snapshot, session: next });
  }

  /** A listener follows the feed from now on, even before the first load. */
  protected override watchedChanged(watched: boolean): void {
    if (watched && !this.#disposed) this.#feed.follow();
  }

  /** Stops following the feed and cancels the read. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#feed.unfollow();
    this.#abort.abort();
    this.clearListeners();
  }

  #applyBatch(batch: ChangeBatch): void {
    if (this.#disposed) return;
    if (batch.deleted.some((entry) => entry.entity === 'session' && entry.id === this.#sessionId)) {
      this.setSnapshot({ ...this.getSnapshot(), session: null, gone: true });
      return;
    }
    const row = batch.sessions.find((candidate) => candidate.id === this.#sessionId);
    if (row) this.accept(row);
  }

  #disposedError(): ChatSessionsError {
    return new ChatSessionsError({ code: 'aborted', message: 'The session store was disposed' });
  }
}

/** The newer of two rows of one session by change-feed version (`held` on a tie). */
function newer(held: Session | null, incoming: Session): Session {
  if (held && held.syncVersion >= incoming.syncVersion) return held;
  return deepFreeze({ ...incoming });
}
