import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat-message/define.js';
import type { ChatMessage, ChatMessageContent } from '../../src/chat-message/chat-message.js';
import { ChatMessageRetryEvent } from '../../src/events.js';
import type { MessageDelivery } from '../../src/internal/chat-transcript.js';
import { message, said } from './support/conversation.js';
import { ManualClock } from './support/manual-clock.js';
import { NOW } from './support/sessions.js';

async function renderMessage(
  content: ChatMessageContent,
  options: { delivery?: MessageDelivery; author?: string; locale?: string } = {},
): Promise<ChatMessage> {
  return fixture<ChatMessage>(html`
    <chat-message
      .message=${content}
      .clock=${new ManualClock(NOW)}
      delivery=${options.delivery ?? 'sent'}
      author=${options.author ?? ''}
      locale=${options.locale ?? 'en-GB'}
    ></chat-message>
  `);
}

function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
}

function partText(element: Element, name: string): string {
  const found = part(element, name);
  if (!found) throw new Error(`no part "${name}"`);
  return (found.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<chat-message>', () => {
  describe('content', () => {
    it('labels each role, and uses the author name when given', async () => {
      const labels: Record<string, string> = {
        broker: 'You',
        assistant: 'Assistant',
        system: 'System',
        operator: 'Operator',
      };
      for (const [role, label] of Object.entries(labels)) {
        const bubble = await renderMessage(said(role as never, 'Hello'));
        expect(partText(bubble, 'author')).to.equal(label);
        expect(part(bubble, 'base')!.dataset.role).to.equal(role);
        expect(partText(bubble, 'content')).to.equal('Hello');
      }
      const named = await renderMessage(said('operator', 'Hi'), { author: 'Jet Linx' });
      expect(partText(named, 'author')).to.equal('Jet Linx');
    });

    it("puts the broker's own messages on the trailing side, others on the leading side", async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px">
        <chat-message .message=${said('broker', 'Mine')} .clock=${new ManualClock(NOW)}></chat-message>
        <chat-message .message=${said('operator', 'Theirs')} .clock=${new ManualClock(NOW)}></chat-message>
      </div>`);
      const [own, theirs] = [...wrapper.querySelectorAll('chat-message')];
      const ownBox = part(own!, 'base')!.getBoundingClientRect();
      const theirBox = part(theirs!, 'base')!.getBoundingClientRect();
      const wrapperBox = wrapper.getBoundingClientRect();
      expect(Math.round(ownBox.right)).to.equal(Math.round(wrapperBox.right));
      expect(Math.round(theirBox.left)).to.equal(Math.round(wrapperBox.left));
    });

    it("shows today's time as a clock time and older ones with the date", async () => {
      const today = await renderMessage(message({ createdAt: '2026-12-01T09:05:00.000Z' }));
      expect(partText(today, 'time')).to.equal('09:05');
      expect(part(today, 'time')!.getAttribute('datetime')).to.equal('2026-12-01T09:05:00.000Z');
      expect(part(today, 'time')!.title).to.equal('Tuesday, 1 December 2026 at 09:05');
      const older = await renderMessage(message({ createdAt: '2026-11-28T16:40:00.000Z' }));
      expect(partText(older, 'time')).to.equal('28 Nov, 16:40');
      const olderMorning = await renderMessage(message({ createdAt: '2026-11-28T08:40:00.000Z' }));
      expect(partText(olderMorning, 'time')).to.equal('28 Nov, 08:40');
      const us = await renderMessage(message({ createdAt: '2026-12-01T16:40:00.000Z' }), {
        locale: 'en-US',
      });
      expect(partText(us, 'time')).to.equal('4:40 PM');
    });

    it('keeps line breaks and shows markdown as its plain source', async () => {
      const source = '**Quote** for _Friday_:\n- Citation XLS\n- [details](javascript:alert(1))';
      const bubble = await renderMessage(said('assistant', source, { contentType: 'markdown' }));
      expect(part(bubble, 'content')!.textContent).to.equal(source);
      expect(bubble.shadowRoot!.querySelector('strong, em, ul, a')).to.equal(null);
      expect(getComputedStyle(part(bubble, 'content')!).whiteSpace).to.equal('pre-wrap');
      // Two line breaks: three lines tall.
      const lineHeight = parseFloat(getComputedStyle(part(bubble, 'content')!).lineHeight);
      expect(
        Math.round(part(bubble, 'content')!.getBoundingClientRect().height / lineHeight),
      ).to.equal(3);
    });

    it('sets quotes off as quotes', async () => {
      const bubble = await renderMessage(
        said('system', 'Quote received: $18,400', { contentType: 'quote' }),
      );
      expect(part(bubble, 'base')!.dataset.contentType).to.equal('quote');
      expect(getComputedStyle(part(bubble, 'content')!).borderLeftStyle).to.equal('solid');
    });

    it('shows an event line of the database as a note without author, localizable from its event', async () => {
      const line = said('system', 'Stage → Proposal sent', {
        contentType: 'event',
        richContent: { event: 'stage_changed', from: 'proposal_ready', to: 'proposal_sent' },
      });
      const bubble = await renderMessage(line);
      expect(part(bubble, 'base')).to.equal(null);
      expect(part(bubble, 'author')).to.equal(null);
      expect(part(bubble, 'event')!.dataset.event).to.equal('stage_changed');
      expect(partText(bubble, 'content')).to.equal('Stage → Proposal sent');
      await expect(bubble).to.be.accessible();
      bubble.strings = {
        eventLine: (event, english) =>
          event.event === 'stage_changed' ? `Phase → ${event.to ?? ''}` : english,
      };
      await bubble.updateComplete;
      expect(partText(bubble, 'content')).to.equal('Phase → proposal_sent');
      // Not an event line without its machine-readable part: shown as a message.
      const plain = await renderMessage(said('system', 'Host note', { contentType: 'text' }));
      expect(part(plain, 'event')).to.equal(null);
      expect(partText(plain, 'content')).to.equal('Host note');
    });

    it('renders HTML in messages and author names as inert text', async () => {
      const payload =
        '<img src=x onerror="window.__xssMessage = true"><script>window.__xssMessage = true</script>';
      const author = '"><svg onload="window.__xssMessage = true">';
      const bubble = await renderMessage(said('operator', payload, { contentType: 'markdown' }), {
        author,
      });
      expect(partText(bubble, 'content')).to.equal(payload);
      expect(partText(bubble, 'author')).to.equal(author);
      expect(bubble.shadowRoot!.querySelector('img, script, svg')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __xssMessage?: boolean }).__xssMessage).to.equal(undefined);
    });
  });

  describe('delivery', () => {
    it('says nothing more once sent', async () => {
      const bubble = await renderMessage(said('broker', 'Sent'));
      expect(part(bubble, 'delivery')).to.equal(null);
      expect(bubble.getAttribute('delivery')).to.equal('sent');
    });

    it('shows "Sending…" while pending', async () => {
      const bubble = await renderMessage(said('broker', 'On its way'), { delivery: 'pending' });
      expect(partText(bubble, 'delivery')).to.equal('Sending…');
      expect(part(bubble, 'retry-button')).to.equal(null);
    });

    it('shows "Not sent" and a Retry button when failed', async () => {
      const bubble = await renderMessage(said('broker', 'Lost'), { delivery: 'failed' });
      expect(partText(bubble, 'delivery')).to.equal('Not sent Retry');
      expect(part(bubble, 'retry-button')!.tagName).to.equal('BUTTON');
    });

    it('retries with the keyboard: Tab to Retry, Enter fires chat-message-retry (bubbling, composed)', async () => {
      const failed = said('broker', 'Lost');
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <button>before</button>
        <chat-message .message=${failed} delivery="failed" .clock=${new ManualClock(NOW)}></chat-message>
      </div>`);
      const bubble = wrapper.querySelector('chat-message')!;
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(bubble.shadowRoot!.activeElement).to.equal(part(bubble, 'retry-button'));
      const heard = oneEvent(document, 'chat-message-retry');
      await sendKeys({ press: 'Enter' });
      const event = (await heard) as unknown as ChatMessageRetryEvent;
      expect(event).to.be.instanceOf(ChatMessageRetryEvent);
      expect(event.messageId).to.equal(failed.id);
      expect(event.bubbles && event.composed).to.equal(true);
    });
  });

  describe('strings', () => {
    it('takes overrides for any string', async () => {
      const bubble = await renderMessage(said('broker', 'Hallo'), {
        delivery: 'failed',
        locale: 'de-DE',
      });
      bubble.strings = {
        roleLabels: { broker: 'Ich' },
        notSent: 'Nicht gesendet',
        retry: 'Erneut senden',
      };
      await bubble.updateComplete;
      expect(partText(bubble, 'author')).to.equal('Ich');
      expect(partText(bubble, 'delivery')).to.equal('Nicht gesendet Erneut senden');
    });
  });

  describe('accessibility (axe)', () => {
    const states: [string, ChatMessageContent, MessageDelivery][] = [
      ['broker, sent', said('broker', 'Any light jets for Friday?'), 'sent'],
      ['broker, pending', said('broker', 'Any light jets for Friday?'), 'pending'],
      ['broker, failed', said('broker', 'Any light jets for Friday?'), 'failed'],
      [
        'assistant markdown',
        said('assistant', '**Two** options', { contentType: 'markdown' }),
        'sent',
      ],
      ['system quote', said('system', 'Quote received', { contentType: 'quote' }), 'sent'],
      ['operator', said('operator', 'Available'), 'sent'],
    ];
    for (const [label, content, delivery] of states) {
      it(`has no violations: ${label}`, async () => {
        await expect(await renderMessage(content, { delivery })).to.be.accessible();
      });
    }

    it('has no violations in a dark theme made of tokens only', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div
          style="color-scheme: dark; background: #16191d; --chat-color-surface: #16191d;
            --chat-color-surface-hover: #1f242a; --chat-color-surface-selected: #1b2b45;
            --chat-color-text: #e6e9ed; --chat-color-text-muted: #a4adb8; --chat-color-border: #343b44;
            --chat-color-accent: #6ea8ff; --chat-color-on-accent: #0b1220; --chat-color-danger: #ff8a80"
        >
          <chat-message .message=${said('broker', 'Mine')} delivery="failed" .clock=${new ManualClock(NOW)}></chat-message>
          <chat-message .message=${said('operator', 'Theirs')} .clock=${new ManualClock(NOW)}></chat-message>
        </div>
      `);
      const bubble = wrapper.querySelector('chat-message')!;
      expect(getComputedStyle(part(bubble, 'base')!).backgroundColor).to.equal('rgb(27, 43, 69)');
      await expect(wrapper).to.be.accessible();
    });
  });
});
