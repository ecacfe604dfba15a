import * as s from '../schema/index.js';
import { fail, type Result } from '../errors.js';
import { newId } from '../ids.js';
import {
  IdSchema,
  MarkThreadReadInputSchema,
  OpenOperatorThreadInputSchema,
  RecordOperatorMessageInputSchema,
  type OpenOperatorThreadInput,
  type RecordOperatorMessageInput,
} from '../inputs.js';
import { MessageRowSchema, type Message } from '../models/message.js';
import { OperatorThreadRowSchema, type OperatorThread } from '../models/operator-thread.js';
import { callRpc, parseInput, type RequestOptions, type RpcContext } from './rpc.js';

const ThreadListSchema = s.array(OperatorThreadRowSchema);

/**
 * Operator threads: one conversation per aircraft operator contacted for a request.
 *
 * @example
 * const { data: threads } = await chat.threads.list(sessionId);
 * await chat.threads.markRead(threads[0].id);
 */
export class ThreadsClient {
  readonly #context: RpcContext;

  /** @internal Use `createChatSessions(...).threads`. */
  constructor(context: RpcContext) {
    this.#context = context;
  }

  /** The threads of a session, oldest first, with unread counts (`chat.list_operator_threads`). */
  async list(sessionId: string, options?: RequestOptions): Promise<Result<OperatorThread[]>> {
    const parsed = parseInput(IdSchema, sessionId, 'session id');
    if (parsed.error) return fail(parsed.error);
    return callRpc(
      this.#context,
      {
        fn: 'list_operator_threads',
        kind: 'read',
        answer: ThreadListSchema,
        args: { p_session_id: parsed.value },
      },
      options,
    );
  }

  /**
   * Opens a thread with an operator (`chat.open_operator_thread`). Idempotent on `id`
   * (generated when omitted) and on `externalRef` within the session.
   */
  async open(
    input: OpenOperatorThreadInput,
    options?: RequestOptions,
  ): Promise<Result<OperatorThread>> {
    const parsed = parseInput(OpenOperatorThreadInputSchema, input, 'operator thread');
    if (parsed.error) return fail(parsed.error);
    const value = parsed.value;
    return callRpc(
      this.#context,
      {
        fn: 'open_operator_thread',
        kind: 'idempotent',
        answer: OperatorThreadRowSchema,
        args: {
          p_id: value.id ?? newId(),
          p_session_id: value.sessionId,
          p_operator_name: value.operatorName,
          p_external_ref: value.externalRef,
        },
      },
      options,
    );
  }

  /**
   * Marks a thread read up to `upToSeq` (default: everything) (`chat.mark_thread_read`). The
   * read cursor only moves forward, so repeating it is harmless.
   */
  async markRead(
    threadId: string,
    upToSeq?: number,
    options?: RequestOptions,
  ): Promise<Result<OperatorThread>> {
    const parsed = parseInput(
      MarkThreadReadInputSchema,
      { threadId, ...(upToSeq === undefined ? {} : { upToSeq }) },
      'mark read',
    );
    if (parsed.error) return fail(parsed.error);
    return callRpc(
      this.#context,
      {
        fn: 'mark_thread_read',
        kind: 'idempotent',
        answer: OperatorThreadRowSchema,
        args: { p_thread_id: parsed.value.threadId, p_up_to_seq: parsed.value.upToSeq },
      },
      options,
    );
  }

  /**
   * Records an inbound operator message (`chat.record_operator_message`): what a marketplace
   * webhook handler calls, with a service-role client. Opens the thread when needed (with
   * `operatorName`), wakes a paused session, raises the broker's unread count. Idempotent on
   * `messageId`.
   *
   * @example
   * await admin.threads.recordOperatorMessage({
   *   messageId: webhook.messageUuid, sessionId, threadExternalRef: 'op-4411',
   *   operatorName: 'Jet Linx', content: 'Citation XLS available, $18,400',
   * });
   */
  async recordOperatorMessage(
    input: RecordOperatorMessageInput,
    options?: RequestOptions,
  ): Promise<Result<Message>> {
    const parsed = parseInput(RecordOperatorMessageInputSchema, input, 'operator message');
    if (parsed.error) return fail(parsed.error);
    const value = parsed.value;
    return callRpc(
      this.#context,
      {
        fn: 'record_operator_message',
        kind: 'idempotent',
        answer: MessageRowSchema,
        args: {
          p_message_id: value.messageId ?? newId(),
          p_session_id: value.sessionId,
          p_content: value.content,
          p_thread_id: value.threadId,
          p_operator_name: value.operatorName,
          p_thread_external_ref: value.threadExternalRef,
          p_content_type: value.contentType,
          p_rich_content: value.richContent,
        },
      },
      options,
    );
  }
}
