// Builds of the two published packages (`npm run build` runs this through scripts/build.mjs,
// which adds the declarations and the custom elements manifest):
//
// - @chat-sessions/sdk and @chat-sessions/elements: unbundled ES modules (one output file per
//   source module) with source maps, into each package's dist/, for npm users whose own bundler
//   does the rest. Every dependency stays an import.
// - dist/chat-sessions.bundle.js: one self-contained, minified file for hosts that load a
//   `<script type="module">`: the elements (every define module executed, except the
//   conversation pane's and <chat-workspace>'s, which src/autoload.ts loads on first use), the
//   SDK and Lit's production build. dist/chat-sessions-with-supabase.bundle.js adds supabase-js's
//   `createClient`, for hosts without a bundler that have no client yet. What the code imports
//   lazily (the conversation pane, quick-create's parser and airport table, ~420 KB gzipped) becomes chunks in
//   dist/chunks/ that the bundle loads by relative URL when first needed, never a bare import.
//
// Both builds ship Lit's css`…` templates minified (scripts/rollup-minify-templates.mjs); the
// browser bundles also minify html`…`/svg`…` templates, run terser twice over each chunk and keep
// each distinct license comment once per file (scripts/rollup-license-comments.mjs).
//
// Entry points come from each package's `exports` (scripts/package-entries.mjs), never from a
// list kept here.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { builtinModules } from 'node:module';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import {
  ROOT,
  SOURCE_CONDITION,
  codeEntries,
  declaredDependencies,
  packageNameOf,
  publishedPackage,
} from './scripts/package-entries.mjs';
import { typescriptModules } from './scripts/rollup-typescript.mjs';
import { minifyTemplates } from './scripts/rollup-minify-templates.mjs';
import { licenseCommentsOnce } from './scripts/rollup-license-comments.mjs';
import ts from 'typescript';

const isBareSpecifier = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Options for one package's unbundled build. @param {'sdk' | 'elements'} id */
export function libraryOptions(id) {
  const pkg = publishedPackage(id);
  const srcRoot = join(pkg.dir, 'src');
  const dependencies = declaredDependencies(pkg);
  const input = Object.fromEntries(
    codeEntries(pkg).map((entry) => [
      relative(srcRoot, entry.source).replace(/\.ts$/, ''),
      entry.source,
    ]),
  );
  return {
    input,
    external: isBareSpecifier,
    plugins: [
      {
        // An import of a package the consumer won't have installed is a broken package.
        name: 'chat-sessions:declared-dependencies',
        resolveId(source, importer) {
          if (!importer || !isBareSpecifier(source) || nodeBuiltins.has(source)) return null;
          if (!dependencies.has(packageNameOf(source))) {
            this.error(
              `${relative(ROOT, importer)} imports "${source}", which is not in ${pkg.name}'s ` +
                'dependencies or peerDependencies: add it there.',
            );
          }
          return null;
        },
      },
      {
        // Relative imports must stay inside the package's src/ (a path into another workspace
        // works here and breaks once published).
        name: 'chat-sessions:inside-src',
        resolveId(source, importer) {
          if (!importer || !source.startsWith('.')) return null;
          const target = join(importer, '..', source);
          if (relative(srcRoot, target).startsWith('..')) {
            this.error(
              `${relative(ROOT, importer)} imports "${source}" from outside ${relative(ROOT, srcRoot) || '.'}/: ` +
                'import it through its package name instead.',
            );
          }
          return null;
        },
      },
      typescriptModules(),
      // Lit's css`…` templates ship minified (html`…` as written: the bundles minify it).
      minifyTemplates({ html: false }),
    ],
    output: {
      dir: join(pkg.dir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: srcRoot,
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  };
}

/** The self-contained browser bundles, by file name under dist/. */
export const BROWSER_BUNDLES = {
  'chat-sessions.bundle.js': { parts: ['elements', 'sdk'], supabase: false },
  'chat-sessions-with-supabase.bundle.js': { parts: ['elements', 'sdk'], supabase: true },
};

const bundleEntryId = '\0chat-sessions:bundle-entry';

/**
 * Elements the browser bundles leave in lazy chunks (a page that shows the session list paints
 * without them): their define modules are not imported by the entry, and their classes are not
 * exported from it (their types still are, see scripts/build.mjs). src/autoload.ts loads a chunk
 * when one of its tags appears in the document. Three chunks: the conversation pane (the first
 * four, which <chat-workspace> also loads itself), the <chat-workspace> shell and
 * <chat-connection-status> (which <chat-sidebar> warms while idle after its first paint: its line
 * is empty while online; src/controllers/connection-status-loader.ts).
 */
export const LAZY_BUNDLE_ELEMENTS = {
  'chat-session-view': 'ChatSessionView',
  'chat-composer': 'ChatComposer',
  'chat-message': 'ChatMessage',
  'operator-thread-list': 'OperatorThreadList',
  'chat-workspace': 'ChatWorkspace',
  'chat-connection-status': 'ChatConnectionStatus',
};

/**
 * SDK classes the browser bundles leave in a lazy chunk: the conversation side's stores, which
 * the runtime loads when it is made (`loadConversationStores()`, packages/sdk/src/runtime/
 * conversation-loader.ts) and which only the conversation pane uses. The bundles export them as
 * types only; a host page gets the classes from `await loadConversationStores()`.
 */
export const LAZY_BUNDLE_SDK_VALUES = [
  'DraftStore',
  'MessageStore',
  'OperatorThreadStore',
  'SessionStore',
];

/** The tag of an element's define module (`src/<tag>/define.ts`), or null. */
const defineModuleTag = (id) => /\/src\/([^/]+)\/define\.ts$/.exec(id)?.[1] ?? null;
const lazyDefineStub = '\0chat-sessions:lazy-define';

/** Names of the values (not types) a module exports with `export { ... } from` / `export { ... }`. */
function valueExportNames(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (!clause || !ts.isNamedExports(clause)) {
        throw new Error(`${relative(ROOT, file)}: \`export *\` is not supported in the entry.`);
      }
      for (const element of clause.elements) if (!element.isTypeOnly) names.push(element.name.text);
    } else if (
      statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      throw new Error(`${relative(ROOT, file)}: declare exports elsewhere and re-export them.`);
    }
  }
  return names;
}

