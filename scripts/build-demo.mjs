// `npm start`'s build: only what the demo pages load — the browser bundle with supabase-js
// (`chat-sessions-with-supabase.bundle.js`, the same entry module as `npm run build`'s) and its
// lazy chunks — into .cache/demo/dist/, which the demo serves as /dist/. No declarations, no
// custom-elements.json, no library builds, no minifying: those are `npm run build`'s, and the
// demo loads none of them. It bundles with esbuild (the transform the browser specs already run
// the sources through) rather than Rollup: about a second instead of Rollup's tree-shaking pass
// over supabase-js, zod and the airport table (12 s with a warm module cache on this machine).
// With the same inputs as the last demo build (file names, sizes and times) nothing is built.
//
// Usage: node scripts/build-demo.mjs [--quiet]
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEMO_BUNDLE = 'chat-sessions-with-supabase.bundle.js';
const buildDir = join(ROOT, '.cache/demo');
const outputDir = join(buildDir, 'dist');
const stampFile = join(buildDir, 'inputs.txt');
const lockDir = join(buildDir, 'build.lock');
const LOCK_TIMEOUT_MS = 5 * 60_000;

const quiet = process.argv.includes('--quiet');
const log = (message) => {
  if (!quiet) console.log(message);
};

/** Names, sizes and modification times of everything the bundle is built from. */
function inputStamp() {
  const hash = createHash('sha256');
  const add = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(`${relative(ROOT, path)}\0${info.size}\0${info.mtimeMs}\n`);
  };
  for (const path of [
    'src',
    'packages/sdk/src',
    'package.json',
    'packages/sdk/package.json',
    'package-lock.json',
    'tsconfig.base.json',
    'rollup.config.mjs',
    'scripts/build-demo.mjs',
    'scripts/package-entries.mjs',
  ])
    add(join(ROOT, path));
  return hash.digest('hex');
}

/** One demo build at a time (parallel e2e files each start a demo server). */
async function acquireLock() {
  mkdirSync(buildDir, { recursive: true });
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (let waited = false; ; waited = true) {
    try {
      mkdirSync(lockDir);
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${relative(ROOT, lockDir)}`, { cause: error });
      if (!waited) log('demo build: waiting for another demo build to finish');
      await sleep(250);
    }
  }
}

/**
 * The elements' define modules register the tags: they run for what they do. package.json's
 * `sideEffects` names them as published (dist/), so esbuild, reading the sources, would drop them.
 */
const defineModulesRun = {
  name: 'chat-sessions:define-modules-run',
  setup(build) {
    build.onResolve({ filter: /[\\/]define\.(?:ts|js)$/ }, (args) => {
      const path = isAbsolute(args.path) ? args.path : resolve(args.resolveDir, args.path);
      const source = path.replace(/\.js$/, '.ts');
      if (!existsSync(source) || !source.startsWith(join(ROOT, 'src'))) return undefined;
      return { path: source, sideEffects: true };
    });
  },
};

async function build() {
  const started = performance.now();
  const [{ build: esbuild }, { BROWSER_BUNDLES, bundleEntrySource }, { SOURCE_CONDITION }] =
    await Promise.all([
      import('esbuild'),
      import('../rollup.config.mjs'),
      import('./package-entries.mjs'),
    ]);
  rmSync(outputDir, { recursive: true, force: true });
  const result = await esbuild({
    stdin: {
      contents: bundleEntrySource({ reexport: [], ...BROWSER_BUNDLES[DEMO_BUNDLE] }),
      resolveDir: ROOT,
      sourcefile: 'chat-sessions-bundle-entry.js',
      loader: 'js',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Our packages' sources, Lit's production build; never `development` or `node`.
    conditions: [SOURCE_CONDITION, 'production'],
    // experimentalDecorators and useDefineForClassFields: false, as the packages compile.
    tsconfig: join(ROOT, 'tsconfig.base.json'),
    outdir: outputDir,
    entryNames: DEMO_BUNDLE.replace(/\.js$/, ''),
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    plugins: [defineModulesRun],
    logLevel: 'silent',
    metafile: true,
  });
  for (const warning of result.warnings) console.warn(`demo build: ${warning.text}`);
  const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
  log(
    `demo build: ${files.length} file(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const release = await acquireLock();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    release();
    process.exit(130);
  });
}
try {
  const stamp = inputStamp();
  if (
    existsSync(join(outputDir, DEMO_BUNDLE)) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === stamp
  ) {
    log('demo build: up to date');
  } else {
    rmSync(stampFile, { force: true });
    log(`demo build: building ${DEMO_BUNDLE} into ${relative(ROOT, outputDir)}/ …`);
    await build();
    writeFileSync(stampFile, stamp);
  }
} finally {
  release();
}
