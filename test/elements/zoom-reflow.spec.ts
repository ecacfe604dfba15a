// Reflow at 200 % and 400 % zoom (WCAG 1.4.10): a 1280 × 800 screen zoomed is a 640 × 450 or a
// 320 × 256 CSS-px viewport. There the sidebar's header (title, quick create, search, sort,
// tabs) and the session view's header scroll away with the content, so the list shows whole
// cards and the conversation keeps the pane's height; the heading wraps rather than being cut;
// focus moved by the keyboard is scrolled into view. At 1280 × 800 nothing moves. Real backend,
// real Chromium.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/chat-session-view/define.js';
import '../../src/chat-sidebar/define.js';
import type { ChatSessionView } from '../../src/chat-session-view/chat-session-view.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import { backendInfo, createSession, eventually, newBroker } from './support/backend.js';
import { $, $$, focusedId } from './support/sidebar.js';

const LONG_HEADING = 'Charter flight sessions';

function part(root: Element, name: string): HTMLElement {
  const element = root.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
  if (!element) throw new Error(`no ${name}`);
  return element;
}

/** The part of `box` that shows through every one of `clips` (and the viewport). */
function visibleHeight(box: DOMRect, clips: readonly Element[]): number {
  let top = Math.max(box.top, 0);
  let bottom = Math.min(box.bottom, innerHeight);
  for (const clip of clips) {
    const rect = clip.getBoundingClientRect();
    top = Math.max(top, rect.top);
    bottom = Math.min(bottom, rect.bottom);
  }
  return Math.max(0, bottom - top);
}

/** Whether the element is wholly shown inside `clips` and the viewport (a pixel of slack: the
    header's height, so the scroll offsets, are fractional). */
