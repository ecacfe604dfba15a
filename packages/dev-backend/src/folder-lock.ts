import { open, readFile, unlink } from 'node:fs/promises';

/**
 * A lock file next to a PGlite folder: two processes opening the same folder would corrupt it
 * (PGlite does not lock it itself), e.g. `npm start` run twice.
 */
export interface FolderLock {
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<folder>.lock`, or throws naming the process holding it. A stale lock is taken over. */
export async function lockFolder(folder: string): Promise<FolderLock> {
  const lockPath = `${folder.replace(/[\\/]+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => unlink(lockPath).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new Error(
          `The PGlite folder ${folder} is in use by process ${holder}. Stop that backend first ` +
            `(or delete ${lockPath} if no such process is running).`,
          { cause: error },
        );
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  throw new Error(`Could not lock the PGlite folder ${folder} (${lockPath})`);
}
