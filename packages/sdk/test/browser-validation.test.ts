// Issue #16: what a browser loads validates with the SDK's own schemas (src/schema/), not zod:
// zod/mini alone was ~12.5 KB gzip of the eager bundle. Classic zod is for server code only.
// The SDK's errors keep the English messages zod wrote.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createChatSessions, type SupabaseClientLike } from '../src/index.js';
import { parseFlightRequest } from '../src/metadata/index.js';
import { importGraph } from './support/import-graph.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** The packages an entry reaches through static and dynamic imports of its own files. */
function packagesReached(entry: string): Set<string> {
  return importGraph(resolve(SRC, entry)).packages;
}

const zodOf = (entry: string): string[] =>
  [...packagesReached(entry)].filter((name) => /^zod(\/|$)/.test(name)).sort();

describe('validation in browser modules', () => {
  for (const entry of ['index.ts', 'metadata/index.ts']) {
    test(`${entry} reaches no zod at all (neither zod/mini nor classic zod)`, () => {
      assert.deepEqual(zodOf(entry), []);
    });
  }

  test('the server entry may use classic zod (the check above can tell)', () => {
    assert.deepEqual(zodOf('metadata/server/index.ts'), ['zod']);
  });

  test('errors carry the English messages zod wrote, whatever a host configures in zod', async () => {
    const supabase: SupabaseClientLike = {
      schema() {
        throw new Error('nothing is sent for an invalid input');
      },
    };
    const chat = createChatSessions({ supabase });
    const messages = async () => ({
      list: (await chat.sessions.list({ limit: 201 })).error?.message,
      append: (await chat.messages.append({ sessionId: 'not-a-uuid', content: '' })).error?.message,
      transition: (
        await chat.sessions.transition('00000000-0000-4000-8000-000000000001', {
          action: 'complete',
          // @ts-expect-error -- an outcome the schema refuses
          outcome: 'maybe',
          extra: true,
        })
      ).error?.message,
      parse: (() => {
        try {
          parseFlightRequest('TEB to VNY', { referenceDate: 'soon' });
          return 'parsed';
        } catch (error) {
          return (error as Error).message;
        }
      })(),
    });
    const expected = {
      list: 'Invalid list query: limit: Too big: expected number to be <=200',
      append:
        'Invalid message: sessionId: An id is a uuid; content: A message has 1 to 32000 characters',
      transition:
        'Invalid lifecycle action: outcome: Invalid option: expected one of "won"|"lost"|"cancelled"; Unrecognized key: "extra"',
      parse: 'parseFlightRequest: invalid options: ✖ Invalid input\n  → at referenceDate',
    };
    assert.deepEqual(await messages(), expected);
    // A host's zod configuration is the host's: the SDK's messages no longer depend on it.
    z.config({ customError: () => 'the host’s message' });
    try {
      assert.deepEqual(await messages(), expected);
    } finally {
      z.config({ customError: undefined });
    }
  });
});
