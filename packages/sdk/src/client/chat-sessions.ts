import {
  TRANSITIONS,
  availableActions,
  canApply,
  canChangeStatus,
  listTabOf,
  requiresOutcome,
  tabOf,
  targetStatus,
} from '../lifecycle.js';
import type { ChatSessionsError } from '../errors.js';
import { resolveRetryOptions, type RetryOptions } from '../retry.js';
import { ChangesClient } from './changes-client.js';
import { MessagesClient } from './messages-client.js';
import type { RpcContext, SupabaseClientLike } from './rpc.js';
import { SessionsClient } from './sessions-client.js';
import { ThreadsClient } from './threads-client.js';

/** Options of {@link createChatSessions}. */
export interface ChatSessionsOptions {
  /**
   * The host's own Supabase client, already authenticated as the broker (or a service-role
   * client on a server). The SDK never creates one.
   */
  supabase: SupabaseClientLike;
  /** The schema holding the Chat Sessions API (default `chat`); it must be exposed to the API. */
  schema?: string;
  /** Retry policy for reads and idempotent writes. */
  retry?: RetryOptions;
}

/** The lifecycle rules, as exposed on the client (the same functions `lifecycle.ts` exports). */
export interface LifecycleHelpers {
  readonly transitions: typeof TRANSITIONS;
  readonly availableActions: typeof availableActions;
  readonly canApply: typeof canApply;
  readonly canChangeStatus: typeof canChangeStatus;
  readonly targetStatus: typeof targetStatus;
  readonly requiresOutcome: typeof requiresOutcome;
  readonly tabOf: typeof tabOf;
  readonly listTabOf: typeof listTabOf;
}

const lifecycle: LifecycleHelpers = Object.freeze({
  transitions: TRANSITIONS,
  availableActions,
  canApply,
  canChangeStatus,
  targetStatus,
  requiresOutcome,
  tabOf,
  listTabOf,
});

/** Something to tell after each write: the sync engine polls the change feed. */
export type WriteListener = () => void;

/**
 * Something to tell after every call: the function called and its error, null on success
 * (the connection state reads it).
 */
export type ResultListener = (fn: string, error: ChatSessionsError | null) => void;

/**
 * The Chat Sessions client: one sub-client per area, every method typed, validated and
 * returning `{ data, error }`.
 */
export interface ChatSessionsClient {
  /** Sessions: create, get, list, counts, update, lifecycle actions, pin, trash. */
  readonly sessions: SessionsClient;
  /** Messages of conversations and operator threads. */
  readonly messages: MessagesClient;
  /** Operator threads: list, open, mark read, record inbound replies (service role). */
  readonly threads: ThreadsClient;
  /** The change feed. */
  readonly changes: ChangesClient;
  /** The lifecycle rules, for UI affordances (which actions to offer, which tab a status is in). */
  readonly lifecycle: LifecycleHelpers;
  /** The schema the client calls. */
  readonly schema: string;
  /**
   * Registers a listener told after every write this client makes (including writes whose
   * outcome is unknown). Returns the function that removes it.
   */
  onWrite(listener: WriteListener): () => void;
  /**
   * Registers a listener told after every call this client makes, with its error (null on
   * success). Returns the function that removes it.
   */
  onResult(listener: ResultListener): () => void;
}

/**
 * Creates the Chat Sessions client around the host's Supabase client.
 *
 * @example
 * import { createClient } from '@supabase/supabase-js';
 * import { createChatSessions } from '@chat-sessions/sdk';
 *
 * const supabase = createClient(SUPABASE_URL, SUPABASE_ANON_KEY); // the host's, signed in
 * const chat = createChatSessions({ supabase });
 *
 * const { data: session, error } = await chat.sessions.create({ kind: 'general', title: 'Catch-up' });
 * if (error) console.error(error.code, error.message);
 * await chat.messages.append({ sessionId: session.id, content: 'Hello' });
 */
export function createChatSessions(options: ChatSessionsOptions): ChatSessionsClient {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JavaScript hosts can pass anything.
  if (!options || typeof options.supabase?.schema !== 'function') {
    throw new TypeError(
      'createChatSessions({ supabase }) needs a Supabase client (createClient from @supabase/supabase-js v2)',
    );
  }
  const schema = options.schema ?? 'chat';
  const writeListeners = new Set<WriteListener>();
  const resultListeners = new Set<ResultListener>();
  const context: RpcContext = {
    supabase: options.supabase,
    schema,
    retry: resolveRetryOptions(options.retry),
    onWrite() {
      for (const listener of [...writeListeners]) {
        try {
          listener();
        } catch (error) {
          // A listener's bug must not turn a successful write into a failure.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    onResult(fn, error) {
      for (const listener of [...resultListeners]) {
        try {
          listener(fn, error);
        } catch (thrown) {
          queueMicrotask(() => {
            throw thrown;
          });
        }
      }
    },
  };
  return {
    sessions: new SessionsClient(context),
    messages: new MessagesClient(context),
    threads: new ThreadsClient(context),
    changes: new ChangesClient(context),
    lifecycle,
    schema,
    onWrite(listener) {
      writeListeners.add(listener);
      return () => writeListeners.delete(listener);
    },
    onResult(listener) {
      resultListeners.add(listener);
      return () => resultListeners.delete(listener);
    },
  };
}
