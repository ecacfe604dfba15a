// The SDK's validator (src/schema/): what each schema accepts and outputs, the issues and English
// messages it reports (zod's wording, which the SDK's errors have always carried), the paths of
// nested issues, static inference, Standard Schema v1, and the JSON Schema it generates.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as s from '../src/schema/index.js';
import { toJsonSchema } from '../src/schema/json-schema.js';
import { draftResponseFormat } from '../src/metadata/server/model-draft-schema.js';

/** Path and message of every issue, or the parsed data. */
function outcome(schema: s.AnySchema, value: unknown): unknown {
  const result = schema.safeParse(value);
  return result.success
    ? { data: result.data }
    : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

/* eslint-disable @typescript-eslint/no-unnecessary-type-parameters -- the usual exact type-equality check */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/* eslint-enable @typescript-eslint/no-unnecessary-type-parameters */
const sameType = <A, B>(check: Equal<A, B>): void => assert.equal(check, true);

describe('primitives', () => {
  test('strings, numbers, booleans and dates, with zod’s type names for what was received', () => {
    assert.deepEqual(outcome(s.string(), 'a'), { data: 'a' });
    assert.deepEqual(outcome(s.string(), 1), [
      ['', 'Invalid input: expected string, received number'],
    ]);
    assert.deepEqual(outcome(s.number(), Number.NaN), [
      ['', 'Invalid input: expected number, received NaN'],
    ]);
    assert.deepEqual(outcome(s.number(), -Infinity), [
      ['', 'Invalid input: expected number, received -Infinity'],
    ]);
    assert.deepEqual(outcome(s.boolean(), null), [
      ['', 'Invalid input: expected boolean, received null'],
    ]);
    assert.deepEqual(outcome(s.string(), [1]), [
      ['', 'Invalid input: expected string, received array'],
    ]);
    assert.deepEqual(outcome(s.string(), new Map()), [
      ['', 'Invalid input: expected string, received Map'],
    ]);
    const day = new Date('2026-12-12T00:00:00Z');
    assert.equal(s.date().parse(day), day);
    assert.deepEqual(outcome(s.date(), new Date('nonsense')), [
      ['', 'Invalid input: expected date, received Date'],
    ]);
  });

  test('enums and literals list what they expect', () => {
    const Trip = s.enum(['one_way', 'round_trip']);
    assert.deepEqual(Trip.options, ['one_way', 'round_trip']);
    assert.deepEqual(outcome(Trip, 'multi'), [
      ['', 'Invalid option: expected one of "one_way"|"round_trip"'],
    ]);
    assert.deepEqual(outcome(s.literal(1), '1'), [['', 'Invalid input: expected 1']]);
    sameType<s.Infer<typeof Trip>, 'one_way' | 'round_trip'>(true);
  });

  test('uuid: any version and variant, the nil and max UUIDs; a message covers both issues', () => {
    const Id = s.uuid('An id is a uuid');
    for (const id of [
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      '018f3c4e-7b1a-7cde-8f00-0123456789AB',
    ])
      assert.equal(Id.parse(id), id);
    assert.deepEqual(outcome(Id, '3f2504e0-4f89-91d3-9a0c-0305e82c3301'), [
      ['', 'An id is a uuid'],
    ]);
    assert.deepEqual(outcome(Id, 7), [['', 'An id is a uuid']]);
    assert.deepEqual(outcome(s.uuid(), 'x'), [['', 'Invalid UUID']]);
  });

  test('ISO dates exist (leap years included); date-times carry seconds and a zone', () => {
    assert.equal(s.isoDate().safeParse('2024-02-29').success, true);
    assert.equal(s.isoDate().safeParse('2000-02-29').success, true);
    assert.deepEqual(outcome(s.isoDate(), '2026-02-29'), [['', 'Invalid ISO date']]);
    assert.deepEqual(outcome(s.isoDate(), '2026-04-31'), [['', 'Invalid ISO date']]);
    for (const instant of ['2026-12-12T09:30:00Z', '2026-12-12T09:30:00.125+05:30'])
      assert.equal(s.isoDateTime().safeParse(instant).success, true, instant);
    for (const instant of ['2026-12-12T09:30Z', '2026-12-12T09:30:00', '2026-12-12 09:30:00Z'])
      assert.deepEqual(outcome(s.isoDateTime(), instant), [['', 'Invalid ISO datetime']], instant);
  });
});

describe('checks', () => {
  test('lengths count characters or items; bounds and integers name the limit', () => {
    assert.deepEqual(outcome(s.string().check(s.minLength(2)), 'a'), [
      ['', 'Too small: expected string to have >=2 characters'],
    ]);
    assert.deepEqual(outcome(s.array(s.number()).check(s.maxLength(1)), [1, 2]), [
      ['', 'Too big: expected array to have <=1 items'],
    ]);
    const Limit = s.number().check(s.int(), s.gte(1), s.lte(200));
    assert.deepEqual(outcome(Limit, 201), [['', 'Too big: expected number to be <=200']]);
    assert.deepEqual(outcome(Limit, 0), [['', 'Too small: expected number to be >=1']]);
    assert.deepEqual(outcome(s.number().check(s.positive()), 0), [
      ['', 'Too small: expected number to be >0'],
    ]);
    assert.deepEqual(outcome(s.number().check(s.int()), 2 ** 60), [
      ['', 'Too big: expected int to be <=9007199254740991'],
    ]);
  });

  test('a wrong type stops the checks of its value; a failed check does not', () => {
    const Count = s.number().check(s.int(), s.nonnegative());
    assert.deepEqual(outcome(Count, -1.5), [['', 'Invalid input: expected int, received number']]);
    assert.deepEqual(outcome(Count, 'x'), [
      ['', 'Invalid input: expected number, received string'],
    ]);
    const Code = s.string().check(s.regex(/^[A-Z]+$/), s.maxLength(3, 'At most 3'));
    assert.deepEqual(outcome(Code, 'abcd'), [
      ['', 'Invalid string: must match pattern /^[A-Z]+$/'],
      ['', 'At most 3'],
    ]);
  });

  test('refinements: a message and a path, or any number of issues', () => {
    const Query = s
      .strictObject({ before: s.optional(s.number()), after: s.optional(s.number()) })
      .check(
        s.refine((query) => query.before === undefined || query.after === undefined, 'Not both', [
          'after',
        ]),
      );
    assert.deepEqual(outcome(Query, { before: 1, after: 2 }), [['after', 'Not both']]);
    const Legs = s.array(s.object({ date: s.string() })).check(
      s.superRefine((legs, ctx) => {
        legs.forEach((leg, index) => {
          if (index > 0 && leg.date < (legs[index - 1]?.date ?? ''))
            ctx.addIssue({ message: 'Out of order', path: [index, 'date'] });
        });
      }),
    );
    assert.deepEqual(outcome(Legs, [{ date: 'b' }, { date: 'a' }]), [['1.date', 'Out of order']]);
  });

  test('an oversized list fails its size cap before any item is parsed', () => {
    const Legs = s.array(s.object({ from: s.string() })).check(s.maxLength(2));
    assert.deepEqual(outcome(Legs, [{}, {}, {}]), [
      ['', 'Too big: expected array to have <=2 items'],
    ]);
  });
});

describe('objects', () => {
  const Leg = s.object({
    from: s.string(),
    date: s.nullable(s.isoDate()),
    time: s.optional(s.nullable(s.string())),
    stop: s.withDefault(s.boolean(), false),
  });

  test('unknown keys are dropped, refused or kept; optional keys absent stay absent', () => {
    assert.deepEqual(Leg.parse({ from: 'TEB', date: null, extra: 1 }), {
      from: 'TEB',
      date: null,
      stop: false,
    });
    const explicit = Leg.parse({ from: 'TEB', date: null, time: undefined });
    assert.ok('time' in explicit, 'a key given as undefined is kept');
    assert.deepEqual(outcome(s.strictObject({ a: s.string() }), { a: 'x', b: 1, c: 2 }), [
      ['', 'Unrecognized keys: "b", "c"'],
    ]);
    assert.deepEqual(s.looseObject({ a: s.string() }).parse({ a: 'x', b: 1 }), { a: 'x', b: 1 });
    assert.deepEqual(outcome(Leg, []), [['', 'Invalid input: expected object, received array']]);
  });

  test('issues of nested values carry their path; every one is reported', () => {
    const Request = s.object({ legs: s.array(Leg), meta: s.record(s.number()) });
    assert.deepEqual(
      outcome(Request, {
        legs: [
          { from: 'TEB', date: null },
          { from: 1, date: '2026-02-30' },
        ],
        meta: { n: 'x' },
      }),
      [
        ['legs.1.from', 'Invalid input: expected string, received number'],
        ['legs.1.date', 'Invalid ISO date'],
        ['meta.n', 'Invalid input: expected number, received string'],
      ],
    );
    assert.deepEqual(outcome(s.record(s.unknown()), new Date()), [
      ['', 'Invalid input: expected record, received Date'],
    ]);
  });

  test('a "__proto__" key of parsed JSON never becomes the output’s prototype', () => {
    const input: unknown = JSON.parse('{"a":"x","__proto__":{"polluted":true}}');
    for (const schema of [s.looseObject({ a: s.string() }), s.record(s.unknown())]) {
      const output = schema.parse(input);
      assert.equal(Object.getPrototypeOf(output), Object.prototype);
      assert.equal(output['polluted'], undefined);
    }
    assert.deepEqual(outcome(s.strictObject({ a: s.string() }), input), [
      ['', 'Unrecognized key: "__proto__"'],
    ]);
  });

  test('extend and omit keep the unknown-key policy', () => {
    const Strict = s.strictObject({ a: s.string(), b: s.number() });
    assert.deepEqual(outcome(s.omit(Strict, ['b']), { a: 'x', b: 1 }), [
      ['', 'Unrecognized key: "b"'],
    ]);
    assert.deepEqual(s.extend(Strict, { c: s.boolean() }).parse({ a: 'x', b: 1, c: true }), {
      a: 'x',
      b: 1,
      c: true,
    });
  });

  test('types: optional and defaulted keys, input and output sides, loose extras', () => {
    sameType<
      s.Output<typeof Leg>,
      { from: string; date: string | null; time?: string | null | undefined; stop: boolean }
    >(true);
    sameType<
      s.Input<typeof Leg>,
      {
        from: string;
        date: string | null;
        time?: string | null | undefined;
        stop?: boolean | undefined;
      }
    >(true);
    const Event = s.looseObject({ event: s.literal('paused') });
    assert.deepEqual(Event.parse({ event: 'paused', at: 1 }), { event: 'paused', at: 1 });
    sameType<s.Infer<typeof Event>, { event: 'paused' } & { [key: string]: unknown }>(true);
    // @ts-expect-error -- the check can tell two types apart
    sameType<s.Infer<typeof Leg>, s.Infer<typeof Event>>(true);
  });
});

describe('unions and pipes', () => {
  test('a union answers with its first match, else the near miss, else one issue', () => {
    const Instant = s.union([
      s.isoDateTime('A time is an ISO 8601 timestamp'),
      s.pipe(
        s.date(),
        s.transform((date: Date) => date.toISOString()),
      ),
    ]);
    assert.equal(Instant.parse(new Date(0)), '1970-01-01T00:00:00.000Z');
    assert.deepEqual(outcome(Instant, 'soon'), [['', 'A time is an ISO 8601 timestamp']]);
    assert.deepEqual(outcome(s.union([s.isoDate(), s.isoDateTime()]), 'soon'), [
      ['', 'Invalid input'],
    ]);
    assert.deepEqual(outcome(s.union([s.string(), s.number()]), true), [['', 'Invalid input']]);
  });

  test('a discriminated union picks by its key and names the values it expects', () => {
    const Reason = s.discriminatedUnion('kind', [
      s.object({ kind: s.literal('unread'), count: s.number() }),
      s.object({ kind: s.literal('due'), at: s.string() }),
    ]);
    assert.deepEqual(Reason.parse({ kind: 'due', at: 'x', extra: 1 }), { kind: 'due', at: 'x' });
    assert.deepEqual(outcome(Reason, { kind: 'soon' }), [
      ['kind', "Invalid discriminator value. Expected 'unread' | 'due'"],
    ]);
    assert.deepEqual(outcome(Reason, { kind: 'unread', count: '2' }), [
      ['count', 'Invalid input: expected number, received string'],
    ]);
    sameType<
      s.Infer<typeof Reason>,
      { kind: 'unread'; count: number } | { kind: 'due'; at: string }
    >(true);
  });

  test('a pipe transforms only what its first stage accepted', () => {
    let calls = 0;
    const Row = s.pipe(
      s.object({ first_name: s.string() }),
      s.transform((row) => {
        calls += 1;
        return { firstName: row.first_name };
      }),
    );
    assert.deepEqual(Row.parse({ first_name: 'Ada' }), { firstName: 'Ada' });
    assert.equal(Row.safeParse({ first_name: 1 }).success, false);
    assert.equal(calls, 1);
    sameType<s.Output<typeof Row>, { firstName: string }>(true);
    sameType<s.Input<typeof Row>, { first_name: string }>(true);
    assert.equal(Row.def.in.def.shape.first_name.def.type, 'string');
  });
});

describe('parse, safeParse and Standard Schema v1', () => {
  const Passengers = s.number().check(s.int(), s.gte(1));

  test('safeParse returns { success, data } or { success: false, error.issues }; parse throws', () => {
    assert.deepEqual(Passengers.safeParse(6), { success: true, data: 6 });
    const failed = Passengers.safeParse(0);
    assert.equal(failed.success, false);
    assert.deepEqual(failed.error?.issues, [
      { code: 'too_small', path: [], message: 'Too small: expected number to be >=1' },
    ]);
    assert.throws(
      () => Passengers.parse('6'),
      (error: unknown) =>
        error instanceof s.SchemaError &&
        error.message === '✖ Invalid input: expected number, received string',
    );
  });

  test('a Standard Schema consumer validates with any SDK schema', async () => {
    /** What a library that takes Standard Schemas does (a form library, a router). */
    async function validateWith<Output>(
      schema: s.StandardSchemaV1<unknown, Output>,
      value: unknown,
    ): Promise<Output | readonly s.StandardSchemaV1.Issue[]> {
      const result = await schema['~standard'].validate(value);
      return result.issues ?? result.value;
    }
    const Leg = s.object({ legs: s.array(s.object({ to: s.string() })) });
    assert.equal(Leg['~standard'].version, 1);
    assert.equal(Leg['~standard'].vendor, 'chat-sessions');
    assert.deepEqual(await validateWith(Leg, { legs: [{ to: 'VNY' }] }), { legs: [{ to: 'VNY' }] });
    const issues = await validateWith(Leg, { legs: [{ to: 1 }] });
    assert.ok(Array.isArray(issues));
    assert.deepEqual(
      issues.map(({ message, path }) => ({ message, path })),
      [{ message: 'Invalid input: expected string, received number', path: ['legs', 0, 'to'] }],
    );
  });

  test('prettifyIssues writes zod’s format, shallowest issue first', () => {
    assert.equal(
      s.prettifyIssues([
        { code: 'custom', path: ['legs', 1, 'date'], message: 'Out of order' },
        { code: 'custom', path: [], message: 'Bad' },
        { code: 'custom', path: ['a-b'], message: 'Odd key' },
      ]),
      '✖ Bad\n✖ Odd key\n  → at ["a-b"]\n✖ Out of order\n  → at legs[1].date',
    );
  });
});

describe('JSON Schema', () => {
  test('describes types, keys, formats, patterns, bounds and lengths', () => {
    const Leg = s.object({
      from: s.string().check(s.regex(/^[A-Z]{3,4}$/)),
      date: s.nullable(s.isoDate()),
      passengers: s.optional(s.number().check(s.int(), s.gte(1), s.lte(999))),
      tags: s.array(s.enum(['a', 'b'])).check(s.maxLength(3)),
    });
    assert.deepEqual(toJsonSchema(Leg), {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        from: { type: 'string', pattern: '^[A-Z]{3,4}$' },
        date: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
        passengers: { type: 'integer', minimum: 1, maximum: 999 },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, maxItems: 3 },
      },
      required: ['from', 'date', 'tags'],
      additionalProperties: false,
    });
  });

  test('the OpenAI response format is the one zod generated for the same draft schema', () => {
    const fromZod: unknown = JSON.parse(
      readFileSync(new URL('./metadata/draft-response-format.json', import.meta.url), 'utf8'),
    );
    assert.deepEqual(draftResponseFormat(), fromZod);
  });
});
