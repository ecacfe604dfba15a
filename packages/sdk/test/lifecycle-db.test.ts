import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { databaseUrl } from '../../../test/support/db.js';
import {
  LIFECYCLE_ACTIONS,
  SESSION_STATUSES,
  applyTransition,
  canChangeStatus,
  targetStatus,
  type LifecycleAction,
  type Session,
  type SessionStatus,
} from '../src/index.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * The SDK's lifecycle table against the database's own rules, on every starting state × every
 * action (through the RPC the SDK calls) and every status pair (through a direct UPDATE as the
 * signed-in user, which the trigger validates whatever path a write takes).
 */

/** Every state a session can be in: the four statuses, archived ones remembering where from. */
const STATES: Array<{ status: SessionStatus; before: SessionStatus | null }> = [
  { status: 'active', before: null },
  { status: 'paused', before: null },
  { status: 'completed', before: null },
  { status: 'archived', before: 'active' },
  { status: 'archived', before: 'paused' },
  { status: 'archived', before: 'completed' },
];

const ROUTE: Record<SessionStatus, LifecycleAction[]> = {
  active: [],
  paused: ['pause'],
  completed: ['complete'],
  archived: ['archive'],
};

let world: SdkWorld;
let broker: Broker;

async function sessionIn(state: (typeof STATES)[number]): Promise<Session> {
  const { sessions } = broker.chat;
  const created = await sessions.create({
    kind: 'general',
    title: `${state.status}/${state.before}`,
  });
  assert.ok(created.data, created.error?.message);
  let session = created.data;
  const steps =
    state.status === 'archived'
      ? [...ROUTE[state.before!], 'archive' as const]
      : ROUTE[state.status];
  for (const action of steps) {
    const result = await sessions.transition(
      session.id,
      action === 'complete' ? { action, outcome: 'won' } : { action },
    );
    assert.ok(result.data, result.error?.message);
    session = result.data;
  }
  assert.equal(session.status, state.status);
  assert.equal(session.statusBeforeArchive, state.before);
  return session;
}

before(async () => {
  world = await startWorld('sdkl');
  broker = await world.createBroker();
});

after(async () => {
  await world?.close();
});

describe('lifecycle table = database rules', () => {
  for (const state of STATES) {
    for (const action of LIFECYCLE_ACTIONS) {
      const label = `${state.status}${state.before ? ` (from ${state.before})` : ''} × ${action}`;
      it(label, async () => {
        const session = await sessionIn(state);
        const expected = targetStatus(session, action);
        const result = await broker.chat.sessions.transition(
          session.id,
          action === 'complete' ? { action, outcome: 'lost' } : { action },
        );
        if (expected === null) {
          assert.equal(
            result.error?.code,
            'invalid_transition',
            `the SDK says no, the database said ${result.error?.code ?? 'yes'}`,
          );
        } else {
          assert.equal(
            result.error,
            null,
            `the SDK says ${expected}, the database said ${result.error?.code}: ${result.error?.message}`,
          );
          assert.equal(result.data?.status, expected);
          // The whole row the TypeScript rule predicts (what a list shows before the answer).
          const input = action === 'complete' ? { action, outcome: 'lost' as const } : { action };
          const predicted = applyTransition(session, input, new Date().toISOString());
          const stored = result.data;
          assert.deepEqual(
            {
              status: predicted.status,
              statusBeforeArchive: predicted.statusBeforeArchive,
              outcome: predicted.outcome,
              resumeAt: predicted.resumeAt,
              completed: predicted.completedAt !== null,
              archived: predicted.archivedAt !== null,
            },
            {
              status: stored.status,
              statusBeforeArchive: stored.statusBeforeArchive,
              outcome: stored.outcome,
              resumeAt: stored.resumeAt,
              completed: stored.completedAt !== null,
              archived: stored.archivedAt !== null,
            },
          );
        }
      });
    }
  }

  describe('every status pair, as a direct write of the signed-in user', () => {
    let client: pg.Client;

    before(async () => {
      // Logged in as `authenticator`, then `authenticated`: the role the API really runs as.
      client = new pg.Client({
        connectionString: databaseUrl(
          world.database.adminUrl,
          world.database.name,
          'authenticator',
        ),
      });
      await client.connect();
    });

    after(async () => {
      await client?.end();
    });

    async function updateStatus(
      id: string,
      to: SessionStatus,
    ): Promise<{ ok: boolean; status?: string; details?: string }> {
      await client.query('begin');
      try {
        await client.query('set local role authenticated');
        await client.query("select set_config('request.jwt.claims', $1, true)", [
          JSON.stringify({ sub: broker.userId, role: 'authenticated' }),
        ]);
        const rows = await client.query<{ status: string }>(
          `update chat.sessions set status = $2,
             outcome = case when $2 = 'completed' then 'won' else outcome end
           where id = $1 returning status`,
          [id, to],
        );
        await client.query('commit');
        return { ok: true, status: rows.rows[0]?.status };
      } catch (error) {
        await client.query('rollback');
        return {
          ok: false,
          details: (error as { detail?: string }).detail ?? (error as Error).message,
        };
      }
    }

    for (const state of STATES) {
      for (const to of SESSION_STATUSES) {
        if (to === state.status) continue;
        it(`${state.status}${state.before ? ` (from ${state.before})` : ''} → ${to}`, async () => {
          const session = await sessionIn(state);
          const allowed = canChangeStatus(session.status, to, session.statusBeforeArchive);
          const outcome = await updateStatus(session.id, to);
          assert.equal(
            outcome.ok,
            allowed,
            `the SDK says ${allowed ? 'allowed' : 'refused'}, the database: ${outcome.details ?? 'allowed'}`,
          );
          if (!allowed) assert.equal(outcome.details, 'invalid_transition');
          else assert.equal(outcome.status, to);
        });
      }
    }
  });
});
