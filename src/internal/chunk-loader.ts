/**
 * A lazy chunk's loader: the dynamic import runs on the first call and is shared by later ones;
 * a failed load is forgotten, so the next call tries again (a flaky network, a new deploy).
 */
export function chunkLoader<T = unknown>(load: () => Promise<T>): () => Promise<T> {
  let chunk: Promise<T> | null = null;
  return () =>
    (chunk ??= load().catch((error: unknown) => {
      chunk = null;
      throw error;
    }));
}
