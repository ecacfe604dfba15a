import type { CompletionOutcome, Session, SessionAction } from '@chat-sessions/sdk';
import { problemText } from '../internal/problem-text.js';
import type {
  SessionListBulkAction,
  SessionListSource,
  SessionListWriteResult,
} from '../controllers/session-list-source.js';
import {
  ChatSessionActionEvent,
  ChatSessionDeleteEvent,
  ChatSessionMarkReadEvent,
  ChatSessionPinEvent,
  ChatSessionRenameEvent,
  ChatSessionRestoreEvent,
} from '../events.js';

/** What an action needs besides the sessions. */
export interface ActionOptions {
  readonly outcome?: CompletionOutcome;
  readonly title?: string;
}

/** A session an action failed for, and why. */
export interface ActionFailure {
  readonly session: Session;
  readonly message: string;
}

/** The event that announces `action` on one session (cancelable: the host may take it over). */
function announcement(action: SessionAction, session: Session, options: ActionOptions): Event {
  switch (action) {
    case 'rename':
      return new ChatSessionRenameEvent(session, options.title ?? '');
    case 'pin':
    case 'unpin':
      return new ChatSessionPinEvent(session, action === 'pin');
    case 'mark_read':
      return new ChatSessionMarkReadEvent(session);
    case 'delete':
      return new ChatSessionDeleteEvent(session);
    case 'restore':
      return new ChatSessionRestoreEvent(session);
    default:
      return new ChatSessionActionEvent(
        session,
        action,
        action === 'complete' ? (options.outcome ?? 'won') : null,
      );
  }
}

function write(
  source: SessionListSource,
  action: SessionAction,
  session: Session,
  options: ActionOptions,
): Promise<SessionListWriteResult> {
  switch (action) {
    case 'rename':
      return source.rename(session.id, options.title ?? '');
    case 'pin':
    case 'unpin':
      return source.setPinned(session.id, action === 'pin');
    case 'mark_read':
      return source.markRead(session.id);
    case 'delete':
      return source.delete(session.id);
    case 'restore':
      return source.restore(session.id);
    case 'complete':
      return source.transition(session.id, { action, outcome: options.outcome ?? 'won' });
    default:
      return source.transition(session.id, { action });
  }
}

/**
 * Announces `action` on each session from `target` (once per session), then applies it
 * through `source` to those the host did not take over (one write, or one bulk call for
 * several). Resolves with the sessions it went through for (all the accepted ones when there is
 * no source: the host applies them) and the failures.
 */
export async function runSessionAction(
  target: EventTarget,
  source: SessionListSource | null,
  action: SessionAction,
  sessions: readonly Session[],
  options: ActionOptions = {},
): Promise<{ done: Session[]; failures: ActionFailure[] }> {
  const accepted = sessions.filter((session) =>
    target.dispatchEvent(announcement(action, session, options)),
  );
  if (accepted.length === 0 || !source) return { done: accepted, failures: [] };
  const failures: ActionFailure[] = [];
  const [only] = accepted;
  if (accepted.length === 1 && only) {
    const result = await write(source, action, only, options);
    if (result.error) failures.push({ session: only, message: problemText(result.error) });
  } else {
    const results = await source.bulk(
      action as SessionListBulkAction,
      accepted.map((session) => session.id),
      action === 'complete' ? { outcome: options.outcome ?? 'won' } : {},
    );
    results.forEach((result, index) => {
      const session = accepted[index];
      if (result.error && session) failures.push({ session, message: problemText(result.error) });
    });
  }
  const failed = new Set(failures.map((failure) => failure.session.id));
  return { done: accepted.filter((session) => !failed.has(session.id)), failures };
}
