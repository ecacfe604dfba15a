// The sidebar's bulk bar lives in its lazy chunk (src/chat-sidebar/on-use.ts); each spec file
// runs in a fresh page, so here selecting with Space is the chunk's first use, on a slow network:
// the sidebar says it is opening, then shows the bar (see chat-sidebar-lazy-menu.spec.ts for the
// menu and a failed load).
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
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
} from './support/sidebar.js';

/** Every request answers `latency` ms late (0: on time again). */
async function slowNetwork(latency: number): Promise<void> {
  await executeServerCommand('network-block', { urls: [], latency });
}

const statusToast = (sidebar: ChatSidebar) =>
  textOf($(sidebar, '.toasts [role="status"] [part="toast-message"]'));

describe('<chat-sidebar> bulk bar, loaded on first use', () => {
  after(() => slowNetwork(0));

  it('shows "Opening…" while the bar loads slowly, then the bar; Escape clears the selection', async () => {
    // The chunk, preloaded once the page is idle, is still on its way when the broker selects.
    await slowNetwork(800);
    const items = manySessions(4);
    const sidebar = await renderSidebar(listSnapshot(items));
    const first = items[0]!.id;
    card(sidebar, first)!.focus();
    await pressKeys(' ');
    expect(card(sidebar, first)!.getAttribute('aria-selected')).to.equal('true');
    // A slow chunk: a visible, announced busy state (the status toast) until it arrives.
    await waitUntil(() => statusToast(sidebar) === 'Opening…', 'no busy state while loading', {
      timeout: 3000,
    });
    expect($(sidebar, '[part="bulk-bar"]') === null).to.equal(true);
    await settle(sidebar);
    await slowNetwork(0);
    expect(statusToast(sidebar)).to.equal('');
    expect(textOf($(sidebar, '[part="bulk-count"]'))).to.equal('1 selected');
    expect($$(sidebar, '[part="bulk-buttons"] button').length > 1).to.equal(true);
    await expect(sidebar).to.be.accessible();

    await pressKeys('Escape');
    await settle(sidebar);
    expect($(sidebar, '[part="bulk-bar"]') === null).to.equal(true);
    expect(shadow(sidebar).activeElement === card(sidebar, first)).to.equal(true);
  });
});
