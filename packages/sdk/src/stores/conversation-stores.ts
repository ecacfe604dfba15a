// The conversation side's stores in one module, which the runtime imports lazily
// (runtime/conversation-loader.ts): a page that shows only the session list never loads them.
export { DraftStore } from './draft-store.js';
export { MessageStore } from './message-store.js';
export { OperatorThreadStore } from './operator-thread-store.js';
export { SessionStore } from './session-store.js';
