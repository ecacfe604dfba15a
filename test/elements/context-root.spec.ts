// Elements registered before their provider: the bundle (and any host page) may define
// <chat-session-view> before <chat-sessions-provider>. The context request the view makes while
// no provider exists must still be answered once the provider upgrades.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { consume } from '@lit/context';
import type { ChatSessionsClient } from '@chat-sessions/sdk';
import { ChatSessionsProvider } from '../../src/chat-sessions-provider/chat-sessions-provider.js';
import { chatSessionsClientContext } from '../../src/context.js';
import { defineElement } from '../../src/internal/define.js';
import { backendInfo, newBroker } from './support/backend.js';

/** A consumer like every element of the package: subscribes to the provider's client. */
class EarlyConsumer extends LitElement {
  @consume({ context: chatSessionsClientContext, subscribe: true })
  client: ChatSessionsClient | undefined;

  override render() {
    return html`<p>${this.client ? 'Connected' : 'Waiting for a client'}</p>`;
  }
}

/** The provider under a tag of its own, defined only after the consumer is on the page. */
class LateProvider extends ChatSessionsProvider {}

describe('context across define order', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  it('answers a consumer that upgraded before its provider was defined', async () => {
    const broker = await newBroker();
    defineElement('early-context-consumer', EarlyConsumer);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <late-chat-sessions-provider .client=${broker.chat}>
        <early-context-consumer></early-context-consumer>
      </late-chat-sessions-provider>
    </div>`);
    const consumer = wrapper.querySelector<EarlyConsumer>('early-context-consumer')!;
    // Nobody could answer yet: the provider's tag is not defined.
    expect(customElements.get('late-chat-sessions-provider')).to.equal(undefined);
    expect(consumer.client === undefined, 'no client before the provider exists').to.equal(true);

    defineElement('late-chat-sessions-provider', LateProvider);
    const provider = wrapper.querySelector<LateProvider>('late-chat-sessions-provider')!;
    await provider.updateComplete;
    // Identity as a boolean: chai would try to print the whole SDK client on a mismatch.
    expect(consumer.client === broker.chat, "the provider's client reached the consumer").to.equal(
      true,
    );
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.contain('Connected');
    await expect(wrapper).to.be.accessible();
  });
});
