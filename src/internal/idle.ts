/**
 * Runs `run` once the browser is idle; where `requestIdleCallback` is missing (Safari), 200 ms
 * later. For work that must never delay a paint: warming lazy chunks after the first one.
 * Returns what cancels it: a warm-up queued for an element is cancelled when the element leaves
 * the page, or the queued callback would keep the element alive until the browser is idle.
 */
export function whenIdle(run: () => void): () => void {
  // Safari lacks it.
  if ('requestIdleCallback' in globalThis) {
    const id = requestIdleCallback(run);
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(run, 200);
  return () => clearTimeout(timer);
}
