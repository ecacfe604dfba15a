import type { ChatSessionsError } from '../errors.js';
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
