// `npm run build`: builds the two published packages into their dist/ folders.
//
//   - JavaScript (rollup.config.mjs): unbundled ES modules + source maps for each package, and
//     the self-contained browser bundles of @chat-sessions/elements.
//   - Declarations (.d.ts): scripts/build-declarations.mjs, in a second process at the same
//     time (the machines have two cores; minifying the bundles and type-checking are the two
//     long steps).
//   - custom-elements.json from the elements' JSDoc (@custom-elements-manifest/analyzer), with
//     module paths pointing at the published dist/ files.
//   - Then a check that every target of every `exports` entry exists.
//
// One build at a time: a second one (the demo server rebuilding while the packaging tests do)
// waits for the first, and skips its work if the inputs didn't change meanwhile. With
// --if-changed it also skips when the last successful build was made from the same inputs.
//
// Usage: node scripts/build.mjs [--quiet] [--if-changed]
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { rollup } from 'rollup';
import rollupConfig, {
  BROWSER_BUNDLES,
  LAZY_BUNDLE_ELEMENTS,
  LAZY_BUNDLE_SDK_VALUES,
} from '../rollup.config.mjs';
import {
  acquireBuildLock,
  forgetBuild,
  inputFingerprint,
  isUpToDate,
  recordBuild,
} from './build-state.mjs';
import { PUBLISHED_PACKAGES, ROOT, codeEntries, publishedPackage } from './package-entries.mjs';

const run = promisify(execFile);

const quiet = process.argv.includes('--quiet');
const ifChanged = process.argv.includes('--if-changed');
const log = (message) => {
  if (!quiet) console.log(message);
};

async function step(name, work) {
  const started = performance.now();
  await work();
  log(`build: ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** Runs a Node script; its output is shown only if it fails (or without --quiet). */
async function runNode(args) {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (!quiet) process.stdout.write(stdout + stderr);
  } catch (error) {
    throw new Error(
      `node ${args.map((arg) => relative(ROOT, arg) || arg).join(' ')} failed:\n${error.stderr || error.stdout || error.message}`,
      { cause: error },
    );
  }
}

function clean() {
  for (const pkg of PUBLISHED_PACKAGES)
    rmSync(join(pkg.dir, 'dist'), { recursive: true, force: true });
  rmSync(join(ROOT, 'custom-elements.json'), { force: true });
}

async function rollupBuild({ output, ...input }) {
  // Quiet: warnings the config treats as errors still throw; the rest are dropped.
  const onwarn = quiet ? (warning) => input.onwarn?.(warning, () => {}) : input.onwarn;
  const bundle = await rollup({ ...input, onwarn });
  try {
    await bundle.write(output);
  } finally {
    await bundle.close();
  }
}

/** The packages one after the other, then the browser bundles side by side (terser runs in workers). */
async function buildJavaScript() {
  const bundles = new Set(Object.keys(BROWSER_BUNDLES));
  const isBundle = (options) => bundles.has(options.output.entryFileNames);
  for (const options of rollupConfig.filter((item) => !isBundle(item))) await rollupBuild(options);
  await Promise.all(rollupConfig.filter(isBundle).map(rollupBuild));
}

/** Declarations of the browser bundles: what each one re-exports. */
function writeBundleDeclarations() {
  const elements = publishedPackage('elements');
  const sdk = publishedPackage('sdk');
  for (const [name, variant] of Object.entries(BROWSER_BUNDLES)) {
    const lines = [
      '// Types of the self-contained browser bundle: the same API as the packages it holds.',
    ];
    if (variant.parts.includes('elements')) {
      // The classes in lazy chunks (LAZY_BUNDLE_ELEMENTS): types only (src/autoload.ts).
      const lazy = Object.values(LAZY_BUNDLE_ELEMENTS).join(', ');
      lines.push(`export * from './index.js';`, `export type { ${lazy} } from './index.js';`);
      lines.push(`export * from './autoload.js';`);
    }
    if (variant.parts.includes('sdk')) {
      // The conversation side's stores are in a lazy chunk: types only (loadConversationStores()).
      lines.push(
        `export * from '${sdk.name}';`,
        `export type { ${LAZY_BUNDLE_SDK_VALUES.join(', ')} } from '${sdk.name}';`,
      );
    }
    if (variant.supabase) lines.push(`export { createClient } from '@supabase/supabase-js';`);
    writeFileSync(
      join(elements.dir, 'dist', name.replace(/\.js$/, '.d.ts')),
      `${lines.join('\n')}\n`,
    );
  }
}

/**
 * custom-elements.json, tidied for what ships: module paths point at dist/*.js; modules that
 * compile to nothing (type-only) are dropped; so are the analyzer's false finds in our define
 * helper (`customElements.define(tagName, …)` with a variable tag); events get their real names.
 * Module paths are checked against dist/ once the JavaScript is built.
 */
async function analyzeCustomElements() {
  const require = createRequire(import.meta.url);
  const cli = join(
    require.resolve('@custom-elements-manifest/analyzer/package.json'),
    '..',
    'cem.js',
  );
  await runNode([
    cli,
    'analyze',
    '--config',
    join(ROOT, 'scripts/custom-elements-manifest.config.mjs'),
  ]);
}

function tidyCustomElementsManifest() {
  const file = join(ROOT, 'custom-elements.json');
  const toPublished = (value) => {
    if (typeof value === 'string') return value.replace(/^\/?src\/(.+)\.(?:ts|js)$/, 'dist/$1.js');
    if (Array.isArray(value)) return value.map(toPublished);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [key, toPublished(inner)]),
      );
    }
    return value;
  };
  const manifest = toPublished(JSON.parse(readFileSync(file, 'utf8')));
  // Our events are Event subclasses with a static `eventName`: the analyzer sees
  // `dispatchEvent(new ChatSessionSelectEvent(session))` and records "session" as the event's
  // name. Name those by their class, and merge them with the JSDoc `@event` of the same name.
  const eventNames = new Map(
    manifest.modules.flatMap((module) =>
      (module.declarations ?? []).flatMap((declaration) => {
        const field = declaration.members?.find(
          (member) => member.static && member.name === 'eventName',
        );
        const literal = /^['"`]([^'"`]+)['"`]$/.exec(field?.default ?? '');
        return literal ? [[declaration.name, literal[1]]] : [];
      }),
    ),
  );
  const tidyEvents = (events) => {
    const byName = new Map();
    for (const event of events) {
      const name = eventNames.get(event.type?.text) ?? event.name;
      // Nameless, or an argument's name taken for the event's: nothing a host can listen to.
      if (!name || (!event.description && !name.includes('-'))) continue;
      byName.set(name, { ...byName.get(name), ...event, name });
    }
    return [...byName.values()];
  };
  manifest.modules = manifest.modules
    .filter((module) => existsSync(join(ROOT, module.path)))
    .map((module) => ({
      ...module,
      declarations: (module.declarations ?? []).map((declaration) =>
        declaration.events
          ? { ...declaration, events: tidyEvents(declaration.events) }
          : declaration,
      ),
      exports: (module.exports ?? []).filter(
        (declaration) =>
          declaration.kind !== 'custom-element-definition' || declaration.name.includes('-'),
      ),
    }));
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  const tags = manifest.modules.flatMap((module) =>
    module.exports.filter((declaration) => declaration.kind === 'custom-element-definition'),
  );
  const defineModules = codeEntries(publishedPackage('elements')).filter((entry) =>
    entry.subpath.endsWith('/define.js'),
  );
  if (tags.length < defineModules.length) {
    throw new Error(
      `custom-elements.json lists ${tags.length} tag(s) for ${defineModules.length} define module(s): ` +
        'each define module must call defineElement(tag, Class).',
    );
  }
}

