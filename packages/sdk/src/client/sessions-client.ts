import * as s from '../schema/index.js';
import { fail, type Result } from '../errors.js';
import { newId } from '../ids.js';
import {
  CreateSessionInputSchema,
  ExpectedVersionSchema,
  IdSchema,
  InstantSchema,
  ListSessionsQuerySchema,
  SearchSchema,
  PurgeTrashInputSchema,
  SessionPatchSchema,
  TitleSchema,
  TransitionInputSchema,
  type CreateSessionInput,
  type ListSessionsQuery,
  type PurgeTrashInput,
  type SessionPatch,
  type TransitionInput,
} from '../inputs.js';
import type { LifecycleAction } from '../lifecycle.js';
import {
  SearchCountsSchema,
  SessionCountsSchema,
  type SearchCounts,
  type SessionCounts,
} from '../models/counts.js';
import { SessionPageSchema, type SessionPage } from '../models/session-page.js';
import { SessionRowSchema, type CompletionOutcome, type Session } from '../models/session.js';
import { callRpc, parseInput, type RequestOptions, type RpcContext } from './rpc.js';

/** Options of writes that may check the version the caller saw. */
export interface VersionedRequestOptions extends RequestOptions {
  /** The `version` the caller last saw; if the session changed since, the call fails with `conflict`. */
  expectedVersion?: number;
}

/** Options of `pause`. */
export interface PauseOptions extends VersionedRequestOptions {
  /** When the session should come back to the broker's attention (ISO string or Date). */
  resumeAt?: string | Date;
}

const PinnedSchema = s.boolean();

/** What `chat.purge_session` answers: the purged id and the change-feed position of its tombstone. */
export const PurgedSessionSchema = s.object({
  id: s.uuid(),
  version: s.number().check(s.int(), s.nonnegative()),
});
/** A session deleted forever: its id and the change-feed `version` that includes the tombstone. */
export type PurgedSession = s.Output<typeof PurgedSessionSchema>;

/**
 * Sessions: create, read, list, count, edit and move through the lifecycle. Every method
 * resolves to `{ data, error }`; see {@link ChatSessionsError} for the error codes.
 *
 * @example
 * const { data: session } = await chat.sessions.create({ kind: 'general', title: 'Catch-up' });
 * await chat.sessions.pause(session.id, { resumeAt: new Date(Date.now() + 86_400_000) });
 */
export class SessionsClient {
  readonly #context: RpcContext;

  /** @internal Use `createChatSessions(...).sessions`. */
  constructor(context: RpcContext) {
    this.#context = context;
  }

  /**
   * Creates a session (`chat.create_session`). Idempotent on `input.id` (generated when
   * omitted), so it is retried safely on transient failures. With `firstMessage`, the broker's
   * first message is saved in the same transaction (its id too is generated when omitted).
   *
   * @example
   * await chat.sessions.create({ kind: 'flight_request', title: 'TEB → VNY', passengers: 6 });
   */
  async create(input: CreateSessionInput, options?: RequestOptions): Promise<Result<Session>> {
    const parsed = parseInput(CreateSessionInputSchema, input, 'session');
    if (parsed.error) return fail(parsed.error);
    const value = parsed.value;
    // Only sent when there is one, so a database without the parameter still takes the call.
    const firstMessage = value.firstMessage
      ? {
          p_first_message: value.firstMessage.content,
          p_first_message_id: value.firstMessage.id ?? newId(),
        }
      : {};
    return callRpc(
      this.#context,
      {
        fn: 'create_session',
        kind: 'idempotent',
        answer: SessionRowSchema,
        args: {
          p_id: value.id ?? newId(),
          p_kind: value.kind,
          p_title: value.title,
          p_trip_type: value.tripType,
          p_legs: value.legs,
          p_passengers: value.passengers,
          p_stage: value.stage,
          p_metadata: value.metadata,
          p_external_ref: value.externalRef,
          p_pinned: value.pinned,
          ...firstMessage,
        },
      },
      options,
    );
  }

  /** One session by id (`chat.get_session`), trash included. */
  async get(id: string, options?: RequestOptions): Promise<Result<Session>> {
    const parsed = parseInput(IdSchema, id, 'session id');
    if (parsed.error) return fail(parsed.error);
    return callRpc(
      this.#context,
      { fn: 'get_session', kind: 'read', answer: SessionRowSchema, args: { p_id: parsed.value } },
      options,
    );
  }

  /**
   * One page of a tab (`chat.list_sessions`), keyset-paginated: pass the page's `nextCursor`
   * back as `cursor` for the next one.
   *
   * @example
   * const first = await chat.sessions.list({ tab: 'active', sort: 'attention', limit: 30 });
   * const second = await chat.sessions.list({ tab: 'active', sort: 'attention', cursor: first.data?.nextCursor });
   */
  async list(
    query: ListSessionsQuery = {},
    options?: RequestOptions,
  ): Promise<Result<SessionPage>> {
    const parsed = parseInput(ListSessionsQuerySchema, query, 'list query');
    if (parsed.error) return fail(parsed.error);
    const value = parsed.value;
    return callRpc(
      this.#context,
      {
        fn: 'list_sessions',
        kind: 'read',
        answer: SessionPageSchema,
        args: {
          p_tab: value.tab,
          p_sort: value.sort,
          p_search: value.search?.trim() ? value.search : null,
          p_cursor: value.cursor,
          p_limit: value.limit,
        },
      },
      options,
    );
  }

