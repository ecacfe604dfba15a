import type { ChatSessionsError } from '../errors.js';
import type { CreateSessionInput, SessionPatch, TransitionInput } from '../inputs.js';
import type { LifecycleAction } from '../lifecycle.js';
import type { Session } from '../models/session.js';
import type { Message, MessageContentType, MessageRole, RichContent } from '../models/message.js';

/** A message waiting in the outbox: everything needed to send it again, with its fixed id. */
export interface QueuedMessage {
  id: string;
  sessionId: string;
  threadId: string | null;
  content: string;
  role: Exclude<MessageRole, 'operator'>;
  contentType: MessageContentType;
  richContent: RichContent | null;
  createdAt: string;
}

/** What became of a queued write: saved (with the server's row) or refused (rolled back). */
export type OutboxOutcome =
  | { kind: 'delivered'; id: string; message: Message }
  | { kind: 'refused'; id: string; queued: QueuedMessage; error: ChatSessionsError };

/**
 * The outbox as stores see it: where writes that failed for network reasons wait, in order,
 * to be sent again with the same ids. Absent where there is no IndexedDB or Web Locks (Node).
 */
export interface MessageOutbox {
  /** True while writes wait: new writes queue behind them so the order is kept. */
  readonly busy: boolean;
  /** Queues a message; resolves false when it could not be stored (then it failed). */
  queueMessage(message: QueuedMessage): Promise<boolean>;
  /** The messages of one conversation still waiting, in order. */
  queuedMessages(sessionId: string, threadId: string | null): Promise<QueuedMessage[]>;
  /** Calls `listener` with each outcome (also those of other tabs); returns the unsubscribe. */
  onOutcome(listener: (outcome: OutboxOutcome) => void): () => void;
  /** Sends what waits now (one tab at a time; a no-op while another is sending). */
  flush(): void;
}

/**
 * A list action the outbox can replay safely (a repeat leaves the session as one would): a
 * create carries its client id (`create_session` returns the existing row for a known id), a
 * rename or edit is compared with the server's row when its version check refuses a replay,
 * and trashing or restoring twice is a no-op.
 */
export type QueuedActionKind =
  | LifecycleAction
  | 'pin'
  | 'unpin'
  | 'mark_read'
  | 'create'
  | 'rename'
  | 'update'
  | 'delete'
  | 'restore';

/** A session-list action waiting in the outbox, with its client id. */
export interface QueuedAction {
  id: string;
  sessionId: string;
  action: QueuedActionKind;
  /** The lifecycle input (`action` and, for a complete, `outcome`); null for pins and read marks. */
  transition: TransitionInput | null;
  createdAt: string;
  /** The session's title when the action was made, to name it if the server refuses it. */
  title?: string;
  /** A create's input, with its client id. */
  create?: CreateSessionInput & { id: string };
  /** A rename's or an edit's fields. */
  patch?: SessionPatch;
  /** A rename's or an edit's version check, if it had one. */
  expectedVersion?: number;
}

/**
 * What became of a queued action: done (with the server's row; also when the server already
 * was where the action leads, its first answer lost) or refused (roll the row back).
 */
export type ActionOutcome =
  | { kind: 'done'; id: string; queued: QueuedAction; session: Session }
  | {
      kind: 'refused';
      id: string;
      queued: QueuedAction;
      error: ChatSessionsError;
      /** The session as the server has it now, when it was read (to say why). */
      current?: Session | null;
    };

/** The outbox as the session list sees it (the runtime's {@link MessageOutbox} is one too). */
export interface ActionOutbox {
  /** True while writes wait: new writes queue behind them so the order is kept. */
  readonly busy: boolean;
  /** Queues an action; resolves false when it could not be stored (then it failed). */
  queueAction(action: QueuedAction): Promise<boolean>;
  /** The broker's actions still waiting (made in any tab, before a reload too), oldest first. */
  queuedActions(): Promise<QueuedAction[]>;
  /** Calls `listener` when another tab queued a write; returns the unsubscribe. */
  onPeerQueued?(listener: () => void): () => void;
  /** Calls `listener` with each action's outcome (also those of other tabs); returns the unsubscribe. */
  onActionOutcome(listener: (outcome: ActionOutcome) => void): () => void;
}
