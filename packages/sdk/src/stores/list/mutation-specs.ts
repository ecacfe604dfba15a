import type { ChatSessionsClient } from '../../client/chat-sessions.js';
import type { VersionedRequestOptions } from '../../client/sessions-client.js';
import { validationError, type ChatSessionsError } from '../../errors.js';
import { newId } from '../../ids.js';
import {
  CreateSessionInputSchema,
  SessionPatchSchema,
  type CreateSessionInput,
  type SessionPatch,
  type TransitionInput,
} from '../../inputs.js';
import { patchedSession, provisionalSession } from './provisional-rows.js';
import { applyTransition } from '../../lifecycle.js';
import type { Result } from '../../errors.js';
import type { Session } from '../../models/session.js';
import { limiter, type MutationSpec } from './optimistic-queue.js';
import type { BulkAction, BulkItemResult, BulkOptions } from './types.js';

/**
 * Runs one action on a selection: every session's spec through `mutate` (optimistic at once),
 * the requests a few at a time; results in the order of `ids`, each id once.
 */
export async function runBulk(
  action: BulkAction,
  ids: readonly string[],
  options: BulkOptions,
  specFor: (id: string) => MutationSpec,
  mutate: (spec: MutationSpec) => Promise<Result<Session>>,
): Promise<BulkItemResult[]> {
  if (action === 'complete' && !options.outcome) {
    throw new TypeError(
      "bulk('complete', ids, { outcome }) needs an outcome: 'won', 'lost' or 'cancelled'",
    );
  }
  const throttle = limiter(Math.max(1, options.concurrency ?? 4));
  const settled = await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const spec = specFor(id);
      const result = await mutate({ ...spec, send: () => throttle(spec.send) });
      return [id, { id, ...result }] as const;
    }),
  );
  const results = new Map<string, BulkItemResult>(settled);
  return ids.flatMap((id) => results.get(id) ?? []);
}

/** The optimistic effect and the request of each action the list applies to a session. */
export class MutationSpecs {
  readonly #client: ChatSessionsClient;
  readonly #nowIso: () => string;

  constructor(client: ChatSessionsClient, nowIso: () => string) {
    this.#client = client;
    this.#nowIso = nowIso;
  }

  /**
   * A create: listed at once (in the Active tab) as the row the server will most likely
   * return, replaced by the server's; idempotent on `input.id` (made here when absent).
   */
  create(input: CreateSessionInput, ownerId: string): MutationSpec | ChatSessionsError {
    const parsed = CreateSessionInputSchema.safeParse(input);
    if (!parsed.success) return validationError('session', parsed.error);
    const id = parsed.data.id ?? newId();
    const provisional = provisionalSession(
      { ...parsed.data, id },
      { ownerId, nowIso: this.#nowIso() },
    );
    return {
      sessionId: id,
      mutation: 'create',
      apply: (session) => session ?? provisional,
      send: () => this.#client.sessions.create({ ...input, id }),
      replay: { create: { ...input, id } },
    };
  }

  /** A rename, shown at once. */
  rename(id: string, title: string, options: VersionedRequestOptions): MutationSpec {
    return {
      sessionId: id,
      mutation: 'rename',
      apply: (session) => session && { ...session, title: title.trim() },
      send: () => this.#client.sessions.rename(id, title, options),
      replay: { patch: { title: title.trim() }, expectedVersion: options.expectedVersion },
    };
  }

  /** A change of fields, shown at once. */
  update(
    id: string,
    patch: SessionPatch,
    options: VersionedRequestOptions,
  ): MutationSpec | ChatSessionsError {
    const parsed = SessionPatchSchema.safeParse(patch);
    if (!parsed.success) return validationError('session patch', parsed.error);
    const value = parsed.data;
    return {
      sessionId: id,
      mutation: 'update',
      apply: (session) => session && patchedSession(session, value),
      send: () => this.#client.sessions.update(id, patch, options),
      replay: { patch, expectedVersion: options.expectedVersion },
    };
  }

  /** A lifecycle action: the session as the database's transition rule leaves it. */
  transition(id: string, input: TransitionInput): MutationSpec {
    return {
      sessionId: id,
      mutation: input.action,
      apply: (session) => session && applyTransition(session, input, this.#nowIso()),
      send: () => this.#client.sessions.transition(id, input),
      transition: input,
    };
  }

  /** Any action a selection can take (pin, trash, mark read, lifecycle). */
  bulk(action: BulkAction, id: string, options: BulkOptions): MutationSpec {
    switch (action) {
      case 'pin':
      case 'unpin': {
        const pinned = action === 'pin';
        return {
          sessionId: id,
          mutation: action,
          apply: (session) => session && { ...session, pinned },
          send: () => this.#client.sessions.setPinned(id, pinned),
        };
      }
      case 'delete':
        return {
          sessionId: id,
          mutation: 'delete',
          apply: (session) =>
            session &&
            (session.deletedAt !== null ? session : { ...session, deletedAt: this.#nowIso() }),
          send: () => this.#client.sessions.delete(id),
        };
      case 'restore':
        return {
          sessionId: id,
          mutation: 'restore',
          apply: (session) => session && { ...session, deletedAt: null },
          send: () => this.#client.sessions.restore(id),
        };
      case 'mark_read':
        return {
          sessionId: id,
          mutation: 'mark_read',
          apply: (session) => session && { ...session, unreadCount: 0 },
          send: () => this.#client.sessions.markRead(id),
        };
      case 'complete':
        return this.transition(id, { action, outcome: options.outcome ?? 'won' });
      default:
        return this.transition(id, { action });
    }
  }
}
