import { css } from 'lit';

/** The sidebar's tab list. */
export const tabsStyles = css`
  /* Tabs */

  [part~='tabs'] {
    display: flex;
    gap: 2px;
    min-width: 0;
    border-bottom: 1px solid var(--_border);
  }

  [part~='tab'] {
    display: inline-flex;
    flex: 1 1 auto;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 0;
    min-height: 34px;
    padding: 0 6px;
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-weight: 550;
    cursor: pointer;
  }

  [part~='tab'] > span:first-child {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part~='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_color);
  }

  [part~='tab-count'] {
    flex: none;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_hover);
    color: var(--_color);
    font-size: 0.75rem;
    font-variant-numeric: tabular-nums;
  }

  /* The Trash entry under the list (not a tab: it opens a view of its own). */

  [part~='trash-entry'] {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 36px;
    margin: 0 var(--_padding) 6px;
    padding: 0 8px;
    border: 0;
    border-top: 1px solid var(--_border);
    background: none;
    color: var(--_muted);
    font: inherit;
    font-weight: 550;
    cursor: pointer;
  }

  [part~='trash-entry']:hover {
    color: var(--_color);
  }

  .trash-label {
    flex: 1;
    text-align: start;
  }

  .trash-entry-count,
  .trash-loading {
    padding: 0 6px;
    font-size: 0.75rem;
  }

  @media (pointer: coarse) {
    [part~='tab'],
    [part~='trash-entry'] {
      min-height: 44px;
    }
  }
`;
