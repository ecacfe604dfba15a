// What nobody needs on the first paint stays out of the first load (issue #16): in the browser
// build of the elements, each feature below lives in one lazy chunk of its own that the entry
// reaches by a dynamic import only, and none of its modules is in the entry. One build for all.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rollup, type OutputChunk, type RollupBuild } from 'rollup';
import { browserBundleOptions } from '../../rollup.config.mjs';

/** A lazily loaded feature: the folder of its modules and the module that must be among them. */
const LAZY_FEATURES = [
  { name: 'the request editor', folder: '/src/request-editor/', holds: 'chat-request-editor.ts' },
  {
    name: "quick create's preview",
    folder: '/src/quick-create-preview/',
    holds: 'quick-create-preview.ts',
  },
  { name: 'the trash view', folder: '/src/chat-sidebar/trash/', holds: 'chat-sidebar-trash.ts' },
] as const;

let bundle: RollupBuild;
let chunks: OutputChunk[];
let entry: OutputChunk;

before(
  async () => {
    const { output, ...input } = browserBundleOptions({
      parts: ['elements'],
      thirdPartyExternal: true,
    });
    bundle = await rollup({ ...input, onwarn: () => {} });
    const { output: files } = await bundle.generate({ ...output, sourcemap: false });
    chunks = files.filter((file): file is OutputChunk => file.type === 'chunk');
    const entries = chunks.filter((chunk) => chunk.isEntry);
    assert.equal(entries.length, 1, 'the build has one entry');
    entry = entries[0]!;
  },
  { timeout: 180_000 },
);

after(async () => {
  await bundle?.close();
});

describe('lazy chunks of the elements', () => {
  for (const feature of LAZY_FEATURES) {
    it(`${feature.name}: not in the entry, one lazy chunk reached by a dynamic import`, () => {
      const modulesOf = (chunk: OutputChunk) =>
        Object.keys(chunk.modules).filter((id) => id.includes(feature.folder));
      assert.deepEqual(modulesOf(entry), [], `no module of ${feature.name} in the entry`);
      const lazy = chunks.filter((chunk) => !chunk.isEntry && modulesOf(chunk).length > 0);
      assert.equal(lazy.length, 1, `one lazy chunk holds ${feature.name}`);
      assert.ok(modulesOf(lazy[0]!).some((id) => id.endsWith(`/${feature.holds}`)));
      assert.ok(entry.dynamicImports.includes(lazy[0]!.fileName), 'reached by a dynamic import');
    });
  }

  it("the sidebar's menus, dialogs, bulk bar and action runs: one lazy chunk, reached by a dynamic import", () => {
    const parts = [
      '/src/chat-sidebar/action-menu.ts',
      '/src/chat-sidebar/action-flow.ts',
      '/src/chat-sidebar/action-runner.ts',
      '/src/chat-sidebar/dialogs.ts',
      '/src/chat-sidebar/bulk-bar.ts',
      '/src/chat-sidebar/on-use.ts',
    ];
    const holds = (chunk: OutputChunk, part: string) =>
      Object.keys(chunk.modules).some((id) => id.endsWith(part));
    for (const part of [...parts, '/src/parts/menu.ts', '/src/parts/menu.styles.ts'])
      assert.ok(!holds(entry, part), `${part} is not in the entry`);
    const lazy = chunks.filter(
      (chunk) => !chunk.isEntry && holds(chunk, '/src/chat-sidebar/on-use.ts'),
    );
    assert.equal(lazy.length, 1);
    for (const part of parts) assert.ok(holds(lazy[0]!, part), `${part} is in the sidebar's chunk`);
    assert.ok(entry.dynamicImports.includes(lazy[0]!.fileName), 'reached by a dynamic import');
  });

  it("quick create's reading of the text comes with the preview's chunk", () => {
    const holds = (chunk: OutputChunk, part: string) =>
      Object.keys(chunk.modules).some((id) => id.endsWith(part));
    assert.ok(!holds(entry, '/src/chat-sidebar/quick-create-read.ts'));
    const lazy = chunks.filter((chunk) => holds(chunk, '/src/chat-sidebar/quick-create-read.ts'));
    assert.equal(lazy.length, 1);
    assert.ok(holds(lazy[0]!, '/src/quick-create-preview/quick-create-preview.ts'));
  });

  it("the sidebar's Trash entry and its loader stay in the entry (the count shows at once)", () => {
    assert.ok(
      Object.keys(entry.modules).some((id) => id.endsWith('/src/chat-sidebar/trash-entry.ts')),
    );
  });
});
