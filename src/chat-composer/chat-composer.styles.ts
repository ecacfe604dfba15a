import { css } from 'lit';

export const chatComposerStyles = css`
  :host {
    --_background: var(--chat-composer-background, var(--chat-color-surface, #ffffff));
    --_color: var(--chat-composer-color, var(--chat-color-text, #1d232b));
    --_muted-color: var(--chat-composer-muted-color, var(--chat-color-text-muted, #545e69));
    --_border-color: var(--chat-composer-border-color, var(--chat-color-border, #d5dbe1));
    --_radius: var(--chat-composer-radius, var(--chat-radius, 8px));
    --_accent: var(--chat-composer-send-background, var(--chat-color-accent, #0a5bd3));
    --_on-accent: var(--chat-composer-send-color, var(--chat-color-on-accent, #ffffff));
    --_focus-ring-color: var(--chat-composer-focus-ring-color, var(--chat-color-focus-ring, var(--chat-color-accent, #0a5bd3)));
    --_error-color: var(--chat-composer-error-color, var(--chat-color-danger, #b42318));
    --_max-height: var(--chat-composer-max-height, 10lh);

    display: block;
    color: var(--_color);
    font-family: var(--chat-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--chat-font-size, 0.875rem);
    line-height: 1.4;
  }

  :host([hidden]) {
    display: none;
  }

  [part~='base'] {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    padding: 6px;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  [part~='base']:focus-within {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: -1px;
  }

  [part~='input'] {
    flex: 1 1 auto;
    min-width: 0;
    min-height: 1lh;
    max-height: var(--_max-height);
    margin: 0;
    padding: 4px;
    border: none;
    background: transparent;
    color: inherit;
    font: inherit;
    line-height: inherit;
    resize: none;
    field-sizing: content;
    overflow-wrap: anywhere;
  }

  [part~='input']:focus {
    outline: none;
  }

  [part~='input']::placeholder {
    color: var(--_muted-color);
    opacity: 1;
  }

  [part~='send-button'] {
    flex: none;
    padding: 4px 12px;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  [part~='send-button']:disabled {
    border-color: var(--_border-color);
    background: transparent;
    color: var(--_muted-color);
    cursor: default;
  }

  [part~='send-button']:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 2px;
  }

  [part~='error'] {
    margin-top: 4px;
    color: var(--_error-color);
    font-size: 0.8125em;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    [part~='send-button'] {
      border-color: ButtonText;
    }
  }
`;
