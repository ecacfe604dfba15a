import { expect } from '@open-wc/testing';

declare global {
  interface Window {
    /** Messages the test page's benign-error filter swallowed (see web-test-runner.config.mjs). */
    __benignBrowserErrors?: string[];
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The browser-test setup itself: what web-test-runner.config.mjs promises the element specs. */
describe('browser test setup', () => {
  it('compiles class fields without define semantics, so they cannot shadow Lit accessors', () => {
    class Probe {
      value?: number;
    }
    expect(Object.prototype.hasOwnProperty.call(new Probe(), 'value')).to.equal(false);
  });

  it('runs in Chromium with the pinned viewer locale and time zone', () => {
    expect(navigator.userAgent).to.contain('Chrome/');
    expect(navigator.language).to.equal('en-US');
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('UTC');
  });

  it('swallows the virtualizer\'s "ResizeObserver loop" notice instead of failing the test', async () => {
    const before = window.__benignBrowserErrors?.length ?? 0;
    // An outer and an inner box observed together; resizing both in the callback leaves the
    // outer (shallower) one undelivered in that frame, which is exactly when Chromium reports
    // the loop notice, as it does for the virtualizer's measuring.
    const outer = document.createElement('div');
    const inner = document.createElement('div');
    outer.append(inner);
    document.body.append(outer);
    let rounds = 0;
    const observer = new ResizeObserver(() => {
      rounds += 1;
      if (rounds <= 4) {
        inner.style.height = `${rounds * 10}px`;
        outer.style.paddingTop = `${rounds}px`;
      }
    });
    observer.observe(outer);
    observer.observe(inner);
    for (let frame = 0; frame < 10; frame += 1) await nextFrame();
    observer.disconnect();
    outer.remove();
    const swallowed = (window.__benignBrowserErrors ?? []).slice(before);
    expect(swallowed.length, 'the notice was provoked and swallowed').to.be.greaterThan(0);
    expect(swallowed[0]).to.contain('ResizeObserver loop');
  });
});
