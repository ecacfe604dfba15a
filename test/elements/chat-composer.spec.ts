import { DraftStore } from '@chat-sessions/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat-composer/define.js';
import type { ChatComposer } from '../../src/chat-composer/chat-composer.js';
import { ChatMessageSendEvent } from '../../src/events.js';

const SESSION_A = '00000000-0000-4000-8000-00000000000a';
const SESSION_B = '00000000-0000-4000-8000-00000000000b';
const THREAD = '00000000-0000-4000-8000-0000000000c1';

function field(composer: ChatComposer): HTMLTextAreaElement {
  return composer.shadowRoot!.querySelector('textarea')!;
}

function sendButton(composer: ChatComposer): HTMLButtonElement {
  return composer.shadowRoot!.querySelector<HTMLButtonElement>("[part~='send-button']")!;
}

/** Every `chat-message-send` the document hears during each test of the suite it is called in. */
function recordSends(): ChatMessageSendEvent[] {
  const heard: ChatMessageSendEvent[] = [];
  const listener = (event: ChatMessageSendEvent) => heard.push(event);
  beforeEach(() => {
    heard.length = 0;
    document.addEventListener('chat-message-send', listener);
  });
  afterEach(() => document.removeEventListener('chat-message-send', listener));
  return heard;
}

/** Shift+Enter, as a person presses it. */
async function pressShiftEnter(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Shift' });
}

