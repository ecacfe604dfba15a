// Touch targets on a phone (360 px): with a touch screen's pointer
// (`pointer: coarse`, emulated through DevTools by test/browser-backend/pointer-plugin.mjs) every
// visible button, menu item, option, field and checkbox of the session view (header actions,
// stage stepper and its menu, the outcome menu, the request editor, the composer), of the
// sidebar (header, quick create, search, tabs, Trash entry, a card's ⋯) and of its trash view
// is at least 44 × 44 px, the layout does not overflow, and with a mouse's
// pointer the compact desktop sizes are exactly what they were. Real backend, real Chromium.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/chat-message/define.js';
import '../../src/chat-session-view/define.js';
import '../../src/chat-sidebar/define.js';
import '../../src/chat-workspace/define.js';
import type { ChatMessage } from '../../src/chat-message/chat-message.js';
import type { ChatSessionView } from '../../src/chat-session-view/chat-session-view.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import type { ChatWorkspace } from '../../src/chat-workspace/chat-workspace.js';
import {
  backendInfo,
  createSession,
  eventually,
  newBroker,
  serviceChat,
} from './support/backend.js';
import { message } from './support/conversation.js';
import { ManualClock } from './support/manual-clock.js';
import { NOW } from './support/sessions.js';
import { $ } from './support/sidebar.js';

const TARGETS = "button, select, input, textarea, [role='menuitem'], [role='option']";

interface Target {
  readonly element: HTMLElement;
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

function emulatePointer(pointer: 'coarse' | 'fine' | null): Promise<unknown> {
  return executeServerCommand('emulate-pointer', { pointer });
}

/** Every control under `root`, inside nested shadow roots too (the composer, the editor). */
function controls(root: ShadowRoot | Element): HTMLElement[] {
  const found: HTMLElement[] = [...root.querySelectorAll<HTMLElement>(TARGETS)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...controls(element.shadowRoot));
  }
  return found;
}

function nameOf(element: HTMLElement): string {
  const label = element.getAttribute('aria-label') ?? element.getAttribute('part') ?? '';
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return `${element.localName}${label ? `[${label}]` : ''}${text ? ` "${text}"` : ''}`;
}

/** Visible controls and their hit boxes: a checkbox's is its label's (the label toggles it). */
function targets(root: ShadowRoot | Element): Target[] {
  return controls(root)
    .filter((element) => {
      const box = element.getBoundingClientRect();
      // Shown, and not a visually hidden helper (1 px, clipped).
      return element.getClientRects().length > 0 && box.width > 1 && box.height > 1;
    })
    .map((element) => {
      const isBox = element instanceof HTMLInputElement && /checkbox|radio/.test(element.type);
      const hit = isBox ? (element.closest('label') ?? element) : element;
      const box = hit.getBoundingClientRect();
      return { element, name: nameOf(element), width: box.width, height: box.height };
    });
}

function tooSmall(list: readonly Target[]): string[] {
  return list
    .filter((target) => target.width < 44 - 0.01 || target.height < 44 - 0.01)
    .map((target) => `${target.name}: ${target.width.toFixed(1)}×${target.height.toFixed(1)}`);
}

function part(root: Element, name: string): HTMLElement {
  const element = root.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
  if (!element) throw new Error(`no ${name}`);
  return element;
}

function overflows(element: Element): boolean {
  return element.scrollWidth > element.clientWidth + 1;
}

async function phoneView(): Promise<ChatSessionView> {
  const broker = await newBroker();
  const session = await createSession(broker, {
    kind: 'flight_request',
    title: 'Los Cabos anniversary',
    legs: [{ from: 'KSFO', to: 'MMSD', date: '2026-12-17' }],
    passengers: 7,
  });
  const wrapper = await fixture<HTMLDivElement>(html`<div
    style="position: fixed; top: 0; left: 0; width: 360px; height: 740px; display: flex; flex-direction: column; background: white"
  >
    <chat-session-view style="flex: 1 1 auto" .client=${broker.chat} session-id=${session.id} locale="en-GB"></chat-session-view>
  </div>`);
  const view = wrapper.querySelector('chat-session-view')!;
  await eventually(() =>
    expect(view.shadowRoot!.querySelectorAll("[part~='action-button']")).to.have.length(3),
  );
  await eventually(
    () => expect(view.shadowRoot!.querySelector('chat-composer')?.shadowRoot).to.exist,
  );
  return view;
}

