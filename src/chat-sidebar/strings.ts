import type { CompletionOutcome, SessionAction } from '@chat-sessions/sdk';
import { OUTCOME_LABELS, UNTITLED_SESSION } from '@chat-sessions/sdk';
import { MENU_LABELS, SESSION_ACTION_TABLE } from '../actions/session-actions.js';
import type { SessionGroup } from './rows.js';
import type { ChatSidebarTrashStrings } from './trash/strings.js';

function bulkLabel(action: SessionAction): string {
  return SESSION_ACTION_TABLE[action].bulkLabel ?? SESSION_ACTION_TABLE[action].label;
}

/** The sidebar's tabs. */
export type SidebarTab = 'active' | 'completed' | 'archived';

/** Every user-visible string of `<chat-sidebar>`, English by default. */
export interface ChatSidebarStrings {
  /** The sidebar's heading. */
  heading: string;
  /** Unread operator replies across all sessions, next to the heading: "5 unread". */
  unreadTotal: (count: number, formatted: string) => string;
  /** The "New" button. */
  newSession: string;
  /** The name of the menu the "New" button opens. */
  newMenu: string;
  /** The "New" menu's items. */
  newFlightRequest: string;
  newGeneralChat: string;
  /** Quick create: the field's label, example, button, and what it says while busy or on failure. */
  quickCreateLabel: string;
  quickCreatePlaceholder: string;
  quickCreateSubmit: string;
  quickCreateBusy: string;
  quickCreateFailed: (message: string) => string;
  /** The search field's label and placeholder. */
  searchLabel: string;
  searchPlaceholder: string;
  /** The sort toggle: on, the list puts what needs attention first; off, the most recent. */
  sortAttention: string;
  /** The sort toggle's tooltip. */
  sortAttentionHint: string;
  /** The tab list's name. */
  tabsLabel: string;
  /** Tab names. */
  tabLabels: Record<SidebarTab, string>;
  /** A tab's count, for assistive technology: "12 sessions". */
  tabCount: (count: number, formatted: string) => string;
  /** The list's name: "Active sessions". */
  listLabel: (tabLabel: string) => string;
  /** How to use the list from the keyboard (its accessible description). */
  keyboardHelp: string;
  /** Group headings. */
  groupLabels: Record<SessionGroup, string>;
  /** Loading, failure and retry. */
  loading: string;
  loadingMore: string;
  loadFailed: string;
  loadMoreFailed: string;
  retry: string;
  /** What an empty tab says (each also a slot: `empty-active`, `empty-completed`, `empty-archived`). */
  emptyLabels: Record<SidebarTab, string>;
  /** What a search without results says (slot `empty-search`). */
  emptySearch: (search: string) => string;
  /** A session without a title or route. */
  untitledSession: string;
  /** The per-session menu's name, and the pointer-only button that opens it. */
  sessionActions: string;
  /** The pointer-only checkbox on a card that selects it for a bulk action. */
  selectSession: string;
  /** Menu items, one per action the SDK allows for the session. */
  actionLabels: Record<SessionAction, string>;
  /** Multi-select: how many are selected, the bar's name, its buttons. */
  selectedCount: (count: number, formatted: string) => string;
  bulkLabel: string;
  bulkArchive: string;
  bulkComplete: string;
  bulkMarkRead: string;
  bulkDelete: string;
  clearSelection: string;
  /** Dialogs. */
  cancel: string;
  renameTitle: string;
  /** The card menu's item that opens the request editor. */
  editRequest: string;
  renameField: string;
  renameSubmit: string;
  deleteTitle: (count: number) => string;
  deleteBody: (count: number, name: string) => string;
  deleteConfirm: string;
  completeTitle: (count: number, name: string) => string;
  outcomeLegend: string;
  outcomeLabels: Record<CompletionOutcome, string>;
  completeSubmit: string;
  /** The undo toast after a delete, and its button. */
  deleted: (count: number, name: string) => string;
  undo: string;
  /** A change the server refused (the list shows the session as it was). */
  actionFailed: (action: string, message: string) => string;
  /** Closes a message. */
  dismiss: string;
  /** While a menu or dialog is slow to load (its code loads on first use). */
  openingPart: string;
  /** A menu or dialog could not be loaded (e.g. offline before it was ever used). */
  partFailed: string;
  /** The trash: its entry under the list, and the view's heading. */
  trash: string;
  /**
   * The trash view's strings (see `ChatSidebarTrashStrings`): any you give here win; the rest
   * load, in English, with the view.
   */
  trashView: Partial<ChatSidebarTrashStrings>;
}

