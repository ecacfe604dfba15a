/**
 * @chat-sessions/sdk — the headless SDK of Chat Sessions: a typed client over the `chat` RPC
 * API, the session lifecycle rules, and live stores for UIs.
 *
 * @example
 * import { createChatSessions } from '@chat-sessions/sdk';
 * const chat = createChatSessions({ supabase });
 * const { data, error } = await chat.sessions.list({ tab: 'active' });
 */

// Client
export {
  createChatSessions,
  type ChatSessionsClient,
  type ChatSessionsOptions,
  type LifecycleHelpers,
  type WriteListener,
} from './client/chat-sessions.js';
export {
  PurgedSessionSchema,
  SessionsClient,
  type PauseOptions,
  type PurgedSession,
  type VersionedRequestOptions,
} from './client/sessions-client.js';
export { MessagesClient } from './client/messages-client.js';
export { ThreadsClient } from './client/threads-client.js';
export { ChangesClient } from './client/changes-client.js';
export type { RequestOptions, RpcRequestLike, SupabaseClientLike } from './client/rpc.js';

// Errors and results
export {
  CHAT_SESSIONS_ERROR_CODES,
  ChatSessionsError,
  fromPostgrestError,
  type ChatSessionsErrorCode,
  type ChatSessionsErrorInit,
  type PostgrestErrorBody,
  type Result,
  type ValidationIssue,
} from './errors.js';

// The validator the schemas below are built with: parse / safeParse, Standard Schema v1
export {
  SchemaError,
  type Infer,
  type Issue as SchemaIssue,
  type SafeParseResult,
  type Schema,
  type StandardSchemaV1,
} from './schema/index.js';

// Retries and ids
export { DEFAULT_RETRY_OPTIONS, backoffDelay, type RetryOptions } from './retry.js';
export { newId } from './ids.js';

// Lifecycle
export {
  LIFECYCLE_ACTIONS,
  LIST_TABS,
  SESSION_ACTIONS,
  TRANSITIONS,
  LifecycleActionSchema,
  ListTabSchema,
  applyTransition,
  availableActions,
  canApply,
  canChangeStatus,
  listTabOf,
  requiresOutcome,
  tabOf,
  targetStatus,
  type LifecycleAction,
  type ListTab,
  type SessionAction,
} from './lifecycle.js';

// Inputs
export {
  AppendMessageInputSchema,
  ChangesQuerySchema,
  CreateSessionInputSchema,
  FirstMessageInputSchema,
  ExpectedVersionSchema,
  ExternalRefSchema,
  IdSchema,
  InstantSchema,
  ListMessagesQuerySchema,
  ListSessionsQuerySchema,
  MarkThreadReadInputSchema,
  OpenOperatorThreadInputSchema,
  OperatorNameSchema,
  PurgeTrashInputSchema,
  RecordOperatorMessageInputSchema,
  SearchSchema,
  SeqSchema,
  SessionPatchSchema,
  SessionSortSchema,
  TitleSchema,
  TransitionInputSchema,
  type AppendMessageInput,
  type ChangesQuery,
  type CreateSessionInput,
  type FirstMessageInput,
  type ListMessagesQuery,
  type ListSessionsQuery,
  type MarkThreadReadInput,
  type OpenOperatorThreadInput,
  type PurgeTrashInput,
  type RecordOperatorMessageInput,
  type SessionPatch,
  type SessionSort,
  type TransitionInput,
} from './inputs.js';

