#!/usr/bin/env node
// Takes the README's screenshot of the demo: `npm start` running, then
// `node scripts/screenshot.js [url] [out.png]`. Uses the Chromium that `npm test` uses.
import puppeteer from 'puppeteer-core';
import { findChrome } from './find-chrome.js';

const url = process.argv[2] ?? 'http://localhost:5173/';
const out = process.argv[3] ?? 'docs/demo.png';
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.select('#member-select', 'rich@example.com');
  await page.click('#sign-in button[type=submit]');
  // every element has data: balances, a history row, a drawn check-in code, the cards
  await page.waitForFunction(() => {
    const root = (tag) => document.querySelector(tag)?.shadowRoot;
    return (
      root('loyalty-balance')?.textContent?.includes('182.35') &&
      root('transaction-history')?.querySelector('[part~="row"]') &&
      root('checkin-code')?.querySelector('svg') &&
      root('card-wallet')?.textContent?.includes('5509')
    );
  });
  await new Promise((r) => setTimeout(r, 500));
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
