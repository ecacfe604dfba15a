import { fail, type Result } from '../errors.js';
import { newId } from '../ids.js';
import {
  AppendMessageInputSchema,
  ListMessagesQuerySchema,
  type AppendMessageInput,
  type ListMessagesQuery,
} from '../inputs.js';
import {
  MessagePageSchema,
  MessageRowSchema,
  type Message,
  type MessagePage,
} from '../models/message.js';
import { callRpc, parseInput, type RequestOptions, type RpcContext } from './rpc.js';

/**
 * Messages of a session's main conversation and of its operator threads.
 *
 * @example
 * const { data: sent } = await chat.messages.append({ sessionId, content: 'Any light jets for Friday?' });
 * const { data: page } = await chat.messages.list({ sessionId });          // newest page
 * const { data: older } = await chat.messages.list({ sessionId, beforeSeq: page.items[0].seq });
 */
export class MessagesClient {
  readonly #context: RpcContext;

  /** @internal Use `createChatSessions(...).messages`. */
  constructor(context: RpcContext) {
    this.#context = context;
  }

  /**
   * Appends a message (`chat.append_message`). Idempotent on `input.id` (generated when
   * omitted): a retry after a lost response returns the message already saved, never a copy.
   * The database assigns `seq`.
   */
  async append(input: AppendMessageInput, options?: RequestOptions): Promise<Result<Message>> {
    const parsed = parseInput(AppendMessageInputSchema, input, 'message');
    if (parsed.error) return fail(parsed.error);
    const value = parsed.value;
    return callRpc(
      this.#context,
      {
        fn: 'append_message',
        kind: 'idempotent',
        answer: MessageRowSchema,
        args: {
          p_id: value.id ?? newId(),
          p_session_id: value.sessionId,
          p_content: value.content,
          p_role: value.role,
          p_content_type: value.contentType,
          p_rich_content: value.richContent,
          p_thread_id: value.threadId,
        },
      },
      options,
    );
  }

  /**
   * A page of messages (`chat.list_messages`), oldest first within the page: the newest page
   * by default, `beforeSeq` for the page before it, `afterSeq` to catch up.
   */
  async list(query: ListMessagesQuery, options?: RequestOptions): Promise<Result<MessagePage>> {
    const parsed = parseInput(ListMessagesQuerySchema, query, 'message query');
    if (parsed.error) return fail(parsed.error);
    const value = parsed.value;
    return callRpc(
      this.#context,
      {
        fn: 'list_messages',
        kind: 'read',
        answer: MessagePageSchema,
        args: {
          p_session_id: value.sessionId,
          p_thread_id: value.threadId,
          p_before_seq: value.beforeSeq,
          p_after_seq: value.afterSeq,
          p_limit: value.limit,
        },
      },
      options,
    );
  }
}
