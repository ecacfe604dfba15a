import type * as ConversationModule from '../stores/conversation-stores.js';

/** The conversation side's store classes: `MessageStore`, `OperatorThreadStore`, `SessionStore`, `DraftStore`. */
export type ConversationStores = typeof ConversationModule;

let loaded: ConversationStores | null = null;
let loading: Promise<ConversationStores> | null = null;

/**
 * Loads the conversation side's stores (a module of their own, so that a page showing only the
 * session list never downloads them) and resolves with their classes. Every runtime starts this
 * when it is made; `runtime.messages()`, `runtime.threads()` and `runtime.session()` need it
 * done. A failed load (offline before it ever loaded) is tried again on the next call.
 *
 * @example
 * const { DraftStore } = await loadConversationStores();
 * const conversation = getRuntime(chat).messages({ sessionId }); // now available synchronously
 */
export function loadConversationStores(): Promise<ConversationStores> {
  loading ??= import('../stores/conversation-stores.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Whether {@link loadConversationStores} has finished, so the runtime's conversation stores can be made. */
export function conversationStoresLoaded(): boolean {
  return loaded !== null;
}

/** The loaded classes, or a clear error naming what to await. */
export function conversationStores(method: string): ConversationStores {
  if (loaded) return loaded;
  throw new Error(
    `ChatSessionsRuntime.${method}(): the conversation stores are still loading. ` +
      'Call it after `await loadConversationStores()` (from @chat-sessions/sdk).',
  );
}
