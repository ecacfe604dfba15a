import type { SchemaError } from './schema/index.js';

/**
 * Every `code` a {@link ChatSessionsError} can carry. Branch on these, never on messages.
 *
 * | code                 | meaning                                                              |
 * |----------------------|----------------------------------------------------------------------|
 * | `validation`         | the input breaks a rule (checked before sending, or by the database)  |
 * | `unauthenticated`    | no signed-in user, or the token is invalid or expired                 |
 * | `forbidden`          | signed in, but not allowed (e.g. operator messages need the service role) |
 * | `not_found`          | the session, thread or message does not exist or is someone else's   |
 * | `invalid_transition` | the lifecycle action is not allowed from the session's status         |
 * | `conflict`           | someone changed it first (stale version), or an id/reference is taken |
 * | `in_trash`           | the session is in the trash: restore it first                          |
 * | `session_closed`     | the session is completed or archived: reopen or unarchive it to write   |
 * | `network`            | the request or its response was lost: the outcome is unknown           |
 * | `server`             | the server failed (5xx)                                                |
 * | `configuration`      | the backend is not set up for Chat Sessions (schema not exposed, function missing) |
 * | `bad_response`       | the server answered something that does not parse as the contract says |
 * | `aborted`            | the caller's `AbortSignal` fired                                       |
 * | `unknown`            | anything else; `cause` holds the original                              |
 */
export const CHAT_SESSIONS_ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'invalid_transition',
  'conflict',
  'in_trash',
  'session_closed',
  'network',
  'server',
  'configuration',
  'bad_response',
  'aborted',
  'unknown',
] as const;

/** One of {@link CHAT_SESSIONS_ERROR_CODES}. */
export type ChatSessionsErrorCode = (typeof CHAT_SESSIONS_ERROR_CODES)[number];

/** One problem found in an input or a row: where (`path`) and what (`message`). */
export interface ValidationIssue {
  path: readonly (string | number)[];
  message: string;
}

/** What a {@link ChatSessionsError} is built from. */
export interface ChatSessionsErrorInit {
  code: ChatSessionsErrorCode;
  message: string;
  /** HTTP status of the response; 0 when there was none (network, validation before sending). */
  status?: number;
  /** What to do about it, when the database or the SDK knows. */
  hint?: string | null;
  /** The PostgreSQL / PostgREST code (`PT409`, `42501`, `PGRST301`, …), when there was one. */
  sqlState?: string | null;
  /** Problems found by validation, when `code` is `validation` or `bad_response`. */
  issues?: readonly ValidationIssue[];
  /** The original error or response body. */
  cause?: unknown;
}

/**
 * An expected failure, returned (never thrown) as the `error` of a {@link Result}.
 *
 * @example
 * const { data, error } = await chat.sessions.complete(id, 'won');
 * if (error?.code === 'invalid_transition') toast(error.message);
 * else if (error?.code === 'conflict') await reload();
 */
export class ChatSessionsError extends Error {
  /** What kind of failure this is. */
  readonly code: ChatSessionsErrorCode;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** What to do about it, when known. */
  readonly hint: string | null;
  /** PostgreSQL SQLSTATE or PostgREST code, when the server sent one. */
  readonly sqlState: string | null;
  /** Validation problems, if any. */
  readonly issues: readonly ValidationIssue[];

  constructor(init: ChatSessionsErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ChatSessionsError';
    this.code = init.code;
    this.status = init.status ?? 0;
    this.hint = init.hint ?? null;
    this.sqlState = init.sqlState ?? null;
    this.issues = Object.freeze([...(init.issues ?? [])]);
  }

  /**
   * True when trying the same request again may succeed: the request or its response was lost,
   * or the server failed. Whether it is *safe* to retry depends on the operation (see
   * `RetryOptions`).
   */
  get transient(): boolean {
    return this.code === 'network' || this.code === 'server';
  }

  /**
   * True when the server may have applied the write even though no success came back, so the
   * caller's picture must be refreshed from the server rather than assumed unchanged.
   */
  get outcomeUnknown(): boolean {
    return this.code === 'network' || this.code === 'server' || this.code === 'aborted';
  }
}

/**
 * What every SDK method resolves to: the data, or a typed error. Exactly one is non-null.
 *
 * @example
 * const { data: session, error } = await chat.sessions.get(id);
 * if (error) return showError(error);
 * render(session);
 */
export type Result<T> = { data: T; error: null } | { data: null; error: ChatSessionsError };

/** A successful {@link Result}. */
export function ok<T>(data: T): Result<T> {
  return { data, error: null };
}

/** A failed {@link Result}. */
export function fail<T = never>(error: ChatSessionsError): Result<T> {
  return { data: null, error };
}

