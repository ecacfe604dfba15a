import { spawn } from 'node:child_process';
import path from 'node:path';
import { repositoryRoot } from './migrate.js';

/**
 * What `npm start` serves as /dist/: the demo's own build of the browser bundle (elements + SDK +
 * supabase-js's createClient) and its lazy chunks, made by scripts/build-demo.mjs. `npm run
 * build`'s dist/ is left alone, so the packaging tests can rebuild it under a running demo.
 */
export const demoBuildDir = path.join(repositoryRoot, '.cache/demo/dist');

/**
 * Runs scripts/build-demo.mjs, its progress shown, and waits for it: nothing to do when the
 * bundle was built from the same inputs; about a second (esbuild) when a source changed.
 */
export function buildDemoBundle(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repositoryRoot, 'scripts/build-demo.mjs')], {
      cwd: repositoryRoot,
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the demo build failed (exit ${code})`)),
    );
  });
}
