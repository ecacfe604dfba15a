// A broker's generated sessions, exactly as the SDK hands them to the elements: database rows
// parsed by the SDK's own `SessionRowSchema`, so the benchmark follows the model as it evolves.
// Deterministic: the same size gives the same sessions, in every variant and every sample.
import { FLIGHT_REQUEST_STAGES, SessionRowSchema, type Session } from '@chat-sessions/sdk';
import type { Clock } from '../../../src/types.js';

/** "Now" for every page: Tuesday 1 December 2026, 12:00 UTC. */
export const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const MINUTE = 60_000;
const OWNER = '00000000-0000-4000-8000-aaaaaaaaaaaa';

/**
 * A clock that never ticks. Every variant renders against it, so relative times don't re-render
 * the cards in the middle of a measurement (the shared clock ticks every 15 s).
 */
export const frozenClock: Clock = { now: () => NOW, subscribe: () => () => {} };

const AIRPORTS = [
  'TEB',
  'VNY',
  'HPN',
  'OPF',
  'PBI',
  'ASE',
  'SDL',
  'DAL',
  'LAS',
  'SFO',
  'BOS',
  'MDW',
  'KTEB',
  'EGGW',
  'LFPB',
];
const PREVIEWS = [
  'Can someone check the Gulfstream availability for Friday?',
  'Client confirmed the catering order, vegetarian for two.',
  'Operator says the Challenger is repositioning from Denver.',
  'Invoice sent, waiting on the wire transfer.',
];
const TRIP_TYPES = ['one_way', 'round_trip', 'multi_leg'] as const;
const OUTCOMES = ['won', 'lost', 'cancelled'] as const;

