import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatSessionSelectEvent } from '../../src/events.js';
import '../../src/general-chat-card/define.js';
import type { GeneralChatCard } from '../../src/general-chat-card/general-chat-card.js';
import type { Session } from '../../packages/sdk/src/models/session.js';
import { accessibleNode } from './support/accessibility.js';
import { ManualClock } from './support/manual-clock.js';
import { generalChat, MINUTE, NOW } from './support/sessions.js';

/** Renders a card at the specs' fixed "now", in British English unless told otherwise. */
async function renderCard(
  session: Session | null,
  options: { locale?: string; clock?: ManualClock } = {},
): Promise<GeneralChatCard> {
  return fixture<GeneralChatCard>(html`
    <general-chat-card
      .session=${session}
      .clock=${options.clock ?? new ManualClock(NOW)}
      locale=${options.locale ?? 'en-GB'}
    ></general-chat-card>
  `);
}

function part(card: Element, name: string): HTMLElement | null {
  return card.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
}

function partText(card: Element, name: string): string {
  const element = part(card, name);
  if (!element) throw new Error(`no part "${name}"`);
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<general-chat-card>', () => {
  describe('content', () => {
    it('shows title, preview, last activity, message count and unread', async () => {
      const card = await renderCard(generalChat());
      expect(partText(card, 'title')).to.equal('Weekly ops sync');
      expect(partText(card, 'preview')).to.equal(
        'Can someone check the Gulfstream availability for Friday?',
      );
      expect(partText(card, 'time')).to.equal('5 min ago');
      expect(partText(card, 'count')).to.equal('12 messages');
      expect(partText(card, 'unread-badge')).to.equal('2');
      expect(part(card, 'status')).to.equal(null);
    });

    it('reads like a sentence, with the preview and last activity as description', async () => {
      const node = await accessibleNode(await renderCard(generalChat()));
      expect(node.role).to.equal('button');
      expect(node.name).to.equal('General chat, Weekly ops sync, 12 messages, 2 unread messages');
      expect(node.description).to.equal(
        'Can someone check the Gulfstream availability for Friday?, last activity 5 minutes ago',
      );
    });

    it('says when there are no messages yet, and names an untitled chat', async () => {
      const card = await renderCard(
        generalChat({ title: '  ', lastMessagePreview: null, messageCount: 0, unreadCount: 0 }),
      );
      expect(partText(card, 'title')).to.equal('Untitled chat');
      expect(partText(card, 'preview')).to.equal('No messages yet');
      expect(partText(card, 'count')).to.equal('0 messages');
      const node = await accessibleNode(card);
      expect(node.name).to.equal('General chat, Untitled chat, 0 messages');
      expect(node.description).to.equal('last activity 5 minutes ago');
    });

    it('counts one message in the singular', async () => {
      const card = await renderCard(generalChat({ messageCount: 1, unreadCount: 1 }));
      expect(partText(card, 'count')).to.equal('1 message');
      expect((await accessibleNode(card)).name).to.equal(
        'General chat, Weekly ops sync, 1 message, 1 unread message',
      );
    });

    it('shows no unread badge at 0, the count at 5, and 99+ at 150', async () => {
      const none = await renderCard(generalChat({ unreadCount: 0 }));
      expect(part(none, 'unread-badge')).to.equal(null);
      expect(none.matches(':state(unread)')).to.equal(false);
      const five = await renderCard(generalChat({ unreadCount: 5 }));
      expect(partText(five, 'unread-badge')).to.equal('5');
      const many = await renderCard(generalChat({ unreadCount: 150 }));
      expect(partText(many, 'unread-badge')).to.equal('99+');
      expect((await accessibleNode(many)).name).to.contain('150 unread messages');
    });

    it('shows paused, completed and archived distinctly', async () => {
      const chips = new Set<string>();
      for (const [status, label] of [
        ['paused', 'Paused'],
        ['completed', 'Completed'],
        ['archived', 'Archived'],
      ] as const) {
        const card = await renderCard(generalChat({ status }));
        expect(partText(card, 'status')).to.equal(label);
        expect(card.matches(`:state(${status})`)).to.equal(true);
        expect((await accessibleNode(card)).name).to.contain(`, ${label}`);
        chips.add(getComputedStyle(part(card, 'status')!).borderTopColor);
      }
      expect(chips.size).to.equal(3);
    });

    it('marks a pinned chat and reflects selection', async () => {
      const card = await renderCard(generalChat({ pinned: true }));
      expect(part(card, 'pin')).to.exist;
      expect((await accessibleNode(card)).name).to.match(/, pinned$/);
      card.selected = true;
      await card.updateComplete;
      expect(card.getAttribute('selected')).to.equal('');
      expect(card.matches(':state(selected)')).to.equal(true);
    });

    it('exposes its parts by role', async () => {
      const card = await renderCard(generalChat({ pinned: true, status: 'paused' }));
      for (const name of [
        'base',
        'header',
        'title',
        'pin',
        'time',
        'body',
        'preview',
        'badge',
        'unread-badge',
        'meta',
        'count',
        'status',
      ]) {
        expect(part(card, name), name).to.exist;
      }
    });
  });

  describe('user text', () => {
    it('renders HTML in titles and previews as inert text', async () => {
      const title = '<img src=x onerror="window.__xssGeneral = true">';
      const preview = '</span><script>window.__xssGeneral = true</script><b>bold</b>';
      const card = await renderCard(generalChat({ title, lastMessagePreview: preview }));
      expect(partText(card, 'title')).to.equal(title);
      expect(partText(card, 'preview')).to.equal(preview);
      expect(card.shadowRoot!.querySelector('img, script, b')).to.equal(null);
      const node = await accessibleNode(card);
      expect(node.name).to.contain(title);
      expect(node.description).to.contain(preview);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __xssGeneral?: boolean }).__xssGeneral).to.equal(undefined);
    });
  });

  describe('locale and time', () => {
    it('formats counts and relative time in the given locale', async () => {
      const card = await renderCard(generalChat({ messageCount: 1234, unreadCount: 150 }), {
        locale: 'de-DE',
      });
      card.strings = {
        generalChat: 'Allgemeiner Chat',
        messages: (count, formatted) => (count === 1 ? '1 Nachricht' : `${formatted} Nachrichten`),
      };
      await card.updateComplete;
      expect(partText(card, 'count')).to.equal('1.234 Nachrichten');
      expect(partText(card, 'time')).to.equal('vor 5 Min.');
      expect(partText(card, 'unread-badge')).to.equal('99+');
      expect((await accessibleNode(card)).name).to.match(
        /^Allgemeiner Chat, Weekly ops sync, 1\.234 Nachrichten/,
      );
    });

    it('updates the relative time when the clock ticks', async () => {
      const clock = new ManualClock(NOW);
      const card = await renderCard(
        generalChat({ lastActivityAt: new Date(NOW - 30_000).toISOString() }),
        {
          clock,
        },
      );
      expect(partText(card, 'time')).to.equal('now');
      clock.advance(MINUTE);
      await card.updateComplete;
      expect(partText(card, 'time')).to.equal('1 min ago');
      clock.advance(6 * 24 * 60 * MINUTE);
      await card.updateComplete;
      expect(partText(card, 'time')).to.equal('6 days ago');
      clock.advance(2 * 24 * 60 * MINUTE);
      await card.updateComplete;
      expect(partText(card, 'time')).to.equal('last wk');
    });
  });

  describe('events and keyboard', () => {
    it('fires chat-session-select on click', async () => {
      const session = generalChat();
      const card = await renderCard(session);
      setTimeout(() => part(card, 'preview')!.click());
      const event = (await oneEvent(
        card,
        'chat-session-select',
      )) as unknown as ChatSessionSelectEvent;
      expect(event).to.be.instanceOf(ChatSessionSelectEvent);
      expect(event.session).to.equal(session);
    });

    it('is reached with Tab and chosen with Space or Enter', async () => {
      const session = generalChat();
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <input aria-label="Search" />
          <general-chat-card .session=${session} .clock=${new ManualClock(NOW)}></general-chat-card>
        </div>
      `);
      const card = wrapper.querySelector('general-chat-card')!;
      let chosen = 0;
      card.addEventListener('chat-session-select', () => (chosen += 1));
      wrapper.querySelector('input')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(card);
      await sendKeys({ press: 'Space' });
      expect(chosen).to.equal(1);
      await sendKeys({ press: 'Enter' });
      expect(chosen).to.equal(2);
      // Typing other keys does nothing.
      await sendKeys({ type: 'ab' });
      expect(chosen).to.equal(2);
    });

    it('as an option, exposes selection and fires nothing', async () => {
      const listbox = await fixture<HTMLDivElement>(html`
        <div role="listbox" aria-label="Sessions">
          <general-chat-card
            interaction="option"
            tabindex="-1"
            selected
            .session=${generalChat()}
            .clock=${new ManualClock(NOW)}
          ></general-chat-card>
        </div>
      `);
      const card = listbox.querySelector('general-chat-card')!;
      let fired = 0;
      listbox.addEventListener('chat-session-select', () => (fired += 1));
      const node = await accessibleNode(card);
      expect(node.role).to.equal('option');
      expect(node.selected).to.equal(true);
      card.click();
      card.focus();
      await sendKeys({ press: 'Enter' });
      expect(fired).to.equal(0);
      await expect(listbox).to.be.accessible();
    });
  });

  describe('accessibility (axe)', () => {
    const states: [string, Partial<Session>][] = [
      ['active', {}],
      ['paused', { status: 'paused' }],
      ['completed', { status: 'completed', outcome: 'cancelled' }],
      ['archived', { status: 'archived' }],
      ['pinned with 150 unread', { pinned: true, unreadCount: 150 }],
      ['empty', { title: '', lastMessagePreview: null, messageCount: 0, unreadCount: 0 }],
    ];
    for (const [label, overrides] of states) {
      it(`has no violations: ${label}`, async () => {
        await expect(await renderCard(generalChat(overrides))).to.be.accessible();
      });
    }

    it('has no violations when selected, in a dark theme made of tokens only', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div
          style="color-scheme: dark; background: #16191d; --chat-color-surface: #16191d;
            --chat-color-surface-hover: #1f242a; --chat-color-surface-selected: #1b2b45;
            --chat-color-text: #e6e9ed; --chat-color-text-muted: #a4adb8; --chat-color-border: #343b44;
            --chat-color-accent: #6ea8ff; --chat-color-on-accent: #0b1220"
        >
          <general-chat-card selected .session=${generalChat({ status: 'paused' })} .clock=${new ManualClock(NOW)}></general-chat-card>
        </div>
      `);
      const card = wrapper.querySelector('general-chat-card')!;
      expect(getComputedStyle(part(card, 'preview')!).color).to.equal('rgb(164, 173, 184)');
      await expect(wrapper).to.be.accessible();
    });
  });
});
