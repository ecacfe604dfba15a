// The literals a request's final statement is sent with (one round trip, no bound parameters):
// every text comes back from PostgreSQL exactly as it went in, placeholders inside quoted names,
// literals and comments are left alone, and what can't be sent is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import { GatewayError } from '../../packages/dev-backend/src/errors.js';
import { inlineParameters, sqlLiteral } from '../../packages/dev-backend/src/sql-literals.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const runs = Number(process.env.FUZZ_RUNS ?? 300);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describe('sql literals for one-round-trip statements', () => {
  let database: TestDatabase;
  let client: pg.Client;

  before(async () => {
    database = await createTestDatabase('literals');
    client = new pg.Client({ connectionString: database.adminUrl });
    await client.connect();
  });

  after(async () => {
    await client.end();
    await database.drop();
  });

  it('gives PostgreSQL back every text exactly, quotes, backslashes and odd Unicode included', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        "'",
        "''",
        "\\'",
        '\\',
        "'; drop table x; --",
        '$1',
        '$$',
        "E'\\n'",
        '"',
        '\u202e',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          text.filter((value) => !value.includes('\0')),
          { maxLength: 4 },
        ),
        async (values) => {
          const sql = values.map((_, index) => `$${index + 1}::text as "c${index}"`).join(', ');
          const result = await client.query(
            `select ${inlineParameters(sql || '1 as none', values)}`,
          );
          assert.deepEqual(
            values.map((_, index) => (result.rows[0] as Record<string, string>)[`c${index}`]),
            values,
          );
        },
      ),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
    );
  });

  it('leaves placeholders inside quoted names, literals and comments alone', () => {
    assert.equal(
      inlineParameters(`select $1, "a$1""b", 'x$1''y', $2 -- $1\n, $10`, [
        'one',
        "t'wo",
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        'ten',
      ]),
      `select 'one', "a$1""b", 'x$1''y', 't''wo' -- $1\n, 'ten'`,
    );
    assert.equal(inlineParameters('select $1::text', [null]), 'select null::text');
  });

  it('refuses a NUL byte (it would end the statement early) and a missing parameter', () => {
    assert.throws(
      () => sqlLiteral('a\0b'),
      (error: unknown) => error instanceof GatewayError && error.status === 400,
    );
    assert.throws(() => inlineParameters('select $2', ['only one']), /2/);
  });
});
