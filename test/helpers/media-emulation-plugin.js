/**
 * `executeServerCommand('emulate-forced-colors', { active })` → `{ emulated }`: Windows High
 * Contrast (`forced-colors: active`) for the calling page, through the Chrome DevTools Protocol
 * (`Emulation.setEmulatedMedia`). `@web/test-runner-commands` 0.9.0's `emulateMedia` passes only
 * `prefers-color-scheme` and `prefers-reduced-motion` to puppeteer, and puppeteer's own
 * `emulateMediaFeatures` refuses `forced-colors`. Firefox (driven over WebDriver BiDi) has no
 * such emulation: `{ emulated: false }`.
 *
 * Chromium then resolves the forced palette itself (Canvas white, CanvasText black, Highlight…),
 * so tests read computed system colours. An override lives as long as the DevTools session that
 * set it: one is kept per page. `emulateMedia()` resets the emulated media (and so this) too.
 */
export function mediaEmulationPlugin() {
  /** @type {WeakMap<object, Promise<import('puppeteer-core').CDPSession>>} */
  const sessions = new WeakMap();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer' || /firefox/i.test(session.browser.name ?? '')) return { emulated: false };
      const page = session.browser.getPage(session.id);
      try {
        if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
        const cdp = await sessions.get(page);
        await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
        return { emulated: true };
      } catch {
        return { emulated: false };
      }
    },
  };
}
