import { expect } from '@open-wc/testing';
import { MEMBERS, SPOONITY, checkIn, checkinToken, pos, requestLog, resetSandbox, signIn, type PosReply } from '../helpers/sandbox.js';

/** A member-side read (session_key), as the kit makes it. */
async function member(key: string, path: string): Promise<any> {
  const url = new URL(`${SPOONITY}${path}`, location.origin);
  url.searchParams.set('session_key', key);
  const res = await fetch(url);
  expect(res.status, path).to.equal(200);
  return res.json();
}

const points = async (key: string, name = 'Points') =>
  ((await member(key, '/user/currency/balance')) as { currency: { name: string }; balance: number }[]).find((c) => c.currency.name === name)?.balance;
const quickPay = async (key: string) => (await member(key, '/user/quick-pay/balance')).amount as number;
const newestVisit = async (key: string, customer: number) => (await member(key, `/vendor/1234/customers/${customer}/history?limit=1`)).data[0];
const newestTransaction = async (key: string) => (await member(key, '/user/transaction/list?limit=1')).data[0];

/** The Spoonity v2 error envelope with this HTTP status and message. */
function expectEnvelope(reply: PosReply, status: number, message: string) {
  expect(reply.status, JSON.stringify(reply.body)).to.equal(status);
  expect(reply.body.object).to.equal('error');
  expect(reply.body.error.errors[0]).to.include({ reason: 'exception', message });
}

/** An order refusal in the HTTP-200 form: `success: false`, the message at the root and in the envelope. */
function expectRefusal(reply: PosReply, message: string) {
  expect(reply.status, JSON.stringify(reply.body)).to.equal(200);
  expect(reply.body.success).to.equal(false);
  expect(reply.body.message).to.equal(message);
  expect(reply.body.error.errors[0].message).to.equal(message);
}

const order = (who: Record<string, unknown>, subtotal: number, more: Record<string, unknown> = {}) =>
  pos('POST', '/order', {
    body: {
      ...who,
      till: 1,
      subtotal,
      taxes: [],
      total: subtotal,
      payment_method: 'CASH',
      date: String(Math.floor(Date.now() / 1000)),
      cashier: { id: '_tony_', name: 'Tony' },
      line_items: [{ id: 'latte', name: 'Latte', categories: [], discounts: [], price: subtotal, quantity: 1, modifiers: [] }],
      discounts: [],
      ...more,
    },
  });

const RICH_ID = 100002;
const SEED_ID = 100001;

