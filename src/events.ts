import type {
  CreateSessionInput,
  LifecycleAction,
  ListTab,
  OperatorThread,
  SessionSort,
} from '@chat-sessions/sdk';
import type { CompletionOutcome, Session } from './internal/sdk.js';

/**
 * The user chose a session: clicked its card, or pressed Enter or Space on it. Bubbles and is
 * composed, so a host page hears it from inside any shadow root.
 *
 * @example
 * ```ts
 * document.addEventListener('chat-session-select', (event) => openSession(event.session.id));
 * ```
 */
export class ChatSessionSelectEvent extends Event {
  static readonly eventName = 'chat-session-select';

  /** The session the user chose, as the card was showing it. */
  readonly session: Session;

  constructor(session: Session) {
    super(ChatSessionSelectEvent.eventName, { bubbles: true, composed: true });
    this.session = session;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-session-select': ChatSessionSelectEvent;
  }
}

/**
 * The user sent a message from a composer (Enter, or the Send button). Cancelable: call
 * `preventDefault()` to send it yourself; otherwise the composer appends it through the SDK
 * (when it has a message store) and clears itself. Bubbles and is composed.
 *
 * @example
 * ```ts
 * composer.addEventListener('chat-message-send', (event) => console.log(event.content));
 * ```
 */
export class ChatMessageSendEvent extends Event {
  static readonly eventName = 'chat-message-send';

  /** The text as typed (never empty or only whitespace). */
  readonly content: string;
  /** The session the message goes to, when the composer knows it. */
  readonly sessionId: string | null;
  /** The operator thread it goes to, or null for the session's main conversation. */
  readonly threadId: string | null;

  constructor(content: string, sessionId: string | null, threadId: string | null) {
    super(ChatMessageSendEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.content = content;
    this.sessionId = sessionId;
    this.threadId = threadId;
  }
}

/**
 * The user pressed Retry on a message that failed to send. The session view and the thread list
 * send it again through the SDK, under the same id (so a retry never makes a copy). Bubbles and
 * is composed.
 */
export class ChatMessageRetryEvent extends Event {
  static readonly eventName = 'chat-message-retry';

  /** The id of the failed message. */
  readonly messageId: string;

  constructor(messageId: string) {
    super(ChatMessageRetryEvent.eventName, { bubbles: true, composed: true });
    this.messageId = messageId;
  }
}

/**
 * The user chose a lifecycle action (pause, resume, complete, reopen, archive, unarchive) in a
 * session view's header. Cancelable: call `preventDefault()` to apply it yourself (e.g. through
 * your `SessionListStore`, optimistically); otherwise the view applies it through the SDK
 * client. Bubbles and is composed.
 */
export class ChatSessionActionEvent extends Event {
  static readonly eventName = 'chat-session-action';

  /** The session as the view was showing it. */
  readonly session: Session;
  /** The action chosen. */
  readonly action: LifecycleAction;
  /** The outcome, for `complete`; null otherwise. */
  readonly outcome: CompletionOutcome | null;

  constructor(session: Session, action: LifecycleAction, outcome: CompletionOutcome | null = null) {
    super(ChatSessionActionEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.session = session;
    this.action = action;
    this.outcome = outcome;
  }
}

/**
 * The user opened an operator thread (click, Enter or Space on it). The thread list marks it
 * read and shows its messages. Bubbles and is composed.
 */
export class ChatThreadOpenEvent extends Event {
  static readonly eventName = 'chat-thread-open';

  /** The thread, as the list was showing it. */
  readonly thread: OperatorThread;

  constructor(thread: OperatorThread) {
    super(ChatThreadOpenEvent.eventName, { bubbles: true, composed: true });
    this.thread = thread;
  }
}

/** The user closed the open operator thread (Back, or Escape). Bubbles and is composed. */
export class ChatThreadCloseEvent extends Event {
  static readonly eventName = 'chat-thread-close';

  /** The thread that was open. */
  readonly thread: OperatorThread;