/**
 * The module a browser bundle starts from: every code export of the elements (so every define
 * module runs) except the lazily loaded elements (LAZY_BUNDLE_ELEMENTS), whose place the
 * autoloader (src/autoload.ts) takes, the SDK's main entry (but LAZY_BUNDLE_SDK_VALUES), optionally supabase-js's
 * `createClient`, and any other modules to re-export whole (`reexport`, for reference
 * measurements such as Lit alone). The SDK's `./metadata` entry is not re-exported: hosts that
 * want it import it lazily.
 */
export function bundleEntrySource({ parts, supabase, reexport }) {
  const lines = [];
  if (parts.includes('elements')) {
    const elements = publishedPackage('elements');
    const lazyDefines = new Set(
      Object.keys(LAZY_BUNDLE_ELEMENTS).map((tag) => join(elements.dir, 'src', tag, 'define.ts')),
    );
    const lazyClasses = new Set(Object.values(LAZY_BUNDLE_ELEMENTS));
    for (const entry of codeEntries(elements)) {
      if (entry.subpath === '.') {
        const names = valueExportNames(entry.source).filter((name) => !lazyClasses.has(name));
        lines.push(`export { ${names.join(', ')} } from ${JSON.stringify(entry.source)};`);
      } else if (!lazyDefines.has(entry.source)) {
        lines.push(`import ${JSON.stringify(entry.source)};`);
      }
    }
    lines.push(`export * from ${JSON.stringify(join(elements.dir, 'src', 'autoload.ts'))};`);
  }
  if (parts.includes('sdk')) {
    const main = codeEntries(publishedPackage('sdk')).find((entry) => entry.subpath === '.');
    if (!main) throw new Error('@chat-sessions/sdk has no "." export.');
    const lazy = new Set(LAZY_BUNDLE_SDK_VALUES);
    const names = valueExportNames(main.source).filter((name) => !lazy.has(name));
    lines.push(`export { ${names.join(', ')} } from ${JSON.stringify(main.source)};`);
  }
  if (supabase) lines.push(`export { createClient } from '@supabase/supabase-js';`);
  for (const specifier of reexport) lines.push(`export * from ${JSON.stringify(specifier)};`);
  return `${lines.join('\n')}\n`;
}

/**
 * Options for a browser build: one entry module (plus chunks for what the code imports lazily).
 *
 * @param {object} variant
 * @param {Array<'elements' | 'sdk'>} variant.parts which packages' code the bundle starts from.
 * @param {boolean} [variant.supabase] also export supabase-js's `createClient`.
 * @param {string[]} [variant.reexport] other modules to re-export whole.
 * @param {boolean} [variant.thirdPartyExternal] leave every import of another package (lit,
 *   zod, our own packages not in `parts`, and any package imported lazily) as an import, to
 *   measure our own code alone.
 * @param {string} [variant.fileName] the entry's file name in dist/ (default `bundle.js`).
 */
