import { css } from 'lit';
import { transcriptStyles } from '../internal/chat-transcript.styles.js';
import { unreadBadgeStyles } from '../internal/theme.js';

export const operatorThreadListStyles = [
  css`
    :host {
      --_background: var(--operator-thread-list-background, var(--chat-color-surface, #ffffff));
      --_hover-background: var(--operator-thread-list-hover-background, var(--chat-color-surface-hover, #f2f4f7));
      --_open-background: var(--operator-thread-list-open-background, var(--chat-color-surface-selected, #e8f0fe));
      --_color: var(--operator-thread-list-color, var(--chat-color-text, #1d232b));
      --_muted-color: var(--operator-thread-list-muted-color, var(--chat-color-text-muted, #545e69));
      --_border-color: var(--operator-thread-list-border-color, var(--chat-color-border, #d5dbe1));
      --_radius: var(--operator-thread-list-radius, var(--chat-radius, 8px));
      --_unread-background: var(--operator-thread-list-unread-background, var(--chat-color-accent, #0a5bd3));
      --_unread-color: var(--operator-thread-list-unread-color, var(--chat-color-on-accent, #ffffff));
      --_focus-ring-color: var(--operator-thread-list-focus-ring-color, var(--chat-color-focus-ring, var(--chat-color-accent, #0a5bd3)));
      --_error-color: var(--operator-thread-list-error-color, var(--chat-color-danger, #b42318));
      --_transcript-height: var(--operator-thread-list-transcript-height, 280px);

      display: block;
      min-width: 0;
      color: var(--_color);
      background: var(--_background);
      font-family: var(--chat-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      font-size: var(--chat-font-size, 0.875rem);
      line-height: 1.35;
    }

    :host([hidden]) {
      display: none;
    }

    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }

    [part~='base'] {
      display: grid;
      gap: 8px;
      padding: 10px 12px;
    }

    [part~='list'] {
      display: grid;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    [part~='thread'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 2px 8px;
      width: 100%;
      padding: 8px 10px;
      border: 1px solid var(--_border-color);
      border-radius: var(--_radius);
      background: var(--_background);
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }

    [part~='thread']:hover {
      background: var(--_hover-background);
    }

    [part~='thread'][aria-expanded='true'] {
      background: var(--_open-background);
      border-bottom-left-radius: 0;
      border-bottom-right-radius: 0;
    }

    [part~='thread']:focus-visible,
    [part~='close-button']:focus-visible {
      outline: 2px solid var(--_focus-ring-color);
      outline-offset: 2px;
    }

    .line {
      display: flex;
      align-items: center;
      gap: 6px;
      min-width: 0;
    }

    [part~='operator-name'] {
      min-width: 0;
      overflow: hidden;
      font-weight: 600;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    [part~='thread-status'] {
      padding: 0 5px;
      border: 1px solid var(--_border-color);
      border-radius: 4px;
      color: var(--_color);
      font-size: 0.8125em;
      white-space: nowrap;
    }

    [part~='time'] {
      color: var(--_muted-color);
      font-size: 0.8125em;
      white-space: nowrap;
    }

    [part~='preview'] {
      grid-column: 1 / -1;
      min-width: 0;
      overflow: hidden;
      color: var(--_muted-color);
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    ${unreadBadgeStyles}

    [part~='thread-panel'] {
      display: grid;
      grid-template-rows: auto minmax(0, var(--_transcript-height)) auto;
      border: 1px solid var(--_border-color);
      border-top: none;
      border-radius: 0 0 var(--_radius) var(--_radius);
    }

    [part~='thread-panel-header'] {
      display: flex;
      justify-content: flex-end;
      padding: 6px 8px 0;
    }

    [part~='close-button'] {
      padding: 2px 10px;
      border: 1px solid var(--_border-color);
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_background);
      color: var(--_color);
      font: inherit;
      cursor: pointer;
    }

    [part~='composer'] {
      margin: 0 8px 8px;
    }

    .note {
      margin: 0;
      color: var(--_muted-color);
    }

    .error {
      margin: 0;
      color: var(--_error-color);
    }

    @media (forced-colors: active) {
      [part~='thread'][aria-expanded='true'] {
        border-color: Highlight;
      }
      [part~='unread-badge'] {
        border: 1px solid CanvasText;
      }
    }
  `,
  transcriptStyles,
];
