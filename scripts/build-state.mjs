// The state of the last `npm run build`, shared by scripts/build.mjs and the tests that read
// dist/: one lock so only one build writes dist/ at a time (and nothing reads it half-written),
// and a fingerprint of the inputs the last successful build was made from.
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
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BROWSER_BUNDLES } from '../rollup.config.mjs';
import { PUBLISHED_PACKAGES, ROOT, codeEntries } from './package-entries.mjs';

const stateDir = join(ROOT, '.tmp');
const lockDir = join(stateDir, 'build.lock');
const fingerprintFile = join(stateDir, 'build-fingerprint.txt');

/** A hash of everything the build reads from this repository. */
export function inputFingerprint() {
  const hash = createHash('sha256');
  const add = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash
      .update(`${relative(ROOT, path)}\0`)
      .update(readFileSync(path))
      .update('\0');
  };
  for (const pkg of PUBLISHED_PACKAGES) {
    add(join(pkg.dir, 'src'));
    add(join(pkg.dir, 'package.json'));
  }
  for (const file of ['package-lock.json', 'tsconfig.base.json', 'rollup.config.mjs', 'scripts'])
    add(join(ROOT, file));
  return hash.digest('hex');
}

/** The fingerprint of the last build that completed, or undefined (none, or one under way). */
export function lastBuildFingerprint() {
  return existsSync(fingerprintFile) ? readFileSync(fingerprintFile, 'utf8') : undefined;
}

export function recordBuild(fingerprint) {
  writeFileSync(fingerprintFile, fingerprint);
}

export function forgetBuild() {
  rmSync(fingerprintFile, { force: true });
}

/** Whether every module, bundle and the manifest that `exports` promise exist. */
export function outputsExist() {
  return (
    PUBLISHED_PACKAGES.every((pkg) =>
      codeEntries(pkg).every((entry) => existsSync(entry.output)),
    ) &&
    existsSync(join(ROOT, 'custom-elements.json')) &&
    Object.keys(BROWSER_BUNDLES).every((name) => existsSync(join(ROOT, 'dist', name)))
  );
}

/** A complete build of the current inputs is in dist/. */
export function isUpToDate() {
  return lastBuildFingerprint() === inputFingerprint() && outputsExist();
}

/**
 * Waits until no build runs, then holds the lock until `release()` (or the process exits).
 *
 * @param {{ onWait?: () => void }} [options]
 * @returns {Promise<{ waited: boolean, release: () => void }>}
 */
export async function acquireBuildLock({ onWait } = {}) {
  mkdirSync(stateDir, { recursive: true });
  let waited = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left behind by a killed build: no build takes 15 minutes.
      let age = 0;
      try {
        age = Date.now() - statSync(lockDir).mtimeMs;
      } catch {
        // Released meanwhile.
      }
      if (age > 15 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      if (!waited) onWait?.();
      waited = true;
      await sleep(250);
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    rmSync(lockDir, { recursive: true, force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { waited, release };
}
