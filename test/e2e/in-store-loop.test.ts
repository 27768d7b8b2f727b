import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CheckinCodeElement } from '../../src/elements/checkin-code/checkin-code.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { TAB_CHANNEL, type TabMessage } from '../../src/session/session.js';
import { MEMBERS, SPOONITY, checkIn, checkinToken, clearLog, delay, pos, requestLog, resetSandbox, signIn, until } from '../helpers/sandbox.js';
import { restoreVisibility, setVisibility } from '../helpers/browser.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const rows = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].map((r) => r.textContent.replace(/[\s\u00a0\u202f]+/g, ' ').trim());

/** Everything the kit sent: URL, headers and body, as they left the page. */
interface SentRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

const recordingFetch =
  (sent: SentRequest[]): typeof fetch =>
  (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ method: init?.method ?? 'GET', url, headers: [...new Headers(init?.headers)], body: typeof init?.body === 'string' ? init.body : '' });
    return fetch(input, init);
  };

/** The member's page: a provider with balance, rewards, history and check-in code, signed in as `member`. */
async function memberPage(member: string = MEMBERS.seed, attrs: { refreshInterval?: number } = {}) {
  const sent: SentRequest[] = [];
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session api-base=${SPOONITY} vendor-id="1234" locale="en-CA" refetch-on-focus="false"
      refresh-interval=${attrs.refreshInterval ?? 0} .fetch=${recordingFetch(sent)}>
      <loyalty-balance></loyalty-balance>
      <reward-progress></reward-progress>
      <transaction-history currency="CAD"></transaction-history>
      <checkin-code></checkin-code>
    </loyalty-session>`);
  const key = await signIn(member);
  root.sessionKey = key;
  const balance = root.querySelector('loyalty-balance')!;
  const history = root.querySelector('transaction-history')!;
  const code = root.querySelector('checkin-code') as CheckinCodeElement;
  const rewards = root.querySelector('reward-progress')!;
  await until(() => text(balance).includes('Points') && rows(history).length > 0 && text(rewards).includes(' of '));
  return { root, key, sent, balance, rewards, history, code };
}

/** The token `<checkin-code>` shows, as the cashier reads it off the screen (in groups of four). */
async function tokenOnScreen(code: CheckinCodeElement): Promise<string> {
  let token = '';
  await until(() => (token = code.shadowRoot!.querySelector('[part~="token"]')?.textContent?.trim() ?? '').match(/^\d{4} \d{4} \d{4}$/));
  return token;
}

const wholeOrder = (hash: string, subtotal: number, receipt: string) => ({
  pos_session_hash: hash,
  till: 1,
  receipt_number: receipt,
  subtotal,
  taxes: [],
  total: subtotal,
  payment_method: 'CASH',
  date: Math.floor(Date.now() / 1000),
  cashier: { id: '_tony_', name: 'Tony' },
  line_items: [{ id: 'club', name: 'Club sandwich', categories: [], discounts: [], price: subtotal, quantity: 1, modifiers: [] }],
  discounts: [],
});

const balanceReads = async () => (await requestLog({ path: '/user/quick-pay/balance' })).length;

describe('the in-store loop, end to end', () => {
  beforeEach(resetSandbox);
  afterEach(() => {
    restoreVisibility();
  });

  it('checks in with the code on screen, orders at the till, and the member sees it after refresh()', async () => {
    const { root, balance, rewards, history, code } = await memberPage();
    expect(text(balance)).to.contain('$15.00').and.contain('Points 0');
    expect(text(rewards)).to.contain('0 of 50 Points');
    const visits = rows(history).length;

    // the till: identify with the code the member shows, read them, pay 5.00 with quick pay, submit
    const hash = await checkIn(await tokenOnScreen(code));
    const customer = await pos('GET', '/onscreen', { query: { pos_session_hash: hash } });
    expect(customer.body.user.email_address).to.equal(MEMBERS.seed);
    expect(customer.body.quick_pay.amount).to.equal(15);
    expect((await pos('POST', '/order', { body: { pos_session_hash: hash, till: 1, amount: -5, date: Math.floor(Date.now() / 1000) } })).body.success).to.equal(
      true,
    );
    const submitted = await pos('POST', '/order', { body: wholeOrder(hash, 23.45, 'T-1') });
    expect(submitted.body.success).to.equal(true);
    await pos('DELETE', '/onscreen', { body: { pos_session_hash: hash } });

    root.refresh();
    // kept on screen while it refreshes: no skeleton, the old figures
    expect(balance.shadowRoot!.querySelector('[part~="skeleton"]')).to.equal(null);
    expect(text(balance)).to.contain('$15.00');
    await until(() => text(balance).includes('$10.00') && text(balance).includes('Points 23'));
    await until(() => rows(history)[0]?.includes('$23.45'));
    expect(rows(history)[0]).to.contain('Café Olé').and.contain('+23 Points');
    expect(rows(history)).to.have.length(visits + 1); // the payment is part of the order's row
    await until(() => text(rewards).includes('23 of 50 Points'));

    // the void puts everything back
    expect((await pos('DELETE', '/order', { body: { receipt: 'T-1' } })).body.success).to.equal(true);
    root.refresh();
    await until(() => text(balance).includes('$15.00') && text(balance).includes('Points 0'));
    await until(() => rows(history).length === visits);
    expect(rows(history).some((r) => r.includes('$23.45'))).to.equal(false);
    await until(() => text(rewards).includes('0 of 50 Points'));
  });

  it('never puts an api_key in any request the kit makes', async () => {
    const { root, balance, sent, code } = await memberPage();
    const hash = await checkIn(await tokenOnScreen(code));
    await pos('POST', '/order', { body: wholeOrder(hash, 12, 'T-2') });
    root.refresh();
    await until(() => text(balance).includes('Points 12'));
    await pos('DELETE', '/order', { body: { receipt: 'T-2' } });
    root.refresh();
    await until(() => text(balance).includes('Points 0'));

    // in the browser: every request the kit sent, URL, headers and body
    expect(sent.length).to.be.greaterThan(5);
    for (const r of sent) expect(JSON.stringify(r), r.url).not.to.match(/api_key|sandbox-pos-/i);
    // on the server: the kit's requests carry a session key; none carries an api_key or goes to a merchant route
    const log = (await requestLog()) as (Awaited<ReturnType<typeof requestLog>>[number] & { body?: unknown })[];
    const kit = log.filter((r) => 'session_key' in r.query);
    expect(kit.length).to.be.at.least(5);
    for (const r of kit) {
      expect(r.query, r.path).not.to.have.property('api_key');
      expect(JSON.stringify(r.body ?? {}), r.path).not.to.contain('api_key');
      expect(r.path).not.to.match(/^\/(onscreen|order)/);
    }
    // and the merchant's calls were the test's own, each with the till's key
    const till = log.filter((r) => /^\/(onscreen|order)/.test(r.path));
    expect(till.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['POST /onscreen', 'POST /order', 'DELETE /order']);
    for (const r of till) expect(r.query).to.deep.equal({ api_key: '***' });
  });

  it('refuses a used or expired check-in code at the till', async () => {
    const { key, code } = await memberPage();
    const token = await tokenOnScreen(code);
    await checkIn(token);
    const again = await pos('POST', '/onscreen', { body: { card_number: token } });
    expect([again.status, again.body.error.errors[0].message]).to.deep.equal([400, 'Check-in token already used']);
    const expired = await pos('POST', '/onscreen', { body: { card_number: await checkinToken(key, 0) } });
    expect([expired.status, expired.body.error.errors[0].message]).to.deep.equal([400, 'Check-in token expired']);
  });

  it('shows nothing of a refused redemption, in either error form, and no void out of creation order', async () => {
    const { root, balance, history } = await memberPage();
    const visits = rows(history).length;
    const hash = await checkIn(MEMBERS.seed);
    const redeem = { ...wholeOrder(hash, 4, 'T-3'), discounts: [{ vendor_perk_redemption_id: 642 }] };
    const message = 'Insufficient Points balance for Free Item: 50 needed, 0 available';
    const ok200 = await pos('POST', '/order', { body: redeem });
    expect([ok200.status, ok200.body.success, ok200.body.message]).to.deep.equal([200, false, message]);
    const status = await pos('POST', '/order', { body: redeem, query: { _errors: 'status' } });
    expect([status.status, status.body.error.errors[0].message]).to.deep.equal([400, message]);
    const points = await pos('POST', '/order/payments/loyalty', { body: { pos_session_hash: hash, amount: 1 } });
    expect(points.body).to.include({ success: false, message: 'Insufficient Points balance: 20 needed for 1.00, 0 available' });

    await pos('POST', '/order', { body: wholeOrder(hash, 7, 'T-4') });
    await pos('POST', '/order', { body: wholeOrder(hash, 8, 'T-5') });
    const outOfOrder = await pos('DELETE', '/order', { body: { receipt: 'T-5' } });
    expect(outOfOrder.body).to.include({ success: false, message: 'Orders must be voided in the order they were created: void T-4 first' });
    root.refresh();
    await until(() => text(balance).includes('Points 15') && rows(history).length === visits + 2);
    expect(
      rows(history)
        .slice(0, 2)
        .map((r) => r.replace(/^.*Café Olé /, '')),
    ).to.deep.equal(['$8.00 +8 Points', '$7.00 +7 Points']);
  });

  describe('refresh-interval', () => {
    it('refreshes what is on screen while the tab is visible', async () => {
      const { balance } = await memberPage(MEMBERS.seed, { refreshInterval: 1000 });
      await clearLog();
      await pos('POST', '/order', { body: { card_number: MEMBERS.seed, amount: 2.5 } });
      await until(() => text(balance).includes('$17.50'), 5000); // no refresh() call: the interval did it
      await until(async () => (await balanceReads()) >= 2, 5000); // and it keeps going
    });

    it('refreshes nothing while the tab is hidden, and starts again when it is shown', async () => {
      const { balance } = await memberPage(MEMBERS.seed, { refreshInterval: 1000 });
      setVisibility('hidden');
      await clearLog();
      await delay(2500);
      expect(await requestLog()).to.deep.equal([]);
      await pos('POST', '/order', { body: { card_number: MEMBERS.seed, amount: 1 } });
      setVisibility('visible');
      await until(() => text(balance).includes('$16.00'), 5000);
    });

    it('stops when the provider leaves the page, and with refresh-interval="0"', async () => {
      const { root } = await memberPage(MEMBERS.seed, { refreshInterval: 1000 });
      root.refreshInterval = 0;
      await root.updateComplete;
      await clearLog();
      await delay(1500);
      expect(await balanceReads()).to.equal(0);
      root.refreshInterval = 1000;
      await root.updateComplete;
      root.remove();
      await delay(1500);
      expect(await balanceReads()).to.equal(0);
    });
  });

  describe('cross-tab invalidation (BroadcastChannel)', () => {
    /** A second "tab": another provider of the same program on this page, showing cards and balances. */
    async function otherTab(key: string) {
      const sent: SentRequest[] = [];
      const tab = await fixture<LoyaltySession>(html`
        <loyalty-session api-base=${SPOONITY} vendor-id="1234" locale="en-CA" refetch-on-focus="false" .fetch=${recordingFetch(sent)}>
          <loyalty-balance></loyalty-balance>
          <card-wallet></card-wallet>
        </loyalty-session>`);
      tab.sessionKey = key;
      await until(() => text(tab.querySelector('loyalty-balance')!).includes('Points') && text(tab.querySelector('card-wallet')!).includes('5493'));
      sent.length = 0;
      return { tab, sent, paths: () => sent.map((r) => new URL(r.url, location.href).pathname.replace(/^.*\/spoonity/, '')) };
    }

    it('refreshes, in the other tab, exactly the tags a confirmed write invalidated', async () => {
      const { root, key } = await memberPage();
      const other = await otherTab(key);
      await root.state.mutate(async () => 'ok', ['cards']);
      await until(() => other.paths().includes('/user/card/list'));
      await delay(300);
      expect(other.paths().sort()).to.deep.equal(['/user/card-3rdparty/list', '/user/card/list']);
    });

    it('posts only the tags and the program, never the key or who the member is', async () => {
      const { root, key } = await memberPage();
      const listener = new BroadcastChannel(TAB_CHANNEL);
      const heard: TabMessage[] = [];
      listener.onmessage = (e) => heard.push(e.data);
      try {
        await root.state.mutate(async () => 'ok', ['balances', 'history']);
        await until(() => heard.length === 1);
        expect(Object.keys(heard[0]).sort()).to.deep.equal(['scope', 'tags', 'type']);
        expect(heard[0]).to.include({ type: 'invalidate' });
        expect(heard[0].tags).to.deep.equal(['balances', 'history']);
        const said = JSON.stringify(heard[0]);
        for (const secret of [key, MEMBERS.seed, '100001', 'Seed']) expect(said).not.to.contain(secret);
        // a failed write says nothing
        await root.state.mutate(() => Promise.reject(new Error('refused')), ['cards']).catch(() => undefined);
        await delay(200);
        expect(heard).to.have.length(1);
      } finally {
        listener.close();
      }
    });

    it('invalidates what another tab names, ignores other programs and malformed messages', async () => {
      const { root, key, sent } = await memberPage();
      const listener = new BroadcastChannel(TAB_CHANNEL);
      const heard: TabMessage[] = [];
      listener.onmessage = (e) => heard.push(e.data);
      const other = await otherTab(key);
      await other.tab.state.mutate(async () => 'ok', ['profile']);
      await until(() => heard.length === 1);
      const { scope } = heard[0];
      try {
        sent.length = 0;
        listener.postMessage({ type: 'invalidate', scope: JSON.stringify(['spoonity', 'https://elsewhere.example/api', '1234']), tags: ['balances'] });
        listener.postMessage({ type: 'invalidate', scope, tags: 'balances' });
        listener.postMessage('balances');
        listener.postMessage(null);
        await delay(300);
        expect(sent.filter((r) => r.url.includes('/balance'))).to.deep.equal([]);
        listener.postMessage({ type: 'invalidate', scope, tags: ['balances'] });
        await until(() => sent.some((r) => r.url.includes('/user/quick-pay/balance')));
        expect(sent.some((r) => r.url.includes('/history'))).to.equal(false);
        expect(root.signedIn).to.equal(true);
      } finally {
        listener.close();
      }
    });
  });
});
