// What a broker reads when something fails: what happened, what will happen, what to do. Never
// an exception's text (which says "TypeError: Failed to fetch" to someone booking a jet).
import type { ChatSessionsErrorCode } from '@chat-sessions/sdk';

/** One sentence or three per SDK error code, English by default. */
export type ProblemTexts = Record<ChatSessionsErrorCode, string>;

/** The default texts, by SDK error code. */
export const problemTexts: ProblemTexts = {
  validation: 'Something in it is not valid, so nothing was saved. Check it and try again.',
  unauthenticated: 'Your sign-in has expired, so nothing was saved. Sign in again, then retry.',
  forbidden: 'Your account is not allowed to do this, so nothing changed.',
  not_found: 'This session no longer exists (it may have been deleted elsewhere). Nothing changed.',
  invalid_transition:
    'The session changed elsewhere and this action no longer applies. Nothing changed; the list shows its current state.',
  conflict:
    'Someone changed this first, so nothing changed. The latest version will show in a moment; try again then.',
  in_trash: 'This session is in the trash, so nothing changed. Restore it first.',
  session_closed:
    'This session is completed or archived, so nothing was sent. Reopen or unarchive it, then send again.',
  network:
    'The connection dropped, so this may not have been saved. It will be checked when the connection returns; try again if nothing changed.',
  server: 'The server had a problem, so this may not have been saved. Try again in a minute.',
  configuration:
    'Chat Sessions is not set up on this server, so nothing was saved. Contact your administrator.',
  bad_response:
    'The server answered in a way this page cannot read. Reload the page; if it happens again, contact support.',
  aborted: 'This was cancelled; nothing more will happen.',
  unknown:
    'Something unexpected went wrong and this may not have been saved. Reload the page and try again.',
};

/**
 * The broker's text for an SDK error, by its `code` (an unknown code reads as `unknown`). A
 * problem without a code is a host's own (plain data): its `message` is shown as it is.
 */
export function problemText(
  error: { readonly code?: string | undefined; readonly message?: string },
  texts: ProblemTexts = problemTexts,
): string {
  if (error.code === undefined) return error.message ?? texts.unknown;
  return (texts as Partial<Record<string, string>>)[error.code] ?? texts.unknown;
}

/** Texts for a failed load (nothing was being saved), where they differ from a write's. */
export const loadProblemTexts: ProblemTexts = {
  ...problemTexts,
  network:
    'The connection dropped. It will load again when the connection returns, or try again now.',
  server: 'The server had a problem. Try again in a minute.',
  unauthenticated: 'Your sign-in has expired. Sign in again, then retry.',
  unknown: 'Something unexpected went wrong. Reload the page and try again.',
};
