/**
 * Folds text for matching: NFD, combining marks removed, lower case, so `Côte d'Azur`, `COTE
 * D'AZUR` and `cote d'azur` compare equal. Keeps every other character, so positions in the
 * folded text still make sense to a reader (not guaranteed equal to the original's).
 */
export function foldText(text: string): string {
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
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