function checkExportTargets() {
  const missing = [];
  for (const pkg of PUBLISHED_PACKAGES) {
    for (const entry of codeEntries(pkg)) {
      for (const file of [entry.output, entry.types])
        if (!existsSync(file)) missing.push(relative(ROOT, file));
    }
    const visit = (target) => {
      if (typeof target === 'string') {
        if (
          !target.includes('*') &&
          !target.startsWith('./src/') &&
          !existsSync(join(pkg.dir, target))
        ) {
          missing.push(relative(ROOT, join(pkg.dir, target)));
        }
      } else if (target && typeof target === 'object') {
        Object.values(target).forEach(visit);
      }
    };
    visit(pkg.manifest.exports);
  }
  if (missing.length > 0)
    throw new Error(`exports point at files the build did not produce: ${missing.join(', ')}`);
}

const { waited, release } = await acquireBuildLock({
  onWait: () => log('build: waiting for another build to finish'),
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    release();
    process.exit(130);
  });
}

if ((ifChanged || waited) && isUpToDate()) {
  log('build: up to date (same inputs as the last build)');
} else {
  const buildStarted = performance.now();
  forgetBuild();
  const fingerprint = inputFingerprint();
  await step('clean', clean);
  await Promise.all([
    step('JavaScript (rollup)', buildJavaScript),
    step('declarations', () => runNode([join(ROOT, 'scripts/build-declarations.mjs')])),
    step('custom-elements.json', analyzeCustomElements),
  ]);
  await step('custom-elements.json paths', tidyCustomElementsManifest);
  await step('bundle declarations', writeBundleDeclarations);
  await step('exports check', checkExportTargets);
  // The inputs as they were when the build started: an edit during the build makes it stale.
  recordBuild(fingerprint);
  log(`build: done in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`);
}
