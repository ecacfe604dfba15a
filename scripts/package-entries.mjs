// Reads the entry points of the published packages from their `package.json` `exports`, so the
// build, the bundles and the packaging tests never keep a second list that could drift.
//
// Every export that ships code has three targets:
//   "@chat-sessions/source" → the TypeScript source (what tsx, tsc and web-test-runner load in
//                              this repository: they pass that condition);
//   "types"                 → the declaration file in dist/;
//   "default"               → the compiled module in dist/.
// Subpath patterns (`"./*/define.js"`) are expanded against the files that exist in src/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The export condition that points at TypeScript sources during development. */
export const SOURCE_CONDITION = '@chat-sessions/source';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The published packages, in build order (the elements' declarations import the SDK's). */
export const PUBLISHED_PACKAGES = [
  { id: 'sdk', dir: join(ROOT, 'packages/sdk') },
  { id: 'elements', dir: ROOT },
].map((pkg) => {
  const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8'));
  return { ...pkg, name: manifest.name, manifest };
});

/** @param {'sdk' | 'elements'} id */
export function publishedPackage(id) {
  const pkg = PUBLISHED_PACKAGES.find((candidate) => candidate.id === id);
  if (!pkg) throw new Error(`Unknown package id ${id}: use 'sdk' or 'elements'.`);
  return pkg;
}

const toPosix = (path) => path.split(sep).join('/');

function listFiles(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function patternRegExp(pattern) {
  const [before, after] = pattern.split('*');
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(before)}(.+)${escape(after)}$`);
}

/** The key of `exports` that Node would pick for `subpath` (exact match, else longest prefix). */
function matchingKey(exportsMap, subpath) {
  if (Object.hasOwn(exportsMap, subpath) && !subpath.includes('*')) return subpath;
  let best;
  for (const key of Object.keys(exportsMap)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (
      subpath.length >= key.length &&
      subpath.startsWith(prefix) &&
      subpath.endsWith(suffix) &&
      (!best || prefix.length > best.indexOf('*'))
    ) {
      best = key;
    }
  }
  return best;
}

/**
 * The code entry points of a package: one row per concrete subpath, patterns expanded.
 *
 * @param {{ dir: string, manifest: any }} pkg
 * @returns {Array<{ subpath: string, source: string, types: string, output: string }>}
 *   absolute paths of the source, declaration and module files.
 */
export function codeEntries(pkg) {
  const exportsMap = pkg.manifest.exports ?? {};
  const entries = [];
  for (const [key, target] of Object.entries(exportsMap)) {
    if (target === null || typeof target !== 'object' || !(SOURCE_CONDITION in target)) continue;
    const { [SOURCE_CONDITION]: source, types, default: output } = target;
    if (typeof source !== 'string' || typeof types !== 'string' || typeof output !== 'string') {
      throw new Error(
        `${pkg.manifest.name}: export "${key}" needs string "${SOURCE_CONDITION}", "types" and ` +
          '"default" targets.',
      );
    }
    if (!key.includes('*')) {
      entries.push({
        subpath: key,
        source: join(pkg.dir, source),
        types: join(pkg.dir, types),
        output: join(pkg.dir, output),
      });
      continue;
    }
    const sourcePattern = patternRegExp(source);
    const fixedDir = join(pkg.dir, source.slice(0, source.indexOf('*')).replace(/[^/]*$/, ''));
    for (const file of listFiles(fixedDir)) {
      const match = sourcePattern.exec(`./${toPosix(relative(pkg.dir, file))}`);
      if (!match) continue;
      const subpath = key.replace('*', match[1]);
      // Another key (e.g. `"./internal/*": null`) may hide this one.
      if (matchingKey(exportsMap, subpath) !== key) continue;
      entries.push({
        subpath,
        source: file,
        types: join(pkg.dir, types.replace('*', match[1])),
        output: join(pkg.dir, output.replace('*', match[1])),
      });
    }
  }
  const missing = entries.filter((entry) => {
    try {
      return !statSync(entry.source).isFile();
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(
      `${pkg.manifest.name}: exports point at sources that don't exist: ` +
        missing
          .map((entry) => `${entry.subpath} → ${toPosix(relative(pkg.dir, entry.source))}`)
          .join(', '),
    );
  }
  return entries.sort((a, b) => a.subpath.localeCompare(b.subpath));
}

/** The package's dependencies a consumer installs with it (dependencies and peers). */
export function declaredDependencies(pkg) {
  return new Set([
    ...Object.keys(pkg.manifest.dependencies ?? {}),
    ...Object.keys(pkg.manifest.peerDependencies ?? {}),
  ]);
}

/** `lit/decorators.js` → `lit`, `@scope/name/x` → `@scope/name`. */
export function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