  constructor(thread: OperatorThread) {
    super(ChatThreadCloseEvent.eventName, { bubbles: true, composed: true });
    this.thread = thread;
  }
}

/**
 * The user showed or hid the operator threads of a `<chat-session-view>` whose threads its host
 * shows (`external-threads`, as `<chat-workspace>` sets). Between our own elements: it bubbles
 * but is not composed.
 */
export class ChatThreadsToggleEvent extends Event {
  static readonly eventName = 'chat-threads-toggle';

  /** Whether the threads are now shown. */
  readonly open: boolean;

  constructor(open: boolean) {
    super(ChatThreadsToggleEvent.eventName, { bubbles: true });
    this.open = open;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-threads-toggle': ChatThreadsToggleEvent;
    'chat-message-send': ChatMessageSendEvent;
    'chat-message-retry': ChatMessageRetryEvent;
    'chat-session-action': ChatSessionActionEvent;
    'chat-thread-open': ChatThreadOpenEvent;
    'chat-thread-close': ChatThreadCloseEvent;
  }
}

// ─── The session list (<chat-sidebar>) ──────────────────────────────────────────────────────
// Every event below bubbles and is composed. Those that change a session are cancelable:
// `preventDefault()` to apply the change yourself; otherwise the sidebar applies it through its
// store (without a store, the host always applies it).

/**
 * The user asked for a new session: the New menu (flight request or general chat) or quick
 * create (free text read into a flight request). `input` carries the id the session will have.
 * Cancelable.
 */
export class ChatSessionCreateEvent extends Event {
  static readonly eventName = 'chat-session-create';

  /** What to create, as the SDK's `sessions.create` / `SessionListStore.create` take it. */
  readonly input: CreateSessionInput;
  /** The text typed into quick create, or null for the New menu. */
  readonly text: string | null;

  constructor(input: CreateSessionInput, text: string | null) {
    super(ChatSessionCreateEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.input = input;
    this.text = text;
  }
}

/** The user renamed a session. Cancelable. */
export class ChatSessionRenameEvent extends Event {
  static readonly eventName = 'chat-session-rename';

  readonly session: Session;
  /** The new title, trimmed. */
  readonly title: string;

  constructor(session: Session, title: string) {
    super(ChatSessionRenameEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.session = session;
    this.title = title;
  }
}

/** The user pinned (`pinned: true`) or unpinned a session. Cancelable. */
export class ChatSessionPinEvent extends Event {
  static readonly eventName = 'chat-session-pin';

  readonly session: Session;
  readonly pinned: boolean;

  constructor(session: Session, pinned: boolean) {
    super(ChatSessionPinEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.session = session;
    this.pinned = pinned;
  }
}

/** The user marked a session's operator replies read. Cancelable. */
export class ChatSessionMarkReadEvent extends Event {
  static readonly eventName = 'chat-session-mark-read';

  readonly session: Session;

  constructor(session: Session) {
    super(ChatSessionMarkReadEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.session = session;
  }
}

/**
 * The user asked to delete sessions (menu, Delete key, bulk bar), before the sidebar asks them
 * to confirm. Cancelable: `preventDefault()` keeps the sessions (or lets you ask in your own way).
 */
export class ChatSessionDeleteRequestEvent extends Event {
  static readonly eventName = 'chat-session-delete-request';

  /** The sessions to delete, in list order. */
  readonly sessions: readonly Session[];

  constructor(sessions: readonly Session[]) {
    super(ChatSessionDeleteRequestEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    this.sessions = sessions;
  }
}

/** The user confirmed moving a session to the trash (one event per session). Cancelable. */
export class ChatSessionDeleteEvent extends Event {
  static readonly eventName = 'chat-session-delete';

  readonly session: Session;

  constructor(session: Session) {
    super(ChatSessionDeleteEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.session = session;
  }
}

/** The user undid a delete: the session comes back from the trash. Cancelable. */
export class ChatSessionRestoreEvent extends Event {
  static readonly eventName = 'chat-session-restore';

