import { css } from 'lit';
import { controlStyles } from '../../parts/controls.styles.js';
import { menuStyles } from '../../parts/menu.styles.js';
import { touchTargetStyles } from '../../styles/touch-targets.js';

/**
 * The trash view's own rules. It sits in the sidebar's shadow root, so the sidebar's `--_*`
 * properties (colours, radius, padding) reach it by inheritance.
 */
const ownStyles = css`
  :host {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 2px solid var(--_focus-ring, var(--_accent));
    outline-offset: 2px;
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

  .trash {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    gap: 8px;
    min-height: 0;
    padding: 8px var(--_padding) 0;
  }

  .trash-top {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    min-width: 0;
    padding-bottom: 6px;
    border-bottom: 1px solid var(--_border);
  }

  .back {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .trash-heading {
    display: flex;
    flex: none;
    align-items: center;
    gap: 6px;
    font-weight: 650;
  }

  .count {
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_hover);
    font-size: 0.75rem;
    font-variant-numeric: tabular-nums;
  }

  .hint,
  .state {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  .state {
    padding: 16px 4px;
    text-align: center;
  }

  .select-all {
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 0.8125rem;
  }

  .trash-list {
    display: grid;
    flex: 1 1 auto;
    align-content: start;
    gap: var(--_gap);
    min-height: 0;
    margin: 0;
    padding: 0 0 8px;
    overflow-y: auto;
    list-style: none;
  }

  .trash-row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    gap: 6px 8px;
    padding: 6px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .trash-row.checked {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_background));
  }

  /* The checkbox's hit area: on a touch screen a 44 px square around it. */
  .check-target {
    display: flex;
    padding-top: 4px;
    cursor: pointer;
  }

  .check {
    width: 16px;
    height: 16px;
    margin: 0;
  }

  .trash-row > :is(flight-request-card, general-chat-card) {
    min-width: 0;
  }

  /* The row is the frame: the card inside it draws no second one. */
  .trash-row > flight-request-card::part(base),
  .trash-row > general-chat-card::part(base) {
    padding: 2px 0;
    border-color: transparent;
    background: transparent;
    box-shadow: none;
  }

  .row-foot {
    display: flex;
    flex-wrap: wrap;
    grid-column: 1 / -1;
    align-items: center;
    justify-content: flex-end;
    gap: 6px;
  }

  .trashed-at {
    flex: 1 1 auto;
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .more {
    align-self: center;
    margin-bottom: 8px;
  }

  .trash-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px;
    margin-bottom: 8px;
    padding: 6px 8px;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_background));
  }

  .bulk-count {
    font-weight: 600;
  }

  .bulk-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }

  /* A touch screen: 44 px targets (touchTargetStyles); the checkboxes' labels are the hit area,
     padded inside the row's own padding so they reach neither the card nor a neighbour. */
  @media (pointer: coarse) {
    .check-target {
      justify-content: center;
      align-items: center;
      width: 44px;
      height: 44px;
      margin: -6px -8px 0 -6px;
      padding: 0;
    }
    .select-all {
      min-height: 44px;
    }
    /* A phone's row: the date on its line, Restore and Delete forever side by side under it. */
    @container (max-width: 400px) {
      .trashed-at {
        flex-basis: 100%;
      }
    }
  }

  @container (max-width: 340px) {
    .trash {
      padding-inline: 8px;
    }
  }
`;

export const trashStyles = [ownStyles, controlStyles, menuStyles, touchTargetStyles];
