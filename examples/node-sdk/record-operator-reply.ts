/**
 * Records an inbound aircraft-operator reply from Node, as a marketplace webhook handler would:
 * with a service-role Supabase client (server side only, never in a browser), through the SDK.
 * The broker's session list then shows the unread badge, and a paused session wakes up.
 *
 *   CHAT_SUPABASE_URL=http://127.0.0.1:54321 CHAT_SERVICE_ROLE_KEY=<service role key> \
 *   node --conditions=@chat-sessions/source --import tsx examples/node-sdk/record-operator-reply.ts \
 *     --session <session uuid> --operator "Jet Linx" --operator-ref op-4411 \
 *     --message "Citation XLS available Dec 12, $18,400" [--message-id <uuid>]
 *
 * Pass the webhook's own event id as --message-id: a redelivered webhook then records nothing
 * twice. Prints the saved message as JSON; exits 1 with the error's code and message on failure.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createClient, type WebSocketLikeConstructor } from '@supabase/supabase-js';
import WebSocket from 'ws';
import {
  createChatSessions,
  type ChatSessionsClient,
  type Message,
  type Result,
} from '@chat-sessions/sdk';

/** An operator's reply, as a webhook delivers it. */
export interface OperatorReply {
  sessionId: string;
  operatorName: string;
  /** The operator's id on the marketplace: replies from one operator land in one thread. */
  operatorRef: string;
  content: string;
  /** The webhook event's id (a uuid), for idempotent redelivery. */
  messageId?: string;
}

/**
 * Records the reply through an SDK client made with a service-role key.
 *
 * @example
 * const admin = createChatSessions({ supabase: createClient(url, serviceRoleKey) });
 * const { data, error } = await recordOperatorReply(admin, { sessionId, operatorName: 'Jet Linx', operatorRef: 'op-4411', content: 'Available' });
 */
export function recordOperatorReply(
  admin: ChatSessionsClient,
  reply: OperatorReply,
): Promise<Result<Message>> {
  return admin.threads.recordOperatorMessage({
    sessionId: reply.sessionId,
    threadExternalRef: reply.operatorRef,
    operatorName: reply.operatorName,
    content: reply.content,
    ...(reply.messageId ? { messageId: reply.messageId } : {}),
  });
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      session: { type: 'string' },
      operator: { type: 'string' },
      'operator-ref': { type: 'string' },
      message: { type: 'string' },
      'message-id': { type: 'string' },
    },
  });
  const url = process.env.CHAT_SUPABASE_URL;
  const serviceRoleKey = process.env.CHAT_SERVICE_ROLE_KEY;
  if (
    !url ||
    !serviceRoleKey ||
    !values.session ||
    !values.operator ||
    !values['operator-ref'] ||
    !values.message
  ) {
    console.error(
      'Set CHAT_SUPABASE_URL and CHAT_SERVICE_ROLE_KEY, and pass --session, --operator, --operator-ref and --message.',
    );
    return 2;
  }
  const supabase = createClient(url, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; supabase-js wants one even when Realtime is unused.
    realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor },
  });
  const admin = createChatSessions({ supabase });
  const { data, error } = await recordOperatorReply(admin, {
    sessionId: values.session,
    operatorName: values.operator,
    operatorRef: values['operator-ref'],
    content: values.message,
    ...(values['message-id'] ? { messageId: values['message-id'] } : {}),
  });
  if (error) {
    console.error(`${error.code}: ${error.message}${error.hint ? ` (${error.hint})` : ''}`);
    return 1;
  }
  console.log(JSON.stringify(data, null, 2));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
