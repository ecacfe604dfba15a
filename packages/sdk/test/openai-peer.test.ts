import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { OPENAI_MISSING_MESSAGE, loadOpenAI } from '../src/metadata/server/load-openai.js';

/**
 * `openai` is an optional peer dependency of the SDK: only `@chat-sessions/sdk/metadata/server`
 * loads it, and a server without it is told what to install. The missing package is simulated
 * by injecting the importer (uninstalling it would break the other tests).
 */

const sdkRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('openai, an optional peer dependency', () => {
  it('is declared as an optional peer (and a dev dependency for the tests), not a dependency', async () => {
    const manifest = JSON.parse(await readFile(path.join(sdkRoot, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
      devDependencies?: Record<string, string>;
    };
    assert.equal(manifest.dependencies?.openai, undefined);
    assert.ok(manifest.peerDependencies?.openai);
    assert.equal(manifest.peerDependenciesMeta?.openai?.optional, true);
    assert.match(manifest.devDependencies?.openai ?? '', /^\d+\.\d+\.\d+$/);
  });

  it('is imported only under metadata/server, and there only lazily', async () => {
    const importers: string[] = [];
    for (const file of await sourceFiles(path.join(sdkRoot, 'src'))) {
      const text = await readFile(file, 'utf8');
      if (/from 'openai'|import\('openai'\)/.test(text))
        importers.push(path.relative(path.join(sdkRoot, 'src'), file));
      // A value import would load it with the entry point; types are erased.
      assert.doesNotMatch(text, /^import (?!type )[^;]*from 'openai';/m, file);
    }
    assert.ok(importers.length > 0);
    assert.deepEqual(
      importers.filter((file) => !file.startsWith(`metadata${path.sep}server${path.sep}`)),
      [],
    );
  });

  it('says what to install when the package is missing', async () => {
    const missing = Object.assign(
      new Error("Cannot find package 'openai' imported from /srv/app/node_modules/x.js"),
      { code: 'ERR_MODULE_NOT_FOUND' },
    );
    await assert.rejects(
      loadOpenAI(() => Promise.reject(missing)),
      (error: Error) => {
        assert.equal(error.message, OPENAI_MISSING_MESSAGE);
        assert.match(error.message, /npm install openai/);
        assert.equal(error.cause, missing);
        return true;
      },
    );
  });

  it('passes other failures through unchanged, and loads the real package', async () => {
    const broken = new SyntaxError('Unexpected token');
    await assert.rejects(
      loadOpenAI(() => Promise.reject(broken)),
      (error) => error === broken,
    );
    const openai = await loadOpenAI<typeof import('openai')>();
    assert.equal(typeof openai.default, 'function');
  });
});
