import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from './migrate.js';

/** The bundle the demo pages load (elements + SDK + supabase-js's createClient). */
export const demoBundlePath = path.join(
  repositoryRoot,
  'dist/chat-sessions-with-supabase.bundle.js',
);

async function newestMtime(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

/** True when the demo bundle is missing or older than a source file it is built from. */
export async function demoBundleIsStale(): Promise<boolean> {
  const built = await stat(demoBundlePath).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  if (built === 0) return true;
  const sources = Math.max(
    await newestMtime(path.join(repositoryRoot, 'src')),
    await newestMtime(path.join(repositoryRoot, 'packages/sdk/src')),
  );
  return sources > built;
}

/** Runs `npm run build`'s script (scripts/build.mjs), its output shown, and waits for it. */
export function buildPackages(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repositoryRoot, 'scripts/build.mjs')], {
      cwd: repositoryRoot,
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the build failed (exit ${code})`)),
    );
  });
}
