// Bundle size budgets (bench/bundle-budgets.json). Sizes are exact for a source tree, so this is
// a fair gate: it fails only when what a host downloads really grew past a budget. To accept
// growth, measure (`node --conditions=@chat-sessions/source --import tsx bench/bundles/sizes.ts`)
// and raise the budget in the same commit as the code, saying why.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/package-entries.mjs';
import { BROWSER_BUNDLES } from '../../rollup.config.mjs';
import {
  formatSizes,
  measureBuiltBundle,
  measureBundles,
  type BundleSize,
} from '../../bench/bundles/sizes.js';
import { withBuiltPackages } from './support.js';

interface BudgetFile {
  budgets: Record<string, { gzip: number; brotli: number }>;
}

let budgets: BudgetFile['budgets'];
let sizes: BundleSize[];

before(async () => {
  budgets = (
    JSON.parse(await readFile(join(ROOT, 'bench', 'bundle-budgets.json'), 'utf8')) as BudgetFile
  ).budgets;
  // Our code alone is built here; the browser bundles are measured as the build wrote them
  // (the build the packaging test also uses, so they are minified once).
  sizes = await measureBundles(['elements', 'elements+sdk']);
  await withBuiltPackages(async () => {
    for (const fileName of Object.keys(BROWSER_BUNDLES))
      sizes.push(...(await measureBuiltBundle(fileName)));
  });
  console.log(formatSizes(sizes));
});

describe('bundle budgets', () => {
  it('has a budget for every measured row, and none for a row that no longer exists', () => {
    assert.deepEqual(Object.keys(budgets).sort(), sizes.map((size) => size.name).sort());
  });

  it('every row stays within its gzip and brotli budgets', () => {
    const over = sizes.flatMap((size) => {
      const budget = budgets[size.name];
      if (!budget) return [];
      return [
        ...(size.gzip > budget.gzip
          ? [
              `${size.name}: ${size.gzip} B gzipped, budget ${budget.gzip} B (+${size.gzip - budget.gzip} B)`,
            ]
          : []),
        ...(size.brotli > budget.brotli
          ? [
              `${size.name}: ${size.brotli} B brotli, budget ${budget.brotli} B (+${size.brotli - budget.brotli} B)`,
            ]
          : []),
      ];
    });
    assert.deepEqual(over, [], `over budget:\n${over.join('\n')}`);
  });

  it('measures what it claims: each variant is larger than the one it extends', () => {
    const gzip = (name: string) => sizes.find((item) => item.name === name)?.gzip ?? Number.NaN;
    assert.ok(gzip('elements') < gzip('elements+sdk'));
    assert.ok(gzip('elements+sdk') < gzip('bundle'));
    assert.ok(gzip('bundle') < gzip('bundle+supabase-js'));
  });
});
