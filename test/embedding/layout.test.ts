/**
 * Intrinsic layout: every element, on both backends, in a 260-px sidebar and in an absolutely
 * positioned header dropdown (shrink-to-fit, anchored to a 40-px nav item). No word is broken
 * across lines, each figure, name, token, cost and date sits on one line, nothing leaves the
 * host's box, and the check-in code keeps a scannable size.
 */
import { expect } from '@open-wc/testing';
import { BACKENDS } from '../helpers/backends.js';
import { resetSandbox } from '../helpers/sandbox.js';
import { TAGS, mountEvery, parts, shadowElements, shown, unmountAll, type Mounted } from './embed.js';

/** Parts that are one figure, token, name or date: each must sit on one line. */
const ONE_LINE = ['amount', 'cost', 'progress-text', 'available', 'token', 'date', 'total', 'number', 'countdown'];

/** The documented minimums (src/elements/checkin-code): a QR code ≥ 10em, a Code 128 ≥ 1 px per module. */
const QR_MIN = 160;

const WRAPS: Record<string, (markup: string, tag: string) => string> = {
  'a 260-px sidebar': (m) => `<aside class="sidebar" style="width: 260px; margin: 8px">${m}</aside>`,
  'a shrink-to-fit header dropdown': (m) =>
    `<div class="nav-item" style="position: relative; width: 40px; height: 20px; margin: 0 20px 0 auto">
      <div class="dropdown" style="position: absolute; top: 100%; right: 0; z-index: 1">${m}</div>
    </div>`,
};

/** The number of line boxes a range of text spans (distinct line tops of its client rects). */
function lines(range: Range): number {
  const tops: number[] = [];
  for (const r of range.getClientRects()) {
    if (r.width === 0 || r.height === 0) continue;
    if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
  }
  return tops.length;
}

/** Every word (run of non-space) of the visible text inside `host`'s shadow root broken across lines. */
function brokenWords(host: Element): string[] {
  const out: string[] = [];
  for (const el of shadowElements(host)) {
    if (!shown(el) || el.closest('[aria-hidden="true"]')) continue;
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (lines(range) > 1) out.push(`"${m[0]}" in ${el.localName}[part="${el.getAttribute('part') ?? ''}"]`);
      }
    }
  }
  return out;
}

/** Parts of ONE_LINE spanning more than one line. */
function wrappedParts(host: Element): string[] {
  const out: string[] = [];
  for (const name of ONE_LINE) {
    for (const p of parts(host, name)) {
      if (!shown(p) || p.closest('[aria-hidden="true"]')) continue;
      // the visible text only (not a visually-hidden suffix)
      const tops = new Set<number>();
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent!.trim() || n.parentElement?.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width && r.height && ![...tops].some((t) => Math.abs(t - r.top) < r.height / 2)) tops.add(r.top);
      }
      if (tops.size > 1) out.push(`${name}: "${p.textContent.trim().slice(0, 40)}" on ${tops.size} lines`);
    }
  }
  return out;
}

/** Shown nodes reaching outside the host's box (those clipped by a scroller inside are skipped). */
function outside(host: Element): string[] {
  const box = host.getBoundingClientRect();
  const out: string[] = [];
  for (const el of shadowElements(host)) {
    if (!shown(el) || el.localName === 'dialog' || el.closest('dialog')) continue;
    // clipped by an overflow container inside the element
    let clip: Element | null = el.parentElement;
    let clipped = false;
    while (clip && !clip.matches('[part~="base"]')) {
      if (getComputedStyle(clip).overflowX !== 'visible') clipped = true;
      clip = clip.parentElement;
    }
    if (clipped) continue;
    const r = el.getBoundingClientRect();
    if (r.left < box.left - 1 || r.right > box.right + 1)
      out.push(
        `${el.localName}[part="${el.getAttribute('part') ?? ''}"] ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`,
      );
  }
  return out;
}

