import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CHAT_SESSIONS_ERROR_CODES,
  ChatSessionsError,
  DEFAULT_RETRY_OPTIONS,
  backoffDelay,
  fromPostgrestError,
} from '../src/index.js';

describe('fromPostgrestError', () => {
  it('takes domain codes from details, whatever the status', () => {
    for (const details of [
      'validation',
      'not_found',
      'conflict',
      'invalid_transition',
      'in_trash',
      'forbidden',
      'unauthenticated',
    ]) {
      const error = fromPostgrestError({ code: 'PT409', message: 'm', details, hint: 'h' }, 409);
      assert.equal(error.code, details);
      assert.equal(error.hint, 'h');
      assert.equal(error.sqlState, 'PT409');
      assert.equal(error.status, 409);
    }
  });

  it('maps session_closed (a message to a completed or archived session), never transient', () => {
    const error = fromPostgrestError(
      {
        code: 'PT409',
        message: 'This session is completed',
        details: 'session_closed',
        hint: 'Reopen it to reply',
      },
      409,
    );
    assert.equal(error.code, 'session_closed');
    assert.equal(error.hint, 'Reopen it to reply');
    assert.equal(error.transient, false);
    assert.equal(error.outcomeUnknown, false);
    assert.ok(CHAT_SESSIONS_ERROR_CODES.includes('session_closed'));
  });

  it('maps SQLSTATE and HTTP status when the database did not name the error', () => {
    const cases: Array<[string, number, string]> = [
      ['42501', 401, 'unauthenticated'],
      ['42501', 403, 'forbidden'],
      ['PGRST301', 401, 'unauthenticated'],
      ['PGRST303', 401, 'unauthenticated'],
      ['PGRST202', 404, 'configuration'],
      ['PGRST106', 406, 'configuration'],
      ['23505', 409, 'conflict'],
      ['23503', 409, 'not_found'],
      ['22P02', 400, 'validation'],
      ['23514', 400, 'validation'],
      ['P0001', 400, 'validation'],
      ['XX000', 500, 'server'],
      ['', 502, 'server'],
      ['', 0, 'network'],
      ['', 418, 'unknown'],
    ];
    for (const [code, status, expected] of cases) {
      assert.equal(
        fromPostgrestError({ code, message: 'x', details: null, hint: null }, status).code,
        expected,
        `${code}/${status}`,
      );
    }
  });

  it('recognises aborts', () => {
    const error = fromPostgrestError(
      { code: '', message: 'AbortError: This operation was aborted', details: '', hint: '' },
      0,
    );
    assert.equal(error.code, 'aborted');
    assert.equal(error.outcomeUnknown, true);
    assert.equal(error.transient, false);
  });

  it('keeps the cause and says whether a retry may help', () => {
    const body = { code: '', message: 'TypeError: fetch failed', details: 'x', hint: '' };
    const error = fromPostgrestError(body, 0);
    assert.ok(error instanceof ChatSessionsError);
    assert.ok(error instanceof Error);
    assert.equal(error.cause, body);
    assert.equal(error.transient, true);
    assert.ok(CHAT_SESSIONS_ERROR_CODES.includes(error.code));
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the ceiling, with full jitter', () => {
    const top = { ...DEFAULT_RETRY_OPTIONS, random: () => 0.999999 };
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, top)),
      [199, 399, 799, 1599, 3199, 3999, 3999],
    );
    const bottom = { ...DEFAULT_RETRY_OPTIONS, random: () => 0 };
    assert.equal(backoffDelay(3, bottom), 0);
  });
});
