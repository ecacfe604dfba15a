/**
 * A lazy chunk's loader: the dynamic import runs on the first call and is shared by later ones;
 * a failed load is forgotten, so the next call tries again (a flaky network, a new deploy).
 */
export function chunkLoader(load: () => Promise<unknown>): () => Promise<unknown> {
  let chunk: Promise<unknown> | null = null;
  return () =>
    (chunk ??= load().catch((error: unknown) => {
      chunk = null;
      throw error;
    }));
}
