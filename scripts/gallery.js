#!/usr/bin/env node
// Takes the README's gallery: every element signed in as the sandbox's rich member, in light and
// dark, cropped to the element, into docs/gallery/<tag>-light.png and <tag>-dark.png.
//
//   npm run gallery        (starts its own Vite server with the sandbox; uses the Chromium of the tests)
//
// What each element shows, and when it is ready: scripts/gallery-elements.js.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { sandboxVitePlugin } from '../sandbox/index.js';
import { findChrome } from './find-chrome.js';
import { galleryOf } from './gallery-elements.js';
import { ROOT, elementsOf, readJson } from './manifest.js';

const OUT = join(ROOT, 'docs/gallery');
const MEMBER = { email: 'rich@example.com', password: 'Password1' };

const ELEMENTS = galleryOf(elementsOf(readJson('custom-elements.json')));

const PAGE = `<!doctype html>
<html lang="en-CA">
  <head>
    <meta charset="utf-8" />
    <title>loyalty-elements gallery</title>
    <style>
      :root { color-scheme: light dark; font-family: system-ui, sans-serif; --page: #f4f5f7; }
      @media (prefers-color-scheme: dark) { :root { --page: #121316; } }
      body { margin: 0; background: var(--page); }
      figure { margin: 0; padding: 16px; width: 26rem; background: var(--page); }
    </style>
    <script type="module">
      import '/src/index.ts';
    </script>
  </head>
  <body>
    <loyalty-session id="member" api-base="/sandbox/spoonity" vendor-id="1234" locale="en-CA">
      ${ELEMENTS.map((e) => `<figure id="${e.tag}">${e.html}</figure>`).join('\n      ')}
    </loyalty-session>
  </body>
</html>`;

const server = await createServer({
  root: ROOT,
  configFile: false,
  logLevel: 'warn',
  server: { port: 0, host: '127.0.0.1' },
  plugins: [
    sandboxVitePlugin({ prefix: '/sandbox' }),
    {
      name: 'gallery-page',
      configureServer(vite) {
        vite.middlewares.use(async (req, res, next) => {
          if (req.url !== '/gallery.html') return next();
          res.setHeader('Content-Type', 'text/html');
          res.end(await vite.transformIndexHtml(req.url, PAGE));
        });
      },
    },
  ],
});
await server.listen();
const url = `http://127.0.0.1:${server.httpServer.address().port}/gallery.html`;

const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.setViewport({ width: 1000, height: 800, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.evaluate(async ({ email, password }) => {
    const res = await fetch('/sandbox/spoonity/user/authenticate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email_address: email, password, vendor: 1234 }),
    });
    document.getElementById('member').sessionKey = (await res.json()).session_identifier;
  }, MEMBER);
  for (const { tag, ready } of ELEMENTS) {
    await page.waitForFunction(`((root) => ${ready})(document.querySelector('${tag}').shadowRoot)`, { timeout: 15_000 });
  }
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: scheme },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const { tag } of ELEMENTS) {
      const path = join(OUT, `${tag}-${scheme}.png`);
      await (await page.$(`figure#${tag}`)).screenshot({ path });
      console.log(`wrote docs/gallery/${tag}-${scheme}.png (${(statSync(path).size / 1024).toFixed(1)} kB)`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
