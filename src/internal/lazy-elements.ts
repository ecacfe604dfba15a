import { chunkLoader } from './chunk-loader.js';
/**
 * The elements that stay out of the first load of the browser bundle: the conversation pane
 * (`<chat-session-view>` with its composer, messages and operator threads, about 15 KB gzipped)
 * is not needed to paint the session list. Each tag maps to the dynamic import that defines it;
 * they share one chunk (the session view's define module registers all four), so loading one
 * loads them all. A failed load is retried on the next call.
 */
const loadConversation = chunkLoader(() => import('../chat-session-view/define.js'));

/** Lazily loaded tag names and their loaders. */
export const LAZY_ELEMENTS: Readonly<Record<string, () => Promise<unknown>>> = {
  'chat-session-view': loadConversation,
  'chat-composer': loadConversation,
  'chat-message': loadConversation,
  'operator-thread-list': loadConversation,
};

/** Loads the conversation pane's elements and resolves once `<chat-session-view>` is defined. */
export async function loadConversationElements(): Promise<void> {
  await loadConversation();
  await customElements.whenDefined('chat-session-view');
}
