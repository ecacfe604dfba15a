import { expect } from '@open-wc/testing';
import * as elements from '../../src/index.js';

describe('@chat-sessions/elements entry point', () => {
  it('exports the element and event classes, and registers nothing by itself', async () => {
    expect(Object.keys(elements).sort()).to.deep.equal([
      'ChatListLoadMoreEvent',
      'ChatListRetryEvent',
      'ChatListSearchEvent',
      'ChatListSortChangeEvent',
      'ChatListTabChangeEvent',
      'ChatSessionCreateEvent',
      'ChatSessionDeleteEvent',
      'ChatSessionDeleteRequestEvent',
      'ChatSessionMarkReadEvent',
      'ChatSessionPinEvent',
      'ChatSessionRenameEvent',
      'ChatSessionRestoreEvent',
      'ChatSessionSelectEvent',
      'ChatSessionsProvider',
      'ChatSidebar',
      'EMPTY_SESSION_LIST',
      'FlightRequestCard',
      'GeneralChatCard',
      'SessionListController',
      'StoreController',
      'chatSessionsClientContext',
      'sessionListContext',
    ]);
    expect(customElements.get('flight-request-card')).to.equal(undefined);
    expect(customElements.get('general-chat-card')).to.equal(undefined);
    expect(customElements.get('chat-sidebar')).to.equal(undefined);
    expect(customElements.get('chat-sessions-provider')).to.equal(undefined);

    await import('../../src/flight-request-card/define.js');
    await import('../../src/general-chat-card/define.js');
    expect(customElements.get('flight-request-card')).to.equal(elements.FlightRequestCard);
    expect(customElements.get('general-chat-card')).to.equal(elements.GeneralChatCard);
  });
});
