/**
 * A new random (v4) uuid for a client-generated id: sessions, messages and threads are created
 * with ids chosen before sending, so a retried create never makes a second row.
 *
 * Uses `crypto.randomUUID` where available, else `crypto.getRandomValues` (browsers outside a
 * secure context).
 *
 * @example
 * const id = newId(); // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function newId(): string {
  // Typed as always present; absent on old runtimes, and randomUUID outside secure contexts.
  const webCrypto = globalThis.crypto as Partial<Crypto> | undefined;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new Error(
      'newId() needs the Web Crypto API (globalThis.crypto); pass ids explicitly on this platform',
    );
  }
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
