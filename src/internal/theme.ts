import { css, unsafeCSS, type CSSResult } from 'lit';
import type { FlightRequestStage, SessionStatus } from './sdk.js';
import { chatToken, elementTokens } from '../styles/tokens.js';

// Theming has two tiers (see STYLE.md). Hosts set global `--chat-*` tokens, usually once on a
// container; each element reads its own `--<element>-*` custom properties first, then the
// tokens, then a default. A dark theme is a set of token values, nothing more:
//
//   .dark {
//     color-scheme: dark;
//     --chat-color-surface: #16191d;          --chat-color-text: #e6e9ed;
//     --chat-color-surface-hover: #1f242a;    --chat-color-text-muted: #a4adb8;
//     --chat-color-surface-selected: #1b2b45; --chat-color-border: #343b44;
//     --chat-color-accent: #6ea8ff;           --chat-color-on-accent: #0b1220;
//   }
//
// Global tokens: --chat-font-family, --chat-font-size, --chat-radius, --chat-color-surface,
// --chat-color-surface-hover, --chat-color-surface-selected, --chat-color-text,
// --chat-color-text-muted, --chat-color-border, --chat-color-accent, --chat-color-on-accent,
// --chat-color-focus-ring, --chat-status-paused, --chat-status-completed,
// --chat-status-archived, and one --chat-stage-<stage> per flight-request stage.

/**
 * Each flight-request stage's own colour, overridable with `--chat-stage-<stage>` (underscores
 * become hyphens: `--chat-stage-requesting-quotes`). Used for a dot and a border, never behind
 * text, so a host can pick any colour without breaking text contrast. Hues advance along the
 * pipeline, from slate (just understood) to green (won).
 */
export const STAGE_COLORS: Readonly<Record<FlightRequestStage, string>> = {
  understanding_request: '#64748b',
  searching_aircraft: '#0e7490',
  requesting_quotes: '#2563eb',
  analyzing_options: '#4f46e5',
  proposal_ready: '#9333ea',
  proposal_sent: '#c026d3',
  contract_generated: '#db2777',
  contract_sent: '#e11d48',
  payment_pending: '#d97706',
  closed_won: '#16a34a',
};

/** The status colours a card marks paused, completed and archived sessions with. */
export const STATUS_COLORS: Readonly<Record<Exclude<SessionStatus, 'active'>, string>> = {
  paused: '#b45309',
  completed: '#15803d',
  archived: '#6b7280',
};

/** `requesting_quotes` → `--chat-stage-requesting-quotes`. */
export function stageToken(stage: FlightRequestStage): string {
  return `--chat-stage-${stage.replaceAll('_', '-')}`;
}

// Built from the constants above only (never from data), so unsafeCSS is safe here.
/** `[data-stage='…'] { --_stage-color: … }` for every stage (cards and the session view's header). */
export const stageColorRules = unsafeCSS(
  Object.entries(STAGE_COLORS)
    .map(
      ([stage, color]) =>
        `[data-stage='${stage}'] { --_stage-color: var(${stageToken(stage as FlightRequestStage)}, ${color}); }`,
    )
    .join('\n'),
);

/** `[data-status='…'] { --_status-color: … }` for paused, completed and archived. */
export const statusColorRules = unsafeCSS(
  Object.entries(STATUS_COLORS)
    .map(
      ([status, color]) =>
        `[data-status='${status}'] { --_status-color: var(--chat-status-${status}, ${color}); }`,
    )
    .join('\n'),
);

/**
 * A card's own custom properties (`--<prefix>-background`, …), each falling back to a global
 * token and then to a default, mapped to the private `--_*` names the shared card styles use.
 * The list is the `@cssprop` list of every card.
 */
export function cardCustomProperties(prefix: string): CSSResult {
  return elementTokens(prefix, {
    background: ['background', 'color-surface'],
    'hover-background': ['hover-background', 'color-surface-hover'],
    'selected-background': ['selected-background', 'color-surface-selected'],
    'selected-indicator': ['selected-indicator-color', 'color-accent'],
    color: ['color', 'color-text'],
    'muted-color': ['muted-color', 'color-text-muted'],
    'border-color': ['border-color', 'color-border'],
    radius: ['radius', 'radius'],
    padding: ['padding', { css: '10px 12px' }],
    'focus-ring-color': ['focus-ring-color', 'color-focus-ring'],
    'unread-background': ['unread-background', 'color-accent'],
    'unread-color': ['unread-color', 'color-on-accent'],
  });
}

/**
 * The unread badge ("3", "99+") shared by the cards and the operator thread list; the element
 * provides `--_unread-background` and `--_unread-color`.
 */
export const unreadBadgeStyles = css`
[part~='unread-badge'] {
  flex: none;
  min-width: 1.6em;
  padding: 0 6px;
  border-radius: 999px;
  background: var(--_unread-background);
  color: var(--_unread-color);
  font-size: 0.75rem;
  font-weight: 600;
  line-height: 1.6em;
  text-align: center;
  font-variant-numeric: tabular-nums;
}
`;

