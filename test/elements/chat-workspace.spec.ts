import { deepActiveElement } from './support/accessibility.js';
// <chat-workspace> in real Chromium at phone, tablet and desktop widths (and in a 280 px host
// column), over the real SDK and the local gateway on PostgreSQL: layout by the element's own
// width, no sideways scrolling, the transcript's height on a phone, the panes, one composer at
// a time, both themes axe-clean, density, history, and the keyboard path skip link → list →
// composer.
import type { ChatSessionsClient, Session } from '@chat-sessions/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/chat-workspace/define.js';
import type { ChatWorkspace } from '../../src/chat-workspace/chat-workspace.js';
import { eventually, newBroker, serviceChat, type TestBroker } from './support/backend.js';

function part(root: Element | null | undefined, name: string): HTMLElement | null {
  return root?.shadowRoot?.querySelector<HTMLElement>(`[part~='${name}']`) ?? null;
}

function sidebarOf(workspace: ChatWorkspace): HTMLElement {
  return workspace.shadowRoot!.querySelector('chat-sidebar')!;
}

function viewOf(workspace: ChatWorkspace): HTMLElement {
  return workspace.shadowRoot!.querySelector('chat-session-view')!;
}

function cardsOf(workspace: ChatWorkspace): HTMLElement[] {
  return [...sidebarOf(workspace).shadowRoot!.querySelectorAll<HTMLElement>("[part~='card']")];
}

function cardFor(workspace: ChatWorkspace, id: string): HTMLElement | null {
  return (
    sidebarOf(workspace).shadowRoot!.querySelector<HTMLElement>(`[data-session-id='${id}']`) ?? null
  );
}

