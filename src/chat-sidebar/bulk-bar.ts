import { html, nothing, type TemplateResult } from 'lit';
import type { Session, SessionAction } from '@chat-sessions/sdk';
import { bulkActions, SESSION_ACTION_TABLE } from '../actions/session-actions.js';
import type { ChatSidebarStrings } from './strings.js';

/** What the bar of actions on the selected sessions shows. */
export interface BulkBarView {
  readonly text: ChatSidebarStrings;
  readonly sessions: readonly Session[];
  readonly countFormatted: string;
  readonly onAction: (action: SessionAction) => void;
  readonly onClear: () => void;
}

/** The label each bulk action has in the sidebar's strings. */
function bulkLabel(text: ChatSidebarStrings, action: SessionAction): string {
  switch (action) {
    case 'archive':
      return text.bulkArchive;
    case 'complete':
      return text.bulkComplete;
    case 'mark_read':
      return text.bulkMarkRead;
    case 'delete':
      return text.bulkDelete;
    default:
      return text.actionLabels[action];
  }
}

/**
 * The bar under the list while sessions are selected: how many, and the actions (from the
 * action table) that at least one of them allows.
 */
export function renderBulkBar(bar: BulkBarView): TemplateResult | typeof nothing {
  const count = bar.sessions.length;
  if (count === 0) return nothing;
  const text = bar.text;
  return html`<div part="bulk-bar" class="bulk-bar" role="group" aria-label=${text.bulkLabel}>
    <span part="bulk-count" class="bulk-count" role="status">${text.selectedCount(count, bar.countFormatted)}</span>
    <div class="bulk-buttons" part="bulk-buttons">
      ${bulkActions(bar.sessions).map(
        (action) =>
          html`<button
            class=${SESSION_ACTION_TABLE[action].danger ? 'button small danger' : 'button small'}
            type="button"
            @click=${() => bar.onAction(action)}
          >${bulkLabel(text, action)}</button>`,
      )}
      <button
        class="button small icon"
        type="button"
        aria-label=${text.clearSelection}
        title=${text.clearSelection}
        @click=${bar.onClear}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  </div>`;
}
