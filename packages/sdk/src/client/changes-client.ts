import { fail, type Result } from '../errors.js';
import { ChangesQuerySchema, type ChangesQuery } from '../inputs.js';
import { ChangeBatchSchema, type ChangeBatch } from '../models/changes.js';
import { callRpc, parseInput, type RequestOptions, type RpcContext } from './rpc.js';

/**
 * The change feed (`chat.changes_since`): everything of the signed-in broker that changed after
 * a version, gap-free. The stores' sync engine polls it; use it directly to mirror data
 * elsewhere.
 *
 * @example
 * let since = 0;
 * for (;;) {
 *   const { data, error } = await chat.changes.since({ since });
 *   if (error) break;
 *   apply(data);
 *   since = data.version;
 *   if (!data.hasMore) break;
 * }
 */
export class ChangesClient {
  readonly #context: RpcContext;

  /** @internal Use `createChatSessions(...).changes`. */
  constructor(context: RpcContext) {
    this.#context = context;
  }

  /** One batch of changes after `since` (at most `limit`, default 500). */
  async since(query: ChangesQuery, options?: RequestOptions): Promise<Result<ChangeBatch>> {
    const parsed = parseInput(ChangesQuerySchema, query, 'change-feed query');
    if (parsed.error) return fail(parsed.error);
    const value = parsed.value;
    return callRpc(
      this.#context,
      {
        fn: 'changes_since',
        kind: 'read',
        answer: ChangeBatchSchema,
        args: {
          p_since: value.since,
          p_limit: value.limit,
          p_include_messages: value.includeMessages,
        },
      },
      options,
    );
  }
}
