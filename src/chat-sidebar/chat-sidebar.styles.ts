import { css } from 'lit';
import { controlStyles } from '../parts/controls.styles.js';
import { toastStyles } from '../parts/toast.styles.js';
import { headerStyles } from './header.styles.js';
import { sessionListStyles } from './session-list.styles.js';
import { tabsStyles } from './tabs.styles.js';
import { chatToken, compactDensityDeclarations, elementTokens } from '../styles/tokens.js';

const tokens = elementTokens('chat-sidebar', {
  background: ['background', 'color-surface'],
  color: ['color', 'color-text'],
  muted: ['muted-color', 'color-text-muted'],
  border: ['border-color', 'color-border'],
  accent: ['accent', 'color-accent'],
  'on-accent': ['on-accent', 'color-on-accent'],
  radius: ['radius', 'radius'],
  gap: ['gap', { css: '6px' }],
  padding: ['padding', { css: '12px' }],
  hover: [null, 'color-surface-hover'],
  danger: [null, 'color-danger'],
});

/** The sidebar's own box and header; each part's styles come from its module, in cascade order. */
const baseStyles = css`
  ${tokens}

  :host {
    --_focus-ring: var(--chat-color-focus-ring, var(--_accent));

    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    /* Size containment (for the container queries) gives no width from content: fill the
       column the host gives, unless it sets a width itself. */
    width: 100%;
    min-width: 0;
    min-height: 0;
    height: 100%;
    container-type: inline-size;
    background: var(--_background);
    color: var(--_color);
    font-family: ${chatToken('font-family')};
    font-size: ${chatToken('font-size')};
    line-height: 1.35;
  }

  :host([hidden]) {
    display: none;
  }

  :host([density='compact']) {
    ${compactDensityDeclarations}
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  [part~='base'] {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }

  [part~='header'] {
    display: grid;
    gap: 8px;
    padding: var(--_padding) var(--_padding) 0;
  }

  /* Until its lazy chunk defines it, the status line takes no room (it is empty while online). */
  chat-connection-status:not(:defined) {
    display: contents;
  }

  /* Wrapped, never cut: the heading shrinks to its longest word (at most the row), then the
     buttons wrap under it. */
  [part~='title-row'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }

  [part~='heading'] {
    flex: 1 1 0;
    max-width: 100%;
    font-size: 1.0625rem;
    font-weight: 650;
    overflow-wrap: break-word;
  }

  [part~='unread-total'] {
    flex: none;
    padding: 0 8px;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.6;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

`;

/** Narrow columns and forced colours, last so they win over each part's rules. */
const adaptiveStyles = css`
  /* Narrow columns (down to 280 px): one control per line, tighter padding. */
  @container (max-width: 340px) {
    [part~='header'],
    [part~='title-row'] {
      gap: 6px;
    }
    [part~='header'] {
      padding: 8px 8px 0;
    }
    [part~='group-heading'] {
      padding-inline: 10px;
    }
    [part~='item'] {
      padding-inline: 8px 4px;
    }
    [part~='more'] {
      padding-inline: 8px;
    }
    [part~='search-row'] {
      flex-wrap: wrap;
    }
    [part~='search-row'] .toggle {
      flex: 1 1 100%;
    }
    /* Count under the name, so "Completed" and its count both fit a third of 280 px. */
    [part~='tab'] {
      flex: 1 1 0;
      flex-direction: column;
      gap: 2px;
      padding: 4px 2px;
    }
    [part~='bulk-bar'],
    [part~='empty'],
    [part~='error'] {
      margin-inline: 8px;
    }
    [part~='toasts'] {
      padding: 0 8px;
    }
  }

  /* A short viewport (a zoomed page): the header scrolls away, the list (or Trash) keeps the
     sidebar's height less the Trash entry and scrolls its own rows. */
  @media (max-height: 500px) {
    [part~='base'] {
      overflow-y: auto;
    }
    [part~='panel'],
    [part~='trash-view'] {
      flex: none;
      min-height: max(160px, 100% - 64px);
    }
  }

  @media (forced-colors: active) {
    [part~='tab'][aria-selected='true'] {
      border-bottom-color: Highlight;
    }
    [part~='card'].checked::after {
      border: 1px solid CanvasText;
    }
  }
`;

export const chatSidebarStyles = [
  baseStyles,
  controlStyles,
  headerStyles,
  tabsStyles,
  sessionListStyles,
  toastStyles,
  // The menus' and dialogs' styles (../parts/menu.styles.ts) come with their lazy chunk
  // (./on-use.ts), adopted after these.
  adaptiveStyles,
];
