import { expect } from '@open-wc/testing';
import * as elements from '../../src/index.js';

describe('@chat-sessions/elements entry point', () => {
  it('exports the element and event classes, and registers nothing by itself', async () => {
    expect(Object.keys(elements).sort()).to.deep.equal([
      'ChatComposer',
      'ChatConnectionStatus',
      'ChatListLoadMoreEvent',
      'ChatListRetryEvent',
      'ChatListSearchEvent',
      'ChatListSortChangeEvent',
      'ChatListTabChangeEvent',
      'ChatMessage',
      'ChatMessageRetryEvent',
      'ChatMessageSendEvent',
      'ChatSessionActionEvent',
      'ChatSessionCreateEvent',
      'ChatSessionDeleteEvent',
      'ChatSessionDeleteRequestEvent',
      'ChatSessionEditEvent',
      'ChatSessionMarkReadEvent',
      'ChatSessionPinEvent',
      'ChatSessionPurgeEvent',
      'ChatSessionPurgeRequestEvent',
      'ChatSessionRenameEvent',
      'ChatSessionRestoreEvent',
      'ChatSessionSelectEvent',
      'ChatSessionView',
      'ChatSessionsProvider',
      'ChatSidebar',
      'ChatThreadCloseEvent',
      'ChatThreadOpenEvent',
      'ChatThreadsToggleEvent',
      'ChatWorkspace',
      'EMPTY_SESSION_LIST',
      'FlightRequestCard',
      'GeneralChatCard',
      'OperatorThreadList',
      'PreferencesController',
      'RuntimeStoreController',
      'SessionListController',
      'StoreController',
      'chatPreferencesContext',
      'chatSessionsClientContext',
      'sessionListContext',
    ]);
    expect(customElements.get('flight-request-card')).to.equal(undefined);
    expect(customElements.get('general-chat-card')).to.equal(undefined);
    expect(customElements.get('chat-sidebar')).to.equal(undefined);
    expect(customElements.get('chat-sessions-provider')).to.equal(undefined);
    for (const tag of [
      'chat-message',
      'chat-composer',
      'chat-session-view',
      'operator-thread-list',
    ]) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }

    await import('../../src/flight-request-card/define.js');
    await import('../../src/general-chat-card/define.js');
    expect(customElements.get('flight-request-card')).to.equal(elements.FlightRequestCard);
    expect(customElements.get('general-chat-card')).to.equal(elements.GeneralChatCard);

    // The session view's define module registers the elements it is made of too.
    await import('../../src/chat-session-view/define.js');
    expect(customElements.get('chat-session-view')).to.equal(elements.ChatSessionView);
    expect(customElements.get('operator-thread-list')).to.equal(elements.OperatorThreadList);
    expect(customElements.get('chat-composer')).to.equal(elements.ChatComposer);
    expect(customElements.get('chat-message')).to.equal(elements.ChatMessage);
  });
});
