import type { Result } from '../../errors.js';
import type { TransitionInput } from '../../inputs.js';
import type { CompletionOutcome, Session } from '../../models/session.js';
import { SnapshotStore } from '../store.js';
import type { SessionListSnapshot } from './types.js';

/** The session list's one-word actions, each a lifecycle transition or a pin. */
export abstract class SessionListShortcuts extends SnapshotStore<SessionListSnapshot> {
  /** Applies a lifecycle action (see {@link SessionListStore.transition}). */
  abstract transition(id: string, input: TransitionInput): Promise<Result<Session>>;

  /** Pins or unpins a session (see {@link SessionListStore.setPinned}). */
  abstract setPinned(id: string, pinned: boolean): Promise<Result<Session>>;

  /** Pauses a session, optionally until `resumeAt`. */
  pause(
    id: string,
    options: { resumeAt?: string | Date; expectedVersion?: number } = {},
  ): Promise<Result<Session>> {
    const resumeAt =
      options.resumeAt instanceof Date ? options.resumeAt.toISOString() : options.resumeAt;
    return this.transition(id, {
      action: 'pause',
      ...(resumeAt === undefined ? {} : { resumeAt }),
      ...(options.expectedVersion === undefined
        ? {}
        : { expectedVersion: options.expectedVersion }),
    });
  }

  /** Resumes a paused session. */
  resume(id: string): Promise<Result<Session>> {
    return this.transition(id, { action: 'resume' });
  }

  /** Completes a session with its outcome. */
  complete(id: string, outcome: CompletionOutcome): Promise<Result<Session>> {
    return this.transition(id, { action: 'complete', outcome });
  }

  /** Reopens a completed session. */
  reopen(id: string): Promise<Result<Session>> {
    return this.transition(id, { action: 'reopen' });
  }

  /** Archives a session. */
  archive(id: string): Promise<Result<Session>> {
    return this.transition(id, { action: 'archive' });
  }

  /** Unarchives a session (back to its status before archiving). */
  unarchive(id: string): Promise<Result<Session>> {
    return this.transition(id, { action: 'unarchive' });
  }

  /** Pins a session. */
  pin(id: string): Promise<Result<Session>> {
    return this.setPinned(id, true);
  }

  /** Unpins a session. */
  unpin(id: string): Promise<Result<Session>> {
    return this.setPinned(id, false);
  }
}