/** Layout and states shared by the session cards. Parts are selected with `[part~=…]`. */
export const cardStyles = css`
  :host {
    display: block;
    position: relative;
    box-sizing: border-box;
    min-width: 0;
    border-radius: var(--_radius);
    color: var(--_color);
    font-family: ${chatToken('font-family')};
    font-size: ${chatToken('font-size')};
    line-height: 1.35;
    cursor: pointer;
    outline: none;
    -webkit-tap-highlight-color: transparent;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /* The card's accessible name: read, not shown (see SessionCardElement). */
  .spoken-name {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  [part~='base'] {
    display: grid;
    gap: 4px;
    min-width: 0;
    padding: var(--_padding);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  :host(:hover) [part~='base'] {
    background: var(--_hover-background);
  }

  :host([selected]) [part~='base'] {
    background: var(--_selected-background);
    box-shadow: inset 3px 0 0 var(--_selected-indicator);
  }

  :host(:focus-visible) [part~='base'] {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: -2px;
  }

  [data-status='archived'][part~='base'] {
    border-style: dashed;
  }

  [part~='header'] {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
    /* Room for a list's "⋯" button, drawn inside the card's top-right corner (0 alone). */
    padding-inline-end: var(--_card-actions-space, 0px);
  }

  /* Compact density (set by a sidebar or workspace with --chat-density: compact): two lines,
     route or title with time and unread on the first; dates, stage (or preview, count) on the
     second. Nothing the broker scans for is dropped, only the operators' reply count. */
  @container style(--chat-density: compact) {
    [part~='base'] {
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 1px 8px;
      line-height: 1.3;
    }
    [part~='header'] {
      grid-column: 1 / -1;
    }
    [part~='details'],
    [part~='body'] {
      grid-column: 1;
    }
    [part~='meta'] {
      grid-column: 2;
      flex-wrap: nowrap;
      justify-content: end;
    }
    [part~='threads'],
    [part~='count'],
    [part~='attention-reason'] {
      display: none;
    }
  }

  .primary {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [data-status='archived'] .primary {
    color: var(--_muted-color);
  }

  .secondary {
    min-width: 0;
    overflow: hidden;
    color: var(--_muted-color);
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part~='meta'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    min-width: 0;
    color: var(--_muted-color);
    font-size: 0.8125em;
  }

  [part~='time'] {
    flex: none;
    color: var(--_muted-color);
    font-size: 0.8125em;
    white-space: nowrap;
  }

  /* Icons are masks filled with the text colour: one element each, no SVG nodes in a card. */
  [part~='pin'],
  [part~='status']::before {
    flex: none;
    background: currentColor;
    mask: var(--_icon) center / contain no-repeat;
  }

  /* A change waits to be sent: a clock and "Waiting to send", quieter than the status chip. */
  [part~='queued'] {
    display: inline-flex;
    flex: none;
    align-items: center;
    gap: 3px;
    color: var(--_muted-color);
    font-size: 0.75em;
    font-style: italic;
    white-space: nowrap;
  }

  [part~='queued']::before {
    content: '';
    width: 10px;
    height: 10px;
    background: currentColor;
    mask: var(--_clock-icon) center / contain no-repeat;
    --_clock-icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='1.8' stroke-linecap='round'%3E%3Ccircle cx='8' cy='8' r='6.3'/%3E%3Cpath d='M8 4.5V8l2.4 1.6'/%3E%3C/svg%3E");
  }

  [part~='pin'] {
    --_icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M9.8 1.3a1 1 0 0 1 1.4 0l3.5 3.5a1 1 0 0 1 0 1.4l-.7.7a1 1 0 0 1-1 .25L10.6 9.5l.3 2.3a1 1 0 0 1-.3.8l-.7.7a.5.5 0 0 1-.7 0L6.4 10.5 2.9 14a.6.6 0 0 1-.9-.9l3.5-3.5-2.8-2.8a.5.5 0 0 1 0-.7l.7-.7a1 1 0 0 1 .8-.3l2.3.3 2.35-2.4a1 1 0 0 1 .25-1z'/%3E%3C/svg%3E");
    width: 12px;
    height: 12px;
    color: var(--_muted-color);
  }

  /* The details line's pieces (route, dates, passengers), separated as a sentence would be. */
  .secondary > * + *::before {
    content: ' · ';
  }

  ${unreadBadgeStyles}

  [part~='status'] {
    display: inline-flex;
    align-items: center;
    gap: 3px;
    padding: 0 5px;
    border: 1px solid var(--_status-color);
    border-radius: 4px;
    color: var(--_color);
    white-space: nowrap;
  }

  [part~='attention-reason'] {
    white-space: nowrap;
    font-weight: 600;
  }

  [part~='status']::before {
    content: '';
    width: 10px;
    height: 10px;
    color: var(--_status-color);
  }

  [part~='status'][data-status='paused'] {
    --_icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect x='3' y='2' width='3.5' height='12' rx='1'/%3E%3Crect x='9.5' y='2' width='3.5' height='12' rx='1'/%3E%3C/svg%3E");
  }

  [part~='status'][data-status='completed'] {
    --_icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16' fill='none' stroke='black' stroke-width='2.2' stroke-linecap='round' stroke-linejoin='round'%3E%3Cpath d='M2.5 8.5l3.5 3.5 7.5-8'/%3E%3C/svg%3E");
  }

  [part~='status'][data-status='archived'] {
    --_icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M1 2.5A1 1 0 0 1 2 1.5h12a1 1 0 0 1 1 1V5H1zM2 6h12v7.5a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1zm4 2v1.5h4V8z'/%3E%3C/svg%3E");
  }

  ${stageColorRules}
  ${statusColorRules}

  @media (forced-colors: active) {
    :host([selected]) [part~='base'] {
      border-color: Highlight;
      box-shadow: inset 3px 0 0 Highlight;
    }
    :host(:focus-visible) [part~='base'] {
      outline-color: CanvasText;
    }
    [part~='unread-badge'] {
      border: 1px solid CanvasText;
    }
    [part~='pin'],
    [part~='status']::before {
      background: CanvasText;
      forced-color-adjust: none;
    }
  }
`;
