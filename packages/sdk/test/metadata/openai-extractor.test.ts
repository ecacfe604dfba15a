import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  MetadataExtractionSchema,
  parseFlightRequest,
  type FallbackReason,
} from '../../src/metadata/index.js';
import {
  createOpenAIExtractor,
  draftResponseFormat,
  EXTRACTION_INSTRUCTIONS,
  type OpenAIExtractorOptions,
} from '../../src/metadata/server/index.js';
import {
  apiError,
  completion,
  startFakeOpenAI,
  type FakeAnswer,
  type FakeOpenAI,
} from './fake-openai-server.js';

const TEXT = 'TEB to VNY Dec 12 6 pax, back on the 15th at 9am';
const REQUEST = { text: TEXT, referenceDate: '2026-12-01', timeZone: 'America/New_York' } as const;
const RULES = parseFlightRequest(TEXT, {
  referenceDate: '2026-12-01',
  timeZone: 'America/New_York',
});

/** A model answer that fits the draft schema. */
const MODEL_DRAFT = {
  kind: 'flight_request',
  title: 'Teterboro to Van Nuys',
  tripType: 'round_trip',
  legs: [
    { from: 'TEB', to: 'VNY', date: '2026-12-12', time: null },
    { from: 'VNY', to: 'TEB', date: '2026-12-15', time: '09:00' },
  ],
  passengers: 6,
  issues: [],
};

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the schema is closed and requires all its properties (OpenAI strict mode). */
function assertStrict(schema: unknown, path = '$'): void {
  if (Array.isArray(schema)) {
    schema.forEach((item, index) => assertStrict(item, `${path}[${index}]`));
    return;
  }
  if (!isObject(schema)) return;
  if (isObject(schema['properties'])) {
    assert.equal(schema['additionalProperties'], false, `${path} is closed`);
    assert.deepEqual(
      schema['required'],
      Object.keys(schema['properties']),
      `${path} requires every property`,
    );
  }
  for (const [key, value] of Object.entries(schema)) assertStrict(value, `${path}.${key}`);
}

