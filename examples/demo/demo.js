// The standalone demo: a broker's workspace on the local backend. It loads the single-file
// bundle (elements + SDK + supabase-js's createClient), opens the demo's own session (an
// HttpOnly cookie only this origin gets), signs in as a demo broker with a short-lived user
// token from the dev backend (never the service-role key), polls at once when the server nudges
// (its own writes: simulated replies, resets), and keeps the broker, the tab and the selected
// session in the URL so a reload restores them.
import {
  DraftStore,
  createChatSessions,
  createClient,
  getRuntime,
} from '/dist/chat-sessions-with-supabase.bundle.js';

const TABS = new Set(['active', 'completed', 'archived']);

const $ = (id) => document.getElementById(id);
const brokerSelect = $('broker');
const sidebar = $('sidebar');
const view = $('view');
const provider = $('provider');
const empty = $('empty');
const status = $('status');
const simulate = $('simulate');
const reset = $('reset');

/** The current workspace: who is signed in and the live objects made for them. */
let workspace = null;

function readUrl() {
  const params = new URLSearchParams(location.search);
  const tab = params.get('tab');
  return {
    broker: params.get('broker') ?? '',
    tab: TABS.has(tab) ? tab : 'active',
    session: params.get('session') ?? '',
  };
}

function writeUrl(change) {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(change)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

function say(text) {
  status.textContent = text;
}

function select(sessionId) {
  sidebar.selected = sessionId;
  view.sessionId = sessionId;
  view.hidden = !sessionId;
  empty.hidden = Boolean(sessionId);
  simulate.disabled = !sessionId;
  writeUrl({ session: sessionId });
}

/** The broker's token, asked again from the demo server a few minutes before it expires. */
async function tokenOf(brokerId) {
  let broker = config.brokers.find((b) => b.id === brokerId);
  if (!broker || broker.expiresAt - Date.now() / 1000 < 300) {
    config = await demoConfig();
    broker = config.brokers.find((b) => b.id === brokerId);
  }
  return broker.accessToken;
}

async function demoConfig() {
  const response = await fetch('/demo-api/config');
  if (!response.ok) throw new Error(`the demo server answered ${response.status}`);
  return response.json();
}

function signIn(broker, state) {
  workspace?.dispose();
  const supabase = createClient(location.origin, config.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    accessToken: () => tokenOf(broker.id),
  });
  const client = createChatSessions({ supabase });
  // The client's runtime: one change feed for every element on the page (shared with this
  // broker's other tabs), and the stores they show, started while watched.
  const runtime = getRuntime(client, {
    channelName: `chat-sessions-demo:${broker.id}`,
    userId: broker.id,
  });
  // The list opens on the tab in the URL; the provider shares it with the elements inside.
  const list = runtime.sessionList({ tab: state.tab });
  // Unsent text per session survives switching sessions and reloads (localStorage, per broker).
  const drafts = new DraftStore({ userId: broker.id });
  provider.client = client;
  provider.store = list;
  // Also given directly: the bundle defines <chat-session-view> before the provider, so its
  // context request on the first paint finds no provider to answer it.
  sidebar.store = list;
  view.client = client;
  view.drafts = drafts;
  workspace = {
    broker,
    client,
    runtime,
    dispose() {
      runtime.dispose();
      drafts.dispose();
    },
  };
  writeUrl({ broker: broker.id, tab: state.tab });
  select(state.session);
}

async function demoPost(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenOf(workspace.broker.id)}`,
    },
    body: JSON.stringify(body ?? {}),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.message ?? `HTTP ${response.status}`);
  return answer;
}

sidebar.addEventListener('chat-session-select', (event) => {
  select(event.session?.id ?? '');
});
sidebar.addEventListener('chat-list-tab-change', (event) => {
  writeUrl({ tab: event.tab });
});
sidebar.addEventListener('chat-session-delete', (event) => {
  if (event.session?.id === view.sessionId) select('');
});

brokerSelect.addEventListener('change', () => {
  const broker = config.brokers.find((b) => b.id === brokerSelect.value);
  if (broker) {
    signIn(broker, { tab: 'active', session: '' });
    say(`Signed in as ${broker.name}.`);
  }
});

simulate.addEventListener('click', async () => {
  if (!view.sessionId) return;
  simulate.disabled = true;
  try {
    const message = await demoPost('/demo-api/operator-reply', { sessionId: view.sessionId });
    workspace.runtime.sync.requestPoll();
    say(`Operator reply recorded: “${message.content}”`);
  } catch (error) {
    say(`Could not record the reply: ${error.message}`);
  } finally {
    simulate.disabled = !view.sessionId;
  }
});

reset.addEventListener('click', async () => {
  reset.disabled = true;
  say('Restoring the demo data…');
  try {
    await demoPost('/demo-api/reset');
    signIn(workspace.broker, { tab: readUrl().tab, session: '' });
    say('Demo data restored.');
  } catch (error) {
    say(`Reset failed: ${error.message}`);
  } finally {
    reset.disabled = false;
  }
});

// The demo's session first: every /demo-api/* route (and the metadata endpoint) asks for it.
await fetch('/demo-api/session', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{}',
});
let config = await demoConfig();

// Nudges: the server's own writes reach this page now rather than at the next poll. The change
// feed stays the truth; a nudge only says "poll now".
const nudges = new EventSource('/demo-api/events');
nudges.addEventListener('nudge', (event) => {
  const { brokerId } = JSON.parse(event.data);
  if (workspace && (brokerId === null || brokerId === workspace.broker.id)) {
    workspace.runtime.sync.requestPoll();
  }
});

for (const broker of config.brokers) {
  const option = document.createElement('option');
  option.value = broker.id;
  option.textContent = `${broker.name} (${broker.email})`;
  brokerSelect.append(option);
}
const initial = readUrl();
const firstBroker = config.brokers.find((b) => b.id === initial.broker) ?? config.brokers[0];
brokerSelect.value = firstBroker.id;
signIn(firstBroker, initial);
