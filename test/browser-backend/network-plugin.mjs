// A web-test-runner plugin that lets a browser spec make requests fail, as they do offline, for
// specs of what an element does when a lazy chunk can't be loaded. Uses DevTools' network
// domain on the page under test (the runner's own connection is left alone).
//
// Browser side:
//   executeServerCommand('network-block', { urls: ['*/chat-sidebar/on-use.*'] })  → true
//   executeServerCommand('network-block', { urls: [] })                            → true (unblock)
//   executeServerCommand('network-block', { urls: [], latency: 800 })  → true (every request
//                                                   answers 800 ms late; 0 to stop)

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function networkPlugin() {
  /** DevTools sessions by test session, kept while the page lives. */
  const sessions = new Map();
  return {
    name: 'chat-sessions-network',
    async executeCommand({ command, payload, session }) {
      if (command !== 'network-block') return undefined;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        const page = session.browser.getPage(session.id);
        cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        sessions.set(session.id, cdp);
      }
      const urls = Array.isArray(payload?.urls) ? payload.urls.map(String) : [];
      const latency = Number(payload?.latency ?? 0);
      // An earlier spec file may have loaded the same module: the HTTP cache would answer at once.
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: urls.length > 0 || latency > 0 });
      await cdp.send('Network.setBlockedURLs', { urls });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      return true;
    },
  };
}
