// The reload benchmark's page: the real SDK and supabase-js against the local gateway, a
// runtime with the local cache on or off (`?cache=on|off`), requests delayed by `?latency=` ms,
// and <chat-sidebar> showing the
// Active list. Records when the first card enters the sidebar's DOM (`__firstCard`) and when
// the list is settled, caught up with the server (`__settled`), in ms since navigation start.
import { ChatSessionsRuntime, createChatSessions } from '@chat-sessions/sdk';
import { createClient } from '@supabase/supabase-js';
import '../../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../../src/chat-sidebar/chat-sidebar.js';

declare global {
  interface Window {
    __firstCard?: number;
    __settled?: number;
    __cacheSaved?: () => void;
  }
}

const params = new URLSearchParams(location.search);
const token = params.get('token') ?? '';
// A network farther away than this machine's loopback: every request waits this long first.
const latencyMs = Number(params.get('latency') ?? 0);
const distantFetch: typeof fetch = async (input, init) => {
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  return fetch(input, init);
};
const supabase = createClient(params.get('url') ?? '', params.get('key') ?? '', {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  global: { fetch: distantFetch },
  accessToken: async () => token,
});
const runtime = new ChatSessionsRuntime(createChatSessions({ supabase }), {
  userId: params.get('user') ?? '',
  intervalMs: 0,
  outbox: false,
  cache: params.get('cache') === 'on' ? { saveDelayMs: 0 } : false,
});
const store = runtime.sessionList({ tab: 'active' });
const sidebar: ChatSidebar = document.createElement('chat-sidebar');
sidebar.style.flex = '1 1 auto';
sidebar.store = store;
document.getElementById('box')?.append(sidebar);
const observer = new MutationObserver(() => {
  if (!sidebar.shadowRoot?.querySelector('[data-session-id]')) return;
  window.__firstCard = performance.now();
  observer.disconnect();
});
if (sidebar.shadowRoot) observer.observe(sidebar.shadowRoot, { childList: true, subtree: true });
store.subscribe(() => {
  const snapshot = store.getSnapshot();
  if (window.__settled === undefined && snapshot.loaded && !snapshot.loading && !snapshot.fromCache)
    window.__settled = performance.now();
});
window.__cacheSaved = () => runtime.cache?.save();
