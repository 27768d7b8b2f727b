#!/usr/bin/env node
// Finds a Chromium for the browser tests, or says exactly what to do. Prints the path it found.
// Also finds a Firefox (Debian's firefox-esr): when there is one, the suite runs in it too.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/**
 * The Firefox the suite also runs in, or undefined: FIREFOX_PATH (`none` turns Firefox off), else
 * the usual paths. `BROWSERS=chromium` runs Chromium only too.
 */
export function findFirefox() {
  if (process.env.BROWSERS && !/\bfirefox\b/i.test(process.env.BROWSERS)) return undefined;
  const path = process.env.FIREFOX_PATH;
  if (path) return path !== 'none' && existsSync(path) ? path : undefined;
  return FIREFOX_CANDIDATES.find((p) => existsSync(p));
}

function install() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  console.log("Chromium not found: installing Debian's chromium package (apt-get install -y chromium)…");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let path = findChrome();
  if (!path && !process.env.CHROME_PATH && install()) path = findChrome();
  if (!path) {
    console.error(
      process.env.CHROME_PATH
        ? `CHROME_PATH is set to ${process.env.CHROME_PATH}, but no browser is there.`
        : 'The tests run in Chromium, and none was found. Install Chromium or Chrome and set CHROME_PATH to its executable,\n' +
            'e.g. CHROME_PATH=/usr/bin/chromium npm test (on Debian/Ubuntu as root, npm test installs the chromium package itself).',
    );
    process.exit(1);
  }
  const { FIREFOX_PATH, BROWSERS } = process.env;
  if (FIREFOX_PATH && FIREFOX_PATH !== 'none' && !existsSync(FIREFOX_PATH)) {
    console.error(`FIREFOX_PATH is set to ${FIREFOX_PATH}, but no browser is there (FIREFOX_PATH=none runs Chromium only).`);
    process.exit(1);
  }
  if (!findFirefox() && !BROWSERS && !FIREFOX_PATH) {
    console.log(
      'No Firefox found: the browser suite runs in Chromium only. For Firefox too, install it (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.',
    );
  }
}
