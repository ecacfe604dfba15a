import * as s from './schema/index.js';
import type { TransitionInput } from './inputs.js';
import { type Session, type SessionStatus, type SessionTab } from './models/session.js';

/**
 * The session lifecycle, mirrored from the database (`chat.transition_session` and
 * `chat_private.apply_transition`) for UI affordances: which buttons to show, where a card goes
 * when its status changes. The database stays the authority; `test/lifecycle-db.test.ts`
 * checks this table against it on every status and action.
 */

/** The lifecycle actions, in the order menus list them. */
export const LIFECYCLE_ACTIONS = [
  'pause',
  'resume',
  'complete',
  'reopen',
  'archive',
  'unarchive',
] as const;
/** A lifecycle action's name. */
export const LifecycleActionSchema = s.enum(LIFECYCLE_ACTIONS);
/** `pause`, `resume`, `complete`, `reopen`, `archive` or `unarchive`. */
export type LifecycleAction = s.Infer<typeof LifecycleActionSchema>;

/** Which actions each status allows (the table of ARCHITECTURE.md). */
export const TRANSITIONS: Readonly<Record<SessionStatus, readonly LifecycleAction[]>> =
  Object.freeze({
    active: Object.freeze(['pause', 'complete', 'archive'] as const),
    paused: Object.freeze(['resume', 'complete', 'archive'] as const),
    completed: Object.freeze(['reopen', 'archive'] as const),
    archived: Object.freeze(['unarchive'] as const),
  });

/** Where each action leads; `unarchive` goes back to the status held before archiving. */
const ACTION_TARGETS: Readonly<Record<Exclude<LifecycleAction, 'unarchive'>, SessionStatus>> = {
  pause: 'paused',
  resume: 'active',
  complete: 'completed',
  reopen: 'active',
  archive: 'archived',
};

/** Status changes allowed between non-archived statuses (archiving and unarchiving aside). */
const DIRECT_CHANGES: ReadonlySet<string> = new Set([
  'active>paused',
  'paused>active',
  'active>completed',
  'paused>completed',
  'completed>active',
]);

/** True when `action` is allowed on a session with this status (not in the trash). */
export function canApply(status: SessionStatus, action: LifecycleAction): boolean {
  return TRANSITIONS[status].includes(action);
}

/**
 * The status `action` leads to from `session`, or null when the action is not allowed. Needs
 * `statusBeforeArchive` for `unarchive`.
 *
 * @example
 * targetStatus({ status: 'archived', statusBeforeArchive: 'paused' }, 'unarchive'); // 'paused'
 */
export function targetStatus(
  session: Pick<Session, 'status' | 'statusBeforeArchive'>,
  action: LifecycleAction,
): SessionStatus | null {
  if (!canApply(session.status, action)) return null;
  if (action === 'unarchive') return session.statusBeforeArchive;
  return ACTION_TARGETS[action];
}

/**
 * True when the database lets a session's status change from `from` to `to` (whatever path the
 * write takes). An archived session can only go back to `statusBeforeArchive`.
 */
export function canChangeStatus(
  from: SessionStatus,
  to: SessionStatus,
  statusBeforeArchive: SessionStatus | null = null,
): boolean {
  if (from === to) return false;
  if (from === 'archived') return to === statusBeforeArchive;
  if (to === 'archived') return true;
  return DIRECT_CHANGES.has(`${from}>${to}`);
}

/**
 * The session a lifecycle action leads to, as `chat_private.apply_transition` makes it: the new
 * status, the status remembered across archiving, the outcome (recorded on completing, cleared
 * when leaving completed), the completion and archive times (`nowIso` stands in for the
 * server's clock), the resume time of a pause, and the stage of a flight request completed as
 * won (`closed_won`). The session itself when the action is not
 * allowed. `test/lifecycle-db.test.ts` checks it against the database on every state × action.
 *
 * @example
 * applyTransition(session, { action: 'complete', outcome: 'won' }, new Date().toISOString());
 */
export function applyTransition(session: Session, input: TransitionInput, nowIso: string): Session {
  const target = targetStatus(session, input.action);
  if (target === null) return session;
  const next: Session = { ...session, status: target, updatedAt: nowIso };
  if (input.action === 'archive') {
    next.statusBeforeArchive = session.status;
    next.archivedAt = nowIso;
  }
  if (input.action === 'unarchive') {
    next.statusBeforeArchive = null;
    next.archivedAt = null;
  }
  if (target === 'completed') {
    next.outcome = input.outcome ?? session.outcome;
    next.completedAt = nowIso;
    // `chat_private.sessions_deal_rules`: a flight request completed as won ends on closed_won.
    if (session.kind === 'flight_request' && next.outcome === 'won') next.stage = 'closed_won';
  } else if (target !== 'archived') {
    next.outcome = null;
    next.completedAt = null;
  }
  if (target === 'active' || target === 'completed') next.resumeAt = null;
  if (input.action === 'pause') {
    next.resumeAt = input.resumeAt === undefined ? null : new Date(input.resumeAt).toISOString();
  }
  return next;
}

/** True when the action records a completion outcome (`won`, `lost`, `cancelled`). */
export function requiresOutcome(action: LifecycleAction): boolean {
  return action === 'complete';
}

/** Sidebar tabs plus the trash view: where a session is listed. */
export const LIST_TABS = ['active', 'completed', 'archived', 'trash'] as const;
/** Which list a session appears in. */
export const ListTabSchema = s.enum(LIST_TABS);
/** `active`, `completed`, `archived` or `trash`. */
export type ListTab = s.Infer<typeof ListTabSchema>;

/**
 * The sidebar tab of a status: Active holds active and paused sessions.
 *
 * @example
 * tabOf('paused'); // 'active'
 */
export function tabOf(status: SessionStatus): SessionTab {
  return status === 'active' || status === 'paused' ? 'active' : status;
}

/** The list a session appears in: the trash when deleted, else its status's tab. */
export function listTabOf(session: Pick<Session, 'status' | 'deletedAt'>): ListTab {
  return session.deletedAt !== null ? 'trash' : tabOf(session.status);
}

/** Everything a broker can do to a session from its card. */
export const SESSION_ACTIONS = [
  ...LIFECYCLE_ACTIONS,
  'rename',
  'pin',
  'unpin',
  'mark_read',
  'delete',
  'restore',
] as const;
/** A card action: a lifecycle action or rename, pin, unpin, mark read, delete, restore. */
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/**
 * The actions that make sense for a session right now, in menu order. A session in the trash
 * can only be restored; elsewhere: its lifecycle actions, rename, pin or unpin, mark read (when
 * operator replies are unread) and delete.
 *
 * @example
 * availableActions(session).includes('complete'); // show the Complete button?
 */
export function availableActions(
  session: Pick<Session, 'status' | 'deletedAt' | 'pinned' | 'unreadCount'>,
): SessionAction[] {
  if (session.deletedAt !== null) return ['restore'];
  const actions: SessionAction[] = [
    ...TRANSITIONS[session.status],
    'rename',
    session.pinned ? 'unpin' : 'pin',
  ];
  if (session.unreadCount > 0) actions.push('mark_read');
  actions.push('delete');
  return actions;
}