function whollyShown(element: Element, clips: readonly Element[]): boolean {
  const box = element.getBoundingClientRect();
  return visibleHeight(box, clips) >= box.height - 1;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Lays the element out at `width` × `height`, the viewport's size. */
async function resize(host: HTMLElement, width: number, height: number): Promise<void> {
  await setViewport({ width, height });
  const wrapper = host.parentElement!;
  wrapper.style.width = `${width}px`;
  wrapper.style.height = `${height}px`;
  await nextFrame();
  await nextFrame();
}

interface SidebarLayout {
  readonly listTop: number;
  readonly listHeight: number;
  readonly headingHeight: number;
  readonly baseScrolls: boolean;
}

function sidebarLayout(sidebar: ChatSidebar): SidebarLayout {
  const base = part(sidebar, 'base');
  const list = part(sidebar, 'list').getBoundingClientRect();
  return {
    listTop: list.top,
    listHeight: list.height,
    headingHeight: part(sidebar, 'heading').getBoundingClientRect().height,
    baseScrolls: base.scrollHeight > base.clientHeight,
  };
}

describe('reflow at 200 % and 400 % zoom', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it("the sidebar's header scrolls away: whole cards show, the heading wraps, a focused card is in view; 1280 × 800 is unchanged", async function () {
    this.timeout(60_000);
    const broker = await newBroker();
    for (let index = 1; index <= 8; index += 1)
      await broker.chat.sessions.create({ kind: 'general', title: `Crew question ${index}` });
    await setViewport({ width: 1280, height: 800 });
    const wrapper = await fixture<HTMLDivElement>(html`<div
      style="position: fixed; top: 0; left: 0; z-index: 1; width: 1280px; height: 800px; display: flex; background: white"
    >
      <chat-sidebar
        style="flex: none; width: 383px"
        locale="en-GB"
        .client=${broker.chat}
        .strings=${{ heading: LONG_HEADING }}
      ></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector<ChatSidebar>('chat-sidebar')!;
    await eventually(() => expect($$(sidebar, 'general-chat-card').length).to.be.at.least(5));
    const base = part(sidebar, 'base');
    const heading = part(sidebar, 'heading');

    const desktop = sidebarLayout(sidebar);
    expect(desktop.baseScrolls, 'the header stays put on a desktop').to.equal(false);
    expect(heading.textContent.trim()).to.equal(LONG_HEADING);

    // 200 %: the workspace gives the sidebar 268 px of a 640 px viewport.
    sidebar.style.width = '268px';
    await resize(sidebar, 640, 450);
    expect(heading.scrollWidth, 'the heading is not cut').to.be.at.most(heading.clientWidth);
    expect(heading.getBoundingClientRect().right).to.be.at.most(
      part(sidebar, 'title-row').getBoundingClientRect().right + 0.5,
    );
    base.scrollTop = base.scrollHeight;
    await nextFrame();
    expect(part(sidebar, 'header').getBoundingClientRect().bottom).to.be.at.most(0);
    const list = part(sidebar, 'list');
    const whole = $$(sidebar, 'general-chat-card').filter((card) =>
      whollyShown(card, [base, list]),
    );
    expect(whole.length, 'whole cards shown at 200 %').to.be.at.least(3);
    // The Trash entry under the list is on screen with the list.
    expect(whollyShown(part(sidebar, 'trash-entry'), [base])).to.equal(true);
    await expect(sidebar).to.be.accessible();

    // 400 %: the sidebar is the whole 320 px screen.
    sidebar.style.width = '320px';
    await resize(sidebar, 320, 256);
    expect(heading.scrollWidth).to.be.at.most(heading.clientWidth);
    // A word longer than the row breaks inside the row.
    sidebar.strings = { heading: 'Charterflightsessionsmanagement' };
    await sidebar.updateComplete;
    expect(heading.scrollWidth).to.be.at.most(heading.clientWidth);
    expect(heading.getBoundingClientRect().right).to.be.at.most(
      part(sidebar, 'title-row').getBoundingClientRect().right + 0.5,
    );
    sidebar.strings = { heading: LONG_HEADING };
    await sidebar.updateComplete;
    base.scrollTop = 0;
    await nextFrame();
    // The keyboard: from the search field, Tab to the tabs, Tab into the list, arrows down it.
    part(sidebar, 'search').focus();
    for (let press = 0; press < 6 && !focusedId(sidebar); press += 1)
      await sendKeys({ press: 'Tab' });
    const seen = new Set<string>();
    for (let step = 0; step < 3; step += 1) {
      if (step > 0) await sendKeys({ press: 'ArrowDown' });
      await eventually(() => expect(focusedId(sidebar)).to.be.a('string'));
      const id = focusedId(sidebar)!;
      const card = $(sidebar, `[data-session-id="${id}"]`)!;
      await eventually(() =>
        expect(whollyShown(card, [base, list]), `card ${step + 1} in view`).to.equal(true),
      );
      seen.add(id);
    }
    expect(seen.size, 'three cards reached by the keyboard at 400 %').to.equal(3);
    expect(part(sidebar, 'header').getBoundingClientRect().bottom).to.be.below(
      list.getBoundingClientRect().top + 1,
    );
    // Space selects the focused card: the bulk bar under the list grows the panel, never cut.
    await sendKeys({ press: 'Space' });
    await eventually(() => expect($(sidebar, "[part~='bulk-bar']")).to.exist);
    base.scrollTop = base.scrollHeight;
    await nextFrame();
    const bar = part(sidebar, 'bulk-bar');
    expect(whollyShown(bar, [base, part(sidebar, 'panel')]), 'the bulk bar in view').to.equal(true);
    await expect(sidebar).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect($(sidebar, "[part~='bulk-bar']")).to.equal(null));

    // Back at 1280 × 800, nothing moved.
    sidebar.style.width = '383px';
    base.scrollTop = 0;
    await resize(sidebar, 1280, 800);
    expect(sidebarLayout(sidebar)).to.deep.equal(desktop);
  });

  it("the session view's header scrolls away: the transcript keeps the pane's height and the keyboard reaches it in view; 1280 × 800 is unchanged", async function () {
    this.timeout(60_000);
    const broker = await newBroker();
    const session = await createSession(broker, {
      kind: 'flight_request',
      title: 'Los Cabos anniversary',
      legs: [{ from: 'KSFO', to: 'MMSD', date: '2026-12-17' }],
      passengers: 7,
    });
    for (const content of ['Send RFQs to our top three operators.', 'Any news on the G450?'])
      await broker.chat.messages.append({ sessionId: session.id, content });
    await setViewport({ width: 1280, height: 800 });
    const wrapper = await fixture<HTMLDivElement>(html`<div
      style="position: fixed; top: 0; left: 0; z-index: 1; width: 1280px; height: 800px; display: flex; flex-direction: column; background: white"
    >
      <chat-session-view style="flex: 1 1 auto" .client=${broker.chat} session-id=${session.id} locale="en-GB"></chat-session-view>
    </div>`);
    const view = wrapper.querySelector<ChatSessionView>('chat-session-view')!;
    await eventually(() =>
      expect(view.shadowRoot!.querySelectorAll("[part~='action-button']")).to.have.length(3),
    );
    await eventually(
      () => expect(view.shadowRoot!.querySelector('chat-composer')?.shadowRoot).to.exist,
    );
    const transcript = part(view, 'transcript');
    const layout = () => {
      const box = transcript.getBoundingClientRect();
      return { top: box.top, height: box.height, scrolls: view.scrollHeight > view.clientHeight };
    };
    const desktop = layout();
    expect(desktop.scrolls).to.equal(false);

    await resize(view, 320, 256);
    // The keyboard: from the header's first control, Tab until the transcript has focus.
    part(view, 'actions-toggle').focus();
    for (let press = 0; press < 8 && view.shadowRoot!.activeElement !== transcript; press += 1)
      await sendKeys({ press: 'Tab' });
    expect(view.shadowRoot!.activeElement).to.equal(transcript);
    await eventually(() => expect(whollyShown(transcript, [view])).to.equal(true));
    // Scrolled to its end, the conversation keeps most of the 256 px (not the 24 px left under
    // a fixed header), the composer under it.
    view.scrollTop = view.scrollHeight;
    await nextFrame();
    expect(part(view, 'header').getBoundingClientRect().bottom).to.be.at.most(0.5);
    expect(transcript.getBoundingClientRect().height).to.be.at.least(150);
    expect(whollyShown(transcript, [view])).to.equal(true);
    expect(whollyShown(part(view, 'composer'), [view])).to.equal(true);
    await expect(view).to.be.accessible();

    // 200 %: the header and the whole conversation, one scroll apart.
    await resize(view, 640, 450);
    view.scrollTop = view.scrollHeight;
    await nextFrame();
    expect(transcript.getBoundingClientRect().height).to.be.at.least(300);
    expect(whollyShown(transcript, [view])).to.equal(true);

    view.scrollTop = 0;
    await resize(view, 1280, 800);
    expect(layout()).to.deep.equal(desktop);
  });
});