  /** Sessions per status, in the trash, and the unread total (`chat.session_counts`). */
  async counts(options?: RequestOptions): Promise<Result<SessionCounts>> {
    return callRpc(
      this.#context,
      { fn: 'session_counts', kind: 'read', answer: SessionCountsSchema, args: {} },
      options,
    );
  }

  /**
   * How many sessions match a search in each tab (`chat.search_counts`): the same matching as
   * `list({ search })` (title, airport codes, names and cities of the legs, message text).
   *
   * @example
   * const { data } = await chat.sessions.searchCounts('Teterboro');
   * // { active: 2, completed: 1, archived: 0, trash: 0, version: 812 }
   */
  async searchCounts(search: string, options?: RequestOptions): Promise<Result<SearchCounts>> {
    const parsed = parseInput(SearchSchema, search, 'search');
    if (parsed.error) return fail(parsed.error);
    return callRpc(
      this.#context,
      {
        fn: 'search_counts',
        kind: 'read',
        answer: SearchCountsSchema,
        args: { p_search: parsed.value },
      },
      options,
    );
  }

  /**
   * Changes a session's fields (`chat.update_session`). With `expectedVersion`, a session
   * changed by someone else in the meantime fails with `conflict` instead of being overwritten.
   */
  async update(
    id: string,
    patch: SessionPatch,
    options: VersionedRequestOptions = {},
  ): Promise<Result<Session>> {
    const parsedId = parseInput(IdSchema, id, 'session id');
    if (parsedId.error) return fail(parsedId.error);
    const parsed = parseInput(SessionPatchSchema, patch, 'session patch');
    if (parsed.error) return fail(parsed.error);
    const version = parseInput(
      s.optional(ExpectedVersionSchema),
      options.expectedVersion,
      'expected version',
    );
    if (version.error) return fail(version.error);
    const value = parsed.value;
    const wirePatch: Record<string, unknown> = {};
    if (value.title !== undefined) wirePatch.title = value.title;
    if (value.tripType !== undefined) wirePatch.trip_type = value.tripType;
    if (value.legs !== undefined) wirePatch.legs = value.legs;
    if (value.passengers !== undefined) wirePatch.passengers = value.passengers;
    if (value.stage !== undefined) wirePatch.stage = value.stage;
    if (value.metadata !== undefined) wirePatch.metadata = value.metadata;
    if (value.externalRef !== undefined) wirePatch.external_ref = value.externalRef;
    return callRpc(
      this.#context,
      {
        fn: 'update_session',
        kind: 'write',
        answer: SessionRowSchema,
        args: { p_id: parsedId.value, p_patch: wirePatch, p_expected_version: version.value },
      },
      options,
    );
  }

  /** Renames a session (trimmed; at most 200 characters). */
  async rename(
    id: string,
    title: string,
    options?: VersionedRequestOptions,
  ): Promise<Result<Session>> {
    const parsed = parseInput(TitleSchema, title, 'title');
    if (parsed.error) return fail(parsed.error);
    return this.update(id, { title: parsed.value }, options);
  }

  /**
   * Applies a lifecycle action (`chat.transition_session`). Fails with `invalid_transition`
   * when the session's status does not allow it (see `availableActions`).
   */
  async transition(
    id: string,
    input: TransitionInput,
    options?: RequestOptions,
  ): Promise<Result<Session>> {
    const parsedId = parseInput(IdSchema, id, 'session id');
    if (parsedId.error) return fail(parsedId.error);
    const parsed = parseInput(TransitionInputSchema, input, 'lifecycle action');
    if (parsed.error) return fail(parsed.error);
    const value = parsed.value;
    return callRpc(
      this.#context,
      {
        fn: 'transition_session',
        kind: 'write',
        answer: SessionRowSchema,
        args: {
          p_id: parsedId.value,
          p_action: value.action,
          p_outcome: value.outcome,
          p_resume_at: value.resumeAt,
          p_expected_version: value.expectedVersion,
        },
      },
      options,
    );
  }

