import { css } from 'lit';
import { elementTokens, fontStyles } from '../styles/tokens.js';

export const chatConnectionStatusStyles = [
  elementTokens('chat-connection-status', {
    text: ['text-color', 'color-text'],
    muted: ['muted-color', 'color-text-muted'],
    border: ['border-color', 'color-border'],
    surface: ['background', 'color-surface'],
    danger: ['danger-color', 'color-danger'],
    accent: ['accent', 'color-accent'],
    radius: ['radius', 'radius'],
  }),
  css`
    :host {
      display: inline-block;
      min-width: 0;
      ${fontStyles}
      font-size: 0.8125em;
      color: var(--_muted);
    }

    :host([state='quiet']) {
      /* The live region stays in the tree, out of the host's layout (no grid gap, no row). */
      display: contents;
    }

    [part~='base'] {
      display: flex;
      align-items: center;
      gap: 6px;
      min-width: 0;
    }

    [part~='base'].quiet {
      /* Nothing to say: keep the live region in the tree, take no room. */
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    [part~='message'] {
      min-width: 0;
    }

    [part~='base']:not(.quiet) {
      padding: 2px 8px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    [part~='offline'],
    [part~='refused'] {
      color: var(--_text);
    }

    [part~='refused'] {
      border-color: var(--_danger);
    }

    [part~='dot'] {
      flex: none;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_muted);
    }

    [part~='base'].offline [part~='dot'],
    [part~='base'].refused [part~='dot'] {
      background: var(--_danger);
    }

    [part~='base'].online [part~='dot'] {
      background: var(--_accent);
    }

    [part~='dismiss-button'] {
      font: inherit;
      color: inherit;
      background: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0 6px;
      cursor: pointer;
    }

    [part~='dismiss-button']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 1px;
    }
  `,
];
