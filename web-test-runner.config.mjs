import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { findChrome } from './scripts/find-chrome.js';
import { sandboxKoaMiddleware } from './sandbox/index.js';

/** Prints one plain closing line "N passed, N failed[, N skipped]" (a file that fails to load counts as 1 failed). */
function summaryReporter() {
  return {
    stop({ sessions }) {
      let passed = 0, failed = 0, skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) t.skipped ? skipped++ : t.passed ? passed++ : failed++;
        for (const s of suite.suites) walk(s);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (s.errors?.length && !s.testResults?.tests.length && !s.testResults?.suites.length) failed++;
        else if (s.errors?.length) failed += s.errors.length; // uncaught errors outside tests
      }
      const line = `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
      process.once('exit', () => process.stdout.write(`\n${line}\n`));
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // the sandbox API, on the test page's own origin, at /sandbox
  middleware: [sandboxKoaMiddleware({ prefix: '/sandbox' })],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
