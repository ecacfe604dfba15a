// Quick create's preview stays out of the first load: in the self-contained browser bundle its
// modules live in a lazy chunk of their own, loaded the first time the broker types there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollup } from 'rollup';
import { browserBundleOptions } from '../../rollup.config.mjs';

describe('quick create preview chunk', () => {
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
        const previewModules = (chunk: (typeof chunks)[number]) =>
          Object.keys(chunk.modules).filter((id) => id.includes('/src/quick-create-preview/'));
        const [entry] = chunks.filter((chunk) => chunk.isEntry);
        assert.ok(entry, 'the bundle has an entry');
        assert.deepEqual(previewModules(entry), [], 'no preview module in the entry');
        const lazy = chunks.filter((chunk) => !chunk.isEntry && previewModules(chunk).length > 0);
        assert.equal(lazy.length, 1, 'one lazy chunk holds the preview');
        assert.ok(
          previewModules(lazy[0]!).some((id) => id.endsWith('quick-create-preview.ts')),
          'the lazy chunk holds <chat-quick-create-preview>',
        );
        // The sidebar reaches it by a dynamic import only.
        assert.ok(entry.dynamicImports.includes(lazy[0]!.fileName));
      } finally {
        await bundle.close();
      }
    },
  );
});