describe('touch targets on a phone (pointer: coarse)', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  afterEach(async () => {
    await emulatePointer(null);
  });

  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('the emulation reaches the page', async () => {
    await emulatePointer('coarse');
    expect(matchMedia('(pointer: coarse)').matches).to.equal(true);
    await emulatePointer('fine');
    expect(matchMedia('(pointer: coarse)').matches).to.equal(false);
  });

  it("the session view's header, actions, stepper, menus, editor and composer are 44 px targets; a mouse keeps the desktop sizes", async function () {
    this.timeout(30_000);
    await emulatePointer('fine');
    const view = await phoneView();
    const root = view.shadowRoot!;
    // The keyboard opens the folded actions (a phone's header).
    part(view, 'actions-toggle').focus();
    await sendKeys({ press: 'Enter' });
    await view.updateComplete;
    const desktop = new Map(targets(root).map((target) => [target.name, target.height]));
    const pause = root.querySelector<HTMLElement>("[data-action='pause']")!;
    // The compact desktop button this fixes (24 px on the review's phone).
    expect(desktop.get(nameOf(pause))).to.be.below(32);

    await emulatePointer('coarse');
    await view.updateComplete;
    const shown = targets(root);
    expect(shown.map((target) => target.name)).to.include.members([
      nameOf(pause),
      nameOf(part(view, 'actions-toggle')),
      nameOf(part(view, 'edit-request-button')),
      nameOf(part(view, 'stage-picker')),
    ]);
    expect(shown.filter((target) => target.element.matches("[part~='stage-step']"))).to.have.length(
      10,
    );
    expect(tooSmall(shown)).to.deep.equal([]);
    // Ten 44 px segments do not fit in 336 px: two rows of five, nothing overflows.
    expect(overflows(part(view, 'stage-stepper'))).to.equal(false);
    expect(overflows(part(view, 'header'))).to.equal(false);
    const steps = [...root.querySelectorAll<HTMLElement>("[part~='stage-step']")];
    expect(
      new Set(steps.map((step) => Math.round(step.getBoundingClientRect().top))).size,
    ).to.equal(2);

    // The outcome menu (Complete), by keyboard.
    root.querySelector<HTMLElement>("[data-action='complete']")!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await view.updateComplete;
    const outcomes = targets(part(view, 'menu'));
    expect(outcomes.map((target) => target.element.textContent.trim())).to.deep.equal([
      'Won',
      'Lost',
      'Cancelled',
    ]);
    expect(tooSmall(outcomes)).to.deep.equal([]);
    await expect(view).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await view.updateComplete;

    // The stage menu.
    part(view, 'stage-picker').focus();
    await sendKeys({ press: 'ArrowDown' });
    await view.updateComplete;
    const stages = targets(part(view, 'stage-menu'));
    expect(stages).to.have.length(10);
    expect(tooSmall(stages)).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    await view.updateComplete;

    // The request editor: its fields, pickers and buttons.
    part(view, 'edit-request-button').click();
    await eventually(
      () =>
        expect(root.querySelector('chat-request-editor')?.shadowRoot?.querySelector('form')).to
          .exist,
    );
    const editor = root.querySelector('chat-request-editor')!;
    await editor.updateComplete;
    const fields = targets(editor.shadowRoot!);
    expect(
      fields.filter((target) => target.element.localName === 'input').length,
    ).to.be.greaterThan(2);
    expect(fields.some((target) => target.element.matches("[part~='save-button']"))).to.equal(true);
    expect(tooSmall(fields)).to.deep.equal([]);
    expect(overflows(editor)).to.equal(false);
    // An airport picker's suggestions, typed for.
    const picker = editor.shadowRoot!.querySelector('chat-airport-picker')!;
    const from = picker.shadowRoot!.querySelector('input')!;
    from.focus();
    from.select();
    await sendKeys({ type: 'Tet' });
    await eventually(
      () =>
        expect(
          picker.shadowRoot!.querySelectorAll("[role='option']:not([aria-disabled='true'])").length,
        ).to.be.greaterThan(1),
      8000,
    );
    const options = targets(picker.shadowRoot!).filter((target) =>
      target.element.matches("[role='option']"),
    );
    expect(options.length).to.be.greaterThan(1);
    expect(tooSmall(options)).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    await expect(view).to.be.accessible();

    // A mouse again: every control is exactly its desktop size.
    await emulatePointer('fine');
    part(view, 'edit-request-button').click();
    await view.updateComplete;
    const again = targets(root).filter((target) => desktop.has(target.name));
    expect(again.length).to.be.greaterThan(10);
    expect(again.map((target) => [target.name, target.height])).to.deep.equal(
      again.map((target) => [target.name, desktop.get(target.name)]),
    );
  });

  it("the trash view's checkboxes, select-all and buttons are 44 px targets that do not overlap", async function () {
    this.timeout(30_000);
    const broker = await newBroker();
    for (const title of ['Binned first', 'Binned second']) {
      const { data, error } = await broker.chat.sessions.create({ kind: 'general', title });
      if (error) throw error;
      const deleted = await broker.chat.sessions.delete(data.id);
      if (deleted.error) throw deleted.error;
    }
    const wrapper = await fixture<HTMLDivElement>(html`<div
      style="position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 740px; display: flex; background: white"
    >
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${broker.chat}></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector<ChatSidebar>('chat-sidebar')!;
    await eventually(() => expect($(sidebar, '[part~="trash-entry"]')).to.exist);
    $(sidebar, '[part~="trash-entry"]')!.focus();
    await sendKeys({ press: 'Enter' });
    const trash = () => sidebar.shadowRoot!.querySelector('chat-sidebar-trash');
    await eventually(() =>
      expect(trash()?.shadowRoot?.querySelectorAll('input.check')).to.have.length(2),
    );
    const root = trash()!.shadowRoot!;
    const desktopCheck = root.querySelector('.check-target')!.getBoundingClientRect();
    expect(desktopCheck.height).to.be.below(30);

    await emulatePointer('coarse');
    // Select one row by keyboard, so the bulk bar's buttons show too.
    root.querySelector<HTMLInputElement>('input.check')!.focus();
    await sendKeys({ press: 'Space' });
    await eventually(() => expect(root.querySelector('.trash-bar')).to.exist);
    const shown = targets(root);
    expect(shown.filter((target) => target.element.matches('input[type=checkbox]'))).to.have.length(
      3,
    );
    expect(shown.filter((target) => target.element.matches('.restore, .purge'))).to.have.length(4);
    expect(tooSmall(shown)).to.deep.equal([]);
    expect(overflows(root.querySelector('.trash-list')!)).to.equal(false);
    // Each checkbox's hit area answers for that checkbox, at its corners too, and for nothing else.
    for (const check of root.querySelectorAll<HTMLInputElement>('input.check')) {
      const box = check.closest('label')!.getBoundingClientRect();
      for (const [x, y] of [
        [box.left + 1, box.top + 1],
        [box.right - 1, box.bottom - 1],
      ] as const) {
        const hit = root.elementFromPoint(x, y);
        expect(hit === check || hit === check.closest('label')).to.equal(true);
      }
    }
    await expect(trash()!).to.be.accessible();

    await emulatePointer('fine');
    const desktopAgain = root.querySelector('.check-target')!.getBoundingClientRect();
    expect([desktopAgain.width, desktopAgain.height]).to.deep.equal([
      desktopCheck.width,
      desktopCheck.height,
    ]);
  });

  it("a failed message's Retry is a 44 px target; a mouse keeps its desktop size", async () => {
    const bubble = await fixture<ChatMessage>(html`<chat-message
      .message=${message({ content: 'TEB to VNY, 6 pax' })}
      .clock=${new ManualClock(NOW)}
      delivery="failed"
      locale="en-GB"
    ></chat-message>`);
    const retry = () => targets(bubble.shadowRoot!);
    await emulatePointer('fine');
    const desktop = retry()[0]!.height;
    expect(desktop).to.be.below(30);
    await emulatePointer('coarse');
    expect(retry().map((target) => target.element.getAttribute('part'))).to.deep.equal([
      'retry-button',
    ]);
    expect(tooSmall(retry())).to.deep.equal([]);
    await expect(bubble).to.be.accessible();
    await emulatePointer('fine');
    expect(retry()[0]!.height).to.equal(desktop);
  });

  it("the workspace's pane bars and the operator threads (rows, Close, the thread's composer) are 44 px targets on a phone", async function () {
    this.timeout(40_000);
    const broker = await newBroker();
    const session = await createSession(broker, {
      kind: 'flight_request',
      title: 'Hartley family',
      legs: [{ from: 'KTEB', to: 'KVNY', date: '2026-12-12' }],
      passengers: 6,
    });
    const service = await serviceChat();
    const reply = await service.threads.recordOperatorMessage({
      sessionId: session.id,
      operatorName: 'Jet Linx',
      threadExternalRef: 'op-jetlinx',
      content: 'We have a Citation XLS on Friday.',
    });
    if (reply.error) throw reply.error;
    await setViewport({ width: 360, height: 740 });
    await emulatePointer('coarse');
    const wrapper = await fixture<HTMLDivElement>(html`<div
      style="position: fixed; inset: 0; z-index: 1; display: flex; background: white"
    >
      <chat-workspace style="flex: 1 1 auto" .client=${broker.chat} history="none"></chat-workspace>
    </div>`);
    const workspace = wrapper.querySelector<ChatWorkspace>('chat-workspace')!;
    const sidebar = () => workspace.shadowRoot!.querySelector('chat-sidebar');
    const card = () =>
      sidebar()?.shadowRoot?.querySelector<HTMLElement>(`[data-session-id="${session.id}"]`);
    await eventually(() => expect(card()).to.exist, 8000);
    // The keyboard opens the session from its card.
    card()!.focus();
    await sendKeys({ press: 'Enter' });
    const view = () => workspace.shadowRoot!.querySelector<ChatSessionView>('chat-session-view')!;
    await eventually(
      () => expect(view().shadowRoot?.querySelector("[part~='threads-toggle']")).to.exist,
    );
    await workspace.updateComplete;
    /** The workspace's own controls (its panes' bars), not the sidebar's or the view's. */
    const own = () =>
      targets(workspace.shadowRoot!).filter(
        (target) => target.element.getRootNode() === workspace.shadowRoot,
      );
    expect(own().map((target) => target.element.getAttribute('part'))).to.include('back-button');
    expect(tooSmall(own())).to.deep.equal([]);

    part(view(), 'threads-toggle').click();
    await workspace.updateComplete;
    const threads = workspace.shadowRoot!.querySelector('operator-thread-list')!;
    await eventually(() => expect(threads.shadowRoot?.querySelector("[part~='thread']")).to.exist);
    part(threads, 'thread').click();
    await eventually(
      () =>
        expect(
          threads.shadowRoot!.querySelector('chat-composer')?.shadowRoot?.querySelector('button'),
        ).to.exist,
    );
    await threads.updateComplete;
    const inThreads = targets(threads.shadowRoot!);
    expect(inThreads.map((target) => target.element.getAttribute('part'))).to.include.members([
      'thread',
      'close-button',
      'send-button',
      'input',
    ]);
    expect(tooSmall(inThreads)).to.deep.equal([]);
    expect(tooSmall(own())).to.deep.equal([]);
    expect(overflows(threads)).to.equal(false);
    await expect(workspace).to.be.accessible();
  });

  it("the sidebar's header, fields, tabs, Trash entry and a card's ⋯ are 44 px targets; a mouse keeps the desktop sizes", async function () {
    this.timeout(30_000);
    const broker = await newBroker();
    for (const title of ['Catering for Friday', 'Crew rest rules'])
      await broker.chat.sessions.create({ kind: 'general', title });
    await setViewport({ width: 360, height: 740 });
    const wrapper = await fixture<HTMLDivElement>(html`<div
      style="position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 740px; display: flex; background: white"
    >
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${broker.chat}></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector<ChatSidebar>('chat-sidebar')!;
    const root = sidebar.shadowRoot!;
    await eventually(() => expect(root.querySelectorAll('general-chat-card')).to.have.length(2));
    // The ⋯ on a card is drawn 22 px; its target is measured by hit-testing below.
    const isCorner = (target: Target) => target.element.matches("[part~='item-actions']");
    const desktop = new Map(targets(root).map((target) => [target.element, target.height]));
    const create = $(sidebar, "[part~='quick-create'] button")!;
    expect(desktop.get(create)).to.be.below(40);

    await emulatePointer('coarse');
    const shown = targets(root).filter((target) => !isCorner(target));
    for (const name of ['new-button', 'quick-create-input', 'search', 'tab', 'trash-entry']) {
      expect(
        shown.some((target) => target.element.matches(`[part~='${name}']`)),
        `${name} measured`,
      ).to.equal(true);
    }
    expect(tooSmall(shown)).to.deep.equal([]);
    expect(overflows(root.querySelector("[part~='tabs']")!)).to.equal(false);
    // A finger on the ⋯'s 44 px square, at its corners too, reaches the ⋯ (not the card).
    const corner = root.querySelector<HTMLElement>("[part~='item-actions']")!;
    const face = corner.getBoundingClientRect();
    const middle = { x: face.left + face.width / 2, y: face.top + face.height / 2 };
    for (const [dx, dy] of [
      [-21, -21],
      [21, 21],
      [-21, 21],
    ] as const) {
      const hit = root.elementFromPoint(middle.x + dx, middle.y + dy);
      expect(hit, `at ${dx}, ${dy}`).to.equal(corner);
    }
    await expect(sidebar).to.be.accessible();

    await emulatePointer('fine');
    for (const target of targets(root)) {
      if (desktop.has(target.element))
        expect(target.height, target.name).to.equal(desktop.get(target.element));
    }
    expect(root.elementFromPoint(middle.x + 21, middle.y + 21)).to.not.equal(corner);
  });
});
