/**
 * What would leaving modules out of a bundle's first load save? Builds a variant's entry twice,
 * as it is and with the named modules replaced by stubs (each export becomes `undefined`; the
 * code no longer runs, it is only measured), and prints both sizes and the difference: the
 * most that moving those modules into a lazy chunk can take off the entry. Also lists the
 * entry's largest modules (bytes Rollup rendered, before terser), to find candidates.
 *
 *   node --conditions=@chat-sessions/source --import tsx bench/bundles/what-if.ts \
 *     [--variant bundle] [--top 40] [src/chat-sidebar/dialogs.ts …]
 *
 * Paths are relative to the repository root and match the end of a module id. A rough guide,
 * not a gate: gzip does not add up, so measure the real split with bench/bundles/sizes.ts.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { rollup, type OutputChunk, type Plugin } from 'rollup';
import ts from 'typescript';
import { ROOT } from '../../scripts/package-entries.mjs';
import { browserBundleOptions } from '../../rollup.config.mjs';
import { BUNDLE_VARIANTS, compressedSizes, type BundleVariantName } from './sizes.js';

/** Names of the values a TypeScript or JavaScript module exports by declaration. */
function declaredExports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

/** Replaces each module whose id ends with one of `paths` by a stub of its exports. */
function stubModules(paths: readonly string[]): Plugin {
  return {
    name: 'chat-sessions:what-if-stubs',
    load(id) {
      if (!paths.some((path) => id.endsWith(path))) return null;
      const stubs = declaredExports(id).map((name) => `export const ${name} = undefined;`);
      return `${stubs.join('\n')}\n`;
    },
  };
}

/** The variant's entry chunk, optionally with `stubbed` modules left out. */
async function buildEntry(
  variant: BundleVariantName,
  stubbed: readonly string[],
): Promise<OutputChunk> {
  const { output, plugins, ...input } = browserBundleOptions(BUNDLE_VARIANTS[variant]);
  const bundle = await rollup({
    ...input,
    plugins: [stubModules(stubbed), ...(Array.isArray(plugins) ? plugins : [])],
    onwarn: () => {},
  });
  try {
    const { output: files } = await bundle.generate({ ...output, sourcemap: false });
    const entry = files.find((file): file is OutputChunk => file.type === 'chunk' && file.isEntry);
    if (!entry) throw new Error(`${variant} has no entry chunk`);
    return entry;
  } finally {
    await bundle.close();
  }
}

/** The entry's modules by rendered bytes, packages grouped (`npm:lit-html`). */
function largestModules(entry: OutputChunk, top: number): string[] {
  const groups = new Map<string, number>();
  for (const [id, module] of Object.entries(entry.modules)) {
    const name = relative(ROOT, id).replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, 'npm:$1');
    groups.set(name, (groups.get(name) ?? 0) + module.renderedLength);
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, bytes]) => `${String(bytes).padStart(8)}  ${name}`);
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const variant = (option('--variant') ?? 'bundle') as BundleVariantName;
if (!(variant in BUNDLE_VARIANTS)) throw new Error(`unknown variant ${variant}`);
const top = Number(option('--top') ?? 40);

const entry = await buildEntry(variant, []);
const now = compressedSizes(entry.code);
console.log(
  `${variant} entry: ${now.minified} B minified, ${now.gzip} B gzip, ${now.brotli} B brotli`,
);
if (args.length > 0) {
  const without = compressedSizes((await buildEntry(variant, args)).code);
  console.log(
    `without ${args.join(', ')}: ${without.gzip} B gzip (${without.gzip - now.gzip} B), ` +
      `${without.brotli} B brotli (${without.brotli - now.brotli} B)`,
  );
}
console.log(`\nlargest modules of the entry (bytes rendered, before terser):`);
for (const line of largestModules(entry, top)) console.log(line);
