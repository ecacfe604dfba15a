import type {
  ChatSessionsClient,
  ChatSessionsError,
  Session,
  SessionPatch,
  TransitionInput,
} from '@chat-sessions/sdk';
import type {
  SessionListProblem,
  SessionListSource,
  SessionListWriteResult,
} from '../controllers/session-list-source.js';

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
  return write(
    target,
    sessionId,
    (list) => list.update?.(sessionId, patch, options),
    (client) => client.sessions.update(sessionId, patch, options),
  );
}

/** A lifecycle action (pause, complete, …), through the list or the client as above. */
export function writeSessionTransition(
  target: SessionPatchTarget,
  sessionId: string,
  input: TransitionInput,
): Promise<SessionPatchResult> {
  return write(
    target,
    sessionId,
    (list) => list.transition(sessionId, input),
    (client) => client.sessions.transition(sessionId, input),
  );
}

/** Brings a session back from the trash, through the list or the client as above. */
export function writeSessionRestore(
  target: SessionPatchTarget,
  sessionId: string,
): Promise<SessionPatchResult> {
  return write(
    target,
    sessionId,
    (list) => list.restore(sessionId),
    (client) => client.sessions.restore(sessionId),
  );
}

/** One write through the shared list when it lists the session (and can), else the client. */
async function write(
  target: SessionPatchTarget,
  sessionId: string,
  throughList: (list: SessionListSource) => Promise<SessionListWriteResult> | undefined,
  throughClient: (client: ChatSessionsClient) => Promise<SessionListWriteResult>,
): Promise<SessionPatchResult> {
  const list = target.list;
  const listed = list?.getSnapshot().items.some((session) => session.id === sessionId);
  const fromList = list && listed ? throughList(list) : undefined;
  if (fromList) {
    const result = await fromList;
    return { data: result.data ?? null, error: result.error };
  }
  if (!target.client) {
    return { data: null, error: { message: 'No client to save with', code: 'unavailable' } };
  }
  const result = await throughClient(target.client);
  return { data: result.data ?? null, error: result.error };
}
