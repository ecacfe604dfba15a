import { ChangeFeedSync, SessionListStore, type ChatSessionsClient } from '@chat-sessions/sdk';
import type { OwnedSessionList } from './session-list-controller.js';
import type { SessionListSource } from './session-list-source.js';

/**
 * The session list an element makes when it is given a client and no store: the SDK's
 * `SessionListStore`, kept live by its own `ChangeFeedSync` (polling, focus, after writes).
 * Several elements should share one list: give them a `<chat-sessions-provider>` (which makes
 * one for all) or the same `store`.
 */
export function createSessionList(client: ChatSessionsClient): OwnedSessionList {
  const sync = new ChangeFeedSync({ client });
  const list = new SessionListStore({ client, sync });
  sync.start();
  // The SDK store is a SessionListSource as is; this assignment is where the compiler checks it.
  const store: SessionListSource = list;
  return {
    store,
    dispose() {
      list.dispose();
      sync.dispose();
    },
  };
}
