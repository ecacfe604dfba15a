// What <chat-sessions-provider> supplies besides the client: the locale, the clock and every
// element family's strings, each overridden by an element's own property.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-composer/define.js';
import '../../src/chat-sessions-provider/define.js';
import '../../src/general-chat-card/define.js';
import type { ChatComposer } from '../../src/chat-composer/chat-composer.js';
import type { ChatSessionsProvider } from '../../src/chat-sessions-provider/chat-sessions-provider.js';
import type { GeneralChatCard } from '../../src/general-chat-card/general-chat-card.js';
import { ManualClock } from './support/manual-clock.js';
import { generalChat, MINUTE, NOW } from './support/sessions.js';

function partText(element: Element, name: string): string {
  const found = element.shadowRoot!.querySelector(`[part~='${name}']`);
  if (!found) throw new Error(`no part "${name}"`);
  return (found.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function updated(...elements: Array<{ updateComplete: Promise<boolean> }>): Promise<void> {
  await Promise.all(elements.map((element) => element.updateComplete));
}

describe('<chat-sessions-provider> preferences', () => {
  it('hands its locale, clock and strings to the elements inside, and follows changes', async () => {
    const clock = new ManualClock(NOW);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <chat-sessions-provider
        locale="de-DE"
        .clock=${clock}
        .strings=${{ composer: { send: 'Senden' } }}
      >
        <general-chat-card .session=${generalChat()}></general-chat-card>
        <chat-composer></chat-composer>
      </chat-sessions-provider>
    </div>`);
    const provider = wrapper.querySelector<ChatSessionsProvider>('chat-sessions-provider')!;
    const card = wrapper.querySelector<GeneralChatCard>('general-chat-card')!;
    const composer = wrapper.querySelector<ChatComposer>('chat-composer')!;
    await updated(card, composer);
    // The card's own clock and locale were never set: the provider's apply.
    expect(partText(card, 'time')).to.equal('vor 5 Min.');
    expect(partText(composer, 'send-button')).to.equal('Senden');

    clock.advance(55 * MINUTE);
    await updated(card);
    expect(partText(card, 'time')).to.equal('vor 1 Std.');

    provider.locale = 'en-GB';
    provider.strings = { composer: { send: 'Post' } };
    await updated(provider);
    await updated(card, composer);
    expect(partText(card, 'time')).to.equal('1 hr ago');
    expect(partText(composer, 'send-button')).to.equal('Post');
    await expect(wrapper).to.be.accessible();
  });

  it('lets an element’s own locale, clock and strings win over the provider’s', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <chat-sessions-provider
        locale="de-DE"
        .clock=${new ManualClock(NOW)}
        .strings=${{ composer: { send: 'Senden', placeholder: 'Nachricht…' } }}
      >
        <general-chat-card
          locale="en-GB"
          .clock=${new ManualClock(NOW + 2 * 60 * MINUTE)}
          .session=${generalChat()}
        ></general-chat-card>
        <chat-composer .strings=${{ send: 'Go' }}></chat-composer>
      </chat-sessions-provider>
    </div>`);
    const card = wrapper.querySelector<GeneralChatCard>('general-chat-card')!;
    const composer = wrapper.querySelector<ChatComposer>('chat-composer')!;
    await updated(card, composer);
    expect(partText(card, 'time')).to.equal('2 hr ago');
    expect(partText(composer, 'send-button')).to.equal('Go');
    // Keys the element did not override still come from the provider.
    const input = composer.shadowRoot!.querySelector('[part~="input"]')!;
    expect(input.getAttribute('placeholder')).to.equal('Nachricht…');
  });

  it('gives an element outside any provider its defaults', async () => {
    const composer = await fixture<ChatComposer>(html`<chat-composer></chat-composer>`);
    expect(partText(composer, 'send-button')).to.equal('Send');
  });
});