  readonly session: Session;

  constructor(session: Session) {
    super(ChatSessionRestoreEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.session = session;
  }
}

/**
 * The broker asked to delete trashed sessions forever (the trash view's "Delete forever", on one
 * row or on a selection), before the sidebar asks them to confirm. Cancelable:
 * `preventDefault()` keeps the sessions (or lets you ask in your own way).
 */
export class ChatSessionPurgeRequestEvent extends Event {
  static readonly eventName = 'chat-session-purge-request';

  /** The trashed sessions to delete forever, in list order. */
  readonly sessions: readonly Session[];

  constructor(sessions: readonly Session[]) {
    super(ChatSessionPurgeRequestEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    this.sessions = sessions;
  }
}

/**
 * A trashed session was deleted forever (one event per session), after the broker confirmed:
 * when the sidebar has a store, once the store's purge succeeded; without one, for the host to
 * delete it (`chat.sessions.purge(id)`). Not cancelable: it reports what happened.
 */
export class ChatSessionPurgeEvent extends Event {
  static readonly eventName = 'chat-session-purge';

  readonly session: Session;

  constructor(session: Session) {
    super(ChatSessionPurgeEvent.eventName, { bubbles: true, composed: true });
    this.session = session;
  }
}

/** The user chose another tab of the session list. */
export class ChatListTabChangeEvent extends Event {
  static readonly eventName = 'chat-list-tab-change';

  readonly tab: ListTab;

  constructor(tab: ListTab) {
    super(ChatListTabChangeEvent.eventName, { bubbles: true, composed: true });
    this.tab = tab;
  }
}

/** The user toggled the list's order: `recent`, or `attention` (needs attention first). */
export class ChatListSortChangeEvent extends Event {
  static readonly eventName = 'chat-list-sort-change';

  readonly sort: SessionSort;

  constructor(sort: SessionSort) {
    super(ChatListSortChangeEvent.eventName, { bubbles: true, composed: true });
    this.sort = sort;
  }
}

/** The user changed the search text (every keystroke; stores debounce it). */
export class ChatListSearchEvent extends Event {
  static readonly eventName = 'chat-list-search';

  readonly search: string;

  constructor(search: string) {
    super(ChatListSearchEvent.eventName, { bubbles: true, composed: true });
    this.search = search;
  }
}

/** The user scrolled near the end of the list and more sessions wait: load the next page. */
export class ChatListLoadMoreEvent extends Event {
  static readonly eventName = 'chat-list-load-more';

  readonly tab: ListTab;
  /** How many sessions are loaded. */
  readonly loaded: number;

  constructor(tab: ListTab, loaded: number) {
    super(ChatListLoadMoreEvent.eventName, { bubbles: true, composed: true });
    this.tab = tab;
    this.loaded = loaded;
  }
}

/** The user asked to retry a load that failed. */
export class ChatListRetryEvent extends Event {
  static readonly eventName = 'chat-list-retry';

  readonly tab: ListTab;

  constructor(tab: ListTab) {
    super(ChatListRetryEvent.eventName, { bubbles: true, composed: true });
    this.tab = tab;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-session-create': ChatSessionCreateEvent;
    'chat-session-rename': ChatSessionRenameEvent;
    'chat-session-pin': ChatSessionPinEvent;
    'chat-session-mark-read': ChatSessionMarkReadEvent;
    'chat-session-delete-request': ChatSessionDeleteRequestEvent;
    'chat-session-delete': ChatSessionDeleteEvent;
    'chat-session-restore': ChatSessionRestoreEvent;
    'chat-session-purge-request': ChatSessionPurgeRequestEvent;
    'chat-session-purge': ChatSessionPurgeEvent;
    'chat-list-tab-change': ChatListTabChangeEvent;
    'chat-list-sort-change': ChatListSortChangeEvent;
    'chat-list-search': ChatListSearchEvent;
    'chat-list-load-more': ChatListLoadMoreEvent;
    'chat-list-retry': ChatListRetryEvent;
  }
}