  #action(
    id: string,
    action: LifecycleAction,
    options: VersionedRequestOptions,
    extra: Partial<TransitionInput> = {},
  ) {
    const { expectedVersion, signal } = options;
    return this.transition(
      id,
      { action, ...extra, ...(expectedVersion === undefined ? {} : { expectedVersion }) },
      signal ? { signal } : {},
    );
  }

  /** Pauses an active session, optionally until `resumeAt`. */
  pause(id: string, options: PauseOptions = {}): Promise<Result<Session>> {
    if (options.resumeAt !== undefined) {
      const parsed = parseInput(InstantSchema, options.resumeAt, 'resume time');
      if (parsed.error) return Promise.resolve(fail(parsed.error));
      return this.#action(id, 'pause', options, { resumeAt: parsed.value });
    }
    return this.#action(id, 'pause', options);
  }

  /** Resumes a paused session. */
  resume(id: string, options: VersionedRequestOptions = {}): Promise<Result<Session>> {
    return this.#action(id, 'resume', options);
  }

  /** Completes an active or paused session with its outcome. */
  complete(
    id: string,
    outcome: CompletionOutcome,
    options: VersionedRequestOptions = {},
  ): Promise<Result<Session>> {
    return this.#action(id, 'complete', options, { outcome });
  }

  /** Reopens a completed session (it becomes active; the outcome is cleared). */
  reopen(id: string, options: VersionedRequestOptions = {}): Promise<Result<Session>> {
    return this.#action(id, 'reopen', options);
  }

  /** Archives a session (from active, paused or completed). */
  archive(id: string, options: VersionedRequestOptions = {}): Promise<Result<Session>> {
    return this.#action(id, 'archive', options);
  }

  /** Unarchives a session: back to the status it had before archiving. */
  unarchive(id: string, options: VersionedRequestOptions = {}): Promise<Result<Session>> {
    return this.#action(id, 'unarchive', options);
  }

  /** Pins or unpins a session (`chat.set_session_pinned`); pinned sessions lead the recent order. */
  async setPinned(id: string, pinned: boolean, options?: RequestOptions): Promise<Result<Session>> {
    const parsedId = parseInput(IdSchema, id, 'session id');
    if (parsedId.error) return fail(parsedId.error);
    const parsed = parseInput(PinnedSchema, pinned, 'pinned');
    if (parsed.error) return fail(parsed.error);
    return callRpc(
      this.#context,
      {
        fn: 'set_session_pinned',
        kind: 'write',
        answer: SessionRowSchema,
        args: { p_id: parsedId.value, p_pinned: parsed.value },
      },
      options,
    );
  }

  /** Pins a session. */
  pin(id: string, options?: RequestOptions): Promise<Result<Session>> {
    return this.setPinned(id, true, options);
  }

  /** Unpins a session. */
  unpin(id: string, options?: RequestOptions): Promise<Result<Session>> {
    return this.setPinned(id, false, options);
  }

  /** Moves a session to the trash (`chat.delete_session`); it can be restored until purged. */
  async delete(id: string, options?: RequestOptions): Promise<Result<Session>> {
    return this.#byId('delete_session', id, 'write', options);
  }

  /** Brings a session back from the trash (`chat.restore_session`). */
  async restore(id: string, options?: RequestOptions): Promise<Result<Session>> {
    return this.#byId('restore_session', id, 'write', options);
  }

  /**
   * Deletes one of the caller's sessions in the trash forever, with its messages and threads
   * (`chat.purge_session`); other devices see it go through the change feed's `deleted`.
   * Resolves to the purged id and the change-feed `version` that includes its tombstone. Fails
   * with `invalid_transition` when the session is not in the trash (trash it first) and with
   * `not_found` when it is not the caller's or is gone already. Not retried: a lost answer
   * followed by a retry ends in `not_found`, which means it is gone.
   *
   * @example
   * const { error } = await chat.sessions.purge(id);
   * if (!error || error.code === 'not_found') removeFromTrashView(id);
   */
  async purge(id: string, options?: RequestOptions): Promise<Result<PurgedSession>> {
    const parsed = parseInput(IdSchema, id, 'session id');
    if (parsed.error) return fail(parsed.error);
    return callRpc(
      this.#context,
      {
        fn: 'purge_session',
        kind: 'write',
        answer: PurgedSessionSchema,
        args: { p_id: parsed.value },
      },
      options,
    );
  }

  /** Marks every operator thread of a session read (`chat.mark_session_read`). Safe to repeat. */
  async markRead(id: string, options?: RequestOptions): Promise<Result<Session>> {
    return this.#byId('mark_session_read', id, 'idempotent', options, 'p_session_id');
  }

  /**
   * Hard-deletes sessions in the trash for longer than `olderThanDays` (default 30), with their
   * messages and threads (`chat.purge_trash`). Service role only. Resolves to how many were purged.
   */
  async purgeTrash(input: PurgeTrashInput = {}, options?: RequestOptions): Promise<Result<number>> {
    const parsed = parseInput(PurgeTrashInputSchema, input, 'purge');
    if (parsed.error) return fail(parsed.error);
    const seconds = Math.round((parsed.value.olderThanDays ?? 30) * 86_400);
    return callRpc(
      this.#context,
      {
        fn: 'purge_trash',
        kind: 'write',
        answer: s.number().check(s.int(), s.nonnegative()),
        args: { p_older_than: `${seconds} seconds` },
      },
      options,
    );
  }

  async #byId(
    fn: string,
    id: string,
    kind: 'write' | 'idempotent',
    options: RequestOptions | undefined,
    argument = 'p_id',
  ): Promise<Result<Session>> {
    const parsed = parseInput(IdSchema, id, 'session id');
    if (parsed.error) return fail(parsed.error);
    return callRpc(
      this.#context,
      { fn, kind, answer: SessionRowSchema, args: { [argument]: parsed.value } },
      options,
    );
  }
}