/** Shown: laid out with a size (not display: none anywhere up the flat tree). */
function shown(element: Element | null): boolean {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

/** Every element under `root`, through open shadow roots. */
function deepElements(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return found;
}

/**
 * Elements drawn past the workspace's right edge, or a workspace wider than its host: what
 * makes a page scroll sideways. Visually hidden text (1 px) is left out.
 */
function horizontalOverflow(workspace: ChatWorkspace): string[] {
  const edge = workspace.getBoundingClientRect().right + 0.5;
  const problems: string[] = [];
  if (document.documentElement.scrollWidth > window.innerWidth)
    problems.push(`page ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
  for (const element of deepElements(workspace)) {
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (box.right > edge) {
      const name = `${element.localName}${element.getAttribute('part') ? `[${element.getAttribute('part')}]` : ''}`;
      problems.push(`${name} right ${Math.round(box.right)} > ${Math.round(edge)}`);
    }
  }
  return problems;
}

interface Mounted {
  workspace: ChatWorkspace;
  before: HTMLButtonElement;
}

async function mount(
  chat: ChatSessionsClient,
  viewport: { width: number; height: number },
  options: { column?: number; theme?: string; density?: string; history?: string } = {},
): Promise<Mounted> {
  await setViewport(viewport);
  const width = options.column ? `${options.column}px` : '100vw';
  const wrapper = await fixture<HTMLDivElement>(html`<div
    style="position: fixed; inset: 0; z-index: 1; display: flex; flex-direction: column; background: #ddd"
  >
    <button type="button" style="flex: none">Before</button>
    <div style="flex: 1 1 auto; min-height: 0; width: ${width}">
      <chat-workspace
        .client=${chat}
        theme=${options.theme ?? 'light'}
        density=${options.density ?? 'comfortable'}
        history=${options.history ?? 'none'}
      ></chat-workspace>
    </div>
  </div>`);
  const workspace = wrapper.querySelector<ChatWorkspace>('chat-workspace')!;
  await eventually(() => expect(cardsOf(workspace).length).to.be.greaterThan(1), 8000);
  return { workspace, before: wrapper.querySelector('button')! };
}

async function openSession(workspace: ChatWorkspace, id: string): Promise<void> {
  await eventually(() => expect(cardFor(workspace, id)).to.exist);
  cardFor(workspace, id)!.click();
  await workspace.updateComplete;
  await eventually(() => expect(part(viewOf(workspace), 'transcript')).to.exist);
}

function transcriptHeight(workspace: ChatWorkspace): number {
  return part(viewOf(workspace), 'transcript')!.getBoundingClientRect().height;
}

let broker: TestBroker;
let request: Session;
let chatSession: Session;

before(async function () {
  this.timeout(30_000);
  broker = await newBroker();
  const created = await broker.chat.sessions.create({ kind: 'general', title: 'De-icing policy' });
  if (created.error) throw created.error;
  chatSession = created.data;
  const flight = await broker.chat.sessions.create({
    kind: 'flight_request',
    title: 'Hartley family',
    passengers: 6,
    legs: [
      { from: 'KTEB', to: 'KVNY', date: '2026-12-12' },
      { from: 'KVNY', to: 'KTEB', date: '2026-12-15' },
    ],
  });
  if (flight.error) throw flight.error;
  request = flight.data;
  const service = await serviceChat();
  const reply = await service.threads.recordOperatorMessage({
    sessionId: request.id,
    operatorName: 'Jet Linx',
    threadExternalRef: 'op-jetlinx',
    content: 'We have a Citation XLS on Friday.',
  });
  if (reply.error) throw reply.error;
});

after(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('<chat-workspace>', function () {
  this.timeout(30_000);

  const widths = [
    { width: 320, height: 568, layout: 'narrow' },
    { width: 375, height: 667, layout: 'narrow' },
    { width: 768, height: 1024, layout: 'medium' },
    { width: 1280, height: 800, layout: 'wide' },
    { width: 1920, height: 1080, layout: 'wide' },
  ] as const;

  for (const { width, height, layout } of widths) {
    it(`at ${width} px: the ${layout} layout, no sideways scrolling, a tall transcript`, async () => {
      const { workspace } = await mount(broker.chat, { width, height });
      expect(workspace.layout).to.equal(layout);
      expect(horizontalOverflow(workspace)).to.deep.equal([]);
      await openSession(workspace, request.id);
      await eventually(() => expect(horizontalOverflow(workspace)).to.deep.equal([]));
      expect(shown(part(workspace, 'list-pane'))).to.equal(layout !== 'narrow');
      expect(shown(part(workspace, 'session-pane'))).to.equal(true);
      // A phone keeps at least half its height for the conversation.
      const minimum = layout === 'narrow' ? height / 2 : height / 3;
      expect(transcriptHeight(workspace)).to.be.at.least(minimum);
    });
  }

  it('in a 280 px host column: the narrow layout without overflow', async () => {
    const { workspace } = await mount(broker.chat, { width: 1280, height: 800 }, { column: 280 });
    expect(workspace.layout).to.equal('narrow');
    expect(workspace.getBoundingClientRect().width).to.equal(280);
    expect(horizontalOverflow(workspace)).to.deep.equal([]);
    await openSession(workspace, chatSession.id);
    await eventually(() => expect(horizontalOverflow(workspace)).to.deep.equal([]));
    expect(transcriptHeight(workspace)).to.be.at.least(400);
  });

  it('narrow: list → conversation → threads and back, one pane at a time', async () => {
    const { workspace } = await mount(broker.chat, { width: 375, height: 667 });
    expect(shown(part(workspace, 'list-pane'))).to.equal(true);
    await openSession(workspace, request.id);
    expect(shown(part(workspace, 'list-pane'))).to.equal(false);
    const view = viewOf(workspace);
    await eventually(() => expect(part(view, 'threads-toggle')).to.exist);
    part(view, 'threads-toggle')!.click();
    await workspace.updateComplete;
    expect(shown(part(workspace, 'session-pane'))).to.equal(false);
    expect(shown(part(workspace, 'threads-pane'))).to.equal(true);
    const threads = workspace.shadowRoot!.querySelector('operator-thread-list')!;
    await eventually(() => expect(part(threads, 'thread')).to.exist);
    part(threads, 'thread')!.click();
    await eventually(() => expect(part(threads, 'composer')).to.exist);
    expect(workspace.threadId).to.not.equal('');
    part(workspace.shadowRoot!.querySelector("[part~='threads-pane']"), 'back-button');
    workspace
      .shadowRoot!.querySelector<HTMLElement>("[part~='threads-pane'] [part~='back-button']")!
      .click();
    await workspace.updateComplete;
    expect(shown(part(workspace, 'session-pane'))).to.equal(true);
    expect(shown(part(workspace, 'threads-pane'))).to.equal(false);
    workspace
      .shadowRoot!.querySelector<HTMLElement>("[part~='session-pane'] [part~='back-button']")!
      .click();
    await workspace.updateComplete;
    expect(shown(part(workspace, 'list-pane'))).to.equal(true);
    expect(shown(part(workspace, 'session-pane'))).to.equal(false);
    // The session stays chosen, and focus goes back to its card.
    await eventually(() =>
      expect(deepActiveElement()?.getAttribute('data-session-id')).to.equal(request.id),
    );
  });

  it('medium: the threads are a drawer over the conversation; Escape closes it', async () => {
    const { workspace } = await mount(broker.chat, { width: 768, height: 1024 });
    await openSession(workspace, request.id);
    const view = viewOf(workspace);
    await eventually(() => expect(part(view, 'threads-toggle')).to.exist);
    expect(shown(part(workspace, 'threads-pane'))).to.equal(false);
    part(view, 'threads-toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await workspace.updateComplete;
    const drawer = part(workspace, 'threads-pane')!;
    expect(shown(drawer)).to.equal(true);
    expect(getComputedStyle(drawer).position).to.equal('absolute');
    expect(shown(part(workspace, 'list-pane'))).to.equal(true);
    await eventually(() =>
      expect(part(workspace, 'close-threads-button')).to.equal(deepActiveElement()),
    );
    await sendKeys({ press: 'Escape' });
    await workspace.updateComplete;
    expect(shown(drawer)).to.equal(false);
    await eventually(() =>
      expect(deepActiveElement()?.getAttribute('part')).to.equal('threads-toggle'),
    );
  });

  it('wide: three panes for a flight request, and one composer at a time', async () => {
    const { workspace } = await mount(broker.chat, { width: 1280, height: 800 });
    await openSession(workspace, request.id);
    expect(shown(part(workspace, 'list-pane'))).to.equal(true);
    expect(shown(part(workspace, 'threads-pane'))).to.equal(true);
    const threads = workspace.shadowRoot!.querySelector('operator-thread-list')!;
    await eventually(() => expect(part(threads, 'thread')).to.exist);
    const visibleComposers = () =>
      deepElements(workspace).filter(
        (element) => element.localName === 'chat-composer' && shown(element),
      );
    expect(visibleComposers()).to.have.length(1);
    part(threads, 'thread')!.click();
    await eventually(() => expect(part(threads, 'composer')).to.exist);
    await workspace.updateComplete;
    expect(visibleComposers()).to.have.length(1);
    expect(visibleComposers()[0]!.getAttribute('thread-id')).to.not.equal(null);
    const note = part(workspace, 'thread-note')!;
    expect(note.textContent).to.contain('Replying to Jet Linx');
    part(workspace, 'main-reply-button')!.click();
    await workspace.updateComplete;
    expect(visibleComposers()).to.have.length(1);
    expect(visibleComposers()[0]!.hasAttribute('thread-id')).to.equal(false);
  });

  it('keyboard: skip link → list → Enter opens the session with focus in its composer', async () => {
    const { workspace, before } = await mount(broker.chat, { width: 375, height: 667 });
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part')).to.equal('skip-link');
    expect(shown(part(workspace, 'skip-link'))).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(deepActiveElement()?.getAttribute('part')).to.match(/^card\b/));
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(deepActiveElement()?.localName).to.equal('textarea'));
    expect(shown(part(workspace, 'session-pane'))).to.equal(true);
  });

  it('New puts focus in the new session’s composer', async () => {
    const { workspace } = await mount(broker.chat, { width: 1280, height: 800 });
    const before = workspace.sessionId;
    const sidebar = sidebarOf(workspace);
    part(sidebar, 'new-button')!.click();
    await eventually(() => expect(sidebar.shadowRoot!.querySelector("[role='menuitem']")).to.exist);
    const general = [
      ...sidebar.shadowRoot!.querySelectorAll<HTMLElement>("[role='menuitem']"),
    ].find((item) => item.textContent?.includes('General chat'))!;
    general.click();
    await eventually(() => expect(workspace.sessionId).to.not.equal(before));
    await eventually(() => expect(deepActiveElement()?.localName).to.equal('textarea'));
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is axe-clean (colour contrast included) in the ${theme} theme`, async () => {
      const { workspace } = await mount(broker.chat, { width: 1280, height: 800 }, { theme });
      await openSession(workspace, request.id);
      const threads = workspace.shadowRoot!.querySelector('operator-thread-list')!;
      await eventually(() => expect(part(threads, 'thread')).to.exist);
      const surface = getComputedStyle(sidebarOf(workspace)).backgroundColor;
      expect(surface).to.equal(theme === 'dark' ? 'rgb(22, 25, 29)' : 'rgb(255, 255, 255)');
      await expect(workspace).to.be.accessible();
    });
  }

  it('theme="auto" follows the document’s colour scheme preference', async () => {
    const { workspace } = await mount(broker.chat, { width: 1280, height: 800 }, { theme: 'auto' });
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(getComputedStyle(sidebarOf(workspace)).backgroundColor).to.equal(
      dark ? 'rgb(22, 25, 29)' : 'rgb(255, 255, 255)',
    );
  });

  it('history="state": the browser’s Back goes from a conversation to the list on a phone', async () => {
    const { workspace } = await mount(
      broker.chat,
      { width: 375, height: 667 },
      { history: 'state' },
    );
    await openSession(workspace, chatSession.id);
    expect(shown(part(workspace, 'list-pane'))).to.equal(false);
    history.back();
    await eventually(() => expect(shown(part(workspace, 'list-pane'))).to.equal(true));
    history.forward();
    await eventually(() => expect(shown(part(workspace, 'session-pane'))).to.equal(true));
    expect(workspace.sessionId).to.equal(chatSession.id);
  });
});

