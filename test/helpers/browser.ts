/** The browser running the suite: Chromium always, Firefox too when installed (web-test-runner.config.mjs). */
export const isFirefox = navigator.userAgent.includes('Firefox/');

/**
 * Whether `emulateMedia` (prefers-color-scheme) works here. It needs the Chrome DevTools Protocol;
 * puppeteer drives Firefox over WebDriver BiDi, which has no media-feature emulation (Firefox ESR
 * 153 answers "unknown command" to every emulation.* colour-scheme command), so those tests are
 * Chromium-only.
 */
export const canEmulateColorScheme = !isFirefox;

/** Pretends the tab was hidden or shown again; undo with `restoreVisibility()` after each test. */
export function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Removes the stub `setVisibility` put on `document`, uncovering the real property. */
export function restoreVisibility(): void {
  delete (document as unknown as Record<string, unknown>).visibilityState;
}