describe('OpenAI extractor against a local OpenAI-compatible server', () => {
  let answers: Array<(index: number) => FakeAnswer> = [];
  let server: FakeOpenAI;
  const fallbacks: FallbackReason[] = [];

  before(async () => {
    server = await startFakeOpenAI((_request, index) => {
      const answer = answers[Math.min(index, answers.length - 1)];
      if (!answer) throw new Error('no answer configured');
      return answer(index);
    });
  });
  after(() => server.close());

  /** Sets the answers (the last one repeats), clears the record, and builds an extractor. */
  function scenario(list: FakeAnswer[], options: OpenAIExtractorOptions = {}) {
    answers = list.map((answer) => () => answer);
    server.requests.length = 0;
    fallbacks.length = 0;
    return createOpenAIExtractor({
      apiKey: 'test-key',
      baseURL: server.baseURL,
      model: 'test-model',
      timeoutMs: 2_000,
      maxRetries: 2,
      onFallback: (reason) => fallbacks.push(reason),
      ...options,
    });
  }

  test('sends the model, the messages and a strict JSON-schema response format', async () => {
    await scenario([completion(JSON.stringify(MODEL_DRAFT))])(REQUEST);
    assert.equal(server.requests.length, 1);
    const [request] = server.requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, '/v1/chat/completions');
    assert.equal(request?.headers.authorization, 'Bearer test-key');
    assert.ok(isObject(request?.body));
    const body = request.body;
    assert.equal(body['model'], 'test-model');
    assert.deepEqual(body['messages'], [
      { role: 'system', content: EXTRACTION_INSTRUCTIONS },
      {
        role: 'user',
        content: JSON.stringify({
          today: '2026-12-01',
          weekday: 'Tuesday',
          timeZone: 'America/New_York',
          message: TEXT,
        }),
      },
    ]);
    const format = body['response_format'];
    assert.ok(isObject(format));
    assert.equal(format['type'], 'json_schema');
    assert.ok(isObject(format['json_schema']));
    assert.equal(format['json_schema']['strict'], true);
    assert.equal(format['json_schema']['name'], 'flight_request_draft');
    assert.deepEqual(format['json_schema']['schema'], draftResponseFormat().json_schema.schema);
    assertStrict(format['json_schema']['schema']);
    const schema = format['json_schema']['schema'];
    assert.ok(isObject(schema) && isObject(schema['properties']));
    assert.deepEqual(Object.keys(schema['properties']), [
      'kind',
      'title',
      'tripType',
      'legs',
      'passengers',
      'issues',
    ]);
  });

  test('a valid answer becomes the draft, with our title and a derived confidence', async () => {
    const result = await scenario([completion(JSON.stringify(MODEL_DRAFT))])(REQUEST);
    assert.equal(MetadataExtractionSchema.safeParse(result).success, true);
    assert.deepEqual(result, {
      ...MODEL_DRAFT,
      title: 'TEB ⇄ VNY · 12–15 Dec · 6 pax',
      confidence: 'high',
      source: 'openai',
      fallbackReason: null,
    });
    assert.deepEqual(fallbacks, []);
  });

  test('a code the airport table lacks is kept but flagged', async () => {
    const answer = {
      ...MODEL_DRAFT,
      legs: [{ from: 'TEB', to: 'QQQ', date: '2026-12-12', time: null }],
      tripType: 'one_way',
    };
    const result = await scenario([completion(JSON.stringify(answer))])(REQUEST);
    assert.equal(result.source, 'openai');
    assert.deepEqual(
      result.issues.map((issue) => issue.code),
      ['unknown_airport'],
    );
    assert.equal(result.confidence, 'low');
  });

  test('a general chat keeps the model title', async () => {
    const answer = {
      kind: 'general',
      title: 'Invoice for the Aspen trip',
      tripType: null,
      legs: [],
      passengers: null,
      issues: [],
    };
    const result = await scenario([completion(JSON.stringify(answer))])({
      ...REQUEST,
      text: 'Can you resend the Aspen invoice?',
    });
    assert.equal(result.source, 'openai');
    assert.equal(result.title, 'Invoice for the Aspen trip');
  });

  async function assertFallback(
    extract: ReturnType<typeof scenario>,
    reason: FallbackReason,
  ): Promise<void> {
    const result = await extract(REQUEST);
    assert.deepEqual(result, { ...RULES, source: 'rules', fallbackReason: reason });
    assert.deepEqual(fallbacks, [reason]);
  }

  test('a refusal falls back to the rule parser', async () => {
    await assertFallback(
      scenario([completion(null, "I'm sorry, I can't help with that.")]),
      'refusal',
    );
    assert.equal(server.requests.length, 1);
  });

  test('malformed JSON falls back', async () => {
    await assertFallback(
      scenario([completion('{"kind": "flight_request", "legs": [')]),
      'invalid_json',
    );
  });

  test('an empty answer falls back as invalid JSON', async () => {
    await assertFallback(scenario([completion(null)]), 'invalid_json');
  });

  const mismatches: Array<[string, unknown]> = [
    ['a missing field', { ...MODEL_DRAFT, passengers: undefined }],
    ['0 passengers', { ...MODEL_DRAFT, passengers: 0 }],
    [
      'a lower-case code',
      { ...MODEL_DRAFT, legs: [{ from: 'teb', to: 'VNY', date: '2026-12-12', time: null }] },
    ],
    [
      'a date that does not exist',
      { ...MODEL_DRAFT, legs: [{ from: 'TEB', to: 'VNY', date: '2026-02-30', time: null }] },
    ],
    [
      'a return before the departure',
      {
        ...MODEL_DRAFT,
        legs: [
          { from: 'TEB', to: 'VNY', date: '2026-12-15', time: null },
          { from: 'VNY', to: 'TEB', date: '2026-12-12', time: null },
        ],
      },
    ],
    ['a general chat with legs', { ...MODEL_DRAFT, kind: 'general' }],
    [
      'an unknown issue code',
      { ...MODEL_DRAFT, issues: [{ code: 'guess', message: 'x', text: null }] },
    ],
  ];
  for (const [name, answer] of mismatches) {
    test(`a schema mismatch (${name}) falls back`, async () => {
      await assertFallback(scenario([completion(JSON.stringify(answer))]), 'schema_mismatch');
    });
  }

  test('a 429 is retried after the server-given delay, then the answer is used', async () => {
    const extract = scenario([
      apiError(429, { 'retry-after-ms': '20' }),
      completion(JSON.stringify(MODEL_DRAFT)),
    ]);
    const result = await extract(REQUEST);
    assert.equal(server.requests.length, 2);
    assert.equal(result.source, 'openai');
    assert.equal(result.fallbackReason, null);
  });

  test('a 5xx is retried with backoff and falls back when retries run out', async () => {
    const started = Date.now();
    const extract = scenario([apiError(503, { 'retry-after-ms': '10' })], { maxRetries: 2 });
    await assertFallback(extract, 'server_error');
    assert.equal(server.requests.length, 3);
    assert.ok(Date.now() - started >= 20, 'the retries waited');
  });

  test('rate limited until the retries run out', async () => {
    await assertFallback(
      scenario([apiError(429, { 'retry-after-ms': '5' })], { maxRetries: 1 }),
      'rate_limited',
    );
    assert.equal(server.requests.length, 2);
  });

  test('a 401 is not retried and falls back as an HTTP error', async () => {
    await assertFallback(scenario([apiError(401)]), 'http_error');
    assert.equal(server.requests.length, 1);
  });

  test('a server that never answers times out and falls back', async () => {
    const started = Date.now();
    await assertFallback(scenario(['hang'], { timeoutMs: 150, maxRetries: 1 }), 'timeout');
    const elapsed = Date.now() - started;
    assert.equal(server.requests.length, 2, 'the timeout was retried once');
    assert.ok(elapsed >= 300 && elapsed < 5_000, `took ${elapsed} ms`);
  });

  test('a server that is not there falls back as a network error', async () => {
    const gone = await startFakeOpenAI(() => completion('{}'));
    await gone.close();
    fallbacks.length = 0;
    const extract = createOpenAIExtractor({
      apiKey: 'test-key',
      baseURL: gone.baseURL,
      maxRetries: 0,
      onFallback: (reason) => fallbacks.push(reason),
    });
    const result = await extract(REQUEST);
    assert.equal(result.source, 'rules');
    assert.equal(result.fallbackReason, 'network_error');
  });

  // #12: the model's airports are checked against the same airport table as the rule parser's.
  test('a metro area the model resolved silently comes back as a choice', async () => {
    const text = 'London to Nice Dec 20, 4 pax';
    const answer = {
      ...MODEL_DRAFT,
      tripType: 'one_way',
      legs: [{ from: 'LHR', to: 'NCE', date: '2026-12-20', time: null }],
      passengers: 4,
    };
    const result = await scenario([completion(JSON.stringify(answer))])({ ...REQUEST, text });
    assert.equal(result.source, 'openai');
    assert.deepEqual(
      result.issues.map((issue) => [issue.code, issue.text]),
      [['ambiguous_airport', 'London']],
    );
    assert.equal(result.ambiguities?.[0]?.chosen, 'LHR');
    assert.deepEqual(
      result.ambiguities?.[0]?.choices.map((choice) => choice.value),
      ['LHR', 'LGW', 'LCY', 'LTN', 'STN', 'FAB', 'BQH'],
    );
    assert.equal(result.confidence, 'low');
  });

  test('an FAA identifier the model proposes becomes the airport code', async () => {
    const text = 'East Hampton to Teterboro Dec 20';
    const answer = {
      ...MODEL_DRAFT,
      tripType: 'one_way',
      legs: [{ from: 'JPX', to: 'TEB', date: '2026-12-20', time: null }],
      passengers: null,
    };
    const result = await scenario([completion(JSON.stringify(answer))])({ ...REQUEST, text });
    assert.deepEqual(result.legs, [{ from: 'HTO', to: 'TEB', date: '2026-12-20', time: null }]);
    assert.deepEqual(result.issues, []);
    assert.equal(result.ambiguities, undefined);
  });
});
