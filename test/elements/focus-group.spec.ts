import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, type TemplateResult } from 'lit';
import {
  FocusGroupController,
  focusGroupTarget,
  type FocusGroupOrientation,
} from '../../src/controllers/focus-group.js';
import { SelectionController } from '../../src/controllers/selection.js';

/** A toolbar of buttons whose roving focus is a FocusGroupController, configured per spec. */
class FocusGroupProbe extends LitElement {
  static override properties = {
    labels: { attribute: false },
    disabledLabels: { attribute: false },
  };

  labels: readonly string[] = ['One', 'Two', 'Three', 'Four'];
  disabledLabels: readonly string[] = [];
  moves: string[] = [];

  readonly group = new FocusGroupController(this, {
    get orientation() {
      return probeSettings.orientation;
    },
    get wrap() {
      return probeSettings.wrap;
    },
    elements: () => [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')],
    onMove: (item) => this.moves.push(item.textContent?.trim() ?? ''),
  });

  override render(): TemplateResult {
    return html`<div role="toolbar" aria-label="Probe" @keydown=${this.group.handleKeyDown}>
      ${this.labels.map(
        (label) =>
          html`<button type="button" aria-disabled=${this.disabledLabels.includes(label) ? 'true' : 'false'}>
            ${label}
          </button>`,
      )}
    </div>`;
  }
}
customElements.define('focus-group-probe', FocusGroupProbe);

/** The rules the next probe reads (the controller's options are read on every key press). */
const probeSettings: { orientation: FocusGroupOrientation; wrap: boolean } = {
  orientation: 'horizontal',
  wrap: false,
};

async function probe(
  options: {
    wrap?: boolean;
    dir?: 'ltr' | 'rtl';
    disabled?: string[];
    orientation?: FocusGroupOrientation;
  } = {},
): Promise<FocusGroupProbe> {
  probeSettings.wrap = options.wrap ?? false;
  probeSettings.orientation = options.orientation ?? 'horizontal';
  const wrapper = await fixture<HTMLDivElement>(html`<div dir=${options.dir ?? 'ltr'}>
    <button id="before">before</button>
    <focus-group-probe .disabledLabels=${options.disabled ?? []}></focus-group-probe>
    <button id="after">after</button>
  </div>`);
  const element = wrapper.querySelector<FocusGroupProbe>('focus-group-probe')!;
  await element.updateComplete;
  return element;
}

const focused = (element: FocusGroupProbe) =>
  element.shadowRoot!.activeElement?.textContent?.trim() ?? null;
const tabIndexes = (element: FocusGroupProbe) =>
  [...element.shadowRoot!.querySelectorAll('button')].map((button) => button.tabIndex);

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

describe('FocusGroupController', () => {
  it('is one tab stop: Tab enters on the first item, Tab again leaves', async () => {
    const element = await probe();
    expect(tabIndexes(element)).to.deep.equal([0, -1, -1, -1]);
    document.getElementById('before')!.focus();
    await press('Tab');
    expect(focused(element)).to.equal('One');
    await press('Tab');
    expect(document.activeElement?.id).to.equal('after');
    await expect(element).to.be.accessible();
  });

  it('clamps at the ends by default; Home and End jump; the focused item keeps the tab stop', async () => {
    const element = await probe();
    element.group.focus(element.shadowRoot!.querySelector('button'));
    await press('ArrowLeft');
    expect(focused(element)).to.equal('One');
    await press('ArrowRight', 'ArrowRight');
    expect(focused(element)).to.equal('Three');
    await press('End', 'ArrowRight');
    expect(focused(element)).to.equal('Four');
    await press('Home');
    expect(focused(element)).to.equal('One');
    await press('ArrowRight');
    await element.updateComplete;
    expect(tabIndexes(element)).to.deep.equal([-1, 0, -1, -1]);
    expect(element.moves).to.deep.equal(['Two', 'Three', 'Four', 'One', 'Two']);
    // Leaving and coming back lands on the item focused last.
    document.getElementById('after')!.focus();
    await sendKeys({ down: 'Shift' });
    await press('Tab');
    await sendKeys({ up: 'Shift' });
    expect(focused(element)).to.equal('Two');
  });

  it('wraps when asked to', async () => {
    const element = await probe({ wrap: true });
    element.group.focus(element.shadowRoot!.querySelector('button'));
    await press('ArrowLeft');
    expect(focused(element)).to.equal('Four');
    await press('ArrowRight');
    expect(focused(element)).to.equal('One');
  });

  it('swaps ← and → right to left', async () => {
    const element = await probe({ dir: 'rtl' });
    element.group.focus(element.shadowRoot!.querySelector('button'));
    await press('ArrowLeft');
    expect(focused(element)).to.equal('Two');
    await press('ArrowRight');
    expect(focused(element)).to.equal('One');
    await expect(element).to.be.accessible();
  });

  it('moves with the keys of its orientation only', async () => {
    const element = await probe({ orientation: 'vertical' });
    element.group.focus(element.shadowRoot!.querySelector('button'));
    await press('ArrowRight');
    expect(focused(element)).to.equal('One');
    await press('ArrowDown');
    expect(focused(element)).to.equal('Two');
  });

  it('steps over disabled items, and keeps the tab stop off them', async () => {
    const element = await probe({ disabled: ['One', 'Three'] });
    expect(tabIndexes(element)).to.deep.equal([-1, 0, -1, -1]);
    document.getElementById('before')!.focus();
    await press('Tab');
    expect(focused(element)).to.equal('Two');
    await press('ArrowRight');
    expect(focused(element)).to.equal('Four');
    await press('ArrowLeft', 'Home');
    expect(focused(element)).to.equal('Two');
    await press('ArrowLeft');
    expect(focused(element)).to.equal('Two');
  });

  it('computes targets for lists it does not render (the virtual list): pages, clamps, wraps', () => {
    const at = (key: string, index: number, rules = {}) =>
      focusGroupTarget(key, { pageSize: 8, ...rules }, { index, count: 20, rtl: false });
    expect(at('PageDown', 3)).to.equal(11);
    expect(at('PageDown', 15)).to.equal(19);
    expect(at('PageUp', 3)).to.equal(0);
    expect(at('ArrowDown', 19)).to.equal(19);
    expect(at('ArrowDown', 19, { wrap: true })).to.equal(0);
    expect(at('ArrowRight', 4)).to.equal(null);
    expect(at('x', 4)).to.equal(null);
    expect(focusGroupTarget('End', {}, { index: -1, count: 0, rtl: false })).to.equal(null);
  });
});

describe('SelectionController', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  const host = { addController() {}, requestUpdate() {} } as unknown as ConstructorParameters<
    typeof SelectionController
  >[0];

  it('toggles with Ctrl, selects ranges with Shift from the anchor, clears on Escape', () => {
    const selection = new SelectionController(host, () => keys);
    selection.pick('b', { toggle: true });
    selection.pick('d', { range: true });
    expect([...selection.selected]).to.deep.equal(['b', 'c', 'd']);
    selection.pick('c', { toggle: true });
    expect([...selection.selected]).to.deep.equal(['b', 'd']);
    selection.addRange('e');
    expect([...selection.selected].sort()).to.deep.equal(['b', 'c', 'd', 'e']);
    selection.toggleAll();
    expect(selection.size).to.equal(5);
    selection.toggleAll();
    expect(selection.size).to.equal(0);
    expect(selection.handleEscape()).to.equal(false);
    selection.pick('a', { toggle: true });
    expect(selection.handleEscape()).to.equal(true);
    expect(selection.size).to.equal(0);
    expect(selection.anchor).to.equal(null);
  });

  it('keeps only what is still there', () => {
    const selection = new SelectionController(host, () => keys);
    selection.set(['a', 'c']);
    const before = selection.selected;
    selection.retain((key) => key !== 'c');
    expect([...selection.selected]).to.deep.equal(['a']);
    expect(selection.selected).to.not.equal(before);
  });
});
