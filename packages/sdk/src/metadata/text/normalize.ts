const ASCII = /^[\x20-\x7e]*$/;

/**
 * Folds text for matching: NFD, combining marks removed, lower case, so `Côte d'Azur`, `COTE
 * D'AZUR` and `cote d'azur` compare equal. Keeps every other character, so positions in the
 * folded text still make sense to a reader (not guaranteed equal to the original's).
 */
export function foldText(text: string): string {
  // Most names are plain ASCII: no accents to strip (normalizing every table row costs more).
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * The words of a name as a matching key: folded, punctuation turned into spaces, single spaces.
 * `Paris-Le Bourget` → `paris le bourget`.
 */
export function nameKey(text: string): string {
  const folded = foldText(text);
  // ASCII fast path: the same result as the Unicode classes for plain letters and digits.
  if (ASCII.test(folded)) return folded.replace(/[^a-z0-9]+/g, ' ').trim();
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