describe('<chat-composer>', () => {
  let userId: string;
  beforeEach(() => {
    // A user of our own per test: drafts are namespaced by user in the real localStorage.
    userId = `composer-spec-${Math.random().toString(36).slice(2)}`;
  });
  afterEach(() => {
    for (const key of Object.keys(localStorage))
      if (key.includes(userId)) localStorage.removeItem(key);
  });

  describe('keyboard', () => {
    const sends = recordSends();

    it('sends with Enter: the event carries the text, session and thread, and the field clears', async () => {
      const composer = await fixture<ChatComposer>(
        html`<chat-composer session-id=${SESSION_A} thread-id=${THREAD}></chat-composer>`,
      );
      composer.focus();
      expect(composer.shadowRoot!.activeElement).to.equal(field(composer));
      await sendKeys({ type: '  Any light jets for Friday?  ' });
      expect(composer.value).to.equal('  Any light jets for Friday?  ');
      await sendKeys({ press: 'Enter' });
      expect(sends).to.have.length(1);
      const [event] = sends;
      expect(event).to.be.instanceOf(ChatMessageSendEvent);
      expect(event!.content).to.equal('Any light jets for Friday?');
      expect(event!.sessionId).to.equal(SESSION_A);
      expect(event!.threadId).to.equal(THREAD);
      expect(event!.bubbles && event!.composed && event!.cancelable).to.equal(true);
      await composer.updateComplete;
      expect(field(composer).value).to.equal('');
      expect(composer.shadowRoot!.activeElement).to.equal(field(composer));
    });

    it('starts a new line with Shift+Enter, and sends both lines with Enter', async () => {
      const composer = await fixture<ChatComposer>(
        html`<chat-composer session-id=${SESSION_A}></chat-composer>`,
      );
      composer.focus();
      await sendKeys({ type: 'Citation XLS' });
      await pressShiftEnter();
      await sendKeys({ type: 'or a Phenom 300' });
      expect(sends).to.have.length(0);
      expect(field(composer).value).to.equal('Citation XLS\nor a Phenom 300');
      await sendKeys({ press: 'Enter' });
      expect(sends.map((event) => event.content)).to.deep.equal(['Citation XLS\nor a Phenom 300']);
      expect(sends[0]!.threadId).to.equal(null);
    });

    it('sends nothing when the field is empty or blank', async () => {
      const composer = await fixture<ChatComposer>(html`<chat-composer></chat-composer>`);
      composer.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: '   ' });
      await sendKeys({ press: 'Enter' });
      expect(sends).to.have.length(0);
      expect(sendButton(composer).disabled).to.equal(true);
      expect(field(composer).value).to.equal('   ');
    });

    it('sends with the Send button, reached with Tab and pressed with Space', async () => {
      const composer = await fixture<ChatComposer>(html`<chat-composer></chat-composer>`);
      composer.focus();
      await sendKeys({ type: 'Hello' });
      expect(sendButton(composer).disabled).to.equal(false);
      await sendKeys({ press: 'Tab' });
      expect(composer.shadowRoot!.activeElement).to.equal(sendButton(composer));
      await sendKeys({ press: 'Space' });
      expect(sends.map((event) => event.content)).to.deep.equal(['Hello']);
      // Focus goes back to the field for the next message.
      expect(composer.shadowRoot!.activeElement).to.equal(field(composer));
    });

    it('clears when the host sends the message itself (preventDefault)', async () => {
      const composer = await fixture<ChatComposer>(html`<chat-composer></chat-composer>`);
      composer.addEventListener('chat-message-send', (event) => event.preventDefault());
      composer.focus();
      await sendKeys({ type: 'Mine to send' });
      await sendKeys({ press: 'Enter' });
      expect(sends[0]!.defaultPrevented).to.equal(true);
      await composer.updateComplete;
      expect(field(composer).value).to.equal('');
    });

    it('does nothing while disabled', async () => {
      const composer = await fixture<ChatComposer>(
        html`<chat-composer disabled value="Draft"></chat-composer>`,
      );
      expect(field(composer).disabled).to.equal(true);
      expect(composer.send()).to.equal(false);
      expect(sends).to.have.length(0);
    });

    it('refuses a message longer than the server accepts, and says so', async () => {
      const composer = await fixture<ChatComposer>(
        html`<chat-composer locale="en-US"></chat-composer>`,
      );
      composer.value = 'x'.repeat(32001);
      await composer.updateComplete;
      composer.focus();
      await sendKeys({ press: 'Enter' });
      await composer.updateComplete;
      expect(sends).to.have.length(0);
      const error = composer.shadowRoot!.querySelector("[part~='error']")!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.equal(
        'This message is too long to send (32,001 of at most 32,000 characters).',
      );
      expect(field(composer).getAttribute('aria-invalid')).to.equal('true');
      // Typing again clears the error.
      await sendKeys({ press: 'Backspace' });
      await composer.updateComplete;
      expect(composer.shadowRoot!.querySelector("[part~='error']")).to.equal(null);
    });
  });

  describe('drafts', () => {
    it('keeps a draft per session and per thread in the DraftStore, and clears it once sent', async () => {
      const drafts = new DraftStore({ userId });
      const composer = await fixture<ChatComposer>(
        html`<chat-composer .drafts=${drafts} session-id=${SESSION_A}></chat-composer>`,
      );
      composer.focus();
      await sendKeys({ type: 'Draft for A' });
      expect(drafts.get(SESSION_A)).to.equal('Draft for A');
      expect(localStorage.getItem(`chat-sessions:draft:${userId}:${SESSION_A}`)).to.equal(
        'Draft for A',
      );

      composer.sessionId = SESSION_B;
      await composer.updateComplete;
      expect(field(composer).value).to.equal('');
      await sendKeys({ type: 'For B' });

      composer.threadId = THREAD;
      await composer.updateComplete;
      expect(field(composer).value).to.equal('');
      await sendKeys({ type: 'To the operator' });
      expect(drafts.get(`${SESSION_B}:thread:${THREAD}`)).to.equal('To the operator');

      composer.sessionId = SESSION_A;
      composer.threadId = '';
      await composer.updateComplete;
      expect(field(composer).value).to.equal('Draft for A');

      // A new page (a reload): the draft comes back from storage.
      const reloaded = await fixture<ChatComposer>(
        html`<chat-composer .drafts=${new DraftStore({ userId })} session-id=${SESSION_B}></chat-composer>`,
      );
      expect(field(reloaded).value).to.equal('For B');

      composer.focus();
      await sendKeys({ press: 'Enter' });
      expect(drafts.get(SESSION_A)).to.equal('');
      expect(localStorage.getItem(`chat-sessions:draft:${userId}:${SESSION_A}`)).to.equal(null);
      expect(drafts.get(SESSION_B)).to.equal('For B');
      drafts.dispose();
    });
  });

  describe('drafts without a store', () => {
    it('keeps a draft per session in memory while sessions switch', async () => {
      const composer = await fixture<ChatComposer>(
        html`<chat-composer session-id=${SESSION_A}></chat-composer>`,
      );
      composer.focus();
      await sendKeys({ type: 'Only in memory' });
      composer.sessionId = SESSION_B;
      await composer.updateComplete;
      expect(field(composer).value).to.equal('');
      composer.sessionId = SESSION_A;
      await composer.updateComplete;
      expect(field(composer).value).to.equal('Only in memory');
      expect(Object.keys(localStorage).some((key) => key.includes(SESSION_A))).to.equal(false);
    });
  });

  describe('accessibility (axe)', () => {
    it('has no violations: empty', async () => {
      const composer = await fixture<ChatComposer>(html`<chat-composer></chat-composer>`);
      await expect(composer).to.be.accessible();
    });

    it('names the field and describes how to send', async () => {
      const composer = await fixture<ChatComposer>(html`<chat-composer></chat-composer>`);
      expect(field(composer).getAttribute('aria-label')).to.equal('Message');
      const hint = composer.shadowRoot!.getElementById(
        field(composer).getAttribute('aria-describedby')!,
      )!;
      expect(hint.textContent).to.equal('Enter sends, Shift+Enter starts a new line.');
    });

    it('has no violations: with text, with an error, disabled', async () => {
      const typed = await fixture<ChatComposer>(
        html`<chat-composer value="Hello"></chat-composer>`,
      );
      await expect(typed).to.be.accessible();
      typed.value = 'x'.repeat(32001);
      await typed.updateComplete;
      typed.send();
      await typed.updateComplete;
      await expect(typed).to.be.accessible();
      const disabled = await fixture<ChatComposer>(html`<chat-composer disabled></chat-composer>`);
      await expect(disabled).to.be.accessible();
    });

    it('has no violations in a dark theme made of tokens only', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div
          style="color-scheme: dark; background: #16191d; --chat-color-surface: #16191d;
            --chat-color-text: #e6e9ed; --chat-color-text-muted: #a4adb8; --chat-color-border: #343b44;
            --chat-color-accent: #6ea8ff; --chat-color-on-accent: #0b1220"
        >
          <chat-composer value="Hello"></chat-composer>
        </div>
      `);
      const composer = wrapper.querySelector('chat-composer')!;
      expect(getComputedStyle(sendButton(composer)).backgroundColor).to.equal('rgb(110, 168, 255)');
      await expect(wrapper).to.be.accessible();
    });

    it('takes overrides for any string', async () => {
      const composer = await fixture<ChatComposer>(html`<chat-composer></chat-composer>`);
      composer.strings = {
        label: 'Nachricht',
        send: 'Senden',
        placeholder: 'Nachricht schreiben…',
      };
      await composer.updateComplete;
      expect(field(composer).getAttribute('aria-label')).to.equal('Nachricht');
      expect(field(composer).placeholder).to.equal('Nachricht schreiben…');
      expect(sendButton(composer).textContent.trim()).to.equal('Senden');
    });
  });
});
