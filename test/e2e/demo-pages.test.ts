import { expect } from '@open-wc/testing';
import { armFault, clearFaults, resetSandbox, until } from '../helpers/sandbox.js';

/**
 * What `npm start` serves (demo/index.html, demo/cashier.html), opened in an iframe as a visitor
 * would: the demo's status line agrees with the elements whoever changed the session, its Events
 * panel logs the kit's events, and neither page scrolls sideways on a 320-px phone or draws a
 * label over a control.
 */

type DemoWindow = Window & typeof globalThis;
const frames: HTMLIFrameElement[] = [];

async function open(url: string, width: number, height = 900): Promise<DemoWindow> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.style.border = '0';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as DemoWindow;
}

const statusOf = (page: DemoWindow) => page.document.getElementById('status')!.textContent.trim();
const eventLog = (page: DemoWindow) => [...page.document.querySelectorAll('#events li')].map((li) => li.textContent);

/** The demo page, its script done: the backend's members listed. */
async function demoPage(width = 1200): Promise<DemoWindow> {
  const page = await open('/demo/index.html', width);
  await until(() => page.document.querySelectorAll('#member-select option').length > 0 && page.customElements.get('loyalty-sign-in'));
  return page;
}

/** Signs in with the page's <loyalty-sign-in>, as a member would. */
async function signInWithElement(page: DemoWindow, email: string) {
  const el = page.document.querySelector('loyalty-sign-in')!;
  await until(() => el.shadowRoot?.querySelector('input[name=password]'));
  const field = (name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  for (const [name, value] of [
    ['email', email],
    ['password', 'Password1'],
  ]) {
    field(name).value = value;
    field(name).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  el.shadowRoot!.querySelector('form')!.requestSubmit();
}

/**
 * Text lines and controls that overlap: each line box of text in `selector`'s elements (outside
 * controls) against every visible control and every other text line.
 */
function overlaps(page: DemoWindow, selector: string): string[] {
  const doc = page.document;
  const controls = [...doc.querySelectorAll<HTMLElement>('button, input, select, textarea')]
    .filter((c) => c.getClientRects().length)
    .map((c) => ({ what: `<${c.localName}${c.id ? `#${c.id}` : ''}> ${c.textContent?.trim() ?? ''}`.trim(), box: c.getBoundingClientRect() }));
  const lines: { what: string; box: DOMRect; node: Text }[] = [];
  for (const host of doc.querySelectorAll(selector)) {
    const walker = doc.createTreeWalker(host, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (!node.data.trim() || node.parentElement?.closest('button, select, option')) continue;
      const range = doc.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) if (box.width > 1) lines.push({ what: `"${node.data.trim().slice(0, 30)}"`, box, node });
    }
  }
  const hit = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const found = new Set<string>();
  for (const line of lines) {
    for (const c of controls) if (hit(line.box, c.box)) found.add(`${line.what} over ${c.what}`);
    for (const other of lines) if (other.node !== line.node && hit(line.box, other.box)) found.add([line.what, other.what].sort().join(' over '));
  }
  return [...found];
}

describe('the demo pages', function () {
  this.timeout(30_000);
  beforeEach(resetSandbox);
  afterEach(async () => {
    frames.splice(0).forEach((f) => f.remove());
    await clearFaults();
  });

  it('the status line follows a sign-in with <loyalty-sign-in>, a 401 expiry and the Sign out button', async () => {
    const page = await demoPage();
    expect(statusOf(page)).to.equal('Signed out.');
    await signInWithElement(page, 'seed@example.com');
    await until(() => statusOf(page).startsWith('Signed in'));
    expect(statusOf(page)).to.equal('Signed in as Sam Seed (with <loyalty-sign-in>).');
    expect(eventLog(page).some((line) => line.includes('loyalty-signed-in <loyalty-sign-in> seed@example.com'))).to.equal(true);

    // the session expires: the next balance request answers 401
    await armFault({ match: { path: '/user/currency/balance' }, fault: 'status=401', times: 1 });
    page.document.querySelector<HTMLElement>('[data-fault="status=401"]')!.click();
    await until(() => statusOf(page).includes('expired'));
    expect(statusOf(page)).to.match(/^Session expired \(.+\): signed out\.$/);
    expect(eventLog(page).some((line) => line.includes('loyalty-session-expired <loyalty-session> auth:'))).to.equal(true);

    // the demo's own form, then its Sign out button
    page.document.querySelector<HTMLButtonElement>('#sign-in button[type=submit]')!.click();
    await until(() => statusOf(page).startsWith('Signed in as'));
    page.document.getElementById('sign-out')!.click();
    await until(() => statusOf(page) === 'Signed out.');
  });

  it('the status line follows a sign-out made outside the demo’s controls (the sandbox reset ends the key)', async () => {
    const page = await demoPage();
    page.document.querySelector<HTMLButtonElement>('#sign-in button[type=submit]')!.click();
    await until(() => statusOf(page).startsWith('Signed in as'));
    page.document.getElementById('reset-sandbox')!.click();
    await until(() => statusOf(page) === 'Signed out.');
  });

  it('logs every kit event under Events, naming the element that fired it', async () => {
    const page = await demoPage();
    await signInWithElement(page, 'seed@example.com');
    await until(() => eventLog(page).some((l) => l.includes('loyalty-ready <loyalty-balance>')));
    const reward = () => page.document.querySelector('reward-progress')!.shadowRoot!.querySelector<HTMLElement>('[part~="reward"]');
    await until(() => reward());
    reward()!.click();
    await until(() => eventLog(page).some((l) => l.includes('loyalty-reward-select <reward-progress>')));
    page.document.querySelector('loyalty-sign-in')!.shadowRoot!.querySelector<HTMLElement>('[part~="sign-out"], button')!.click();
    await until(() => eventLog(page).some((l) => l.includes('loyalty-signed-out <loyalty-sign-in>')));
    expect(statusOf(page)).to.equal('Signed out (with <loyalty-sign-in>).');
  });

  it('the demo page has no horizontal scroll at 320 px, signed out and signed in', async () => {
    const page = await demoPage(320);
    const root = page.document.documentElement;
    expect(root.scrollWidth, 'signed out').to.be.at.most(320);
    page.document.querySelector<HTMLButtonElement>('#sign-in button[type=submit]')!.click();
    await until(() => page.document.querySelector('transaction-history')!.shadowRoot?.querySelector('[part~="row"]'));
    expect(root.scrollWidth, 'signed in').to.be.at.most(320);
  });

  for (const width of [320, 375, 1280]) {
    it(`the cashier page at ${width} px: no label over a control or another label, no horizontal scroll`, async () => {
      const page = await open('/demo/cashier.html', width);
      const doc = page.document;
      await until(() => doc.querySelectorAll('#menu input').length > 0);
      // a customer checked in: the customer panel and its button are on screen too
      const input = doc.getElementById('card-number') as HTMLInputElement;
      input.value = 'seed@example.com';
      doc.querySelector<HTMLFormElement>('#checkin')!.requestSubmit();
      await until(() => !doc.getElementById('customer')!.hidden);
      await until(() => doc.querySelectorAll('#calls li').length > 0);
      expect(overlaps(page, 'label, legend, dt, dd, h2, h3, p, #calls')).to.deep.equal([]);
      expect(doc.documentElement.scrollWidth).to.be.at.most(width);
    });
  }
});
