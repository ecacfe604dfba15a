import type {
  ChatSessionsClient,
  ChatSessionsError,
  Session,
  SessionPatch,
} from '@chat-sessions/sdk';
import type { SessionListProblem, SessionListSource } from '../controllers/session-list-source.js';

/** What a field change answered: the stored session, or why not (`code` `conflict`, `validation`, …). */
export interface SessionPatchResult {
  readonly data: Session | null;
  readonly error: ChatSessionsError | SessionListProblem | null;
}

/** Where a session's fields are written: the shared list (optimistic), else the client. */
export interface SessionPatchTarget {
  readonly list: SessionListSource | null | undefined;
  readonly client: ChatSessionsClient | null | undefined;
}

/**
 * Changes a session's fields (the stage stepper, the request editor): through the shared list
 * when it lists the session (so every card shows the change at once, and takes it back if the
 * database refuses), else through the client. With `expectedVersion`, a session changed by
 * someone else since fails with `conflict` instead of being overwritten.
 */
export async function writeSessionPatch(
  target: SessionPatchTarget,
  sessionId: string,
  patch: SessionPatch,
  expectedVersion?: number,
): Promise<SessionPatchResult> {
  const options = expectedVersion === undefined ? {} : { expectedVersion };
  const list = target.list;
  const listed = list?.getSnapshot().items.some((session) => session.id === sessionId);
  if (list?.update && listed) {
    const result = await list.update(sessionId, patch, options);
    return { data: result.data ?? null, error: result.error };
  }
  if (!target.client) {
    return { data: null, error: { message: 'No client to save with', code: 'unavailable' } };
  }
  const result = await target.client.sessions.update(sessionId, patch, options);
  return { data: result.data, error: result.error };
}
