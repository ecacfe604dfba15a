import {
  availableActions,
  LIFECYCLE_ACTIONS,
  TRANSITIONS,
  type CompletionOutcome,
  type LifecycleAction,
  type Session,
  type SessionAction,
} from '@chat-sessions/sdk';

/**
 * What an action asks before it runs: nothing, a new title (`rename`), an outcome (`complete`),
 * or a confirmation (`delete`, which can be undone after).
 */
export type ActionConfirmation = 'none' | 'title' | 'outcome' | 'confirm';

/** One row of the action table. */
export interface SessionActionSpec {
  /** The SDK's name for the action. */
  readonly id: SessionAction;
  /** The action's name, as a button says it ("Complete"). */
  readonly label: string;
  /** What the user is asked first; a label of an action that asks ends with "…" in menus. */
  readonly confirmation: ActionConfirmation;
  /** The key that runs it on the focused (or selected) sessions of a list, if any. */
  readonly shortcut?: string;
  /** Offered in the bar of actions on several selected sessions, under this label. */
  readonly bulkLabel?: string;
  /** Drawn as a destructive action. */
  readonly danger?: boolean;
}

/**
 * The action table: every action a broker can take on a session, once, for the sidebar (menus,
 * the bulk bar, keys) and `<chat-session-view>` (its status buttons). Which actions a session
 * allows comes from the SDK's lifecycle helpers (`availableActions`, `TRANSITIONS`), never from a
 * copy of the rule.
 */
export const SESSION_ACTION_TABLE: Readonly<Record<SessionAction, SessionActionSpec>> = {
  pause: { id: 'pause', label: 'Pause', confirmation: 'none' },
  resume: { id: 'resume', label: 'Resume', confirmation: 'none' },
  complete: { id: 'complete', label: 'Complete', confirmation: 'outcome', bulkLabel: 'Complete…' },
  reopen: { id: 'reopen', label: 'Reopen', confirmation: 'none' },
  archive: { id: 'archive', label: 'Archive', confirmation: 'none', bulkLabel: 'Archive' },
  unarchive: { id: 'unarchive', label: 'Unarchive', confirmation: 'none' },
  rename: { id: 'rename', label: 'Rename', confirmation: 'title' },
  pin: { id: 'pin', label: 'Pin', confirmation: 'none' },
  unpin: { id: 'unpin', label: 'Unpin', confirmation: 'none' },
  mark_read: {
    id: 'mark_read',
    label: 'Mark as read',
    confirmation: 'none',
    bulkLabel: 'Mark read',
  },
  delete: {
    id: 'delete',
    label: 'Delete',
    confirmation: 'confirm',
    shortcut: 'Delete',
    bulkLabel: 'Delete…',
    danger: true,
  },
  restore: { id: 'restore', label: 'Restore', confirmation: 'none' },
};

/** The outcomes a completed session records, in the order they are offered. */
export const OUTCOMES: readonly CompletionOutcome[] = ['won', 'lost', 'cancelled'];

/** An action's name in a menu: "Complete…" when it asks something first, else its label. */
export function menuLabel(action: SessionAction): string {
  const spec = SESSION_ACTION_TABLE[action];
  return spec.confirmation === 'none' ? spec.label : `${spec.label}…`;
}

/** Every action's menu label (the sidebar's `actionLabels` defaults). */
export const MENU_LABELS = Object.fromEntries(
  Object.keys(SESSION_ACTION_TABLE).map((action) => [action, menuLabel(action as SessionAction)]),
) as Readonly<Record<SessionAction, string>>;

/** Every lifecycle action's button label (`<chat-session-view>`'s `actionLabels` defaults). */
export const LIFECYCLE_LABELS = Object.fromEntries(
  LIFECYCLE_ACTIONS.map((action) => [action, SESSION_ACTION_TABLE[action].label]),
) as Readonly<Record<LifecycleAction, string>>;

/** An action's name inside a sentence ("Complete didn't go through"): its label without "…". */
export function plainLabel(label: string): string {
  return label.replace(/…$/, '');
}

/** The actions a session's menu offers, in menu order (the SDK's rule). */
export function menuActions(session: Session): SessionAction[] {
  return availableActions(session);
}

/** The lifecycle actions a session's status allows (none in the trash), in button order. */
export function lifecycleActions(session: Session): readonly LifecycleAction[] {
  return session.deletedAt === null ? TRANSITIONS[session.status] : [];
}

/** The actions the bulk bar offers for some selected sessions: those at least one of them allows. */
export function bulkActions(sessions: readonly Session[]): SessionAction[] {
  return BULK_ORDER.filter((action) => sessions.some((session) => allows(session, action)));
}

/** The bulk bar's actions, in its order (each has a `bulkLabel`). */
const BULK_ORDER: readonly SessionAction[] = ['archive', 'complete', 'mark_read', 'delete'];

/** Whether a session allows an action now (the SDK's rule). */
export function allows(session: Session, action: SessionAction): boolean {
  return availableActions(session).includes(action);
}

/** The action a key runs on a list's sessions, if the table gives it one. */
export function actionForKey(key: string): SessionAction | null {
  const spec = Object.values<SessionActionSpec>(SESSION_ACTION_TABLE).find(
    (candidate) => candidate.shortcut === key,
  );
  return spec?.id ?? null;
}
