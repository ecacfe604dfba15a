// Issue #16: what a browser loads validates with zod/mini (classic zod is ~2.5x its size in a
// bundle); classic zod is for server code only. The SDK's errors keep zod's English messages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** The packages an entry reaches through static and dynamic imports of its own files. */
function packagesReached(entry: string): Set<string> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) visit(resolve(dirname(file), fileName.replace(/\.js$/, '.ts')));
      else packages.add(fileName);
    }
  };
  visit(resolve(SRC, entry));
  return packages;
}

describe('zod/mini in browser modules', () => {
  for (const entry of ['index.ts', 'metadata/index.ts']) {
    test(`${entry} reaches zod/mini (and its English messages), never classic zod`, () => {
      const zod = [...packagesReached(entry)].filter((name) => /^zod(\/|$)/.test(name)).sort();
      assert.deepEqual(zod, ['zod/mini', 'zod/v4/locales/en.js']);
    });
  }

  test('the server entry may use classic zod (the check above can tell)', () => {
    assert.ok(packagesReached('metadata/server/index.ts').has('zod'));
  });

  test('errors carry zod’s English messages without classic zod, unless the host configured zod', () => {
    // A process of its own: classic zod, once imported, sets English messages globally.
    const output = execFileSync(
      process.execPath,
      [
        '--conditions=@chat-sessions/source',
        '--import',
        'tsx',
        fileURLToPath(new URL('./support/mini-messages.ts', import.meta.url)),
      ],
      { encoding: 'utf8' },
    );
    assert.deepEqual(JSON.parse(output), {
      before: {
        list: 'Invalid list query: limit: Too big: expected number to be <=200',
        append:
          'Invalid message: sessionId: An id is a uuid; content: A message has 1 to 32000 characters',
        parse: 'parseFlightRequest: invalid options: ✖ Invalid input\n  → at referenceDate',
      },
      // The SDK left zod's global configuration alone.
      globalLocaleBefore: false,
      hostConfigured: { list: 'Invalid list query: limit: the host’s message' },
    });
  });
});