function checkAll(m: Mounted, where: string, container: (host: Element) => Element | null) {
  for (const tag of TAGS) {
    const el = m.get(tag);
    const box = el.getBoundingClientRect();
    expect(box.width, `${tag} in ${where}: width`).to.be.greaterThan(150);
    const wrapper = container(el);
    if (wrapper) expect(box.right, `${tag} wider than ${where}`).to.be.at.most(wrapper.getBoundingClientRect().right + 1);
    expect(brokenWords(el), `${tag} in ${where}: words broken across lines`).to.deep.equal([]);
    expect(wrappedParts(el), `${tag} in ${where}: figures, names, tokens and dates on one line`).to.deep.equal([]);
    expect(outside(el), `${tag} in ${where}: nothing outside the host`).to.deep.equal([]);
  }
  const qr = parts(m.get('checkin-code'), 'code')[0];
  expect(qr, 'the check-in code').to.exist;
  expect(qr.getBoundingClientRect().width, `the QR code in ${where}`).to.be.at.least(QR_MIN);
}

for (const b of BACKENDS) {
  describe(`intrinsic layout · ${b.name}`, () => {
    beforeEach(resetSandbox);
    afterEach(unmountAll);

    for (const [where, wrap] of Object.entries(WRAPS)) {
      it(`in ${where}: no word broken, one line per figure, nothing outside the host, a scannable code`, async () => {
        const m = await mountEvery(b, b.members.rich, { wrap });
        checkAll(m, where, (el) => el.closest('.sidebar'));
      }).timeout(30_000);
    }

    it('the Code 128 keeps at least one CSS pixel per module in the sidebar and in the dropdown', async () => {
      for (const wrap of Object.values(WRAPS)) {
        const m = await mountEvery(b, b.members.rich, { wrap, tags: ['checkin-code'] });
        const el = m.get('checkin-code') as HTMLElement & { format: string; updateComplete: Promise<unknown> };
        el.format = 'code128';
        await el.updateComplete;
        const svg = parts(el, 'code')[0] as unknown as SVGSVGElement;
        const modules = svg.viewBox.baseVal.width;
        expect(modules).to.be.greaterThan(50);
        expect(svg.getBoundingClientRect().width, `${modules} modules`).to.be.at.least(modules);
        expect(el.getBoundingClientRect().width).to.be.at.least(svg.getBoundingClientRect().width);
        unmountAll();
      }
    }).timeout(30_000);

    it('narrow elements stack label over amount, name over cost, date over store', async () => {
      const m = await mountEvery(b, b.members.rich, { wrap: WRAPS['a 260-px sidebar'], tags: ['loyalty-balance', 'reward-progress', 'transaction-history'] });
      const below = (a: Element | undefined, c: Element | undefined) => !!a && !!c && c.getBoundingClientRect().top >= a.getBoundingClientRect().bottom - 1;
      const balance = m.get('loyalty-balance');
      expect(below(parts(balance, 'label')[0], parts(balance, 'amount')[0]), 'balance: amount under its label').to.equal(true);
      const rewards = m.get('reward-progress');
      const reward = parts(rewards, 'reward').find((r) => r.querySelector('[part~="cost"]'));
      // (Spaaza's first rewards are vouchers, without a cost)
      if (reward) expect(below(reward.querySelector('[part~="name"]')!, reward.querySelector('[part~="cost"]')!), 'reward: cost under its name').to.equal(true);
      const history = m.get('transaction-history');
      const row = parts(history, 'row').find((r) => r.querySelector('[part~="location"]'));
      if (row) expect(below(row.querySelector('[part~="date"]')!, row.querySelector('[part~="location"]')!), 'history: store under the date').to.equal(true);
    }).timeout(30_000);

    it('wide elements keep label and amount, name and cost side by side', async () => {
      const m = await mountEvery(b, b.members.rich, { wrap: (x) => `<div style="width: 600px">${x}</div>`, tags: ['loyalty-balance', 'reward-progress'] });
      const side = (a: Element | undefined, c: Element | undefined) =>
        !!a && !!c && Math.abs(c.getBoundingClientRect().top - a.getBoundingClientRect().top) < 16;
      const balance = m.get('loyalty-balance');
      expect(side(parts(balance, 'label')[0], parts(balance, 'amount')[0])).to.equal(true);
      const reward = parts(m.get('reward-progress'), 'reward').find((r) => r.querySelector('[part~="cost"]'));
      if (reward) expect(side(reward.querySelector('[part~="name"]')!, reward.querySelector('[part~="cost"]')!)).to.equal(true);
    }).timeout(30_000);
  });
}
