// Run by runtime.test.ts in a process of its own: a fresh module graph, where the conversation
// side's stores have not been loaded yet. Prints what the runtime's conversation stores do
// before and after the load the runtime started itself, as JSON.
import { createClient, type WebSocketLikeConstructor } from '@supabase/supabase-js';
import WebSocket from 'ws';
import {
  conversationStoresLoaded,
  createChatSessions,
  getRuntime,
  loadConversationStores,
} from '../../src/index.js';

const supabase = createClient('http://127.0.0.1:9', 'anon-key', {
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor },
});
const loadedBefore = conversationStoresLoaded();
const runtime = getRuntime(createChatSessions({ supabase }));
const sessionId = crypto.randomUUID();
const attempt = (make: () => object): string => {
  try {
    return make().constructor.name;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
const before = {
  messages: attempt(() => runtime.messages({ sessionId })),
  threads: attempt(() => runtime.threads(sessionId)),
  session: attempt(() => runtime.session(sessionId)),
};
// Let the runtime's own load finish without awaiting loadConversationStores().
for (let tick = 0; tick < 200 && !conversationStoresLoaded(); tick++)
  await new Promise((resolve) => setTimeout(resolve, 5));
const loadedSoonAfter = conversationStoresLoaded();
const after = {
  messages: attempt(() => runtime.messages({ sessionId })),
  threads: attempt(() => runtime.threads(sessionId)),
  session: attempt(() => runtime.session(sessionId)),
};
const classes = Object.keys(await loadConversationStores()).sort();
runtime.dispose();
process.stdout.write(JSON.stringify({ loadedBefore, before, loadedSoonAfter, after, classes }));
