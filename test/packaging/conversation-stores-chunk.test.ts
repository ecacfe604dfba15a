// The SDK's conversation-side stores (MessageStore, OperatorThreadStore, SessionStore,
// DraftStore) stay out of the browser bundle's first load: the runtime imports them lazily
// (packages/sdk/src/runtime/conversation-loader.ts) and the bundle exports them as types only
// (LAZY_BUNDLE_SDK_VALUES), so only a lazy chunk holds them. Checked on the Rollup output.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { rollup, type RollupOutput } from 'rollup';
import { browserBundleOptions, LAZY_BUNDLE_SDK_VALUES } from '../../rollup.config.mjs';

type Chunk = Extract<RollupOutput['output'][number], { type: 'chunk' }>;

const storeModules = [
  'packages/sdk/src/stores/conversation-stores.ts',
  'packages/sdk/src/stores/draft-store.ts',
  'packages/sdk/src/stores/message-store.ts',
  'packages/sdk/src/stores/operator-thread-store.ts',
  'packages/sdk/src/stores/session-store.ts',
];

describe('the conversation stores in the browser bundle', () => {
  let chunks: Chunk[] = [];
  before(
    async () => {
      const { output, ...input } = browserBundleOptions({
        parts: ['elements', 'sdk'],
        thirdPartyExternal: true,
      });
      const bundle = await rollup({ ...input, onwarn: () => {} });
      try {
        const { output: files } = await bundle.generate({ ...output, sourcemap: false });
        chunks = files.filter((file): file is Chunk => file.type === 'chunk');
      } finally {
        await bundle.close();
      }
    },
    { timeout: 180_000 },
  );

  const holds = (chunk: Chunk, path: string) =>
    Object.keys(chunk.modules).some((id) => id.endsWith(`/${path}`));

  it('are in one lazy chunk the entry imports dynamically, not in the entry', () => {
    const [entry] = chunks.filter((chunk) => chunk.isEntry);
    assert.ok(entry, 'the bundle has an entry');
    for (const path of storeModules) assert.ok(!holds(entry, path), `${path} is not in the entry`);
    assert.ok(holds(entry, 'packages/sdk/src/runtime/conversation-loader.ts'));
    assert.ok(holds(entry, 'packages/sdk/src/stores/session-list-store.ts'), 'the list is eager');
    const lazy = chunks.filter((chunk) => !chunk.isEntry && holds(chunk, storeModules[0]!));
    assert.equal(lazy.length, 1, 'one chunk holds the conversation stores');
    for (const path of storeModules) assert.ok(holds(lazy[0]!, path), `${path} is in it`);
    assert.ok(entry.dynamicImports.includes(lazy[0]!.fileName));
  });

  it('are exported by the entry as types only; their loader is a value export', () => {
    const [entry] = chunks.filter((chunk) => chunk.isEntry);
    for (const name of LAZY_BUNDLE_SDK_VALUES)
      assert.ok(!entry!.exports.includes(name), `${name} is not a value export of the entry`);
    for (const name of ['loadConversationStores', 'conversationStoresLoaded', 'getRuntime'])
      assert.ok(entry!.exports.includes(name), `${name} is exported`);
  });
});
