/**
 * Bundle sizes: what the elements cost a host page, minified (terser, Lit's production build)
 * and compressed as a server would send them (gzip -9 and brotli quality 11, node:zlib).
 *
 *   node --conditions=@chat-sessions/source --import tsx bench/bundles/sizes.ts [--json] [--dist]
 *
 * Variants (all built in memory with the options of rollup.config.mjs); what a variant loads
 * lazily is measured in a row of its own:
 * - `lit`: Lit alone, the baseline every Lit element pays; the others are also given as ratios
 *   to it.
 * - `elements`: our element code alone (every define module run); the SDK, lit, @lit/context, …
 *   stay imports, as in a host that already loads them.
 * - `elements+sdk`: the same plus the SDK's code; third-party packages (lit, @lit/context, …) stay imports.
 * - `bundle`: dist/chat-sessions.bundle.js, self-contained (elements + SDK + lit).
 * - `bundle+supabase-js`: dist/chat-sessions-with-supabase.bundle.js, which adds `createClient`.
 *
 * Sizes are exact for a given source tree and zlib, so test/packaging/bundle-budgets.test.ts
 * holds them to bench/bundle-budgets.json.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { ROOT } from '../../scripts/package-entries.mjs';
import {
  BROWSER_BUNDLES,
  browserBundleOptions,
  type BrowserBundleVariant,
} from '../../rollup.config.mjs';

/** The measured variants, in the order they are reported. */
export const BUNDLE_VARIANTS = {
  lit: { parts: [], reexport: ['lit'] },
  elements: { parts: ['elements'], thirdPartyExternal: true },
  'elements+sdk': { parts: ['elements', 'sdk'], thirdPartyExternal: true },
  bundle: requireBundle('chat-sessions.bundle.js'),
  'bundle+supabase-js': requireBundle('chat-sessions-with-supabase.bundle.js'),
} satisfies Record<string, BrowserBundleVariant>;

export type BundleVariantName = keyof typeof BUNDLE_VARIANTS;

/** The variant that the others are compared with; it has no budget (it is not our code). */
export const BASELINE_VARIANT: BundleVariantName = 'lit';

/**
 * One measured row: a variant's entry module (what a page loads first), or, in a row named
 * `<variant>: lazy chunks`, the chunks it loads only when the code asks (quick-create's parser
 * and airport table), each compressed on its own as a server sends it, then added up.
 */
export interface BundleSize {
  name: string;
  variant: BundleVariantName;
  /** Bytes of the minified code. */
  minified: number;
  gzip: number;
  brotli: number;
}

export const lazyRowName = (variant: BundleVariantName) => `${variant}: lazy chunks`;

function requireBundle(file: string): BrowserBundleVariant {
  const variant = BROWSER_BUNDLES[file];
  if (!variant)
    throw new Error(`rollup.config.mjs no longer builds ${file}: update bench/bundles/sizes.ts.`);
  // The same file name as the build, so chunk names and the imports between them are identical.
  return { ...variant, fileName: file };
}

/** Builds one variant in memory: the entry module's minified code and its lazy chunks'. */
export async function buildVariant(
  variant: BrowserBundleVariant,
): Promise<{ entry: string; lazy: string[] }> {
  const { output, ...input } = browserBundleOptions(variant);
  // Warnings that rollup.config.mjs treats as errors still throw; the rest are dropped.
  const bundle = await rollup({ ...input, onwarn: (warning) => input.onwarn?.(warning, () => {}) });
  try {
    const { output: files } = await bundle.generate({ ...output, sourcemap: false });
    const chunks = files.filter((file) => file.type === 'chunk');
    const entries = chunks.filter((chunk) => chunk.isEntry);
    if (entries.length !== 1 || !entries[0])
      throw new Error('a browser bundle must have exactly one entry module');
    return {
      entry: entries[0].code,
      lazy: chunks.filter((chunk) => !chunk.isEntry).map((chunk) => chunk.code),
    };
  } finally {
    await bundle.close();
  }
}