/** Issues of a schema error, as plain path + message pairs. */
export function issuesOf(error: SchemaError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

/** A `validation` error for an input that failed its schema, before anything was sent. */
export function validationError(what: string, error: SchemaError): ChatSessionsError {
  const issues = issuesOf(error);
  return new ChatSessionsError({
    code: 'validation',
    message: `Invalid ${what}: ${describeIssues(issues)}`,
    issues,
    cause: error,
  });
}

/** A `bad_response` error for a server answer that does not match the contract. */
export function badResponseError(
  fn: string,
  error: SchemaError,
  status: number,
): ChatSessionsError {
  const issues = issuesOf(error);
  return new ChatSessionsError({
    code: 'bad_response',
    message: `The server's answer to ${fn} does not match the Chat Sessions contract: ${describeIssues(issues)}`,
    hint: 'Are the SDK and the database migrations the same version?',
    status,
    issues,
    cause: error,
  });
}

/** The body PostgREST sends with an error (all fields optional: proxies send other things). */
export interface PostgrestErrorBody {
  code?: string | null;
  message?: string | null;
  details?: string | null;
  hint?: string | null;
}

/** The `details` values the database's `chat_private.raise_error` uses, mapped 1:1 to codes. */
const DOMAIN_DETAILS = new Set<ChatSessionsErrorCode>([
  'validation',
  'not_found',
  'conflict',
  'invalid_transition',
  'in_trash',
  'session_closed',
  'forbidden',
  'unauthenticated',
]);

function isAbortLike(body: PostgrestErrorBody, cause: unknown): boolean {
  if (
    cause instanceof Error &&
    (cause.name === 'AbortError' || (cause as { code?: unknown }).code === 'ABORT_ERR')
  ) {
    return true;
  }
  // postgrest-js turns a thrown AbortError into a body whose message starts with the name.
  return typeof body.message === 'string' && body.message.startsWith('AbortError');
}

function codeFor(status: number, sqlState: string, details: string): ChatSessionsErrorCode {
  if ((DOMAIN_DETAILS as Set<string>).has(details)) return details as ChatSessionsErrorCode;
  if (status === 0) return 'network';
  if (
    sqlState === 'PGRST301' ||
    sqlState === 'PGRST302' ||
    sqlState === 'PGRST303' ||
    status === 401
  ) {
    return 'unauthenticated';
  }
  if (
    sqlState === 'PGRST202' ||
    sqlState === 'PGRST106' ||
    sqlState === '42883' ||
    sqlState === '3F000'
  ) {
    return 'configuration';
  }
  if (sqlState === '42501' || status === 403) return 'forbidden';
  // A foreign key pointing nowhere: the parent row does not exist (or is not visible).
  if (sqlState === 'PT404' || sqlState === '23503') return 'not_found';
  if (sqlState === '23505' || sqlState === 'PT409' || status === 409) return 'conflict';
  if (status === 404) return 'configuration';
  if (
    sqlState.startsWith('22') ||
    sqlState === '23514' ||
    sqlState === '23502' ||
    sqlState === 'PT400'
  ) {
    return 'validation';
  }
  if (status >= 500) return 'server';
  if (status === 400) return 'validation';
  return 'unknown';
}

/**
 * Maps what postgrest-js returned for a failed call (the error body and the HTTP status, 0 when
 * no response arrived) to a {@link ChatSessionsError}. Domain errors raised by the database
 * carry their code in `details`; other failures are mapped from SQLSTATE and HTTP status.
 */
export function fromPostgrestError(
  body: PostgrestErrorBody,
  status: number,
  cause?: unknown,
): ChatSessionsError {
  const sqlState = body.code ?? '';
  const details = body.details ?? '';
  const code = isAbortLike(body, cause) ? 'aborted' : codeFor(status, sqlState, details);
  const message =
    code === 'network'
      ? `The request did not complete (${body.message ?? 'no response'}); it may or may not have been applied`
      : code === 'aborted'
        ? 'The request was aborted'
        : body.message || `Request failed with HTTP ${status}`;
  return new ChatSessionsError({
    code,
    message,
    status,
    hint:
      body.hint ||
      (code === 'configuration'
        ? "Expose the schema 'chat' to the API and apply the Chat Sessions migrations"
        : null),
    sqlState: sqlState || null,
    cause: cause ?? body,
  });
}

/** Wraps anything thrown (a bug in a custom fetch, an unexpected exception) as an error value. */
export function fromUnknown(thrown: unknown): ChatSessionsError {
  if (thrown instanceof ChatSessionsError) return thrown;
  if (
    thrown instanceof Error &&
    (thrown.name === 'AbortError' || (thrown as { code?: unknown }).code === 'ABORT_ERR')
  ) {
    return new ChatSessionsError({
      code: 'aborted',
      message: 'The request was aborted',
      cause: thrown,
    });
  }
  if (thrown instanceof TypeError) {
    // fetch rejects with a TypeError when the connection fails.
    return new ChatSessionsError({
      code: 'network',
      message: `The request did not complete (${thrown.message}); it may or may not have been applied`,
      cause: thrown,
    });
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new ChatSessionsError({ code: 'unknown', message, cause: thrown });
}

/** The error a method returns when its `AbortSignal` fired before or while it ran. */
export function abortedError(signal?: AbortSignal): ChatSessionsError {
  return new ChatSessionsError({
    code: 'aborted',
    message: 'The request was aborted',
    cause: signal?.reason,
  });
}
