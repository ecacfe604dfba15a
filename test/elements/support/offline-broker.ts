import { createChatSessions, type ChatSessionsClient } from '@chat-sessions/sdk';
import { createClient } from '@supabase/supabase-js';
import { executeServerCommand } from '@web/test-runner-commands';
import { backendInfo } from './backend.js';

// One broker with several SDK clients (a reload, a second tab): each client has its own network
// switch (the only fake: a connection that drops) and counts the requests it really sends.

/** One SDK client of a broker, behind its own network switch. */
export interface BrokerClient {
  chat: ChatSessionsClient;
  /** false: requests fail as a dropped connection does (fetch rejects with a TypeError). */
  online: boolean;
  /** Functions called through this client that reached the server, in order (`append_message`, …). */
  readonly sent: string[];
}

/** A broker who can open any number of clients (tabs, reloads) over one browser. */
export interface OfflineBroker {
  userId: string;
  client(): BrokerClient;
}

const FAST_RETRY = { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 } as const;

/** A new broker on the real backend. */
export async function newOfflineBroker(): Promise<OfflineBroker> {
  const { url, anonKey } = await backendInfo();
  const broker = await executeServerCommand<
    { userId: string; email: string; token: string },
    undefined
  >('chat-backend-broker');
  if (!broker) throw new Error('the backend created no broker');
  return {
    userId: broker.userId,
    client() {
      const result: BrokerClient = {
        chat: undefined as unknown as ChatSessionsClient,
        online: true,
        sent: [],
      };
      const fetchThroughSwitch: typeof fetch = async (input, init) => {
        if (!result.online) throw new TypeError('Failed to fetch');
        const address = input instanceof Request ? input.url : String(input);
        const fn = /\/rpc\/([a-z_]+)/.exec(address)?.[1];
        if (fn) result.sent.push(fn);
        return fetch(input, init);
      };
      const supabase = createClient(url, anonKey, {
        auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
        global: { fetch: fetchThroughSwitch },
        accessToken: async () => broker.token,
      });
      result.chat = createChatSessions({ supabase, retry: FAST_RETRY });
      return result;
    },
  };
}
