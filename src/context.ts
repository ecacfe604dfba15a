import { createContext } from '@lit/context';
import type { ChatSessionsClient } from '@chat-sessions/sdk';
import type { SessionListSource } from './controllers/session-list-source.js';
import type { ChatPreferences } from './preferences.js';

// What <chat-sessions-provider> hands to the elements inside it (through @lit/context), so a
// page passes the SDK client once instead of to every element. Passing the client or a store as
// an element's property always works too, and wins over the context.
//
// The keys are strings, not symbols: two copies of this package on one page (say, one bundled
// by the host and one from a CDN) still find each other's provider.

/** The SDK client (`createChatSessions(...)`) for the elements inside a provider. */
export const chatSessionsClientContext = createContext<ChatSessionsClient | undefined>(
  'chat-sessions:client',
);

/**
 * The live session list (the SDK's `SessionListStore`, or any `SessionListSource`) shared by
 * the elements inside a provider: one list, one set of requests, however many elements show it.
 */
export const sessionListContext = createContext<SessionListSource | undefined>(
  'chat-sessions:session-list',
);

/** The locale, clock and strings a provider supplies to every element inside it. */
export const chatPreferencesContext = createContext<ChatPreferences | undefined>(
  'chat-sessions:preferences',
);
