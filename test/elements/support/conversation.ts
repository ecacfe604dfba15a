import {
  MessageRowSchema,
  type Message,
  type MessageRole,
} from '../../../packages/sdk/src/models/message.js';
import {
  OperatorThreadRowSchema,
  type OperatorThread,
} from '../../../packages/sdk/src/models/operator-thread.js';
import { MINUTE, NOW } from './sessions.js';

// Messages and operator threads exactly as the SDK hands them to the elements: database rows
// parsed by the SDK's own schemas. For rendering specs that need no store; the flows run
// against the real backend.

export const SESSION_ID = '00000000-0000-4000-8000-5e5510000001';
const OWNER_ID = '00000000-0000-4000-8000-aaaaaaaaaaaa';

let sequence = 0;

function uuid(prefix: string): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${prefix}${String(sequence).padStart(12 - prefix.length, '0')}`;
}

/** A saved message of the main conversation (or of `threadId`), written `minutesAgo` before NOW. */
export function message(overrides: Partial<Message> & { minutesAgo?: number } = {}): Message {
  const { minutesAgo = 5, ...rest } = overrides;
  const parsed = MessageRowSchema.parse({
    id: uuid('a'),
    session_id: SESSION_ID,
    thread_id: null,
    owner_id: OWNER_ID,
    seq: sequence,
    role: 'broker',
    content: 'Any light jets for Friday?',
    content_type: 'text',
    rich_content: null,
    created_at: new Date(NOW - minutesAgo * MINUTE).toISOString(),
    sync_version: sequence,
  });
  return { ...parsed, ...rest };
}

/** Shorthand: a message of `role` saying `content`. */
export function said(
  role: MessageRole,
  content: string,
  overrides: Partial<Message> = {},
): Message {
  return message({ role, content, ...overrides });
}

/** An operator thread of the session: Jet Linx, open, 2 messages, 1 unread. */
export function operatorThread(overrides: Partial<OperatorThread> = {}): OperatorThread {
  const parsed = OperatorThreadRowSchema.parse({
    id: uuid('b'),
    session_id: SESSION_ID,
    owner_id: OWNER_ID,
    operator_name: 'Jet Linx',
    external_ref: null,
    status: 'open',
    last_message_preview: 'Citation XLS available, $18,400',
    last_message_at: new Date(NOW - 10 * MINUTE).toISOString(),
    last_seq: 2,
    last_read_seq: 1,
    message_count: 2,
    inbound_count: 1,
    unread_count: 1,
    created_at: new Date(NOW - 60 * MINUTE).toISOString(),
    updated_at: new Date(NOW - 10 * MINUTE).toISOString(),
    sync_version: 1,
  });
  return { ...parsed, ...overrides };
}
