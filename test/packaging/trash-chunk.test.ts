// The sidebar's trash view stays out of the first load: its modules (element, styles, strings)
// live in a lazy chunk of their own that the sidebar reaches by a dynamic import only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollup } from 'rollup';
import { browserBundleOptions } from '../../rollup.config.mjs';

describe('trash view chunk', () => {
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
        const trashModules = (chunk: (typeof chunks)[number]) =>
          Object.keys(chunk.modules).filter((id) => id.includes('/src/chat-sidebar/trash/'));
        const [entry] = chunks.filter((chunk) => chunk.isEntry);
        assert.ok(entry, 'the bundle has an entry');
        assert.deepEqual(trashModules(entry), [], 'no trash-view module in the entry');
        assert.ok(
          Object.keys(entry.modules).some((id) => id.endsWith('/src/chat-sidebar/trash-entry.ts')),
          'the entry holds the Trash entry and the loader',
        );
        const lazy = chunks.filter((chunk) => !chunk.isEntry && trashModules(chunk).length > 0);
        assert.equal(lazy.length, 1, 'one lazy chunk holds the trash view');
        assert.deepEqual(
          trashModules(lazy[0]!)
            .map((id) => id.replace(/^.*\/src\/chat-sidebar\/trash\//, ''))
            .sort(),
          ['chat-sidebar-trash.ts', 'register.ts', 'strings.ts', 'trash.styles.ts'],
        );
        assert.ok(entry.dynamicImports.includes(lazy[0]!.fileName));
      } finally {
        await bundle.close();
      }
    },
  );
});
