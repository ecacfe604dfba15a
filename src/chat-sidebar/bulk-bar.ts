import { html, nothing, type TemplateResult } from 'lit';
import type { Session, SessionAction } from '@chat-sessions/sdk';
import { bulkActions, SESSION_ACTION_TABLE } from '../actions/session-actions.js';
import { bulkAction } from './action-flow.js';
import type { SidebarActions } from './sidebar-actions.js';
import type { ChatSidebarStrings } from './strings.js';

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
 * The bar under the list while `sessions` are selected: how many (`countFormatted`), and the
 * actions (from the action table) that at least one of them allows. `returnTo`: the card focus
 * goes back to after a dialog.
 */
export function renderBulkBar(
  actions: SidebarActions,
  sessions: readonly Session[],
  countFormatted: string,
  returnTo: () => string,
): TemplateResult | typeof nothing {
  const count = sessions.length;
  if (count === 0) return nothing;
  const text = actions.options.text();
  return html`<div part="bulk-bar" class="bulk-bar" role="group" aria-label=${text.bulkLabel}>
    <span part="bulk-count" class="bulk-count" role="status">${text.selectedCount(count, countFormatted)}</span>
    <div class="bulk-buttons" part="bulk-buttons">
      ${bulkActions(sessions).map(
        (action) =>
          html`<button
            class=${SESSION_ACTION_TABLE[action].danger ? 'button small danger' : 'button small'}
            type="button"
            @click=${() => bulkAction(actions, action, sessions, returnTo())}
          >${bulkLabel(text, action)}</button>`,
      )}
      <button
        class="button small icon"
        type="button"
        aria-label=${text.clearSelection}
        title=${text.clearSelection}
        @click=${() => actions.options.selection.clear()}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  </div>`;
}
