// Quick create's reading (the preview's lazy chunk, and the SDK's parser with its airport table)
// is warmed while idle after the sidebar's first paint, as the sidebar's other lazy chunks are:
// never during the first paint, never for a sidebar that left the page before the browser was
// idle (the queued callback would keep it alive), and again once it is put back. Each spec file
// has a fresh page, so nothing here has loaded the chunk before. No backend: the sidebar shows
// an empty list. The offline use itself: offline-quick-create.spec.ts.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat-sidebar/define.js';
import { eventually } from './support/backend.js';
import { $, pressKeys, settle, textOf } from './support/sidebar.js';

const box =
  'position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 560px; display: flex; background: white';

// The dev server serves each module as its own file: more than the default 250 entries.
performance.setResourceTimingBufferSize(100_000);

/** Whether the page has fetched a module whose address contains `part`. */
function fetched(part: string): boolean {
  return performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));
}

/** Resolves after two idle periods. */
async function idlePassed(): Promise<void> {
  for (let period = 0; period < 2; period += 1) {
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
  }
}

describe("<chat-sidebar> quick create's idle warm-up", () => {
  it('warms nothing on the first paint nor for a sidebar removed before the page is idle; put back, it warms while idle', async function () {
    this.timeout(20_000);
    const wrapper = await fixture<HTMLDivElement>(html`<div style=${box}></div>`);
    const sidebar = document.createElement('chat-sidebar');
    sidebar.style.flex = '1 1 auto';
    sidebar.locale = 'en-GB';
    wrapper.append(sidebar);
    await sidebar.updateComplete;
    expect(fetched('/src/quick-create-preview/'), 'not on the first paint').to.equal(false);
    sidebar.remove();
    await idlePassed();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fetched('/src/quick-create-preview/'), 'not for a removed sidebar').to.equal(false);
    expect(customElements.get('chat-quick-create-preview') === undefined).to.equal(true);

    wrapper.append(sidebar);
    await eventually(
      () => expect(customElements.get('chat-quick-create-preview') !== undefined).to.equal(true),
      10_000,
    );
    await eventually(
      () => expect(fetched('/sdk/src/metadata/airports/airport-table')).to.equal(true),
      10_000,
    );
    // Typing shows the preview at once (its chunk is there), read by the SDK's parser.
    $(sidebar, '[part="quick-create-input"]')!.focus();
    await sendKeys({ type: 'BOS to MIA 2 pax' });
    await settle(sidebar);
    await eventually(() =>
      expect(
        textOf($(sidebar, 'chat-quick-create-preview')?.shadowRoot as unknown as Element),
      ).to.match(/BOS/),
    );
    await expect(sidebar).to.be.accessible();
    await pressKeys('Escape');
    await pressKeys('Escape');
    await settle(sidebar);
    expect(($(sidebar, '[part="quick-create-input"]') as HTMLInputElement).value).to.equal('');
  });
});