// Models
export {
  AirportCodeSchema,
  CalendarDateSchema,
  FLIGHT_REQUEST_STAGES,
  FlightLegSchema,
  FlightLegsSchema,
  FlightRequestSchema,
  FlightRequestStageSchema,
  LocalTimeSchema,
  MAX_LEGS,
  MAX_PASSENGERS,
  MIN_PASSENGERS,
  PassengersSchema,
  TripTypeSchema,
  type FlightLeg,
  type FlightRequest,
  type FlightRequestStage,
  type TripType,
} from './models/flight-request.js';
export {
  AttentionReasonSchema,
  CompletionOutcomeSchema,
  SESSION_STATUSES,
  SessionKindSchema,
  SessionMetadataSchema,
  SessionRowSchema,
  SessionStatusSchema,
  SessionTabSchema,
  type AttentionReason,
  type CompletionOutcome,
  type Session,
  type SessionKind,
  type SessionMetadata,
  type SessionStatus,
  type SessionTab,
} from './models/session.js';
export {
  OUTCOME_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  UNTITLED_SESSION,
  statusText,
} from './vocabulary.js';
export {
  MAX_MESSAGE_LENGTH,
  MessageContentTypeSchema,
  MessagePageSchema,
  MessageRoleSchema,
  MessageRowContentTypeSchema,
  MessageRowSchema,
  RichContentSchema,
  SESSION_EVENT_KINDS,
  SessionEventSchema,
  sessionEventOf,
  type Message,
  type MessageContentType,
  type MessagePage,
  type MessageRole,
  type MessageRowContentType,
  type RichContent,
  type SessionEvent,
} from './models/message.js';
export {
  OperatorThreadRowSchema,
  OperatorThreadStatusSchema,
  type OperatorThread,
  type OperatorThreadStatus,
} from './models/operator-thread.js';
export {
  EMPTY_SESSION_COUNTS,
  SearchCountsSchema,
  SessionCountsSchema,
  type SearchCounts,
  type SessionCounts,
} from './models/counts.js';
export {
  SessionCursorSchema,
  SessionPageSchema,
  type SessionCursor,
  type SessionPage,
} from './models/session-page.js';
export {
  ChangeBatchSchema,
  DeletedEntitySchema,
  type ChangeBatch,
  type DeletedEntity,
} from './models/changes.js';

// Stores
export {
  SnapshotStore,
  deepFreeze,
  type ReadableStore,
  type StoreListener,
  type WatchListener,
} from './stores/store.js';
export {
  SessionListStore,
  type BulkAction,
  type BulkItemResult,
  type BulkOptions,
  type SessionListSnapshot,
  type SessionListStoreOptions,
  type SessionMutation,
  type SessionMutationError,
  type TabCounts,
} from './stores/session-list-store.js';
export {
  attentionBucket,
  matchesQuery,
  searchTextOf,
  sessionComparator,
  timestampMicros,
} from './stores/session-order.js';
export {
  MessageStore,
  type MessageItem,
  type MessageStoreOptions,
  type MessageStoreSnapshot,
  type OutgoingMessageItem,
  type SendMessageOptions,
  type SentMessageItem,
} from './stores/message-store.js';
export {
  OperatorThreadStore,
  type OperatorThreadSnapshot,
  type OperatorThreadStoreOptions,
} from './stores/operator-thread-store.js';
export {
  SessionStore,
  type SessionSnapshot,
  type SessionStoreOptions,
} from './stores/session-store.js';
export { DraftStore, type DraftSnapshot, type DraftStoreOptions } from './stores/draft-store.js';

// Runtime: one per client, the one sync engine and the shared stores
export {
  ChatSessionsRuntime,
  clearLocalCache,
  conversationStoresLoaded,
  getRuntime,
  loadConversationStores,
  type ConversationQuery,
  type ConversationStores,
  type RuntimeOptions,
  type RuntimeStats,
  type SessionListQuery,
} from './runtime/index.js';

// Sync
export {
  ChangeFeedSync,
  type ChangeFeedSyncOptions,
  type ChangeHandler,
  type ChangeSource,
  type NudgeSource,
  type SyncSnapshot,
} from './sync/change-feed-sync.js';
export {
  realtimeNudge,
  type RealtimeChannelLike,
  type RealtimeClientLike,
  type RealtimeNudgeOptions,
} from './sync/realtime-nudge.js';

// Platform
export {
  detectEnvironment,
  type BroadcastChannelLike,
  type Environment,
  type StorageLike,
} from './platform.js';
export {
  ConnectionState,
  detectNetworkSignal,
  type ConnectionSnapshot,
  type ConnectionStateOptions,
  type ConnectionStatus,
  type NetworkSignal,
  type RefusedWrite,
} from './offline/connection-state.js';
export { OutboxLink, createOutbox, type OutboxOptions } from './offline/outbox-link.js';
export type { MessageOutbox, OutboxOutcome, QueuedMessage } from './offline/outbox-types.js';
export { LocalCache, createLocalCache, type LocalCacheOptions } from './offline/cache-link.js';
export type {
  CacheCatchUp,
  CacheContents,
  CacheMissReason,
  CacheStorage,
  CacheableConversation,
  CacheableList,
  CachedConversation,
  CachedList,
  ListRestoreTarget,
  StoreCache,
} from './offline/cache-types.js';
