import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import puppeteer from 'puppeteer-core';
import { findChrome, findFirefox } from './scripts/find-chrome.js';
import { staleFiles } from './scripts/gen-types.js';
import { tokensPlugin } from './scripts/tokens.js';
import { localizationPlugin } from './scripts/unlocalized.js';
import { sandboxKoaMiddleware } from './sandbox/index.js';
import { strictCspMiddleware, trustedTypesMiddleware } from './test/helpers/csp-middleware.js';
import { cdnAsVersionMiddleware } from './test/helpers/cdn-version-middleware.js';
import { mediaEmulationPlugin } from './test/helpers/media-emulation-plugin.js';

// Chromium always; Firefox too when there is one (Debian's firefox-esr, driven by puppeteer-core
// over WebDriver BiDi). BROWSERS=chromium or FIREFOX_PATH=none: Chromium only.
const firefox = findFirefox();
const chromium = !process.env.BROWSERS || /\bchrom/i.test(process.env.BROWSERS);

/** "N passed, N failed[, N skipped]" of these sessions (a file that fails to load counts as 1 failed). */
function count(sessions) {
  let passed = 0,
    failed = 0,
    skipped = 0;
  const walk = (suite) => {
    for (const t of suite.tests) t.skipped ? skipped++ : t.passed ? passed++ : failed++;
    for (const s of suite.suites) walk(s);
  };
  for (const s of sessions) {
    if (s.testResults) walk(s.testResults);
    if (s.errors?.length && !s.testResults?.tests.length && !s.testResults?.suites.length) failed++;
    else if (s.errors?.length) failed += s.errors.length; // uncaught errors outside tests
  }
  return `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
}

/**
 * Prints one plain closing line "N passed, N failed[, N skipped]" over every browser, after a
 * line per browser when there are two ("Chrome: …", "Firefox: …").
 */
function summaryReporter() {
  return {
    stop({ sessions }) {
      const names = [...new Set(sessions.map((s) => s.browser.name))];
      const perBrowser = names.length > 1 ? names.map((name) => `${name}: ${count(sessions.filter((s) => s.browser.name === name))}\n`).join('') : '';
      // at process exit, so it is the very last line, after the default reporter's summary
      process.once('exit', () => process.stdout.write(`\n${perBrowser}${count(sessions)}\n`));
    },
  };
}

/**
 * The sandbox at /sandbox, one per browser: Chromium and Firefox run at the same time, and each
 * browser's tests reset the sandbox, arm faults and read its request log for themselves.
 */
function sandboxPerBrowser() {
  const sandboxes = { chromium: sandboxKoaMiddleware({ prefix: '/sandbox' }), firefox: sandboxKoaMiddleware({ prefix: '/sandbox' }) };
  return (ctx, next) => (/\bFirefox\//.test(ctx.get('user-agent')) ? sandboxes.firefox : sandboxes.chromium)(ctx, next);
}

/**
 * Firefox through puppeteer-core over WebDriver BiDi. Its BiDi keyboard knows no "Space" key,
 * which `sendKeys({ press: 'Space' })` asks for: its pages press " " instead, the same key.
 */
function firefoxLauncher(executablePath) {
  return chromeLauncher({
    puppeteer,
    launchOptions: { browser: 'firefox', executablePath, headless: true },
    async createPage({ context }) {
      const page = await context.newPage();
      for (const action of ['press', 'down', 'up']) {
        const original = page.keyboard[action].bind(page.keyboard);
        page.keyboard[action] = (key, ...rest) => original(key === 'Space' ? ' ' : key, ...rest);
      }
      return page;
    },
  });
}

/**
 * `executeServerCommand('stale-generated-files')` → `{ stale }`: the generated files (manifest,
 * typings, React wrappers, README tables and snippets) that are out of date with the source, for
 * test/frameworks/generated.test.ts. A failing test rather than a gate, so the rest still runs.
 */
function generatedFiles() {
  let pending;
  return {
    name: 'stale-generated-files',
    async executeCommand({ command }) {
      if (command !== 'stale-generated-files') return undefined;
      pending ??= staleFiles().finally(() => setTimeout(() => (pending = undefined), 1000));
      return { stale: await pending };
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // the sandbox API, on the test page's own origin, at /sandbox
  // …plus, for test/hardening/: the strict-CSP demo page's header, and the CDN bundle as another version;
  // for test/embedding/: the Trusted Types pages' headers
  middleware: [sandboxPerBrowser(), strictCspMiddleware(), trustedTypesMiddleware(), cdnAsVersionMiddleware()],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    generatedFiles(),
    tokensPlugin(),
    localizationPlugin(),
    mediaEmulationPlugin(),
  ],
  browsers: [...(chromium ? [chromiumLauncher()] : []), ...(firefox ? [firefoxLauncher(firefox)] : [])],
  concurrency: 1,
  // the two browsers start side by side on a small machine: Firefox's first page can take a while
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter()],
};

/** Debian's Chromium (or CHROME_PATH), headless; as root it needs --no-sandbox. */
function chromiumLauncher() {
  return chromeLauncher({
    launchOptions: {
      executablePath: findChrome(),
      headless: true,
      args: [
        '--no-sandbox',
        // window.gc() for test/hardening/garbage.test.ts (nothing of a removed element kept alive)
        '--js-flags=--expose-gc',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  });
}