/** Exact compressed sizes of `code`. */
export function compressedSizes(code: string): { minified: number; gzip: number; brotli: number } {
  const bytes = Buffer.from(code, 'utf8');
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

function rowsOf(variant: BundleVariantName, entry: string, lazy: readonly string[]): BundleSize[] {
  const rows: BundleSize[] = [{ name: variant, variant, ...compressedSizes(entry) }];
  if (lazy.length > 0) {
    const each = lazy.map(compressedSizes);
    const total = (key: 'minified' | 'gzip' | 'brotli') =>
      each.reduce((sum, size) => sum + size[key], 0);
    rows.push({
      name: lazyRowName(variant),
      variant,
      minified: total('minified'),
      gzip: total('gzip'),
      brotli: total('brotli'),
    });
  }
  return rows;
}

/** Measures every variant (or the named ones), building each in memory. */
export async function measureBundles(
  names: readonly BundleVariantName[] = Object.keys(BUNDLE_VARIANTS) as BundleVariantName[],
): Promise<BundleSize[]> {
  const rows: BundleSize[] = [];
  for (const variant of names) {
    const { entry, lazy } = await buildVariant(BUNDLE_VARIANTS[variant]);
    rows.push(...rowsOf(variant, entry, lazy));
  }
  return rows;
}

/** The variant whose bundle `npm run build` writes as dist/<fileName>. */
function variantOfFile(fileName: string): BundleVariantName {
  const variant = (Object.keys(BUNDLE_VARIANTS) as BundleVariantName[]).find(
    (name) => (BUNDLE_VARIANTS[name] as BrowserBundleVariant).fileName === fileName,
  );
  if (!variant) throw new Error(`no measured variant builds dist/${fileName}`);
  return variant;
}

/**
 * Measures a bundle as `npm run build` wrote it: dist/<fileName> and every chunk it reaches by
 * relative import, static or lazy (without their `sourceMappingURL` lines, which a build in
 * memory doesn't have). What {@link measureBundles} gives for the same sources, give or take a
 * byte: building with source maps changes the hashes in chunk file names.
 */
export async function measureBuiltBundle(fileName: string): Promise<BundleSize[]> {
  const entryFile = join(ROOT, 'dist', fileName);
  const read = async (file: string) =>
    (await readFile(file, 'utf8')).replace(/\/\/# sourceMappingURL=\S+\n?$/, '');
  const seen = new Set([entryFile]);
  const lazy: string[] = [];
  const queue = [entryFile];
  for (let file = queue.shift(); file; file = queue.shift()) {
    const code = await read(file);
    if (file !== entryFile) lazy.push(code);
    for (const specifier of relativeImports(code)) {
      const target = resolve(dirname(file), specifier);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return rowsOf(variantOfFile(fileName), await read(entryFile), lazy);
}

/** The relative specifiers a module imports, statically or lazily. */
function relativeImports(code: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const typed = node as { type?: string; source?: { type?: string; value?: unknown } | null };
    if (
      [
        'ImportDeclaration',
        'ImportExpression',
        'ExportAllDeclaration',
        'ExportNamedDeclaration',
      ].includes(typed.type ?? '') &&
      typed.source?.type === 'Literal' &&
      typeof typed.source.value === 'string' &&
      typed.source.value.startsWith('.')
    ) {
      found.push(typed.source.value);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code));
  return found;
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A Markdown table of the sizes, with ratios to the baseline's gzip size. */
export function formatSizes(sizes: readonly BundleSize[]): string {
  const baseline = sizes.find((size) => size.name === BASELINE_VARIANT);
  const rows = sizes.map((size) =>
    [
      size.name,
      kilobytes(size.minified),
      `${kilobytes(size.gzip)} (${size.gzip} B)`,
      `${kilobytes(size.brotli)} (${size.brotli} B)`,
      baseline ? `${(size.gzip / baseline.gzip).toFixed(2)}×` : '–',
    ].join(' | '),
  );
  return [
    `| variant | minified | gzip -9 | brotli 11 | gzip vs ${BASELINE_VARIANT} |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

/**
 * Issue #16's targets for what a page loads first (gzip -9): the self-contained bundle at most
 * 60 KB, with supabase-js at most 112 KB. Other rows have no target beyond their budget.
 */
export const BUNDLE_GOALS: Readonly<Record<string, number>> = {
  bundle: 60 * 1024,
  'bundle+supabase-js': 112 * 1024,
};

/** Budgets as bench/bundle-budgets.json holds them. */
export type BundleBudgets = Readonly<Record<string, { gzip: number; brotli: number }>>;

/** The RESULTS.md section: every row against its budget and, where set, its goal. */
export function formatReport(sizes: readonly BundleSize[], budgets: BundleBudgets): string {
  const rows = sizes.map((size) => {
    const budget = budgets[size.name];
    const goal = BUNDLE_GOALS[size.name];
    const within = budget ? size.gzip <= budget.gzip && size.brotli <= budget.brotli : null;
    return [
      size.name,
      kilobytes(size.minified),
      `${kilobytes(size.gzip)} (${size.gzip} B)`,
      `${kilobytes(size.brotli)} (${size.brotli} B)`,
      budget ? `${budget.gzip} / ${budget.brotli} B ${within ? '(within)' : '(**over**)'}` : '–',
      goal === undefined
        ? '–'
        : `≤ ${kilobytes(goal)} gzip: ${size.gzip <= goal ? 'reached' : `**${kilobytes(size.gzip - goal)} to go**`}`,
    ].join(' | ');
  });
  return [
    '## Bundles',
    '',
    '<!-- Written by bench/bundles/sizes.ts --report; replaced as a whole on each run. -->',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC from the sources ` +
      `(Rollup and terser with the options of rollup.config.mjs, Lit's production build), ` +
      `Node ${process.version}, zlib ${process.versions.zlib}. Sizes are exact for a source tree: ` +
      'no ratio or interval is needed. An entry row is what a page loads first; a "lazy chunks" row ' +
      'adds up what it loads only when used (the request editor, the outbox, the airport table), ' +
      'each chunk compressed on its own. Budgets are bench/bundle-budgets.json, held by ' +
      'test/packaging/bundle-budgets.test.ts in `npm test`; goals are issue #16’s.',
    '',
    '| row | minified | gzip -9 | brotli 11 | budget gzip / brotli | goal |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--report')) {
    // `npm run bench -- bundles`: every variant built in memory, against budgets and goals.
    const { writeFile } = await import('node:fs/promises');
    const budgets = (
      JSON.parse(await readFile(join(ROOT, 'bench', 'bundle-budgets.json'), 'utf8')) as {
        budgets: BundleBudgets;
      }
    ).budgets;
    const report = formatReport(await measureBundles(), budgets);
    const dir = process.env['BENCH_RESULTS_DIR'] ?? join(ROOT, 'bench', 'results');
    await writeFile(join(dir, 'bundles.md'), report);
    console.log(report);
    process.exit(0);
  }

  // --dist: the bundles as `npm run build` last wrote them, instead of building them again.
  const sizes = process.argv.includes('--dist')
    ? [
        ...(await measureBundles(['lit', 'elements', 'elements+sdk'])),
        ...(await measureBuiltBundle('chat-sessions.bundle.js')),
        ...(await measureBuiltBundle('chat-sessions-with-supabase.bundle.js')),
      ]
    : await measureBundles();
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify({ node: process.version, zlib: process.versions.zlib, sizes }, null, 2),
    );
  } else {
    console.log(formatSizes(sizes));
    console.log(
      `\nNode ${process.version}, zlib ${process.versions.zlib}; minified with terser, Lit's production build.`,
    );
  }
}
