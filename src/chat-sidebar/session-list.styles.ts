import { css } from 'lit';

/** The tab panel: the bulk bar, the virtualized list's rows and cards, skeletons, empty and error states. */
export const sessionListStyles = css`
  /* The panel and its states */

  /* Clipped: squeezed below the list's least height (a tall quick-create preview, a zoomed
     page) the list is cut at the panel's end, never drawn over the Trash entry under it. */
  [part~='panel'] {
    position: relative;
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
    overflow: clip;
  }

  /* Below the list, so the list never shifts when a selection starts. */
  [part~='bulk-bar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px;
    margin: 6px var(--_padding) 8px;
    padding: 6px 8px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_background));
  }

  [part~='bulk-count'] {
    font-weight: 600;
  }

  [part~='bulk-buttons'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }

  [part~='list'] {
    flex: 1 1 0;
    min-height: 0;
    outline: none;
    /* The cards keep their width whether or not the list scrolls. */
    scrollbar-gutter: stable;
  }

  /* Rows are placed by the virtual list across the list's full width; they carry the padding.
     Should rows ever overlap while the list reorders (heights are kept by row key so they
     don't), headings sit under the cards, whose boxes are opaque: never drawn over one. */
  [part~='group-heading'] {
    z-index: 0;
    width: 100%;
    padding: 12px calc(var(--_padding) + 2px) 4px;
    color: var(--_muted);
    font-size: 0.75rem;
    font-weight: 650;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }

  :host([density='compact']) [part~='group-heading'] {
    padding-top: 6px;
    padding-bottom: 2px;
  }

  [part~='item'] {
    position: relative;
    z-index: 1;
    display: flex;
    align-items: stretch;
    width: 100%;
    padding: calc(var(--_gap) / 2) var(--_padding);
  }

  [part~='item'] > [part~='card'] {
    flex: 1 1 auto;
    min-width: 0;
    /* The "⋯" button sits inside the card's top-right corner: the card's header leaves room. */
    --_card-actions-space: 22px;
  }

  [part~='card'].checked::part(base) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  [part~='item-check'] {
    position: absolute;
    right: calc(var(--_padding) + 6px);
    bottom: calc(var(--_gap) / 2 + 6px);
    display: grid;
    place-items: center;
    width: 18px;
    height: 18px;
    box-sizing: border-box;
    border: 1.5px solid var(--_accent);
    border-radius: 4px;
    background: var(--_background);
    color: var(--_on-accent);
    font-size: 11px;
    font-weight: 700;
    cursor: pointer;
    visibility: hidden;
  }

  [part~='item']:hover > [part~='item-check'],
  [part~='item']:focus-within > [part~='item-check'],
  [part~='list']:has(.checked) [part~='item-check'] {
    visibility: visible;
  }

  [part~='item-check'][part~='checked'] {
    background: var(--_accent);
  }

  [part~='item-check'][part~='checked']::after {
    content: '✓';
  }

  [part~='item-actions'] {
    position: absolute;
    top: calc(var(--_gap) / 2 + 5px);
    right: calc(var(--_padding) + 4px);
    width: 22px;
    height: 22px;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted);
    font: inherit;
    font-size: 1.1rem;
    line-height: 1;
    cursor: pointer;
  }

  /* Under a finger the corner button's target is 44 px around its 22 px face. */
  @media (pointer: coarse) {
    [part~='item-actions']::before {
      content: '';
      position: absolute;
      inset: -11px;
    }
  }

  [part~='item-actions']:hover {
    background: var(--_hover);
    color: var(--_color);
  }

  [part~='more'] {
    width: 100%;
    padding: calc(var(--_gap) / 2) var(--_padding);
  }

  [part~='skeletons'] {
    display: grid;
    gap: var(--_gap);
    padding: 8px var(--_padding);
    overflow: hidden;
  }

  [part~='skeleton'] {
    display: grid;
    gap: 8px;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='skeleton'] span {
    display: block;
    height: 10px;
    border-radius: 4px;
    background: var(--_hover);
    animation: pulse 1.4s ease-in-out infinite;
  }

  [part~='skeleton'] span:nth-child(1) {
    width: 70%;
  }
  [part~='skeleton'] span:nth-child(2) {
    width: 90%;
  }
  [part~='skeleton'] span:nth-child(3) {
    width: 40%;
  }

  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part~='skeleton'] span {
      animation: none;
    }
  }

  [part~='empty'],
  [part~='error'] {
    display: grid;
    gap: 8px;
    justify-items: start;
    margin: 16px var(--_padding);
    color: var(--_muted);
  }

  [part~='error'] {
    color: var(--_color);
  }

  [part~='error'] p {
    margin: 0;
  }

  .error-title {
    font-weight: 600;
  }

  .error-detail {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  [part~='error'].inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    margin: 8px var(--_padding);
  }

`;
