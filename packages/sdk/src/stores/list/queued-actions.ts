import { ChatSessionsError, fail, ok, type Result } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Session } from '../../models/session.js';
import type {
  ActionOutbox,
  ActionOutcome,
  QueuedAction,
  QueuedActionKind,
} from '../../offline/outbox-types.js';
import { deltaBetween } from './count-reconciliation.js';
import type { MutationSpecs } from './mutation-specs.js';
import type { MutationSpec, OptimisticQueue, PendingChange } from './optimistic-queue.js';

/** What the session list lends its queued actions. */
export interface QueuedActionsHost {
  /** The rows as shown (server truth with the changes in flight). */
  view(): ReadonlyMap<string, Session>;
  specs(): MutationSpecs;
  nowIso(): string;
  /** The broker's id (the owner of a create shown before the server answers). */
  ownerId(): string;
  emit(): void;
  disposed(): boolean;
}

/**
 * The list's changes the outbox can keep: lifecycle actions (they carry `transition`), pins,
 * read marks, creates (with their client id), renames, edits, trashing and restoring.
 */
const KEPT = /^(pin|unpin|mark_read|create|rename|update|delete|restore)$/;

/**
 * The session list's side of the outbox: which changes wait there when the network loses them,
 * the changes of an earlier page (a reload) shown again as made and as waiting, and the change
 * each outcome settles. The changes stay in the list's {@link OptimisticQueue} (shown) and in its
 * `waiting` map (the `queuedIds`) until the outbox says how they ended.
 */
export class QueuedActions {
  readonly #outbox: ActionOutbox | null;
  readonly #optimistic: OptimisticQueue;
  readonly #host: QueuedActionsHost;
  /** Ids of the last outcomes seen: a read of the queue that raced one must not show it again. */
  readonly #settled = new Set<string>();
  #reading: Promise<void> = Promise.resolve();
  #started = false;

  constructor(outbox: ActionOutbox | null, optimistic: OptimisticQueue, host: QueuedActionsHost) {
    this.#outbox = outbox;
    this.#optimistic = optimistic;
    this.#host = host;
  }

  /** The outbox that keeps `spec` if the network loses it, or null (it then fails as before). */
  outboxFor(spec: MutationSpec): ActionOutbox | null {
    return spec.transition || KEPT.test(spec.mutation) ? this.#outbox : null;
  }

  /**
   * Puts a change lost to the network (or made while writes wait) in the outbox, still shown;
   * null when it could not be stored (it then fails as before).
   */
  async queue(spec: MutationSpec, change: PendingChange): Promise<Result<Session> | null> {
    const outbox = this.outboxFor(spec);
    if (!outbox) return null;
    const action: QueuedAction = {
      id: newId(),
      sessionId: spec.sessionId,
      action: spec.mutation as QueuedActionKind,
      transition: spec.transition ?? null,
      createdAt: this.#host.nowIso(),
      title: this.#host.view().get(spec.sessionId)?.title ?? '',
      ...spec.replay,
    };
    this.#optimistic.waiting.set(action.id, change);
    if (!(await outbox.queueAction(action))) {
      this.#optimistic.waiting.delete(action.id);
      return null;
    }
    this.#host.emit();
    // Shown as made; a session this list never read can only say it was queued.
    const shown = this.#host.view().get(spec.sessionId);
    const queued = 'Queued: sent when the connection returns';
    return shown ? ok(shown) : fail(new ChatSessionsError({ code: 'network', message: queued }));
  }

  /**
   * The actions waiting in the outbox that this list does not show yet (after a reload, or
   * queued by another tab) are laid over the rows as made and listed as waiting. Call it once
   * a page is in, so each change's effect on the counts is measured against real rows.
   */
  restore(): Promise<void> {
    this.#started = true;
    this.#reading = this.#reading.then(() => this.#restore());
    return this.#reading;
  }

  /** Another tab queued an action: show it here too (once this list has shown a page). */
  peerQueued(): void {
    if (this.#started) void this.restore();
  }

  async #restore(): Promise<void> {
    const queued = this.#outbox ? await this.#outbox.queuedActions() : [];
    if (this.#host.disposed()) return;
    let shown = false;
    for (const action of queued) {
      if (this.#settled.has(action.id) || this.#optimistic.waiting.has(action.id)) continue;
      const spec = effectOf(this.#host.specs(), action, this.#host.ownerId());
      if (!spec) continue;
      const before = this.#host.view().get(action.sessionId);
      const change: PendingChange = { spec, delta: deltaBetween(before, spec.apply(before)) };
      this.#optimistic.add(change);
      this.#optimistic.waiting.set(action.id, change);
      shown = true;
    }
    if (shown) this.#host.emit();
  }

  /** The change an outcome settles (no longer waiting), or undefined if this list did not show it. */
  settle(outcome: ActionOutcome): PendingChange | undefined {
    this.#settled.add(outcome.id);
    if (this.#settled.size > 500) this.#settled.delete(this.#settled.values().next().value ?? '');
    const change = this.#optimistic.waiting.get(outcome.id);
    this.#optimistic.waiting.delete(outcome.id);
    return change;
  }
}

/** A queued action's effect on the list, as when it was made (null if it can't be shown). */
function effectOf(
  specs: MutationSpecs,
  action: QueuedAction,
  ownerId: string,
): MutationSpec | null {
  const { sessionId, action: kind } = action;
  switch (kind) {
    case 'pin':
    case 'unpin':
    case 'mark_read':
    case 'delete':
    case 'restore':
      return specs.bulk(kind, sessionId, {});
    case 'create': {
      const spec = action.create ? specs.create(action.create, ownerId) : null;
      return spec && 'apply' in spec ? spec : null;
    }
    case 'rename':
    case 'update': {
      const spec = specs.update(sessionId, action.patch ?? {}, {});
      return 'apply' in spec ? { ...spec, mutation: kind } : null;
    }
    default:
      return specs.transition(sessionId, action.transition ?? { action: kind });
  }
}