describe('sandbox POS (merchant side, api_key)', () => {
  beforeEach(resetSandbox);

  describe('api_key', () => {
    it('refuses a missing or unknown api_key with 401 in the envelope', async () => {
      expectEnvelope(await pos('POST', '/onscreen', { body: { card_number: MEMBERS.seed }, key: null }), 401, 'Missing api_key');
      expectEnvelope(await pos('POST', '/onscreen', { body: { card_number: MEMBERS.seed }, key: 'nope' }), 401, 'Invalid api_key');
      expectEnvelope(await pos('DELETE', '/order', { body: { receipt: 'x' }, key: 'nope' }), 401, 'Invalid api_key');
    });

    it('masks the api_key in the request log and names the customer', async () => {
      await checkIn(MEMBERS.seed);
      const [entry] = await requestLog({ path: '/onscreen' });
      expect(entry.query).to.deep.equal({ api_key: '***' });
      expect(entry.member).to.equal(MEMBERS.seed);
    });
  });

  describe('onscreen (check-in)', () => {
    it('identifies a member by a check-in token exactly once', async () => {
      const token = await checkinToken(await signIn(MEMBERS.seed));
      const first = await pos('POST', '/onscreen', { body: { card_number: token } });
      expect(first.status).to.equal(200);
      expect(first.body.pos_session).to.include({ object: 'pos_session' });
      expect(first.body.pos_session.hash).to.match(/^[0-9a-f]{32}$/);
      expect(first.body.pos_session.status).to.deep.equal({ id: 1, name: 'Open' });
      expect(first.body.vendor.point_of_sale).to.include({ id: 31, name: 'Café Olé' });
      expectEnvelope(await pos('POST', '/onscreen', { body: { card_number: token } }), 400, 'Check-in token already used');
    });

    it('accepts the token as a cashier types it, in groups of four', async () => {
      const token = await checkinToken(await signIn(MEMBERS.seed));
      const grouped = token.replace(/(\d{4})(?=\d)/g, '$1 ');
      expect((await pos('POST', '/onscreen', { body: { card_number: grouped } })).status).to.equal(200);
    });

    it('leaves a token usable when the call it came with is refused', async () => {
      const token = await checkinToken(await signIn(MEMBERS.seed));
      expectRefusal(
        await pos('POST', '/order', { body: { card_number: token, amount: -100 } }),
        'Insufficient Quick Pay balance: 100.00 needed, 15.00 available',
      );
      expectEnvelope(await order({ card_number: token }, 5, { discounts: [{ vendor_perk_redemption_id: 1 }] }), 400, 'Unknown reward 1');
      expect((await pos('POST', '/onscreen', { body: { card_number: token } })).status).to.equal(200);
    });

    it('rejects an expired token, and one it never issued', async () => {
      const token = await checkinToken(await signIn(MEMBERS.seed), 0);
      expectEnvelope(await pos('POST', '/onscreen', { body: { card_number: token } }), 400, 'Check-in token expired');
      expectEnvelope(await pos('POST', '/onscreen', { body: { card_number: '000000000000' } }), 404, 'Customer not found');
    });

    it('identifies by email or active card number, refusing a lost card', async () => {
      for (const card_number of ['seed@example.com', ' SEED@example.com ', '9999016134385493', '9999-0161-3438-5493']) {
        const reply = await pos('POST', '/onscreen', { body: { card_number } });
        expect(reply.status, card_number).to.equal(200);
        const seen = await pos('GET', '/onscreen', { query: { pos_session_hash: reply.body.pos_session.hash } });
        expect(seen.body.user.email_address).to.equal(MEMBERS.seed);
      }
      expectEnvelope(await pos('POST', '/onscreen', { body: { card_number: '9999016134385525' } }), 400, 'Card ending 5525 is reported lost');
      expectEnvelope(await pos('POST', '/onscreen', { body: {} }), 400, 'card_number is required');
    });

    it('shows the customer, every balance and only the rewards they can redeem now', async () => {
      const hash = await checkIn(MEMBERS.rich);
      const { status, body } = await pos('GET', '/onscreen', { query: { pos_session_hash: hash } });
      expect(status).to.equal(200);
      expect(body.user).to.include({ id: RICH_ID, email_address: MEMBERS.rich, first_name: 'Rita', last_name: 'Rich' });
      expect(body.quick_pay.amount).to.equal(182.35);
      expect(body.balances.map((b: any) => [b.name, b.balance])).to.deep.equal([
        ['Canadian Dollar', 182.35],
        ['Points', 1240],
        ['Stars', 7],
      ]);
      expect(body.tier).to.deep.equal({ id: 21, name: 'Silver' });
      expect(body.rewards.length).to.be.greaterThan(0);
      for (const r of body.rewards) expect(r.cost, r.name).to.be.at.most(r.currency.name === 'Stars' ? 7 : 1240);
      expect(body.rewards.map((r: any) => r.name))
        .to.include('Size upgrade')
        .and.not.include('Any drink');
      expect((await pos('GET', '/onscreen', { query: { pos_session_hash: await checkIn(MEMBERS.seed) } })).body.rewards).to.deep.equal([]);
    });

    it('keeps POS sessions to their store, and closes them', async () => {
      const hash = await checkIn(MEMBERS.seed);
      expectEnvelope(await pos('GET', '/onscreen', { query: { pos_session_hash: hash }, key: 'sandbox-pos-32' }), 404, 'POS session not found');
      const closed = await pos('DELETE', '/onscreen', { body: { pos_session_hash: hash } });
      expect(closed.body.pos_session.status).to.deep.equal({ id: 2, name: 'Closed' });
      expect((await pos('DELETE', '/onscreen', { body: { pos_session_hash: hash } })).status).to.equal(200);
      expectEnvelope(await pos('GET', '/onscreen', { query: { pos_session_hash: hash } }), 400, 'POS session is closed');
      expectEnvelope(await order({ pos_session_hash: hash }, 5), 400, 'POS session is closed');
    });
  });

  describe('orders', () => {
    it('earns a point per dollar of subtotal, which the member’s own routes show: balance, rewards and both histories', async () => {
      const key = await signIn(MEMBERS.seed);
      const reply = await order({ pos_session_hash: await checkIn(MEMBERS.seed) }, 61.99, { receipt_number: 'BC-PROMO-005', total: 70.05 });
      expect(reply.status).to.equal(200);
      expect(reply.body).to.include({ success: true, receipt_number: 'BC-PROMO-005' });
      expect(reply.body.loyalty).to.deep.equal([{ currency: { currency_id: 961, name: 'Points' }, amount: 61, type: 'Earn' }]);
      expect(await points(key)).to.equal(61);
      const [reward] = (await member(key, '/user/reward/list')).data;
      expect(reward).to.include({ id: 642, available: 1, progress: 50 });
      const visit = await newestVisit(key, SEED_ID);
      expect(visit).to.include({ total: 70.05 });
      expect(visit.location).to.deep.equal({ id: 31, name: 'Café Olé' });
      expect(visit.loyalty).to.deep.equal([{ currency: { currency_id: 961, name: 'Points' }, amount: 61, type: 'Earn', status: 'Complete' }]);
      const transaction = await newestTransaction(key);
      expect(transaction).to.include({ name: 'Café Olé', total: 70.05 });
      expect(transaction.items).to.deep.equal([{ id: 'latte', type: 'product', name: 'Latte', quantity: 1, price: 61.99 }]);
      expect(transaction.receipts[0]).to.include({ number: 'BC-PROMO-005', cashier: 'Tony' });
      expect(transaction.rewards).to.deep.equal([{ id: 961, name: 'Points', earned: 61, spent: 0, expired: 0 }]);
    });

    it('earns at the tier’s rate and moves the member up a tier, and the void moves them back', async () => {
      const key = await signIn(MEMBERS.rich);
      const before = (await member(key, '/user/reward/list')).tier;
      // Silver earns 1.25 a dollar; 288.00 → 360 points: 640 + 360 reaches Gold's 1000
      const reply = await order({ card_number: MEMBERS.rich }, 288);
      expect(reply.body.loyalty[0].amount).to.equal(360);
      expect(reply.body.tier).to.deep.equal({ id: 22, name: 'Gold' });
      const tier = (await member(key, '/user/reward/list')).tier;
      expect(tier.current).to.include({ id: 22, name: 'Gold' });
      expect(tier.next).to.include({ id: '', name: '' });
      expect(await points(key)).to.equal(1600);
      await pos('DELETE', '/order', { body: { receipt: reply.body.reference_number } });
      expect((await member(key, '/user/reward/list')).tier).to.deep.equal(before);
      expect(await points(key)).to.equal(1240);
    });

    it('opens a Points balance with the empty member’s first order', async () => {
      const key = await signIn(MEMBERS.empty);
      expect(await member(key, '/user/currency/balance')).to.deep.equal([]);
      await order({ card_number: MEMBERS.empty }, 9.5);
      expect(await points(key)).to.equal(9);
      expect((await member(key, '/vendor/1234/customers/100003/history')).count).to.equal(1);
    });

    it('redeems the rewards named in discounts, and refuses the whole order without enough points', async () => {
      const key = await signIn(MEMBERS.seed);
      const free = { discounts: [{ vendor_perk_redemption_id: 642 }] };
      const history = (await member(key, '/user/transaction/list')).count;
      expectRefusal(await order({ card_number: MEMBERS.seed }, 4, free), 'Insufficient Points balance for Free Item: 50 needed, 0 available');
      // immutable and whole: nothing of the refused order happened
      expect(await points(key)).to.equal(0);
      expect((await member(key, '/user/transaction/list')).count).to.equal(history);
      await order({ card_number: MEMBERS.seed }, 55);
      const reply = await order({ card_number: MEMBERS.seed }, 4, free);
      expect(reply.body.success).to.equal(true);
      expect(await points(key)).to.equal(55 - 50 + 4);
      const visit = await newestVisit(key, SEED_ID);
      expect(visit.rewards).to.deep.equal([{ id: 642, name: 'Free Item' }]);
      expect(visit.loyalty.map((l: any) => [l.amount, l.type])).to.deep.equal([
        [4, 'Earn'],
        [-50, 'Spend'],
      ]);
    });

    it('refuses a receipt number it already has: orders are immutable', async () => {
      expect((await order({ card_number: MEMBERS.seed }, 5, { receipt_number: 'R-1' })).body.success).to.equal(true);
      expectRefusal(await order({ card_number: MEMBERS.seed }, 6, { receipt_number: 'R-1' }), 'Order R-1 was already submitted: orders are immutable');
    });

    it('checks the order before anything changes', async () => {
      expectEnvelope(await order({ card_number: MEMBERS.seed }, -1), 400, 'Invalid subtotal: must be a number of 0 or more');
      expectEnvelope(await order({ card_number: MEMBERS.seed }, 5, { discounts: [{ vendor_perk_redemption_id: 1 }] }), 400, 'Unknown reward 1');
      expectEnvelope(await order({ card_number: 'nobody@example.com' }, 5), 404, 'Customer not found');
    });
  });

  describe('payments', () => {
    it('debits quick pay with a negative amount and credits it with a positive one', async () => {
      const key = await signIn(MEMBERS.seed);
      const debit = await pos('POST', '/order', { body: { card_number: MEMBERS.seed, till: 1, amount: -10.0, date: 1416240444 } });
      expect(debit.body).to.include({ success: true, amount: -10 });
      expect(debit.body.quick_pay.amount).to.equal(5);
      expect(await quickPay(key)).to.equal(5);
      await pos('POST', '/order', { body: { card_number: MEMBERS.seed, amount: 20.25 } });
      expect(await quickPay(key)).to.equal(25.25);
      expect((await newestTransaction(key)).quickpay).to.deep.equal({ used: 0, loaded: 20.25, balance: 25.25 });
    });

    it('refuses a debit above the quick-pay balance, as HTTP 200 success:false or, with _errors=status, as 400', async () => {
      const key = await signIn(MEMBERS.seed);
      const body = { card_number: MEMBERS.seed, amount: -15.01 };
      const message = 'Insufficient Quick Pay balance: 15.01 needed, 15.00 available';
      expectRefusal(await pos('POST', '/order', { body }), message);
      expectEnvelope(await pos('POST', '/order', { body, query: { _errors: 'status' } }), 400, message);
      expect(await quickPay(key)).to.equal(15);
    });

    it('pays with points at 20 points a dollar, refusing more than the member has in both forms', async () => {
      const key = await signIn(MEMBERS.rich);
      const paid = await pos('POST', '/order/payments/loyalty', { body: { card_number: MEMBERS.rich, amount: 10.01 } });
      expect(paid.body).to.include({ success: true, object: 'loyalty_payment', amount: 10.01 });
      expect(paid.body.points).to.deep.equal({ currency: { currency_id: 961, name: 'Points' }, amount: -201 });
      expect(await points(key)).to.equal(1039);
      const body = { card_number: MEMBERS.rich, amount: 60 };
      const message = 'Insufficient Points balance: 1200 needed for 60.00, 1039 available';
      expectRefusal(await pos('POST', '/order/payments/loyalty', { body }), message);
      expectEnvelope(await pos('POST', '/order/payments/loyalty', { body, query: { _errors: 'status' } }), 400, message);
      expect(await points(key)).to.equal(1039);
      expectEnvelope(
        await pos('POST', '/order/payments/loyalty', { body: { card_number: MEMBERS.rich, amount: -1 } }),
        400,
        'Invalid amount: must be a positive non-zero amount with at most two decimals',
      );
    });

    it('takes the payments of a POS session into its order: one history row, voided together', async () => {
      const key = await signIn(MEMBERS.rich);
      const hash = await checkIn(MEMBERS.rich);
      await pos('POST', '/order', { body: { pos_session_hash: hash, amount: -4.5 } });
      await pos('POST', '/order/payments/loyalty', { body: { pos_session_hash: hash, amount: 2 } });
      const submitted = await order({ pos_session_hash: hash }, 10, { total: 11.3 });
      expect(submitted.body.payments).to.have.length(2);
      const visit = await newestVisit(key, RICH_ID);
      expect(visit.total).to.equal(11.3);
      expect(visit.loyalty.map((l: any) => l.amount)).to.deep.equal([12, -40]);
      const transaction = await newestTransaction(key);
      expect(transaction.quickpay).to.deep.equal({ used: 4.5, loaded: 0, balance: 177.85 });
      expect((await member(key, '/user/transaction/list')).count).to.equal(10_001);
      expectRefusal(
        await pos('DELETE', '/order', { body: { receipt: submitted.body.payments[0] } }),
        `Payment ${submitted.body.payments[0]} belongs to order ${submitted.body.receipt_number}: void that order`,
      );
      expect((await pos('DELETE', '/order', { body: { receipt: submitted.body.reference_number } })).body.success).to.equal(true);
      expect([await quickPay(key), await points(key)]).to.deep.equal([182.35, 1240]);
      expect((await member(key, '/user/transaction/list')).count).to.equal(10_000);
    });
  });

  describe('voids', () => {
    it('reverts everything the order changed and removes it from both histories', async () => {
      const key = await signIn(MEMBERS.seed);
      const before = [await newestVisit(key, SEED_ID), await newestTransaction(key)];
      const reply = await order({ card_number: MEMBERS.seed }, 20, { receipt_number: 'R-9' });
      const voided = await pos('DELETE', '/order', { body: { receipt: 'R-9' } });
      expect(voided.body).to.include({ success: true, status: 'Voided', receipt_number: 'R-9', reference_number: reply.body.reference_number });
      expect(await points(key)).to.equal(0);
      expect([await newestVisit(key, SEED_ID), await newestTransaction(key)]).to.deep.equal(before);
      expectRefusal(await pos('DELETE', '/order', { body: { receipt: 'R-9' } }), 'Order R-9 is already voided');
    });

    it('voids in creation order per customer and location, oldest first', async () => {
      const first = await order({ card_number: MEMBERS.seed }, 5, { receipt_number: 'A-1' });
      await order({ card_number: MEMBERS.rich }, 5, { receipt_number: 'B-1' }); // another customer
      await pos('POST', '/order', { body: { card_number: MEMBERS.seed, amount: 1 }, key: 'sandbox-pos-32' }); // another location
      await order({ card_number: MEMBERS.seed }, 6, { receipt_number: 'A-2' });
      const message = 'Orders must be voided in the order they were created: void A-1 first';
      expectRefusal(await pos('DELETE', '/order', { body: { receipt: 'A-2' } }), message);
      expectEnvelope(await pos('DELETE', '/order', { body: { receipt: 'A-2' }, query: { _errors: 'status' } }), 409, message);
      expect((await pos('DELETE', '/order', { body: { receipt: first.body.reference_number } })).body.success).to.equal(true);
      expect((await pos('DELETE', '/order', { body: { receipt: 'A-2' } })).body.success).to.equal(true);
    });

    it('finds orders only at their own location', async () => {
      await order({ card_number: MEMBERS.seed }, 5, { receipt_number: 'A-1' });
      expectEnvelope(await pos('DELETE', '/order', { body: { receipt: 'A-1' }, key: 'sandbox-pos-33' }), 404, 'Order A-1 not found at this location');
      expectEnvelope(await pos('DELETE', '/order', { body: {} }), 400, 'receipt is required');
    });

    it('refuses a void that would take a balance below zero', async () => {
      const key = await signIn(MEMBERS.seed);
      const credit = (await pos('POST', '/order', { body: { card_number: MEMBERS.seed, amount: 10 } })).body.reference_number;
      await pos('POST', '/order', { body: { card_number: MEMBERS.seed, amount: -25 }, key: 'sandbox-pos-32' }); // spent elsewhere
      expectRefusal(await pos('DELETE', '/order', { body: { receipt: credit } }), `Voiding ${credit} would take the Quick Pay balance below zero`);
      expect(await quickPay(key)).to.equal(0);
    });
  });

  it('forgets POS sessions and orders on reset', async () => {
    const hash = await checkIn(MEMBERS.seed);
    await order({ card_number: MEMBERS.seed }, 5, { receipt_number: 'A-1' });
    await resetSandbox();
    expectEnvelope(await pos('GET', '/onscreen', { query: { pos_session_hash: hash } }), 404, 'POS session not found');
    expectEnvelope(await pos('DELETE', '/order', { body: { receipt: 'A-1' } }), 404, 'Order A-1 not found at this location');
  });
});
