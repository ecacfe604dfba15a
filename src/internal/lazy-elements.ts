import { chunkLoader } from './chunk-loader.js';
/**
 * The elements that stay out of the first load of the browser bundle. The conversation pane
 * (`<chat-session-view>` with its composer, messages and operator threads, about 15 KB gzipped)
 * is not needed to paint the session list. Each tag maps to the dynamic import that defines it;
 * they share one chunk (the session view's define module registers all four), so loading one
 * loads them all. A failed load is retried on the next call.
 */
const loadConversation = chunkLoader(() => import('../chat-session-view/define.js'));

/**
 * `<chat-connection-status>`, a chunk of its own: `<chat-sidebar>` loads it soon after its first
 * paint, while idle (its status line is empty while online), and at once when the connection
 * leaves `online` (controllers/connection-status-loader.ts).
 */
export const loadConnectionStatus = chunkLoader(
  () => import('../chat-connection-status/define.js'),
);

/** Lazily loaded tag names and their loaders. */
export const LAZY_ELEMENTS: Readonly<Record<string, () => Promise<unknown>>> = {
  'chat-session-view': loadConversation,
  'chat-composer': loadConversation,
  'chat-message': loadConversation,
  'operator-thread-list': loadConversation,
  'chat-connection-status': loadConnectionStatus,
};

/** Loads the conversation pane's elements and resolves once `<chat-session-view>` is defined. */
export async function loadConversationElements(): Promise<void> {
  await loadConversation();
  await customElements.whenDefined('chat-session-view');
}
