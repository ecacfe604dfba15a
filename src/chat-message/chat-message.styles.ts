import { css } from 'lit';

export const chatMessageStyles = css`
  :host {
    --_background: var(--chat-message-background, var(--chat-color-surface-hover, #f2f4f7));
    --_own-background: var(--chat-message-own-background, var(--chat-color-surface-selected, #e8f0fe));
    --_color: var(--chat-message-color, var(--chat-color-text, #1d232b));
    --_muted-color: var(--chat-message-muted-color, var(--chat-color-text-muted, #545e69));
    --_border-color: var(--chat-message-border-color, var(--chat-color-border, #d5dbe1));
    --_radius: var(--chat-message-radius, var(--chat-radius, 8px));
    --_failed-color: var(--chat-message-failed-color, var(--chat-color-danger, #b42318));
    --_focus-ring-color: var(--chat-message-focus-ring-color, var(--chat-color-focus-ring, var(--chat-color-accent, #0a5bd3)));
    --_max-width: var(--chat-message-max-width, 80%);

    display: flex;
    flex-direction: column;
    align-items: flex-start;
    min-width: 0;
    color: var(--_color);
    font-family: var(--chat-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--chat-font-size, 0.875rem);
    /* Whole pixels, so a bubble's height is a whole number of pixels: a transcript can then put
       earlier messages above the reader's place and keep it exactly (scroll offsets are whole
       pixels too). Children inherit the computed length. */
    line-height: round(1.4em, 1px);
  }

  :host([hidden]) {
    display: none;
  }

  [part~='base'] {
    box-sizing: border-box;
    max-width: var(--_max-width);
    min-width: 0;
    padding: 6px 10px;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_background);
  }

  /* The broker's own messages sit on the trailing side. */
  [data-role='broker'][part~='base'] {
    align-self: flex-end;
    background: var(--_own-background);
  }

  [data-role='system'][part~='base'] {
    max-width: 100%;
    align-self: center;
    border-color: var(--_border-color);
    background: transparent;
    color: var(--_muted-color);
    text-align: center;
  }

  [data-delivery='pending'] [part~='content'] {
    opacity: 0.75;
  }

  [data-delivery='failed'][part~='base'] {
    border-color: var(--_failed-color);
  }

  [part~='header'] {
    display: flex;
    align-items: baseline;
    gap: 8px;
    margin-bottom: 2px;
    color: var(--_muted-color);
    font-size: 0.8125em;
  }

  [part~='author'] {
    font-weight: 600;
    color: var(--_color);
    overflow-wrap: anywhere;
  }

  [part~='content'] {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  [data-content-type='quote'] [part~='content'] {
    padding-left: 8px;
    border-left: 3px solid var(--_border-color);
    font-style: italic;
  }

  [part~='delivery'] {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-top: 4px;
    color: var(--_muted-color);
    font-size: 0.8125em;
  }

  [data-delivery='failed'] [part~='delivery'] {
    color: var(--_failed-color);
    font-weight: 600;
  }

  [part~='retry-button'] {
    padding: 1px 8px;
    border: 1px solid currentColor;
    border-radius: 4px;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  [part~='retry-button']:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    [part~='base'] {
      border-color: CanvasText;
    }
  }
`;