/** A small deterministic PRNG (mulberry32): the same seed, the same sequence. */
export function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function sessionId(serial: number): string {
  return `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}

function legsFor(serial: number, tripType: (typeof TRIP_TYPES)[number]) {
  const from = AIRPORTS[serial % AIRPORTS.length]!;
  const to = AIRPORTS[(serial * 7 + 3) % AIRPORTS.length]!;
  const destination = to === from ? AIRPORTS[(serial + 1) % AIRPORTS.length]! : to;
  const day = 2 + (serial % 27);
  const date = (d: number) => `2026-12-${String(Math.min(d, 31)).padStart(2, '0')}`;
  if (tripType === 'one_way') return [{ from, to: destination, date: date(day), time: null }];
  if (tripType === 'round_trip') {
    return [
      { from, to: destination, date: date(day), time: null },
      { from: destination, to: from, date: date(day + 3), time: null },
    ];
  }
  const third = AIRPORTS[(serial * 3 + 5) % AIRPORTS.length]!;
  const onward = third === destination ? AIRPORTS[(serial + 2) % AIRPORTS.length]! : third;
  return [
    { from, to: destination, date: date(day), time: null },
    { from: destination, to: onward, date: date(day + 2), time: null },
  ];
}

/**
 * One session row as `chat.session_card` returns it (snake_case), for list `tab` at `index`
 * (0 = most recent). Two in three are flight requests; one in four has unread operator replies.
 */
function row(serial: number, index: number, tab: 'active' | 'completed'): Record<string, unknown> {
  const flight = serial % 3 !== 2;
  const tripType = TRIP_TYPES[serial % TRIP_TYPES.length]!;
  const lastActivity = NOW - (tab === 'active' ? 3 : 5) * MINUTE - index * 7 * MINUTE;
  const status = tab === 'completed' ? 'completed' : index % 17 === 5 ? 'paused' : 'active';
  const threads = flight ? serial % 6 : 0;
  const legs = flight ? legsFor(serial, tripType) : [];
  return {
    id: sessionId(serial),
    owner_id: OWNER,
    kind: flight ? 'flight_request' : 'general',
    status,
    status_before_archive: null,
    title: flight
      ? `${legs[0]!.from} to ${legs[0]!.to}, ${1 + (serial % 14)} pax`
      : `Ops thread ${serial}`,
    trip_type: flight ? tripType : null,
    legs,
    passengers: flight ? 1 + (serial % 14) : null,
    stage: flight ? FLIGHT_REQUEST_STAGES[serial % FLIGHT_REQUEST_STAGES.length]! : null,
    outcome: tab === 'completed' ? OUTCOMES[serial % OUTCOMES.length]! : null,
    pinned: tab === 'active' && index < 3,
    resume_at: null,
    created_at: iso(lastActivity - 3 * 24 * 60 * MINUTE),
    updated_at: iso(lastActivity),
    last_activity_at: iso(lastActivity),
    completed_at: tab === 'completed' ? iso(lastActivity) : null,
    archived_at: null,
    deleted_at: null,
    departs_on: flight ? (legs[0]!.date ?? null) : null,
    last_message_preview: flight ? null : PREVIEWS[serial % PREVIEWS.length]!,
    message_count: 4 + (serial % 40),
    unread_count: serial % 4 === 0 ? 1 + (serial % 5) : 0,
    thread_count: threads,
    replied_thread_count: Math.floor(threads / 2),
    last_seq: 4 + (serial % 40),
    metadata: {},
    external_ref: null,
    version: 1,
    sync_version: serial,
  };
}

/** The broker's sessions: `size` on the Active tab and `size` on the Completed tab. */
export interface BrokerSessions {
  readonly active: readonly Session[];
  readonly completed: readonly Session[];
}

/** Generates and parses `size` active and `size` completed sessions (most recent first). */
export function brokerSessions(size: number): BrokerSessions {
  const parse = (tab: 'active' | 'completed', offset: number) =>
    Array.from({ length: size }, (_, index) =>
      SessionRowSchema.parse(row(offset + index + 1, index, tab)),
    );
  return { active: parse('active', 0), completed: parse('completed', size) };
}

/** What one incoming change does. */
export type ChangeKind = 'reply' | 'complete' | 'reopen';

/** One change of the burst: the session's new row, as the change feed would bring it. */
export interface IncomingChange {
  readonly kind: ChangeKind;
  readonly session: Session;
}

/**
 * 50 changes as they would arrive while the broker looks at the Completed tab: 30 new operator
 * replies (an unread badge goes up, the session moves to the top; five sessions get two), 10
 * active sessions completed (they join the list where their last activity puts them, anywhere
 * in it), and 10 completed sessions reopened (they leave it: some from deep in the list, one
 * that a reply just moved to the top, one that was just completed). Interleaved, reply, reply,
 * reply, complete, reopen, …
 */
export function incomingChanges(sessions: BrokerSessions): IncomingChange[] {
  const random = randomSequence(7);
  const current = new Map<string, Session>();
  for (const session of [...sessions.active, ...sessions.completed])
    current.set(session.id, session);
  const pick = (list: readonly Session[], avoid: ReadonlySet<string>): Session => {
    for (;;) {
      const candidate = list[Math.floor(random() * list.length)]!;
      if (!avoid.has(candidate.id)) return current.get(candidate.id)!;
    }
  };
  const replied: string[] = [];
  const completed: string[] = [];
  const reopened = new Set<string>();
  const changes: IncomingChange[] = [];
  let tick = 0;
  const next = (previous: Session, patch: Partial<Session>): Session => {
    tick += 1;
    const session = {
      ...previous,
      ...patch,
      version: previous.version + 1,
      syncVersion: 1_000_000 + tick,
    };
    current.set(session.id, session);
    return session;
  };
  for (let step = 0; step < 50; step += 1) {
    const slot = step % 5;
    if (slot < 3) {
      // The fifth reply of every ten goes to a session that already had one in this burst.
      const again = replied.length > 0 && step % 10 === 7;
      const target = again
        ? current.get(replied[replied.length - 1]!)!
        : pick(sessions.completed, reopened);
      const at = iso(NOW - MINUTE + tick * 1000);
      changes.push({
        kind: 'reply',
        session: next(target, {
          unreadCount: target.unreadCount + 1,
          messageCount: target.messageCount + 1,
          lastSeq: target.lastSeq + 1,
          lastActivityAt: at,
          updatedAt: at,
          lastMessagePreview: `Operator reply ${tick}: aircraft confirmed, quote attached.`,
        }),
      });
      if (!again) replied.push(target.id);
    } else if (slot === 3) {
      const target = pick(sessions.active, new Set(completed));
      completed.push(target.id);
      changes.push({
        kind: 'complete',
        session: next(target, {
          status: 'completed',
          outcome: 'won',
          completedAt: iso(NOW),
          updatedAt: iso(NOW),
        }),
      });
    } else {
      // Reopen: the 2nd leaves from the top (a session a reply just moved there), the 4th is one
      // completed moments ago, the rest come from anywhere in the list.
      const round = (step - 4) / 5;
      const target =
        round === 1 && replied.length > 0
          ? current.get(replied[replied.length - 1]!)!
          : round === 3
            ? current.get(completed[completed.length - 1]!)!
            : pick(sessions.completed, new Set([...reopened, ...replied]));
      reopened.add(target.id);
      changes.push({
        kind: 'reopen',
        session: next(target, {
          status: 'active',
          outcome: null,
          completedAt: null,
          updatedAt: iso(NOW),
        }),
      });
    }
  }
  return changes;
}

/** The unread badge a card shows for a session: nothing at 0, "99+" past 99. */
export function unreadBadge(session: Session): string {
  if (session.unreadCount <= 0) return '';
  return session.unreadCount > 99 ? '99+' : String(session.unreadCount);
}

/** Sessions as rows of values in the order of `fields`: half the bytes of plain JSON objects. */
export interface EncodedSessions {
  readonly fields: readonly (keyof Session)[];
  readonly active: readonly unknown[][];
  readonly completed: readonly unknown[][];
  readonly changes: ReadonlyArray<{ readonly kind: ChangeKind; readonly session: unknown[] }>;
}

/** The broker's sessions and the burst, for a page to load (see `decodeSessions`). */
export function encodeSessions(
  sessions: BrokerSessions,
  changes: readonly IncomingChange[],
): EncodedSessions {
  const fields = Object.keys(
    sessions.active[0] ?? sessions.completed[0] ?? {},
  ) as (keyof Session)[];
  const values = (session: Session) => fields.map((field) => session[field]);
  return {
    fields,
    active: sessions.active.map(values),
    completed: sessions.completed.map(values),
    changes: changes.map((change) => ({ kind: change.kind, session: values(change.session) })),
  };
}

/**
 * The sessions `encodeSessions` wrote, as the same `Session` objects: each made by one object
 * literal of all its fields in the schema's order, as the SDK's `transform` makes them (objects
 * grown property by property would take another shape and twice the memory).
 */
export function decodeSessions(encoded: EncodedSessions): {
  sessions: BrokerSessions;
  changes: IncomingChange[];
} {
  if (!encoded.fields.every((field) => /^[a-zA-Z]+$/.test(field)))
    throw new Error('unexpected session field names');
  const session = (values: readonly unknown[]) =>
    Object.fromEntries(encoded.fields.map((field, index) => [field, values[index]])) as Session;
  return {
    sessions: { active: encoded.active.map(session), completed: encoded.completed.map(session) },
    changes: encoded.changes.map((change) => ({
      kind: change.kind,
      session: session(change.session),
    })),
  };
}
