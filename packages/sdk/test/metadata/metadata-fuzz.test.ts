// Property-based tests (fast-check) of the metadata endpoint: generated broker text, bodies and
// headers never answer 5xx; a 200 is always a valid extraction; nothing reaches the model for a
// refused request. Runs: FUZZ_RUNS (default 60); FUZZ_SEED=<seed> replays a failure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { MAX_TEXT_LENGTH, MetadataExtractionSchema } from '../../src/metadata/index.js';
import { createMetadataHandler } from '../../src/metadata/server/index.js';
import { completion, startFakeOpenAI, type FakeOpenAI } from './fake-openai-server.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const settings = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

/** Text shaped like a broker's, with the parser's hard cases mixed in, up to the limit. */
const brokerText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'TEB',
        'VNY',
        'KTEB',
        'LHR',
        'to',
        '-',
        '→',
        'Dec 12',
        'Feb 30',
        '13/45',
        'tomorrow',
        'next Fri',
        'at 9',
        '25:00',
        '6 pax',
        '0 pax',
        '1000 pax',
        'one way',
        'back on the 15th',
        'London',
        'Las Vegas',
        '\u202e',
        '\u0000',
      ),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 1200 },
  )
  .map((words) => words.join(' ').slice(0, MAX_TEXT_LENGTH))
  .filter((text) => text.trim() !== '');

describe('metadata endpoint fuzz', () => {
  let upstream: FakeOpenAI;
  let modelAnswer: unknown = null;
  before(async () => {
    upstream = await startFakeOpenAI(() => completion(JSON.stringify(modelAnswer)));
  });
  after(() => upstream.close());

  test('any broker text within the limit: 200 with a valid extraction, or 422; never 5xx', async () => {
    const handle = createMetadataHandler({ rateLimit: false });
    await fc.assert(
      fc.asyncProperty(
        brokerText,
        fc.option(fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata'), { nil: undefined }),
        async (text, timeZone) => {
          const response = await handle(
            new Request('http://host.test/', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ text, referenceDate: '2026-12-01', timeZone }),
            }),
          );
          assert.ok([200, 422].includes(response.status), `answered ${response.status}`);
          if (response.status === 200) MetadataExtractionSchema.parse(await response.json());
        },
      ),
      settings,
    );
  });

  test('any body and headers: a 4xx or a valid 200, never 5xx', async () => {
    const handle = createMetadataHandler({ rateLimit: false, maxBodyBytes: 2048 });
    const body = fc.oneof(
      fc.string({ maxLength: 3000 }),
      fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)),
      fc.record({ text: fc.string({ maxLength: 300 }) }).map((value) => JSON.stringify(value)),
      fc.integer({ min: 1, max: 20000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    );
    const header = fc.string({ maxLength: 40 }).map((text) => text.replace(/[^\x20-\x7e]/g, ''));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'GET', 'PUT', 'DELETE', 'PATCH'),
        body,
        fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', ''),
        fc.dictionary(fc.constantFrom('authorization', 'content-length', 'origin'), header),
        async (method, text, contentType, headers) => {
          const init: RequestInit = {
            method,
            headers: { ...headers, 'content-type': contentType },
            ...(method === 'GET' ? {} : { body: text }),
          };
          const response = await handle(new Request('http://host.test/', init));
          assert.ok(response.status < 500, `answered ${response.status}`);
          if (response.status === 200) MetadataExtractionSchema.parse(await response.json());
        },
      ),
      settings,
    );
  });

  test('any model answer: a valid extraction, and refused callers never reach the model', async () => {
    const handle = createMetadataHandler({
      openai: { apiKey: 'k', baseURL: upstream.baseURL, model: 'm', maxRetries: 0 },
      rateLimit: false,
      budget: false,
      authorize: async (request) =>
        request.headers.get('authorization') === 'Bearer ok'
          ? { ok: true, callerId: 'broker' }
          : { ok: false, status: 401, message: 'no' },
    });
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 4 }),
        brokerText,
        fc.boolean(),
        async (answer, text, signedIn) => {
          modelAnswer = answer;
          const before = upstream.requests.length;
          const response = await handle(
            new Request('http://host.test/', {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: signedIn ? 'Bearer ok' : 'Bearer nope',
              },
              body: JSON.stringify({ text, referenceDate: '2026-12-01' }),
            }),
          );
          if (!signedIn) {
            assert.equal(response.status, 401);
            assert.equal(upstream.requests.length, before);
            return;
          }
          assert.ok([200, 422].includes(response.status), `answered ${response.status}`);
          if (response.status === 200) MetadataExtractionSchema.parse(await response.json());
        },
      ),
      { ...settings, numRuns: Math.min(RUNS, 40) },
    );
  });
});
