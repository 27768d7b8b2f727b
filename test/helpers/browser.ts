/** The browser running the suite: Chromium always, Firefox too when installed (web-test-runner.config.mjs). */
export const isFirefox = navigator.userAgent.includes('Firefox/');

/**
 * Whether `emulateMedia` (prefers-color-scheme) works here. It needs the Chrome DevTools Protocol;
 * puppeteer drives Firefox over WebDriver BiDi, which has no media-feature emulation (Firefox ESR
 * 153 answers "unknown command" to every emulation.* colour-scheme command), so those tests are
 * Chromium-only.
 */
export const canEmulateColorScheme = !isFirefox;
