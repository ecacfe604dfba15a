import type { OperatorThread } from './internal/chat-transcript.js';
import type { CompletionOutcome, Session } from './internal/sdk.js';
import type { LifecycleAction } from '../packages/sdk/src/lifecycle.js';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-message-send': ChatMessageSendEvent;
    'chat-message-retry': ChatMessageRetryEvent;
    'chat-session-action': ChatSessionActionEvent;
    'chat-thread-open': ChatThreadOpenEvent;
    'chat-thread-close': ChatThreadCloseEvent;
  }
}
