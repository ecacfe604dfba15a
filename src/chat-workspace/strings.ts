/** Every user-visible string of `<chat-workspace>`, English by default. */
export interface ChatWorkspaceStrings {
  /** The skip link, first in the tab order. */
  skipToList: string;
  /** The regions' accessible names. */
  listRegion: string;
  conversationRegion: string;
  threadsRegion: string;
  /** Back from a conversation to the list (narrow layout). */
  backToList: string;
  /** Back from the operator threads to the conversation (narrow layout). */
  backToConversation: string;
  /** Closes the threads drawer or column. */
  closeThreads: string;
  /** The threads pane's heading. */
  threadsHeading: string;
  /** Shown where the conversation goes while none is open. */
  emptyTitle: string;
  emptyBody: string;
  /** The empty conversation of a new flight request. */
  noMessagesFlightRequest: string;
  /** The empty conversation of a new general chat. */
  noMessagesChat: string;
  /** The threads of a request no operator has been asked about yet. */
  noThreads: string;
  /** Under the conversation while an operator thread (with its own reply field) is open. */
  replyingInThread: (operatorName: string) => string;
  /** Closes the open operator thread, bringing the main reply field back. */
  backToMainReply: string;
}

export const defaultWorkspaceStrings: ChatWorkspaceStrings = {
  skipToList: 'Skip to the session list',
  listRegion: 'Sessions',
  conversationRegion: 'Conversation',
  threadsRegion: 'Operator threads',
  backToList: 'Sessions',
  backToConversation: 'Conversation',
  closeThreads: 'Close operator threads',
  threadsHeading: 'Operators',
  emptyTitle: 'No conversation open',
  emptyBody:
    'Pick a flight request or a chat from the list, or start one with New: type “TEB to VNY Dec 12, 6 pax, back on the 15th” into quick create.',
  noMessagesFlightRequest:
    'No messages yet. Next: send RFQs to operators (Operators), or write the first note below.',
  noMessagesChat: 'No messages yet. Ask your question below.',
  noThreads: 'No operators contacted yet. Send RFQs to operators; their replies appear here.',
  replyingInThread: (name) => `Replying to ${name} in the operator thread.`,
  backToMainReply: 'Write in the main conversation',
};
