// The request editor stays out of the first load: in the self-contained browser bundle its
// modules (and the airport dataset it loads) live in lazy chunks, never in the entry module.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollup } from 'rollup';
import { browserBundleOptions } from '../../rollup.config.mjs';

describe('request editor chunk', () => {
  it(
    'is not in the bundle entry, and is a lazy chunk of its own',
    { timeout: 180_000 },
    async () => {
      const { output, ...input } = browserBundleOptions({
        parts: ['elements'],
        thirdPartyExternal: true,
      });
      const bundle = await rollup({ ...input, onwarn: () => {} });
      try {
        const { output: files } = await bundle.generate({ ...output, sourcemap: false });
        const chunks = files.filter((file) => file.type === 'chunk');
        const editorModules = (chunk: (typeof chunks)[number]) =>
          Object.keys(chunk.modules).filter((id) => id.includes('/src/request-editor/'));
        const [entry] = chunks.filter((chunk) => chunk.isEntry);
        assert.ok(entry, 'the bundle has an entry');
        assert.deepEqual(editorModules(entry), [], 'no request-editor module in the entry');
        const lazy = chunks.filter((chunk) => !chunk.isEntry && editorModules(chunk).length > 0);
        assert.equal(lazy.length, 1, 'one lazy chunk holds the editor');
        assert.ok(
          editorModules(lazy[0]!).some((id) => id.endsWith('chat-request-editor.ts')),
          'the lazy chunk holds <chat-request-editor>',
        );
        // The session view and the sidebar reach it by a dynamic import only.
        assert.ok(entry.dynamicImports.includes(lazy[0]!.fileName));
      } finally {
        await bundle.close();
      }
    },
  );
});