export function browserBundleOptions({
  parts,
  supabase = false,
  reexport = [],
  thirdPartyExternal = false,
  fileName,
}) {
  const bundledPackages = parts.map((id) => publishedPackage(id).name);
  return {
    input: bundleEntryId,
    // Lazy chunks import what they share (zod, models) from the entry module itself, which
    // therefore gets extra exports; without this Rollup would turn the entry into a facade that
    // re-exports a second file, costing hosts a round trip.
    preserveEntrySignatures: 'allow-extension',
    external: thirdPartyExternal
      ? (id) => isBareSpecifier(id) && !bundledPackages.includes(packageNameOf(id))
      : () => false,
    plugins: [
      {
        name: 'chat-sessions:bundle-entry',
        resolveId(source, importer) {
          if (source === bundleEntryId) return bundleEntryId;
          // The define modules are imported for what they do, not for what they export.
          if (importer === bundleEntryId && isAbsolute(source))
            return { id: source, moduleSideEffects: true };
          return null;
        },
      },
      {
        // So are the define modules a lazily loaded define module imports (the session view's
        // imports the composer's, the messages' and the thread list's): package.json's
        // `sideEffects` names only their built files.
        name: 'chat-sessions:define-side-effects',
        async resolveId(source, importer, options) {
          if (!importer || !source.endsWith('/define.js')) return null;
          const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
          const tag = resolved && defineModuleTag(resolved.id);
          if (!tag) return resolved;
          // An eager element's define module that registers a lazy one with it (the sidebar's
          // registers <chat-connection-status> for npm users) leaves it to its loader here.
          const importerTag = defineModuleTag(importer);
          if (tag in LAZY_BUNDLE_ELEMENTS && importerTag && !(importerTag in LAZY_BUNDLE_ELEMENTS))
            return { id: lazyDefineStub, moduleSideEffects: false };
          return { ...resolved, moduleSideEffects: true };
        },
        load(id) {
          if (id === lazyDefineStub) return 'export {};\n';
          return id === bundleEntryId ? bundleEntrySource({ parts, supabase, reexport }) : null;
        },
        // Measuring our own code: what it loads lazily from a package (quick-create's parser)
        // is not part of that cost; the full bundles measure it.
        resolveDynamicImport(specifier) {
          return thirdPartyExternal && typeof specifier === 'string' && isBareSpecifier(specifier)
            ? { id: specifier, external: true }
            : null;
        },
      },
      typescriptModules(),
      minifyTemplates(),
      nodeResolve({
        // Sources of our own packages; Lit's production build (its default, and `production` for
        // packages that name it); browser builds of everything else. Never `development`/`node`.
        exportConditions: [SOURCE_CONDITION, 'production'],
        browser: true,
        preferBuiltins: false,
        extensions: ['.mjs', '.js', '.json', '.ts'],
      }),
      terser({
        ecma: 2022,
        module: true,
        // A second pass finds what the first one's inlining and dead-code removal exposed
        // (issue #16: bundle -255 B gzip). Measured and left out: passes 3 (-8 B more),
        // `unsafe*`, `pure_getters` (would drop layout reads such as `offsetHeight`),
        // `booleans_as_integers` (turns `true` into `1`, which our zod schemas refuse),
        // `keep_fargs: false` (changes `Function.length`); each saved under 100 B.
        compress: { passes: 2 },
        format: { comments: /@license|@preserve/ },
      }),
      licenseCommentsOnce(),
    ],
    onwarn(warning, defaultHandler) {
      // Third-party noise: comments Rollup drops, and import cycles inside a dependency.
      if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
      if (
        warning.code === 'CIRCULAR_DEPENDENCY' &&
        warning.ids?.every((id) => id.includes('/node_modules/'))
      )
        return;
      // A bundle that silently dropped an export or left an import unresolved is broken.
      if (
        ['UNRESOLVED_IMPORT', 'NAMESPACE_CONFLICT', 'MISSING_EXPORT'].includes(warning.code ?? '')
      ) {
        throw new Error(`browser bundle: ${warning.message}`);
      }
      defaultHandler(warning);
    },
    output: {
      dir: join(ROOT, 'dist'),
      format: 'es',
      sourcemap: true,
      entryFileNames: fileName ?? 'bundle.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  };
}

export default [
  libraryOptions('sdk'),
  libraryOptions('elements'),
  ...Object.entries(BROWSER_BUNDLES).map(([name, variant]) =>
    browserBundleOptions({ ...variant, fileName: name }),
  ),
];
