import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  applyTransition,
  type CompletionOutcome,
  type SessionKind,
  type TransitionInput,
} from '../src/index.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * The stage a completion leaves, predicted by `applyTransition` (what a list shows before the
 * answer) against what the database's `sessions_deal_rules` trigger stores: a flight request
 * completed as won ends on `closed_won`; other outcomes and general chats keep their stage.
 */

let world: SdkWorld;
let broker: Broker;

before(async () => {
  world = await startWorld('sdks');
  broker = await world.createBroker();
});

after(async () => {
  await world?.close();
});

const KINDS: SessionKind[] = ['flight_request', 'general'];
const OUTCOMES: CompletionOutcome[] = ['won', 'lost', 'cancelled'];

describe('stage on completion = database rule', () => {
  for (const kind of KINDS) {
    for (const from of ['active', 'paused'] as const) {
      for (const outcome of OUTCOMES) {
        it(`${kind} ${from} × complete ${outcome}`, async () => {
          const { sessions } = broker.chat;
          const created = await sessions.create(
            kind === 'general'
              ? { kind, title: 'Chat' }
              : { kind, title: 'Deal', stage: 'proposal_sent' },
          );
          assert.ok(created.data, created.error?.message);
          let session = created.data;
          if (from === 'paused') {
            const paused = await sessions.pause(session.id);
            assert.ok(paused.data, paused.error?.message);
            session = paused.data;
          }
          const input: TransitionInput = { action: 'complete', outcome };
          const predicted = applyTransition(session, input, new Date().toISOString());
          const stored = await sessions.transition(session.id, input);
          assert.ok(stored.data, stored.error?.message);
          assert.equal(predicted.stage, stored.data.stage);
          assert.equal(
            stored.data.stage,
            kind === 'flight_request' && outcome === 'won'
              ? 'closed_won'
              : kind === 'flight_request'
                ? 'proposal_sent'
                : null,
          );
        });
      }
    }
  }
});
