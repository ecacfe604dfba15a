import type { ChatSessionsError } from '../../errors.js';
import { newId } from '../../ids.js';
import type {
  ActionOutbox,
  ActionOutcome,
  QueuedAction,
  QueuedActionKind,
} from '../../offline/outbox-types.js';
import type { MutationSpec, PendingChange } from './optimistic-queue.js';

/** Actions that may wait in the outbox: replaying them is safe (see `offline/outbox.ts`). */
const QUEUEABLE: ReadonlySet<string> = new Set<QueuedActionKind>([
  'pause',
  'resume',
  'complete',
  'reopen',
  'archive',
  'unarchive',
  'pin',
  'unpin',
  'mark_read',
]);

/**
 * The session list's side of the outbox: its changes lost to the network wait there (still
 * shown), and come back as outcomes; the sending and replay rules live in the outbox's lazy part.
 */
export class QueuedActions {
  readonly outbox: ActionOutbox | null;
  /** Changes of this list waiting in the outbox, by action id. */
  readonly #waiting = new Map<string, PendingChange>();

  constructor(outbox: ActionOutbox | null) {
    this.outbox = outbox;
  }

  /** The action to queue for `spec`, or null when it can't wait in the outbox. */
  actionFor(spec: MutationSpec, nowIso: string): QueuedAction | null {
    if (!this.outbox || !QUEUEABLE.has(spec.mutation)) return null;
    const { sessionId, mutation, transition } = spec;
    const action = mutation as QueuedActionKind;
    return { id: newId(), sessionId, action, transition: transition ?? null, createdAt: nowIso };
  }

  /** True when the write should wait in the outbox (offline, or behind writes already waiting). */
  shouldQueue(error: ChatSessionsError | null): boolean {
    return error === null ? this.outbox?.busy === true : error.code === 'network';
  }

  /** Queues `action`, whose optimistic `change` stays shown; false when it could not be stored. */
  async queue(action: QueuedAction, change: PendingChange): Promise<boolean> {
    if (!(await this.outbox?.queueAction(action))) return false;
    this.#waiting.set(action.id, change);
    return true;
  }

  /** The change an outcome settles (undefined when another tab or an earlier page made it). */
  take(outcome: ActionOutcome): PendingChange | undefined {
    const change = this.#waiting.get(outcome.id);
    this.#waiting.delete(outcome.id);
    return change;
  }

  /** Ids of sessions with a change waiting in the outbox, each once. */
  get sessionIds(): string[] {
    return [...new Set([...this.#waiting.values()].map((change) => change.spec.sessionId))];
  }
}
