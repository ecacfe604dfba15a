// The standalone demo: a broker's workspace on the local backend. It loads the single-file
// bundle (elements + SDK + supabase-js's createClient), opens the demo's own session (an
// HttpOnly cookie only this origin gets), signs in as a demo broker with a short-lived user
// token from the dev backend (never the service-role key), polls at once when the server nudges
// (its own writes: simulated replies, resets), and keeps the broker, the tab and the selected
// session in the URL so a reload restores them. The whole workspace is one element,
// <chat-workspace>: it lays out the list, the conversation and the operator threads by its own
// width (a phone gets one pane at a time, with Back), and keeps the open session and thread in
// the URL (history="url") so the browser's Back and deep links work.
import {
  createChatSessions,
  createClient,
  getRuntime,
  loadConversationStores,
} from '/dist/chat-sessions-with-supabase.bundle.js';

const TABS = new Set(['active', 'completed', 'archived']);

const $ = (id) => document.getElementById(id);
const brokerSelect = $('broker');
const workspace$ = $('workspace');
const provider = $('provider');
const status = $('status');
const simulate = $('simulate');
const reset = $('reset');
const themeSelect = $('theme');
const densitySelect = $('density');
const toolsToggle = $('tools-toggle');
const tools = $('tools');

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
  // Keeps history.state: the workspace keeps its place (pane, session, thread) there.
  history.replaceState(history.state, '', `${location.pathname}?${params}`);
}

function say(text) {
  status.textContent = text;
}

function select(sessionId) {
  workspace$.sessionId = sessionId;
  simulate.disabled = !sessionId;
  writeUrl({ session: sessionId });
}

/** The open session: the workspace's (the broker may have gone Back since). */
function openSessionId() {
  return workspace$.sessionId;
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
  provider.client = client;
  provider.store = list;
  // Also given directly: the bundle may define the elements before the provider, so a context
  // request on the first paint finds no provider to answer it.
  workspace$.client = client;
  workspace$.store = list;
  const signedIn = {
    broker,
    client,
    runtime,
    drafts: null,
    dispose() {
      runtime.dispose();
      this.drafts?.dispose();
    },
  };
  workspace = signedIn;
  // Unsent text per session survives switching sessions and reloads (localStorage, per broker).
  // DraftStore is in the bundle's conversation chunk, which the runtime started loading.
  loadConversationStores().then(({ DraftStore }) => {
    if (workspace !== signedIn) return;
    signedIn.drafts = new DraftStore({ userId: broker.id });
    workspace$.drafts = signedIn.drafts;
  }, console.error);
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

// The workspace opens sessions and writes ?session= itself; the page only follows along.
workspace$.addEventListener('chat-session-select', () => {
  simulate.disabled = false;
});
workspace$.addEventListener('chat-list-tab-change', (event) => {
  writeUrl({ tab: event.tab });
});
addEventListener('popstate', () => {
  simulate.disabled = !openSessionId();
});

// Theme and density: the broker's choice, kept in this browser.
function applyLook() {
  workspace$.theme = themeSelect.value;
  workspace$.density = densitySelect.value;
  document.documentElement.dataset.theme = themeSelect.value;
  localStorage.setItem(
    'chat-sessions-demo:look',
    JSON.stringify([themeSelect.value, densitySelect.value]),
  );
}
try {
  const [theme, density] = JSON.parse(localStorage.getItem('chat-sessions-demo:look') ?? '[]');
  if (['auto', 'light', 'dark'].includes(theme)) themeSelect.value = theme;
  if (['comfortable', 'compact'].includes(density)) densitySelect.value = density;
} catch {
  // A bad stored value: keep the defaults.
}
applyLook();
themeSelect.addEventListener('change', applyLook);
densitySelect.addEventListener('change', applyLook);

// On a narrow screen the tools fold into a panel under the bar (it overlays, never pushes).
function setToolsOpen(open) {
  toolsToggle.setAttribute('aria-expanded', String(open));
  tools.classList.toggle('open', open);
}
toolsToggle.addEventListener('click', () => setToolsOpen(!tools.classList.contains('open')));
tools.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && tools.classList.contains('open')) {
    setToolsOpen(false);
    toolsToggle.focus();
  }
});

brokerSelect.addEventListener('change', () => {
  const broker = config.brokers.find((b) => b.id === brokerSelect.value);
  if (broker) {
    signIn(broker, { tab: 'active', session: '' });
    say(`Signed in as ${broker.name}.`);
  }
});

simulate.addEventListener('click', async () => {
  const sessionId = openSessionId();
  if (!sessionId) return;
  simulate.disabled = true;
  try {
    const message = await demoPost('/demo-api/operator-reply', { sessionId });
    workspace.runtime.sync.requestPoll();
    say(`Operator reply recorded: “${message.content}”`);
  } catch (error) {
    say(`Could not record the reply: ${error.message}`);
  } finally {
    simulate.disabled = !openSessionId();
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
  option.textContent = broker.name;
  option.title = broker.email;
  brokerSelect.append(option);
}
const initial = readUrl();
const firstBroker = config.brokers.find((b) => b.id === initial.broker) ?? config.brokers[0];
brokerSelect.value = firstBroker.id;
signIn(firstBroker, initial);
