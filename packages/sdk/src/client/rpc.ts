import type { Schema } from '../schema/index.js';
import {
  abortedError,
  badResponseError,
  fail,
  fromPostgrestError,
  fromUnknown,
  ok,
  validationError,
  type ChatSessionsError,
  type PostgrestErrorBody,
  type Result,
} from '../errors.js';
import { withRetry, type ResolvedRetryOptions } from '../retry.js';

/**
 * The part of a postgrest-js request builder the SDK uses. A supabase-js `rpc()` builder fits.
 */
export interface RpcRequestLike extends PromiseLike<{
  data: unknown;
  error: PostgrestErrorBody | null;
  status: number;
}> {
  abortSignal(signal: AbortSignal): RpcRequestLike;
  /** postgrest-js ≥ 2.100: turns its own retries off, so the SDK's policy is the only one. */
  retry?(enabled: boolean): RpcRequestLike;
}

/**
 * The part of a Supabase client the SDK uses: `schema(name).rpc(fn, args, { get })`. Any
 * `SupabaseClient` from `@supabase/supabase-js` v2 fits; the SDK never creates one itself.
 */
export interface SupabaseClientLike {
  schema(schema: string): {
    rpc(fn: string, args?: Record<string, unknown>, options?: { get?: boolean }): RpcRequestLike;
  };
}

/** Options every SDK method takes. */
export interface RequestOptions {
  /** Cancels the request (and any retry waiting). The method then returns an `aborted` error. */
  signal?: AbortSignal;
}

/**
 * How a call may be repeated. `read`: a STABLE function, sent as GET and retried. `idempotent`:
 * a write that is safe to repeat (client id, or absolute "mark read"), retried. `write`: sent
 * once.
 */
export type CallKind = 'read' | 'idempotent' | 'write';

/** Everything the sub-clients share. */
export interface RpcContext {
  supabase: SupabaseClientLike;
  schema: string;
  retry: ResolvedRetryOptions;
  /** Told after each write that may have changed something (the sync engine polls). */
  onWrite(): void;
  /** Told of every call's outcome (the error, or null on success): the connection state. */
  onResult?(fn: string, error: ChatSessionsError | null): void;
}

/** One function call: name, arguments (snake_case, `p_`), kind and the schema of the answer. */
export interface RpcCall<Output> {
  fn: string;
  args: Record<string, unknown>;
  kind: CallKind;
  answer: Schema<Output, unknown>;
}

/**
 * Arguments as supabase-js should send them. Null and undefined are left out (the SQL defaults
 * are null or equivalent), so a JSON null never reaches a jsonb parameter as a JSON value.
 * For GET, objects travel as JSON text in the query string.
 */
function wireArguments(args: Record<string, unknown>, asQuery: boolean): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    wire[name] = asQuery && typeof value === 'object' ? JSON.stringify(value) : value;
  }
  return wire;
}

async function attempt<Output>(
  context: RpcContext,
  call: RpcCall<Output>,
  signal: AbortSignal | undefined,
): Promise<Result<Output>> {
  if (signal?.aborted) return fail(abortedError(signal));
  const get = call.kind === 'read';
  let request = context.supabase
    .schema(context.schema)
    .rpc(call.fn, wireArguments(call.args, get), { get });
  if (typeof request.retry === 'function') request = request.retry(false);
  if (signal) request = request.abortSignal(signal);
  let response: Awaited<RpcRequestLike>;
  try {
    response = await request;
  } catch (thrown) {
    return fail(fromUnknown(thrown));
  }
  if (response.error) {
    const error = fromPostgrestError(response.error, response.status);
    return fail(signal?.aborted && error.code === 'network' ? abortedError(signal) : error);
  }
  const parsed = call.answer.safeParse(response.data);
  if (!parsed.success) return fail(badResponseError(call.fn, parsed.error, response.status));
  return ok(parsed.data);
}

/**
 * Calls a SQL function of the Chat Sessions API and parses its answer. Reads and idempotent
 * writes are retried on transient failures with backoff and jitter; plain writes are sent once.
 * Writes tell `context.onWrite` (success, or an unknown outcome) so the sync engine polls.
 */
export async function callRpc<Output>(
  context: RpcContext,
  call: RpcCall<Output>,
  options: RequestOptions = {},
): Promise<Result<Output>> {
  const { signal } = options;
  const result =
    call.kind === 'write'
      ? await attempt(context, call, signal)
      : await withRetry(() => attempt(context, call, signal), context.retry, signal);
  if (call.kind !== 'read' && (result.error === null || result.error.outcomeUnknown))
    context.onWrite();
  context.onResult?.(call.fn, result.error);
  return result;
}

/**
 * Parses an input with its schema; on failure returns the `validation` error to hand back
 * without sending anything.
 */
export function parseInput<Output>(
  schema: Schema<Output, unknown>,
  input: unknown,
  what: string,
): { value: Output; error: null } | { value: null; error: ReturnType<typeof validationError> } {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { value: null, error: validationError(what, parsed.error) };
  return { value: parsed.data, error: null };
}
