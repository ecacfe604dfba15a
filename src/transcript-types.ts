import type { Message } from '@chat-sessions/sdk';

// The public types of the conversation elements' transcript (what they read from a message
// store, and their strings), apart from the internal code that renders it.

/**
 * Where a message stands on its way to the server: saved (`sent`), on its way (`pending`), or
 * refused or lost (`failed`, retryable).
 */
export type MessageDelivery = 'sent' | 'pending' | 'failed';

/** What the conversation elements read from a message store: the SDK's `MessageStore` fits. */
export interface TranscriptItem extends ChatMessageFields {
  readonly delivery: MessageDelivery;
}

type ChatMessageFields = Pick<Message, 'id' | 'role' | 'content' | 'contentType' | 'createdAt'> &
  Partial<Pick<Message, 'richContent'>>;

/** A message store's snapshot, as far as a transcript reads it. */
export interface TranscriptSnapshot {
  readonly items: readonly TranscriptItem[];
  readonly hasOlder: boolean;
  readonly loading: boolean;
  readonly loadingOlder: boolean;
  readonly loaded: boolean;
  readonly error: { readonly message: string } | null;
}

/** A conversation's message store (the SDK's `MessageStore`), as far as a transcript uses it. */
export interface TranscriptStore {
  getSnapshot(): TranscriptSnapshot;
  subscribe(listener: () => void): () => void;
  load(): Promise<unknown>;
  loadOlder(): Promise<unknown>;
  retry(id: string): Promise<unknown>;
}

/** The strings of a transcript, part of each conversation element's strings. */
export interface TranscriptStrings {
  /** The "load earlier" button. */
  loadEarlier: string;
  /** The same button while earlier messages load. */
  loadingEarlier: string;
  /** Shown while the newest messages load. */
  loadingMessages: string;
  /** Shown in a conversation without messages. */
  noMessages: string;
  /** Shown when messages could not be loaded. */
  loadFailed: string;
  /** Loads again after a failure. */
  tryAgain: string;
  /** Shown instead of `loadFailed` while offline: the messages load once the connection is back. */
  offlineMessages: string;
}