export const defaultSidebarStrings: ChatSidebarStrings = {
  heading: 'Sessions',
  unreadTotal: (_count, formatted) => `${formatted} unread`,
  newSession: 'New',
  newMenu: 'New session',
  newFlightRequest: 'Flight request',
  newGeneralChat: 'General chat',
  quickCreateLabel: 'Quick create a flight request',
  quickCreatePlaceholder: 'TEB to VNY Dec 12, 6 pax',
  quickCreateSubmit: 'Create',
  quickCreateBusy: 'Creating…',
  quickCreateFailed: (message) => `Couldn't create the session: ${message}`,
  searchLabel: 'Search sessions',
  searchPlaceholder: 'Search',
  sortAttention: 'Needs attention',
  sortAttentionHint: 'Sort: unread replies, departures within 48 hours and due resumes first',
  tabsLabel: 'Session lists',
  tabLabels: { active: 'Active', completed: 'Completed', archived: 'Archived' },
  tabCount: (count, formatted) => (count === 1 ? '1 session' : `${formatted} sessions`),
  listLabel: (tabLabel) => `${tabLabel} sessions`,
  keyboardHelp:
    'Arrow keys move, Enter opens, Space selects, Shift+arrows extend the selection, ' +
    'Shift+F10 opens actions, Delete moves to trash.',
  groupLabels: {
    pinned: 'Pinned',
    today: 'Today',
    yesterday: 'Yesterday',
    previous7Days: 'Previous 7 days',
    older: 'Older',
  },
  loading: 'Loading sessions…',
  loadingMore: 'Loading more sessions…',
  loadFailed: "Couldn't load the sessions.",
  loadMoreFailed: "Couldn't load more sessions.",
  retry: 'Try again',
  emptyLabels: {
    active: 'No active sessions. Start one with New or quick create.',
    completed: 'No completed sessions yet.',
    archived: 'Nothing archived.',
  },
  emptySearch: (search) => `No sessions match “${search}”.`,
  untitledSession: UNTITLED_SESSION,
  sessionActions: 'Session actions',
  selectSession: 'Select',
  actionLabels: { ...MENU_LABELS },
  selectedCount: (_count, formatted) => `${formatted} selected`,
  bulkLabel: 'Selected sessions',
  bulkArchive: bulkLabel('archive'),
  bulkComplete: bulkLabel('complete'),
  bulkMarkRead: bulkLabel('mark_read'),
  bulkDelete: bulkLabel('delete'),
  clearSelection: 'Clear selection',
  cancel: 'Cancel',
  renameTitle: 'Rename session',
  editRequest: 'Edit request…',
  renameField: 'Title',
  renameSubmit: 'Rename',
  deleteTitle: (count) => (count === 1 ? 'Move to trash?' : `Move ${count} sessions to trash?`),
  deleteBody: (count, name) =>
    count === 1
      ? `“${name}” leaves the list. You can undo this right after.`
      : 'They leave the list. You can undo this right after.',
  deleteConfirm: 'Move to trash',
  completeTitle: (count, name) =>
    count === 1 ? `Complete “${name}”` : `Complete ${count} sessions`,
  outcomeLegend: 'Outcome',
  outcomeLabels: { ...OUTCOME_LABELS },
  completeSubmit: 'Complete',
  deleted: (count, name) =>
    count === 1 ? `Moved “${name}” to trash.` : `Moved ${count} sessions to trash.`,
  undo: 'Undo',
  actionFailed: (action, message) => `${action} didn't go through: ${message}`,
  dismiss: 'Dismiss',
  openingPart: 'Opening…',
  partFailed: "Couldn't open this: it didn't load. Check the connection, then try again.",
  trash: 'Trash',
  trashView: {},
};
