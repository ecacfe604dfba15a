// Run in a process of its own by zod-mini.test.ts: loads the SDK and nothing else (classic zod
// installs its English messages globally when imported, which would hide a missing message), then
// prints what the SDK answers to bad inputs, before and after the host configures zod.
import * as z from 'zod/mini';
import { createChatSessions } from '../../src/index.js';
import { parseFlightRequest } from '../../src/metadata/index.js';

const supabase = {
  schema() {
    throw new Error('nothing is sent for an invalid input');
  },
};
const chat = createChatSessions({ supabase });
const list = async () => (await chat.sessions.list({ limit: 201 })).error?.message;
const append = async () =>
  (await chat.messages.append({ sessionId: 'not-a-uuid', content: '' })).error?.message;
const parse = () => {
  try {
    parseFlightRequest('TEB to VNY', { referenceDate: 'soon' });
    return 'parsed';
  } catch (error) {
    return (error as Error).message;
  }
};

const before = { list: await list(), append: await append(), parse: parse() };
const globalLocaleBefore = z.config().localeError !== undefined;
z.config({ customError: () => 'the host’s message' });
const hostConfigured = { list: await list() };
console.log(JSON.stringify({ before, globalLocaleBefore, hostConfigured }));
