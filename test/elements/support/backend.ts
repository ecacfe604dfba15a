import { createChatSessions, type ChatSessionsClient, type Session } from '@chat-sessions/sdk';
import { createClient } from '@supabase/supabase-js';
import { executeServerCommand } from '@web/test-runner-commands';

// The real backend for browser specs (test/browser-backend/): the local gateway over
// PostgreSQL, reached with the real supabase-js client and SDK, as a host page would.

interface BackendInfo {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
}

/**
 * How a broker's requests fare (fault injection, the only thing between supabase-js and the
 * gateway): `online` passes them, `offline` fails them as a dropped connection does, `held`
 * keeps them waiting (a slow network) until the network is set to another mode.
 */
export type NetworkMode = 'online' | 'offline' | 'held';

/** A broker signed in to the real backend: their SDK client, and their network's mode. */
export interface TestBroker {
  userId: string;
  email: string;
  chat: ChatSessionsClient;
  network: NetworkMode;
  /** Requests waiting while the network is `held`. */
  readonly heldCount: number;
}

let info: Promise<BackendInfo> | null = null;

/** The backend's URL and keys (started on first use; a cold start takes a while). */
export function backendInfo(): Promise<BackendInfo> {
  info ??= (async () => {
    for (;;) {
      const answer = await executeServerCommand<BackendInfo | { starting: true }, undefined>(
        'chat-backend',
      );
      if (!answer)
        throw new Error(
          'no chat-backend command: is chatBackendPlugin() in web-test-runner.config.mjs?',
        );
      if (!('starting' in answer)) return answer;
    }
  })();
  info.catch(() => (info = null));
  return info;
}

/** Retries that keep specs fast. */
const FAST_RETRY = { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 } as const;

/** Options of {@link newBroker}. */
export interface NewBrokerOptions {
  /** Told of every request the broker's client sends (e.g. to count change-feed polls). */
  onRequest?: (url: string, init: RequestInit | undefined) => void;
}

/** A new broker (own rows only, by row-level security) with a real SDK client. */
export async function newBroker(options: NewBrokerOptions = {}): Promise<TestBroker> {
  const { url, anonKey } = await backendInfo();
  const broker = await executeServerCommand<
    { userId: string; email: string; token: string },
    undefined
  >('chat-backend-broker');
  if (!broker) throw new Error('the backend created no broker');
  let mode: NetworkMode = 'online';
  let held: Array<() => void> = [];
  const result: TestBroker = {
    userId: broker.userId,
    email: broker.email,
    chat: undefined as unknown as ChatSessionsClient,
    get network() {
      return mode;
    },
    set network(next: NetworkMode) {
      mode = next;
      if (next !== 'held') {
        const waiting = held;
        held = [];
        for (const release of waiting) release();
      }
    },
    get heldCount() {
      return held.length;
    },
  };
  const fetchThroughSwitch: typeof fetch = async (input, init) => {
    if (mode === 'held') await new Promise<void>((resolve) => held.push(resolve));
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    options.onRequest?.(input instanceof Request ? input.url : String(input), init);
    return fetch(input, init);
  };
  const supabase = createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch: fetchThroughSwitch },
    accessToken: async () => broker.token,
  });
  result.chat = createChatSessions({ supabase, retry: FAST_RETRY });
  return result;
}

let service: Promise<ChatSessionsClient> | null = null;

/** A service-role SDK client: what a host's server (a marketplace webhook) uses to record operator replies. */
export function serviceChat(): Promise<ChatSessionsClient> {
  service ??= backendInfo().then(({ url, serviceRoleKey }) =>
    createChatSessions({
      supabase: createClient(url, serviceRoleKey, {
        auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      }),
      retry: FAST_RETRY,
    }),
  );
  return service;
}

/** Waits until `check` passes (polling every 20 ms), or fails with its last error after `timeoutMs`. */
export async function eventually(check: () => unknown, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Creates a session for `broker` through the SDK, throwing on an error. */
export async function createSession(
  broker: TestBroker,
  input: Parameters<ChatSessionsClient['sessions']['create']>[0],
): Promise<Session> {
  const { data, error } = await broker.chat.sessions.create(input);
  if (error) throw error;
  return data;
}
