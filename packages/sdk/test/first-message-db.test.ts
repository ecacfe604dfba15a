import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../src/index.js';
import { titleFromMessage } from '../src/metadata/index.js';
import { startWorld, type Broker, type SdkWorld } from './support/world.js';

/**
 * Quick create's first message through the SDK and the real database: `sessions.create` with
 * `firstMessage` saves the session and the broker's message in one call (a retry writes it
 * once), and an untitled general chat gets the title the database derives from its first broker
 * message, which is the title `titleFromMessage` predicts in the browser (the SQL twin).
 */

let world: SdkWorld;
let broker: Broker;

before(async () => {
  world = await startWorld('sdkf');
  broker = await world.createBroker();
});

after(async () => {
  await world?.close();
});

/** Messages a broker might open a general chat with: greetings, spaces, long, one long word. */
const OPENERS = [
  'Can you resend the invoice?',
  'Hi team, can you resend the invoice for the Aspen trip last week please?',
  'hello Anna — what is the   crew rest rule for a two-pilot crew on a ten-hour day, again?',
  'Good morning: who handles catering at TEB?',
  'dear Sir,  please confirm',
  'hey',
  'Hi, ',
  'x'.repeat(80),
  `${'word '.repeat(11)}wordy, and a comma here`,
  'ÉTÉ à Nice — est-ce que le Falcon 7X est libre le 14 juillet pour 8 passagers?',
  'Morning all!   Need\nto know\tthe   rules',
];

describe('sessions.create with a first message', () => {
  it('saves the session and the broker message together, once', async () => {
    const { sessions, messages } = broker.chat;
    const id = newId();
    const messageId = newId();
    const input = {
      id,
      kind: 'flight_request' as const,
      title: 'LHR → DXB · 10 Jan · 4 pax',
      legs: [{ from: 'LHR', to: 'DXB', date: '2027-01-10' }],
      passengers: 4,
      firstMessage: { id: messageId, content: 'London to Dubai 10 Jan 4 pax' },
    };
    const created = await sessions.create(input);
    assert.ok(created.data, created.error?.message);
    assert.equal(created.data.messageCount, 1);
    assert.equal(created.data.lastMessagePreview, 'London to Dubai 10 Jan 4 pax');
    const again = await sessions.create(input);
    assert.ok(again.data, again.error?.message);
    assert.equal(again.data.messageCount, 1);
    const page = await messages.list({ sessionId: id });
    assert.ok(page.data, page.error?.message);
    assert.deepEqual(
      page.data.items.map((message) => [message.id, message.role, message.content]),
      [[messageId, 'broker', 'London to Dubai 10 Jan 4 pax']],
    );
  });

  it('refuses a blank first message before sending anything', async () => {
    const created = await broker.chat.sessions.create({
      kind: 'general',
      firstMessage: { content: '   ' },
    });
    assert.equal(created.error?.code, 'validation');
  });

  for (const opener of OPENERS) {
    it(`titles an untitled general chat as titleFromMessage does: ${JSON.stringify(opener.slice(0, 30))}`, async () => {
      const created = await broker.chat.sessions.create({
        kind: 'general',
        firstMessage: { content: opener },
      });
      assert.ok(created.data, created.error?.message);
      assert.equal(created.data.title, titleFromMessage(opener));
    });
  }
});
