import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { importGraph as graphOf } from '../support/import-graph.js';

const METADATA = fileURLToPath(new URL('../../src/metadata/', import.meta.url));

/** Every source file a metadata entry reaches, and the packages it names. */
function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  return graphOf(resolve(METADATA, entry));
}

describe('browser entry @chat-sessions/sdk/metadata', () => {
  test('reaches nothing outside the SDK: no zod, no openai, no Node built-ins, no server code', () => {
    const { files, packages } = importGraph('index.ts');
    // The SDK validates with its own schemas (src/schema/); zod is for server code only.
    assert.deepEqual([...packages].sort(), []);
    assert.deepEqual(
      files.filter((file) => file.includes('/server/') || file.includes('generate-airport-table')),
      [],
    );
    for (const file of files)
      assert.doesNotMatch(readFileSync(file, 'utf8'), /process\.env|OPENAI_API_KEY/, file);
  });

  test('the server entry does load openai (the check above can tell)', () => {
    assert.ok(importGraph('server/index.ts').packages.has('openai'));
  });

  // The airport table holds every open airport with an IATA or ICAO code (issue #12: ~21,000
  // rows, heliports and small charter fields included, with coordinates), up from 4,980 medium
  // and large airports: the limit went from 120 KB to 480 KB with it (measured 435 KB). It is loaded lazily, once.
  test('its own code, airport table included, stays under 480 KB gzipped', () => {
    const javascript = importGraph('index.ts')
      .files.map(
        (file) =>
          ts.transpileModule(readFileSync(file, 'utf8'), {
            compilerOptions: {
              target: ts.ScriptTarget.ES2022,
              module: ts.ModuleKind.ESNext,
              removeComments: true,
            },
          }).outputText,
      )
      .join('\n');
    const size = gzipSync(javascript, { level: 9 }).length;
    assert.ok(size < 480 * 1024, `${(size / 1024).toFixed(1)} KB gzipped`);
  });
});
