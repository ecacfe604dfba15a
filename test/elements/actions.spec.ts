import { expect } from '@open-wc/testing';
import {
  availableActions,
  SESSION_ACTIONS,
  TRANSITIONS,
} from '../../packages/sdk/src/lifecycle.js';
import {
  actionForKey,
  bulkActions,
  lifecycleActions,
  MENU_LABELS,
  menuActions,
  SESSION_ACTION_TABLE,
} from '../../src/actions/session-actions.js';
import { ChatSessionView } from '../../src/chat-session-view/chat-session-view.js';
import { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import { flightRequest, generalChat } from './support/sessions.js';

describe('the action table', () => {
  it('has one row per SDK action, and takes what a session allows from the SDK', () => {
    expect(Object.keys(SESSION_ACTION_TABLE).sort()).to.deep.equal([...SESSION_ACTIONS].sort());
    for (const status of ['active', 'paused', 'completed', 'archived'] as const) {
      const session = flightRequest({ status, unreadCount: 2 });
      expect(menuActions(session)).to.deep.equal(availableActions(session));
      expect(lifecycleActions(session)).to.deep.equal(TRANSITIONS[status]);
    }
    expect(lifecycleActions(generalChat({ deletedAt: new Date().toISOString() }))).to.deep.equal(
      [],
    );
  });

  it('gives the sidebar and the session view the same labels', () => {
    expect(ChatSidebar.defaultStrings.actionLabels).to.deep.equal(MENU_LABELS);
    expect(ChatSidebar.defaultStrings.actionLabels.complete).to.equal('Complete…');
    expect(ChatSessionView.defaultStrings.actionLabels.complete).to.equal('Complete');
    expect(ChatSidebar.defaultStrings.outcomeLabels).to.deep.equal(
      ChatSessionView.defaultStrings.outcomeLabels,
    );
  });

  it('offers bulk actions at least one selected session allows, in the bar order; Delete is a shortcut', () => {
    const active = flightRequest({ status: 'active', unreadCount: 0 });
    const completed = generalChat({ status: 'completed', unreadCount: 1 });
    expect(bulkActions([active])).to.deep.equal(['archive', 'complete', 'delete']);
    expect(bulkActions([active, completed])).to.deep.equal([
      'archive',
      'complete',
      'mark_read',
      'delete',
    ]);
    expect(actionForKey('Delete')).to.equal('delete');
    expect(actionForKey('x')).to.equal(null);
  });
});
