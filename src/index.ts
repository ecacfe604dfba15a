/**
 * @chat-sessions/elements: Lit custom elements for Chat Sessions.
 *
 * This entry point exports classes and types only and registers nothing. To register the
 * elements under their standard names, import their define modules, e.g.
 * `@chat-sessions/elements/flight-request-card/define.js`.
 *
 * @example
 * ```ts
 * import '@chat-sessions/elements/flight-request-card/define.js';
 * import { ChatSessionSelectEvent } from '@chat-sessions/elements';
 *
 * document.addEventListener(ChatSessionSelectEvent.eventName, (event) => {
 *   console.log('open', event.session.id);
 * });
 * ```
 */
export {
  FlightRequestCard,
  type FlightRequestCardStrings,
} from './flight-request-card/flight-request-card.js';
export {
  GeneralChatCard,
  type GeneralChatCardStrings,
} from './general-chat-card/general-chat-card.js';
export { ChatSessionSelectEvent } from './events.js';
export type { AirportNameResolver, CardInteraction, Clock, StringsOverride } from './types.js';
export { ChatSidebar } from './chat-sidebar/chat-sidebar.js';
export type { ChatSidebarStrings, SidebarTab } from './chat-sidebar/strings.js';
export { ChatSessionEditEvent } from './actions/session-edit-event.js';
// The request editor is loaded on demand (its define module); only its types are eager.
export type { RequestEditorStrings } from './request-editor/strings.js';
export type { ChatRequestEditor } from './request-editor/chat-request-editor.js';
export type { ChatRequestEditorCloseEvent } from './request-editor/events.js';
export type {
  QuickCreateContext,
  QuickCreateDraft,
  QuickCreateParser,
} from './chat-sidebar/quick-create.js';
export { ChatSessionsProvider } from './chat-sessions-provider/chat-sessions-provider.js';
export {
  chatPreferencesContext,
  chatSessionsClientContext,
  sessionListContext,
} from './context.js';
export type { ChatPreferences, ChatStringFamilies, ChatStrings } from './preferences.js';
export { PreferencesController } from './controllers/preferences-controller.js';
export {
  RuntimeStoreController,
  type StoreRequest,
} from './controllers/runtime-store-controller.js';
export { StoreController, type SubscribableStore } from './controllers/store-controller.js';
export {
  SessionListController,
  type OwnedSessionList,
  type SessionListControllerOptions,
  type SessionListFactory,
} from './controllers/session-list-controller.js';
export {
  EMPTY_SESSION_LIST,
  type SessionListBulkAction,
  type SessionListBulkResult,
  type SessionListProblem,
  type SessionListSource,
  type SessionListTabCounts,
  type SessionListView,
  type SessionListWriteResult,
} from './controllers/session-list-source.js';
export {
  ChatListLoadMoreEvent,
  ChatListRetryEvent,
  ChatListSearchEvent,
  ChatListSortChangeEvent,
  ChatListTabChangeEvent,
  ChatSessionCreateEvent,
  ChatSessionDeleteEvent,
  ChatSessionDeleteRequestEvent,
  ChatSessionMarkReadEvent,
  ChatSessionPinEvent,
  ChatSessionPurgeEvent,
  ChatSessionPurgeRequestEvent,
  ChatSessionRenameEvent,
  ChatSessionRestoreEvent,
} from './events.js';
export {
  ChatMessage,
  type ChatMessageContent,
  type ChatMessageStrings,
} from './chat-message/chat-message.js';
export {
  ChatComposer,
  type ChatComposerStrings,
  type ComposerDraftStore,
  type ComposerMessageStore,
} from './chat-composer/chat-composer.js';
export {
  ChatSessionView,
  type ChatSessionViewStrings,
  type SessionViewMessageStore,
} from './chat-session-view/chat-session-view.js';
export {
  OperatorThreadList,
  type OperatorThreadListStrings,
  type ThreadListSnapshot,
  type ThreadListStore,
} from './operator-thread-list/operator-thread-list.js';
export type {
  MessageDelivery,
  TranscriptItem,
  TranscriptSnapshot,
  TranscriptStore,
  TranscriptStrings,
} from './transcript-types.js';
export {
  ChatMessageRetryEvent,
  ChatMessageSendEvent,
  ChatSessionActionEvent,
  ChatThreadCloseEvent,
  ChatThreadOpenEvent,
  ChatThreadsToggleEvent,
} from './events.js';
export {
  ChatWorkspace,
  type ChatWorkspaceStrings,
  type WorkspaceDensity,
  type WorkspaceHistoryMode,
  type WorkspaceLayout,
  type WorkspacePane,
  type WorkspaceTheme,
} from './chat-workspace/chat-workspace.js';
export {
  ChatConnectionStatus,
  type ChatConnectionStatusStrings,
  type ConnectionStatusSnapshot,
  type ConnectionStatusStore,
} from './chat-connection-status/chat-connection-status.js';
