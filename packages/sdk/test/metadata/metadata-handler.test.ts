import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  MAX_TEXT_LENGTH,
  MetadataExtractionSchema,
  parseFlightRequest,
} from '../../src/metadata/index.js';
import { createMetadataHandler, type MetadataErrorBody } from '../../src/metadata/server/index.js';
import { completion, startFakeOpenAI, type FakeOpenAI } from './fake-openai-server.js';

const URL = 'http://host.test/api/session-metadata';

function post(
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Request {
  return new Request(URL, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(response: Response): Promise<MetadataErrorBody['error']> {
  const body = (await response.json()) as MetadataErrorBody;
  return body.error;
}

describe('metadata handler: input validation', () => {
  const handle = createMetadataHandler({ now: () => new Date('2026-12-01T15:00:00Z') });

  for (const method of ['GET', 'PUT', 'DELETE']) {
    test(`${method} → 405 with Allow: POST`, async () => {
      const response = await handle(new Request(URL, { method }));
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'POST');
      assert.equal((await errorOf(response)).code, 'method_not_allowed');
    });
  }

  test('a body that is not JSON by content type → 415', async () => {
    const response = await handle(post({ text: 'TEB-VNY' }, { 'content-type': 'text/plain' }));
    assert.equal(response.status, 415);
  });

  test('malformed JSON → 400 invalid_json', async () => {
    const response = await handle(post('{"text": '));
    assert.equal(response.status, 400);
    assert.equal((await errorOf(response)).code, 'invalid_json');
  });

  test('a body over the size limit → 413', async () => {
    const small = createMetadataHandler({ maxBodyBytes: 64 });
    const response = await small(post({ text: 'x'.repeat(100) }));
    assert.equal(response.status, 413);
  });

  const invalid: Array<[string, unknown, string]> = [
    ['no text', { timeZone: 'UTC' }, 'text'],
    ['text not a string', { text: 42 }, 'text'],
    ['blank text', { text: '   ' }, 'text'],
    ['text too long', { text: 'a'.repeat(MAX_TEXT_LENGTH + 1) }, 'text'],
    ['an unknown time zone', { text: 'TEB-VNY', timeZone: 'Mars/Olympus' }, 'timeZone'],
    [
      'a malformed reference date',
      { text: 'TEB-VNY', referenceDate: '12/01/2026' },
      'referenceDate',
    ],
    [
      'an impossible reference date',
      { text: 'TEB-VNY', referenceDate: '2026-02-30' },
      'referenceDate',
    ],
    ['an unknown key', { text: 'TEB-VNY', apiKey: 'sk-…' }, ''],
    ['an array', [{ text: 'TEB-VNY' }], ''],
  ];
  for (const [name, body, path] of invalid) {
    test(`${name} → 400 invalid_request naming ${path || 'the body'}`, async () => {
      const response = await handle(post(body));
      assert.equal(response.status, 400);
      const error = await errorOf(response);
      assert.equal(error.code, 'invalid_request');
      assert.ok(error.issues && error.issues.length > 0);
      assert.equal(error.issues[0]?.path.join('.'), path);
    });
  }

  test('a valid request → 200 with the rule parser draft, "now" from the clock, UTC by default', async () => {
    const response = await handle(post({ text: 'TEB-VNY tomorrow, 6 pax' }));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const result = MetadataExtractionSchema.parse(await response.json());
    assert.equal(result.source, 'rules');
    assert.equal(result.fallbackReason, null);
    assert.deepEqual(result.legs, [{ from: 'TEB', to: 'VNY', date: '2026-12-02', time: null }]);
  });

  test('the request reference date and time zone are used', async () => {
    const response = await handle(
      post({
        text: 'TEB-VNY tomorrow',
        referenceDate: '2026-12-31T23:30:00-05:00',
        timeZone: 'Europe/London',
      }),
    );
    const result = MetadataExtractionSchema.parse(await response.json());
    assert.equal(result.legs[0]?.date, '2027-01-02');
  });

  test('an extractor that throws → 500 without its message', async () => {
    const broken = createMetadataHandler({
      extract: () => Promise.reject(new Error('secret detail')),
    });
    const response = await broken(post({ text: 'TEB-VNY' }));
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.doesNotMatch(text, /secret detail/);
  });

  test('extract and openai together are refused', () => {
    assert.throws(
      () =>
        createMetadataHandler({
          extract: async () => Promise.reject(new Error('unused')),
          openai: {},
        }),
      /either extract or openai/,
    );
  });
});

describe('metadata handler with the OpenAI extractor', () => {
  let server: FakeOpenAI;
  let answer = completion(null, 'No.');
  before(async () => {
    server = await startFakeOpenAI(() => answer);
  });
  after(() => server.close());

  const handler = () =>
    createMetadataHandler({
      openai: { apiKey: 'test-key', baseURL: server.baseURL, model: 'test-model', maxRetries: 0 },
    });

  test('answers with the model draft', async () => {
    answer = completion(
      JSON.stringify({
        kind: 'flight_request',
        title: 'x',
        tripType: 'one_way',
        legs: [{ from: 'HPN', to: 'PBI', date: '2026-12-19', time: null }],
        passengers: 4,
        issues: [],
      }),
    );
    const response = await handler()(
      post({ text: 'HPN-PBI Dec 19, 4 pax', referenceDate: '2026-12-01' }),
    );
    const result = MetadataExtractionSchema.parse(await response.json());
    assert.equal(result.source, 'openai');
    assert.equal(result.title, 'HPN → PBI · 19 Dec · 4 pax');
  });

  test('says when it fell back to the rule parser', async () => {
    answer = completion(null, 'No.');
    const text = 'HPN-PBI Dec 19, 4 pax';
    const response = await handler()(post({ text, referenceDate: '2026-12-01', timeZone: 'UTC' }));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      ...parseFlightRequest(text, { referenceDate: '2026-12-01', timeZone: 'UTC' }),
      source: 'rules',
      fallbackReason: 'refusal',
    });
  });
});
