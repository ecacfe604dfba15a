import assert from 'node:assert/strict';
import type { Result } from '../../src/index.js';

/** The data of a result that must have succeeded (the failure message names the error code). */
export function expectData<T>(result: Result<T>): T {
  if (result.error) assert.fail(`expected data, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** The error of a result that must have failed with `code` (and `status`, when given). */
export function expectError<T>(result: Result<T>, code: string, status?: number) {
  assert.equal(result.data, null, `expected an error ${code}, got data`);
  assert.ok(result.error, `expected an error ${code}`);
  assert.equal(
    result.error.code,
    code,
    `expected ${code}, got ${result.error.code}: ${result.error.message}`,
  );
  if (status !== undefined) assert.equal(result.error.status, status);
  return result.error;
}
