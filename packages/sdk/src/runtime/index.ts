export {
  ChatSessionsRuntime,
  clearLocalCache,
  getRuntime,
  type ConversationQuery,
  type RuntimeOptions,
  type RuntimeStats,
  type SessionListQuery,
} from './runtime.js';
export {
  conversationStoresLoaded,
  loadConversationStores,
  type ConversationStores,
} from './conversation-loader.js';
