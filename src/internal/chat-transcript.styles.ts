import { css } from 'lit';

/**
 * The transcript shared by <chat-session-view> and <operator-thread-list>: a scrolling log of
 * <chat-message> elements with "load earlier" on top. The host maps its own custom properties
 * to `--_transcript-*` (see each element's styles).
 */
export const transcriptStyles = css`
  [part~='transcript'] {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-height: 0;
    padding: 12px;
    overflow-y: auto;
    overscroll-behavior: contain;
    /* Kept still by hand when earlier messages come in (TranscriptScrollController), so the
       browser's own anchoring must not move it a second time. */
    overflow-anchor: none;
    /* Whole-pixel lines for what sits above the messages too (see <chat-message>'s styles). */
    line-height: round(1.4em, 1px);
  }

  [part~='transcript']:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: -2px;
  }

  [part~='load-earlier-button'],
  .text-button {
    align-self: center;
    padding: 2px 10px;
    border: 1px solid var(--_border-color);
    border-radius: 999px;
    background: var(--_background);
    color: var(--_color);
    font: inherit;
    font-size: 0.8125em;
    cursor: pointer;
  }

  [part~='load-earlier-button'][aria-disabled='true'] {
    cursor: progress;
  }

  [part~='load-earlier-button']:focus-visible,
  .text-button:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 2px;
  }

  .transcript-note {
    margin: auto 0;
    color: var(--_muted-color);
    text-align: center;
  }

  .transcript-offline {
    margin: 0;
    color: var(--_muted-color);
    text-align: center;
  }

  /* Nothing loaded yet: the note sits in the middle, as "Loading messages…" does. */
  .transcript-offline:only-child {
    margin: auto 0;
  }

  .transcript-error {
    margin: 0;
    color: var(--_error-color);
    text-align: center;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
