// Shared steps of the packaging tests: build, pack, install into a throwaway consumer project.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  acquireBuildLock,
  lastBuildFingerprint,
  outputsExist,
} from '../../scripts/build-state.mjs';
import { PUBLISHED_PACKAGES, ROOT, type PublishedPackage } from '../../scripts/package-entries.mjs';

const run = promisify(execFile);

/** The environment for child npm/node processes, without what an outer `npm test` exported. */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_/i.test(name) && name !== 'NODE_OPTIONS' && name !== 'INIT_CWD',
    ),
  );
}

export async function exec(command: string, args: string[], cwd: string, timeoutMs = 120_000) {
  try {
    return await run(command, args, {
      cwd,
      env: cleanEnvironment(),
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${failure.stderr || failure.stdout || failure.message}`,
      { cause: error },
    );
  }
}

/**
 * `npm run build -- --if-changed`, quietly: builds unless dist/ was built from these very
 * sources. Builds take turns (scripts/build.mjs holds a lock), so the packaging tests and the
 * demo server, which may all ask at once, build once between them.
 */
export async function buildPackages(): Promise<void> {
  await exec(process.execPath, ['scripts/build.mjs', '--quiet', '--if-changed'], ROOT, 600_000);
}

/**
 * Builds (unless up to date), then runs `read` while holding the build lock, so no other build
 * (the demo server's, a developer's `npm run build`) rewrites dist/ under it. If a build failed
 * or was cut short meanwhile, builds again first.
 */
export async function withBuiltPackages<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    await buildPackages();
    const lock = await acquireBuildLock();
    try {
      // A complete build is there (of these sources, or of sources edited since: both are whole).
      if ((lastBuildFingerprint() !== undefined && outputsExist()) || attempt === 3)
        return await read();
    } finally {
      lock.release();
    }
  }
}

export interface PackedPackage {
  pkg: PublishedPackage;
  /** Absolute path of the .tgz. */
  tarball: string;
  /** Paths inside the tarball (without the `package/` prefix). */
  files: string[];
}

/** `npm pack` of every published package into `destination`. Scripts are skipped: we just built. */
export async function packPackages(destination: string): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = [];
  for (const pkg of PUBLISHED_PACKAGES) {
    const { stdout } = await exec(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
      pkg.dir,
    );
    const [report] = JSON.parse(stdout) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    if (!report) throw new Error(`npm pack of ${pkg.name} reported nothing`);
    packed.push({
      pkg,
      tarball: join(destination, report.filename),
      files: report.files.map((file) => file.path).sort(),
    });
  }
  return packed;
}

/**
 * A new ESM project that depends on the tarballs, installed with npm from its cache (the
 * network only for what the cache lacks: on a fresh machine `npm ci` caches tarballs but not
 * every registry document).
 */
export async function installIntoConsumer(packed: readonly PackedPackage[]): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), 'chat-sessions-consumer-'));
  const manifest = {
    name: 'host-crm',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(
      packed.map(({ pkg, tarball }) => [pkg.name, `file:${tarball}`]),
    ),
  };
  await writeFile(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await exec(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
      '--loglevel=error',
    ],
    project,
    240_000,
  );
  return project;
}

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}
