// Idle warm-ups are work queued for an element: they must not outlive its time in the page.
// A queued idle callback keeps what it closes over alive until the browser is idle (the browser
// bench once caught an unmounted <chat-sidebar> held that way), so leaving the page cancels the
// warm-up and coming back queues it again. First LazyChunkController with a counting loader,
// then the sidebar with its real lazy chunk (src/chat-sidebar/on-use.ts).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { LazyChunkController } from '../../src/controllers/lazy-chunk.js';
import { ManualClock } from './support/manual-clock.js';
import { NOW } from './support/sessions.js';
import {
  $,
  $$,
  card,
  listSnapshot,
  manySessions,
  pressKeys,
  renderSidebar,
  settle,
  shadow,
  textOf,
  waitForFocus,
} from './support/sidebar.js';

/** A host of the controller alone. */
class ChunkHost extends ReactiveElement {
  loads = 0;
  readonly chunk = new LazyChunkController<string>(this, {
    load: () => {
      this.loads += 1;
      return Promise.resolve('chunk');
    },
    loaded: () => undefined,
    failed: () => undefined,
  });
}
customElements.define('lazy-chunk-idle-host', ChunkHost);

/** Resolves after two idle periods: an idle callback queued before this call has run by then. */
async function idlePassed(): Promise<void> {
  for (let period = 0; period < 2; period += 1) {
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
  }
}

describe('idle warm-ups and the page', () => {
  it('LazyChunkController preloads once while idle after the first update, not during it', async () => {
    const host = await fixture<ChunkHost>(html`<lazy-chunk-idle-host></lazy-chunk-idle-host>`);
    expect(host.loads).to.equal(0);
    await idlePassed();
    expect(host.loads).to.equal(1);
    expect(host.chunk.value).to.equal('chunk');
    host.requestUpdate();
    await host.updateComplete;
    await idlePassed();
    expect(host.loads).to.equal(1);
  });

  it('LazyChunkController never preloads for a host removed before it is idle, and does when the host is put back', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const host = new ChunkHost();
    wrapper.append(host);
    await host.updateComplete;
    host.remove();
    await idlePassed();
    expect(host.loads).to.equal(0);
    // An update while out of the page (Lit still updates a removed element) queues nothing.
    host.requestUpdate();
    await host.updateComplete;
    await idlePassed();
    expect(host.loads).to.equal(0);
    expect(host.chunk.value).to.equal(null);

    // Put back, with no update of its own: it warms while idle.
    wrapper.append(host);
    await idlePassed();
    expect(host.loads).to.equal(1);
    expect(host.chunk.value).to.equal('chunk');
  });

  it('LazyChunkController preloads once for a host moved in the page while it waits', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><p></p><p></p></div>`);
    const [first, second] = wrapper.querySelectorAll('p');
    const host = new ChunkHost();
    first!.append(host);
    await host.updateComplete;
    second!.append(host);
    await idlePassed();
    expect(host.loads).to.equal(1);
  });

  it('a sidebar removed before it is idle never loads its chunk; put back, it loads it while idle', async () => {
    const items = manySessions(3);
    const wrapper = await fixture<HTMLDivElement>(html`
      <div
        style="position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 560px;
          display: flex; background: white"
      ></div>
    `);
    const sidebar = document.createElement('chat-sidebar');
    sidebar.style.flex = '1 1 auto';
    sidebar.locale = 'en-GB';
    sidebar.clock = new ManualClock(NOW);
    sidebar.snapshot = listSnapshot(items);
    wrapper.append(sidebar);
    // Its first update queued the warm-up; the browser has not been idle since.
    await sidebar.updateComplete;
    const sheets = shadow(sidebar).adoptedStyleSheets.length;
    sidebar.remove();
    await idlePassed();

    // Another sidebar, left in the page, warms the same (shared) chunk. A warm-up the removed
    // one had started would have waited for that same load, and finished before this one's.
    const other = await renderSidebar(listSnapshot(manySessions(2)));
    await waitUntil(
      () => shadow(other).adoptedStyleSheets.length === sheets + 1,
      'a sidebar in the page loads its chunk while idle',
      { timeout: 10_000 },
    );
    expect(shadow(sidebar).adoptedStyleSheets.length, 'the removed one warmed nothing').to.equal(
      sheets,
    );
    other.parentElement!.remove();

    // Put back (as a host moving it would): it warms its chunk while idle, styles adopted.
    wrapper.append(sidebar);
    await waitUntil(
      () => shadow(sidebar).adoptedStyleSheets.length === sheets + 1,
      'the put-back sidebar loads its chunk while idle',
      { timeout: 10_000 },
    );
    await settle(sidebar);
    await expect(sidebar).to.be.accessible();

    // Its menu from the keyboard: open, first item focused; Escape gives focus back.
    const id = items[0]!.id;
    card(sidebar, id)!.focus();
    await waitForFocus(sidebar, id);
    await pressKeys('Shift+F10');
    await settle(sidebar);
    expect(textOf($(sidebar, '[role="alert"]'))).to.equal('');
    expect($(sidebar, '[role="menu"]')!.matches(':popover-open')).to.equal(true);
    const menuItems = $$(sidebar, '[role="menuitem"]');
    expect(menuItems.length > 1).to.equal(true);
    expect(shadow(sidebar).activeElement === menuItems[0]).to.equal(true);
    await expect(sidebar).to.be.accessible();
    await pressKeys('Escape');
    await settle(sidebar);
    expect($(sidebar, '[role="menu"]') === null).to.equal(true);
    await waitForFocus(sidebar, id);
  });
});

declare global {
  interface HTMLElementTagNameMap {
    'lazy-chunk-idle-host': ChunkHost;
  }
}
