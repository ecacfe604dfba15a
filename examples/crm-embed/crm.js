// A host CRM embedding Chat Sessions. The host already has Supabase: it makes its own client for
// the signed-in broker and hands it to the elements through the SDK. (Here the broker's token comes
// from the local backend's demo sign-in; a real CRM uses Supabase Auth.)
import {
  STAGE_LABELS,
  createChatSessions,
  createClient,
  getRuntime,
  loadConversationStores,
  statusText,
} from '/dist/chat-sessions-with-supabase.bundle.js';

// <chat-workspace>: the session list, and the open conversation with its operator threads.
const sidebar = document.getElementById('sessions');
const activity = document.getElementById('activity');

function log(text) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  activity.prepend(item);
}

// Calendar dates as the widget shows them: in the viewer's locale, as written (no time zone).
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function set(id, text) {
  document.getElementById(id).textContent = text;
}

/** The CRM's deal panel shows the request the broker selected in the widget. */
function showDeal(session) {
  document.getElementById('deal-fields').hidden = false;
  document.getElementById('deal-hint').hidden = true;
  set(
    'deal-title',
    session.title || (session.kind === 'general' ? 'General chat' : 'Flight request'),
  );
  set('deal-request', session.kind === 'flight_request' ? 'Flight request' : 'General chat');
  set(
    'deal-route',
    session.legs.length
      ? [session.legs[0].from, ...session.legs.map((leg) => leg.to)].join(' → ')
      : '—',
  );
  set(
    'deal-dates',
    session.legs
      .map((leg) => leg.date)
      .filter(Boolean)
      .map((date) => dateFormat.format(new Date(`${date}T00:00:00Z`)))
      .join(', ') || '—',
  );
  set('deal-passengers', session.passengers == null ? '—' : String(session.passengers));
  set('deal-stage', session.stage ? (STAGE_LABELS[session.stage] ?? session.stage) : '—');
  set('deal-status', session.deletedAt ? 'In the trash' : statusText(session));
  set(
    'deal-operators',
    session.threadCount
      ? `${session.repliedThreadCount} of ${session.threadCount} replied, ${session.unreadCount} unread`
      : 'none contacted',
  );
  set(
    'deal-crm-id',
    typeof session.metadata.crmDealId === 'string' ? session.metadata.crmDealId : 'not linked',
  );
}

// The panel follows the session's live store, not the event's snapshot: a pause, a stage move
// or an edit made in the widget (or on another device) shows here too, in the widget's words.
let stopFollowing = () => {};
let followed = null;
async function follow(session) {
  stopFollowing();
  followed = session.id;
  showDeal(session);
  // The session's store is on the conversation side: its module loads with the runtime.
  await loadConversationStores();
  if (followed !== session.id) return;
  const store = getRuntime(sidebar.client).session(session.id);
  stopFollowing = store.subscribe(() => {
    const { session: live, gone } = store.getSnapshot();
    if (gone) {
      document.getElementById('deal-fields').hidden = true;
      document.getElementById('deal-hint').hidden = false;
    } else if (live?.id === session.id) showDeal(live);
  });
}

sidebar.addEventListener('chat-session-select', (event) => {
  follow(event.session).catch((error) => log(`could not follow the session: ${error}`));
  log(`chat-session-select ${event.session.id}`);
});
sidebar.addEventListener('chat-session-create', (event) =>
  log(`chat-session-create ${event.input.kind}`),
);
sidebar.addEventListener('chat-session-action', (event) =>
  log(`chat-session-action ${event.action} ${event.session.id}`),
);
sidebar.addEventListener('chat-session-delete', (event) =>
  log(`chat-session-delete ${event.session.id}`),
);
sidebar.addEventListener('chat-session-restore', (event) =>
  log(`chat-session-restore ${event.session.id}`),
);

// The local demo's session (an HttpOnly cookie for this origin), then its first broker. A real
// host gets the token from its own Supabase Auth session instead.
await fetch('/demo-api/session', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{}',
});
let config = await (await fetch('/demo-api/config')).json();
const broker = config.brokers[0];
const supabase = createClient(location.origin, config.anonKey, {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  // Demo tokens last an hour: ask again a few minutes before this one expires.
  accessToken: async () => {
    let current = config.brokers.find((b) => b.id === broker.id);
    if (current.expiresAt - Date.now() / 1000 < 300) {
      config = await (await fetch('/demo-api/config')).json();
      current = config.brokers.find((b) => b.id === broker.id);
    }
    return current.accessToken;
  },
});
sidebar.client = createChatSessions({ supabase });
set('crm-user', broker.name);
