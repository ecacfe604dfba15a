import type { TransitionInput } from '../../inputs.js';
import type { LifecycleAction } from '../../lifecycle.js';
import type { Session } from '../../models/session.js';
import type { Result } from '../../errors.js';
import type { CountsDelta } from './count-reconciliation.js';
import type { QueuedAction } from '../../offline/outbox-types.js';

/** A change the list applies optimistically. */
export type SessionMutation =
  | 'create'
  | 'rename'
  | 'update'
  | LifecycleAction
  | 'pin'
  | 'unpin'
  | 'delete'
  | 'restore'
  | 'purge'
  | 'mark_read';

/** What a change shows before the server answers. */
export interface OptimisticEffect {
  sessionId: string;
  mutation: SessionMutation;
  /** The optimistic view of the session given the row beneath (server truth or earlier changes). */
  apply(session: Session | undefined): Session | undefined;
}

/** A change to make: its optimistic effect and the request that makes it. */
export interface MutationSpec extends OptimisticEffect {
  send(this: void): Promise<Result<Session>>;
  /** A lifecycle action's input (kept to replay it from the outbox). */
  transition?: TransitionInput;
  /** A create's, rename's or edit's input (kept to replay it from the outbox). */
  replay?: Pick<QueuedAction, 'create' | 'patch' | 'expectedVersion'>;
}

/** A change made and not yet answered. */
export interface PendingChange {
  readonly spec: OptimisticEffect;
  /** Its effect on the counts, computed when it was made. */
  readonly delta: CountsDelta;
}

/**
 * The writes the list shows before the server answers: laid over the server's rows in the order
 * they were made, sent one at a time per session (in that order), removed when answered.
 */
export class OptimisticQueue {
  #pending: PendingChange[] = [];
  /** Changes waiting in the outbox for the connection (still pending), by outbox action id. */
  readonly waiting = new Map<string, PendingChange>();
  readonly #queues = new Map<string, Promise<void>>();

  /** The changes in flight, oldest first. */
  get pending(): readonly PendingChange[] {
    return this.#pending;
  }

  /** Ids of sessions with a change in flight, each once. */
  get pendingIds(): string[] {
    return [...new Set(this.#pending.map((change) => change.spec.sessionId))];
  }

  /** Ids of sessions with a change waiting in the outbox, each once. */
  get waitingIds(): string[] {
    return [...new Set([...this.waiting.values()].map((change) => change.spec.sessionId))];
  }

  /** Adds a change to the view. */
  add(change: PendingChange): void {
    this.#pending = [...this.#pending, change];
  }

  /** Takes a change out of the view (answered). */
  remove(change: PendingChange): void {
    this.#pending = this.#pending.filter((candidate) => candidate !== change);
  }

  /** The rows as the broker should see them: `rows` with every pending change applied. */
  view(rows: ReadonlyMap<string, Session>): ReadonlyMap<string, Session> {
    if (this.#pending.length === 0) return rows;
    const view = new Map(rows);
    for (const { spec } of this.#pending) {
      const next = spec.apply(view.get(spec.sessionId));
      if (next) view.set(spec.sessionId, next);
      else view.delete(spec.sessionId);
    }
    return view;
  }

  /** Runs `task` after every earlier task of the same session (one change at a time per session). */
  enqueue<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(sessionId) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(sessionId, tail);
    void tail.then(() => {
      if (this.#queues.get(sessionId) === tail) this.#queues.delete(sessionId);
    });
    return run;
  }
}

/** Runs tasks at most `limit` at a time. */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
