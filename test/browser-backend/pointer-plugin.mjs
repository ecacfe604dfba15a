// A web-test-runner plugin that makes the page under test a touch screen's or a mouse's, for
// specs of touch targets: DevTools' Emulation domain sets the `pointer` / `any-pointer` /
// `hover` media features (what `@media (pointer: coarse)` reads); @web/test-runner-commands'
// emulateMedia covers only colour scheme, reduced motion and print.
//
// Browser side:
//   executeServerCommand('emulate-pointer', { pointer: 'coarse' })  → true (a touch screen)
//   executeServerCommand('emulate-pointer', { pointer: 'fine' })    → true (a mouse)
//   executeServerCommand('emulate-pointer', { pointer: null })      → true (the browser's own)

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function pointerPlugin() {
  /** DevTools sessions by test session, kept while the page lives. */
  const sessions = new Map();
  return {
    name: 'chat-sessions-pointer',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-pointer') return undefined;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        const page = session.browser.getPage(session.id);
        cdp = await page.createCDPSession();
        sessions.set(session.id, cdp);
      }
      const pointer = payload?.pointer;
      // Touch emulation is what switches Chromium's primary pointer to a coarse one.
      await cdp.send('Emulation.setTouchEmulationEnabled', {
        enabled: pointer === 'coarse',
        maxTouchPoints: pointer === 'coarse' ? 1 : undefined,
      });
      if (pointer !== 'coarse' && pointer !== 'fine') {
        await cdp.send('Emulation.setEmulatedMedia', { features: [] });
        return true;
      }
      const hover = pointer === 'coarse' ? 'none' : 'hover';
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'pointer', value: pointer },
          { name: 'any-pointer', value: pointer },
          { name: 'hover', value: hover },
          { name: 'any-hover', value: hover },
        ],
      });
      return true;
    },
  };
}
