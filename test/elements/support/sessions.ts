import { SessionRowSchema, type Session } from '../../../packages/sdk/src/models/session.js';

/** "Now" in every card spec: Tuesday 1 December 2026, 12:00 UTC. */
export const NOW = Date.parse('2026-12-01T12:00:00.000Z');
export const MINUTE = 60_000;

let sequence = 0;

/**
 * A session exactly as the SDK hands it to a card: a database row parsed by the SDK's own
 * schema, so the fixtures follow the model as it evolves. `overrides` (camelCase) are applied
 * to the parsed session.
 */
function session(overrides: Partial<Session>): Session {
  sequence += 1;
  const parsed = SessionRowSchema.parse({
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    owner_id: '00000000-0000-4000-8000-aaaaaaaaaaaa',
    kind: 'flight_request',
    status: 'active',
    status_before_archive: null,
    title: '',
    trip_type: null,
    legs: [],
    passengers: null,
    stage: null,
    outcome: null,
    pinned: false,
    resume_at: null,
    created_at: new Date(NOW - 60 * MINUTE).toISOString(),
    updated_at: new Date(NOW - 5 * MINUTE).toISOString(),
    last_activity_at: new Date(NOW - 5 * MINUTE).toISOString(),
    completed_at: null,
    archived_at: null,
    deleted_at: null,
    last_message_preview: null,
    message_count: 0,
    unread_count: 0,
    thread_count: 0,
    replied_thread_count: 0,
    metadata: {},
    external_ref: null,
    version: 1,
    sync_version: 1,
  });
  return { ...parsed, ...overrides };
}

/** TEB → VNY on 12 December, 6 passengers, requesting quotes, 3 unread, 3 of 5 operators replied. */
export function flightRequest(overrides: Partial<Session> = {}): Session {
  return session({
    kind: 'flight_request',
    title: 'TEB to VNY Dec 12, 6 pax',
    tripType: 'one_way',
    legs: [{ from: 'TEB', to: 'VNY', date: '2026-12-12', time: null }],
    passengers: 6,
    stage: 'requesting_quotes',
    unreadCount: 3,
    threadCount: 5,
    repliedThreadCount: 3,
    messageCount: 14,
    ...overrides,
  });
}

/** "Weekly ops sync", 12 messages, 2 unread. */
export function generalChat(overrides: Partial<Session> = {}): Session {
  return session({
    kind: 'general',
    title: 'Weekly ops sync',
    lastMessagePreview: 'Can someone check the Gulfstream availability for Friday?',
    messageCount: 12,
    unreadCount: 2,
    ...overrides,
  });
}