describe('<chat-workspace density="compact">', function () {
  this.timeout(40_000);

  it('shows at least 10 flight requests at 1280×800 with route, dates, stage and unread', async () => {
    const dense = await newBroker();
    for (let index = 0; index < 14; index += 1) {
      const result = await dense.chat.sessions.create({
        kind: 'flight_request',
        title: `Request ${index}`,
        passengers: 4,
        legs: [{ from: 'KTEB', to: 'KVNY', date: '2026-12-12' }],
      });
      if (result.error) throw result.error;
    }
    const { workspace } = await mount(
      dense.chat,
      { width: 1280, height: 800 },
      { density: 'compact' },
    );
    await eventually(() => expect(cardsOf(workspace).length).to.be.at.least(12));
    const list = sidebarOf(workspace).shadowRoot!.querySelector("[part~='list']")!;
    const fullyVisible = () => {
      const bottom = list.getBoundingClientRect().bottom;
      return cardsOf(workspace).filter((card) => card.getBoundingClientRect().bottom <= bottom);
    };
    // The virtualizer measures the cards after their first render: wait for it to settle.
    await eventually(() => expect(fullyVisible().length).to.be.at.least(10), 8000);
    const visible = fullyVisible();
    const first = visible[0]!;
    for (const name of ['route', 'dates', 'stage-badge'])
      expect(shown(part(first, name)), name).to.equal(true);
    expect(horizontalOverflow(workspace)).to.deep.equal([]);
  });
});
