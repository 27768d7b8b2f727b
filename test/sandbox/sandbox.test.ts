import { expect } from '@open-wc/testing';
import { MEMBERS, PASSWORD, SANDBOX, SPOONITY, VENDOR, armFault, clearFaults, requestLog, resetSandbox, signIn } from '../helpers/sandbox.js';

/** The seed documents' JSON examples, verbatim (seeds 001 and 002). */
const SEED_QUICK_PAY = { amount: 15.0, currency: { code: 'CAD', id: 191, name: 'Canadian Dollar', object: 'currency' }, object: 'Virtual\\Balance' };
const currency = (currency_id: number, name: string, type: number) => ({
  currency: {
    currency_id,
    name,
    currencyType: { currencyType_id: type, name: type === 1 ? 'Quick Pay' : 'Loyalty' },
    status: { status_id: 1, name: 'Active' },
  },
  balance: 0,
  expiring: [],
});
const SEED_CURRENCIES = [currency(191, 'Canadian Dollar', 1), currency(961, 'Points', 2)];
const SEED_TIER = {
  object: 'tier',
  count: 1,
  current: { description: '', id: 12, summary: '', object: 'current_tier', name: 'Default', since: 1559131926 },
  next: { id: '', object: 'next_tier', name: '', progress: 0, amount: 0, summary: '', description: '' },
  all: {
    vendor_tier_changed: 1559131926,
    tier_immunity_days: 0,
    days_remaining: -5,
    data: [{ id: 12, name: 'Default', progress: null, amount: null, summary: '', description: '' }],
  },
};
const ACTIVE = { id: 1, name: 'Active', object: 'status' };
const INACTIVE = { id: 2, name: 'Inactive', object: 'status' };
const SEED_CARD = {
  card: { created: 1559520000, number: '9999016134385493', pin: '123', status: ACTIVE, type: {}, updated: 1559520000 },
  created: 1559584453,
  id: '1817015',
  object: 'user_card',
  status: ACTIVE,
  updated: 1559584453,
  user: {},
};

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when empty or not JSON. */
  json: any;
}

/** One request to the sandbox; `path` is under /spoonity unless it starts with /sandbox. */
async function call(
  method: string,
  path: string,
  { key, body, headers = {} }: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const url = new URL(path.startsWith(SANDBOX) ? path : `${SPOONITY}${path}`, location.origin);
  if (key) url.searchParams.set('session_key', key);
  const res = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const control = (method: string, path: string, body?: unknown) => call(method, `${SANDBOX}/__sandbox${path}`, { body });

/** Asserts the Spoonity v2 error envelope with this status and first message. */
function expectError(reply: Reply, status: number, message: string) {
  expect(reply.status, reply.text).to.equal(status);
  expect(reply.json.object).to.equal('error');
  expect(reply.json.error).to.include({ code: status, more_info: 'http://api.spoonity.com/doc/#apiMethod' });
  expect(reply.json.error.reference_id).to.be.a('string').and.not.be.empty;
  expect(reply.json.error.errors[0]).to.include({ reason: 'exception', message });
}

const cardList = async (key: string, kind = 'card') => (await call('GET', `/user/${kind}/list`, { key })).json;

const authenticate = (email_address: string, password: string, vendor: unknown = Number(VENDOR)) =>
  call('POST', '/user/authenticate', { body: { email_address, password, vendor } });

describe('sandbox', () => {
  beforeEach(resetSandbox);

  describe('sign-in', () => {
    it('signs a member in with a new session key each time, all of them valid', async () => {
      const first = await authenticate(MEMBERS.seed, PASSWORD);
      const second = await authenticate(MEMBERS.seed, PASSWORD, VENDOR); // vendor as a string
      expect(first.status).to.equal(200);
      expect(second.status).to.equal(200);
      const { session_identifier, online_order_token, ...rest } = first.json;
      expect(session_identifier).to.match(/^[0-9a-f]{32}$/);
      expect(second.json.session_identifier)
        .to.match(/^[0-9a-f]{32}$/)
        .and.not.equal(session_identifier);
      expect(online_order_token).to.be.a('number');
      const id = rest.user.id;
      expect(rest).to.deep.equal({
        first_login: false,
        user_vendor: { vendor: { id: 1234 }, user: { id } },
        user: { id, first_name: 'Sam', last_name: 'Seed', email_address: MEMBERS.seed },
      });
      for (const key of [session_identifier, second.json.session_identifier]) expect((await call('GET', '/user/profile', { key })).status).to.equal(200);
    });

    it('refuses a wrong password or an unknown email with 401', async () => {
      expectError(await authenticate(MEMBERS.seed, 'password1'), 401, 'Invalid email address or password');
      expectError(await authenticate('nobody@example.com', PASSWORD), 401, 'Invalid email address or password');
    });

    it('refuses an unknown vendor with 400', async () => {
      expectError(await authenticate(MEMBERS.seed, PASSWORD, 99), 400, 'Requested vendor is not valid');
    });

    it('answers 403 / 16902 with a session_identifier for an unverified member, and 403 on their session', async () => {
      const reply = await authenticate(MEMBERS.unverified, PASSWORD);
      expectError(reply, 403, 'Account needs verification');
      expect(reply.json.error.errors[0].code).to.equal(16902);
      expect(reply.json.session_identifier).to.match(/^[0-9a-f]{32}$/);
      const rewards = await call('GET', '/user/reward/list', { key: reply.json.session_identifier });
      expectError(rewards, 403, 'Account needs verification');
    });

    it('logs out one session and keeps the member’s other sessions', async () => {
      const key = await signIn(MEMBERS.seed);
      const other = await signIn(MEMBERS.seed);
      const out = await call('GET', '/user/logout', { key });
      expect(out.status).to.equal(200);
      expect(out.json).to.deep.equal({});
      expectError(await call('GET', '/user/profile', { key }), 401, 'Invalid session');
      expect((await call('GET', '/user/profile', { key: other })).status).to.equal(200);
    });

    it('answers 401 without a session key, 404 for unknown routes and 405 for a wrong verb', async () => {
      expectError(await call('GET', '/user/quick-pay/balance'), 401, 'Invalid session');
      expectError(await call('GET', '/user/quick-pay/balance', { key: 'f'.repeat(32) }), 401, 'Invalid session');
      expectError(await call('GET', '/user/nothing-here'), 404, 'No route found');
      expectError(await call('POST', '/user/profile'), 405, 'Method Not Allowed');
    });
  });

  describe('member routes', () => {
    it('returns the profile', async () => {
      const key = await signIn(MEMBERS.seed);
      const { status, json } = await call('GET', '/user/profile', { key });
      expect(status).to.equal(200);
      expect(json.user).to.deep.equal({
        id: 100001,
        first_name: 'Sam',
        last_name: 'Seed',
        email_address: MEMBERS.seed,
        phone_number: '15555550100',
        birthdate: 631152000,
      });
      expect(json).to.deep.include({
        contact_consent: 3,
        language: 1,
        status: { status_id: 1, name: 'Active' },
        is_verified: { status: true, methods: { Email: true, SMS: false } },
        created: 1559131926,
        updated: 1559584453,
      });
      expect(json.metadata[0]).to.have.all.keys('user_metadata_id', 'user_metadataField_id', 'field', 'value');
    });

    it('updates the profile with an empty 200 and stores core fields and metadata', async () => {
      const key = await signIn(MEMBERS.seed);
      const before = (await call('GET', '/user/profile', { key })).json;
      const reply = await call('PUT', '/user/profile', {
        key,
        body: {
          current_password: PASSWORD,
          first_name: 'Samuel',
          contact_consent: 1,
          phone_number: { code: '1', number: '555 555 0199' },
          metadata: [{ user_metadata_id: before.metadata[1].user_metadata_id, value: 'Crème brûlée' }],
        },
      });
      expect(reply.status).to.equal(200);
      expect(reply.text).to.equal('');
      const after = (await call('GET', '/user/profile', { key })).json;
      expect(after.user).to.include({ first_name: 'Samuel', phone_number: '15555550199' });
      expect(after.contact_consent).to.equal(1);
      expect(after.metadata[1].value).to.equal('Crème brûlée');
      expect(after.updated).to.be.greaterThan(before.updated);
      expect((await call('PUT', '/user/profile', { key, body: { contact_consent: 0 } })).status, 'without current_password').to.equal(200);
      expect((await call('PUT', '/user/profile', { key, body: { current_password: PASSWORD, password: 'Newpass1' } })).status).to.equal(200);
      expectError(await authenticate(MEMBERS.seed, PASSWORD), 401, 'Invalid email address or password');
      expect((await authenticate(MEMBERS.seed, 'Newpass1')).status).to.equal(200);
    });

    it('rejects invalid profile updates with 400 naming the field, storing nothing', async () => {
      const key = await signIn(MEMBERS.seed);
      const put = (body: unknown) => call('PUT', '/user/profile', { key, body });
      expectError(await put({ email_address: 'not-an-email' }), 400, 'Invalid email_address: must be an email address');
      expectError(await put({ first_name: 'Changed', contact_consent: 4 }), 400, 'Invalid contact_consent: must be an integer from 0 to 3');
      expectError(await put({ metadata: [{ user_metadata_id: 999, value: 'x' }] }), 400, 'Invalid metadata: unknown user_metadata_id 999');
      expectError(await put({ current_password: 'wrong' }), 400, 'Invalid current_password');
      expectError(
        await put({ password: 'short' }),
        400,
        'Invalid password: must have 6+ characters with an upper-case letter, a lower-case letter and a digit',
      );
      expectError(await put({ birthdate: '1990-01-01' }), 400, 'Invalid birthdate: must be Unix seconds');
      expectError(await put({ email_address: MEMBERS.rich }), 409, 'Email address is already registered');
      expect((await call('GET', '/user/profile', { key })).json.user.first_name).to.equal('Sam');
    });

    it('returns the seed quick-pay balance verbatim, backslash included', async () => {
      const reply = await call('GET', '/user/quick-pay/balance', { key: await signIn(MEMBERS.seed) });
      expect(reply.json).to.deep.equal(SEED_QUICK_PAY);
      expect(reply.text).to.contain('"Virtual\\\\Balance"');
    });

    it('returns the seed currency balances verbatim, also with a .json suffix', async () => {
      const key = await signIn(MEMBERS.seed);
      expect((await call('GET', '/user/currency/balance', { key })).json).to.deep.equal(SEED_CURRENCIES);
      expect((await call('GET', '/user/currency/balance.json', { key })).json).to.deep.equal(SEED_CURRENCIES);
    });

    it('returns the rich member’s balances with upcoming expirations as { date, amount }', async () => {
      const key = await signIn(MEMBERS.rich);
      expect((await call('GET', '/user/quick-pay/balance', { key })).json.amount).to.equal(182.35);
      const balances = (await call('GET', '/user/currency/balance', { key })).json;
      expect(balances.map((b: any) => [b.currency.name, b.balance])).to.deep.equal([
        ['Canadian Dollar', 182.35],
        ['Points', 1240],
        ['Stars', 7],
      ]);
      const expiring = balances[1].expiring;
      expect(expiring).to.have.length(2);
      for (const e of expiring) {
        expect(e).to.have.all.keys('date', 'amount');
        expect(e.date).to.be.greaterThan(Date.now() / 1000);
      }
    });

    it('returns the seed reward list: the seed reward, balances and the seed tier verbatim', async () => {
      const { json } = await call('GET', '/user/reward/list', { key: await signIn(MEMBERS.seed) });
      expect(json).to.include({ object: 'collection', count: 1, page: 1, page_size: 10, total_pages: 1, next_page_url: null, previous_page_url: null });
      expect(json.balances).to.deep.equal([
        { id: 191, name: 'Canadian Dollar', balance: 0 },
        { id: 961, name: 'Points', balance: 0 },
      ]);
      expect(json.tier).to.deep.equal(SEED_TIER);
      expect(json.data).to.have.length(1);
      expect(json.data[0]).to.deep.include({
        catalog: { id: 'discount_free_coffee', name: 'Free Coffee' },
        group: null,
        summary: 'Spend 50 points to get a free sandwich',
        id: 642,
        currency: { id: 961, name: 'Points' },
        name: 'Free Item',
        description: 'Includes Small, Regular, and Large sandwiches.',
        cost: 50,
        available: 0,
        progress: 0,
        expiring: { data: [] },
      });
      expect(json.data[0].template).to.have.all.keys('id', 'name');
      expect(json.data[0].type).to.have.all.keys('id', 'name');
    });

    it('paginates the rich reward list with absolute page URLs and consistent progress', async () => {
      const key = await signIn(MEMBERS.rich);
      const first = (await call('GET', '/user/reward/list', { key })).json;
      expect(first).to.include({ count: 40, page: 1, page_size: 10, total_pages: 4, previous_page_url: null });
      expect(first.data).to.have.length(10);
      const next = new URL(first.next_page_url);
      expect(next.origin).to.equal(location.origin);
      expect(next.pathname).to.equal(`${SPOONITY}/user/reward/list`);
      expect(Object.fromEntries(next.searchParams)).to.deep.equal({ session_key: key, page: '2', limit: '10' });
      const last = (await call('GET', '/user/reward/list?page=4', { key })).json;
      expect(last).to.include({ page: 4, next_page_url: null });
      expect(new URL(last.previous_page_url).searchParams.get('page')).to.equal('3');
      expect(first.tier.current.name).to.equal('Silver');
      expect(first.tier.next).to.include({ name: 'Gold', progress: 640, amount: 1000 });

      const all = (await call('GET', '/user/reward/list?limit=100', { key })).json.data;
      expect(all).to.have.length(40);
      const balance = { Points: 1240, Stars: 7 } as Record<string, number>;
      for (const r of all) {
        const points = balance[r.currency.name];
        expect([r.available, r.progress], r.name).to.deep.equal([Math.floor(points / r.cost), Math.min(points, r.cost)]);
      }
      expect(all.some((r: any) => r.available > 0)).to.be.true;
      expect(all.some((r: any) => r.available === 0)).to.be.true;
    });

    it('returns the customer history newest first, only for the session’s own customer id', async () => {
      const key = await signIn(MEMBERS.rich);
      const page = (await call('GET', '/vendor/1234/customers/100002/history?page=2&limit=50', { key })).json;
      expect(page).to.include({ object: 'collection', count: 10000, page: 2, page_size: 50, total_pages: 200 });
      expect(page.data).to.have.length(50);
      expect(new URL(page.next_page_url).searchParams.get('page')).to.equal('3');
      const row = page.data[0];
      expect(row).to.have.all.keys('id', 'receipt_date', 'date_created', 'vendor', 'location', 'total', 'loyalty', 'rewards');
      expect(row.vendor).to.deep.equal({ id: 1234, name: 'Sandbox Coffee Co.' });
      expect(row.loyalty[0]).to.deep.include({ currency: { currency_id: 961, name: 'Points' }, type: 'Earn', status: 'Complete' });
      const dates = page.data.map((r: any) => r.receipt_date);
      expect(dates).to.deep.equal([...dates].sort((a, b) => b - a));
      const stores = new Set((await call('GET', '/vendor/1234/customers/100002/history?limit=300', { key })).json.data.map((r: any) => r.location.name));
      expect(stores).to.include('Café Olé');
      const spends = (await call('GET', '/vendor/1234/customers/100002/history?limit=300', { key })).json.data
        .flatMap((r: any) => r.loyalty)
        .filter((l: any) => l.type === 'Spend');
      expect(spends.length).to.be.greaterThan(0);
      expect(spends.every((l: any) => l.amount < 0)).to.be.true;

      expectError(await call('GET', '/vendor/1234/customers/100001/history', { key }), 403, 'Access denied: not your account');
      expectError(await call('GET', '/vendor/99/customers/100002/history', { key }), 400, 'Requested vendor is not valid');
    });

    it('returns the same visits from the deprecated transaction list, in either order', async () => {
      const key = await signIn(MEMBERS.rich);
      const history = (await call('GET', '/vendor/1234/customers/100002/history?limit=3', { key })).json.data;
      const desc = (await call('GET', '/user/transaction/list?order=dateCreated(desc)&limit=3', { key })).json;
      expect(desc).to.include({ object: 'collection', count: 10000, page: 1 });
      expect(desc.data.map((t: any) => t.id)).to.deep.equal(history.map((h: any) => h.id));
      const t = desc.data[0];
      expect(t).to.have.all.keys('id', 'date', 'total', 'name', 'address', 'status', 'items', 'receipts', 'quickpay', 'rewards');
      expect(t).to.include({ date: history[0].receipt_date, total: history[0].total, name: history[0].location.name, status: 'Complete' });
      expect(t.quickpay).to.have.all.keys('used', 'loaded', 'balance');
      expect(desc.data[0].quickpay.balance).to.equal(182.35);
      expect(t.rewards[0]).to.include({ id: 961, name: 'Points', earned: history[0].loyalty[0].amount, expired: 0 });
      const asc = (await call('GET', '/user/transaction/list?order=dateCreated(asc)&limit=1', { key })).json;
      expect(asc.data[0].date).to.be.lessThan(t.date);
    });

    it('gives the empty member empty answers', async () => {
      const key = await signIn(MEMBERS.empty);
      expect((await call('GET', '/user/quick-pay/balance', { key })).json).to.deep.equal({ ...SEED_QUICK_PAY, amount: 0 });
      expect((await call('GET', '/user/currency/balance', { key })).json).to.deep.equal([]);
      const rewards = (await call('GET', '/user/reward/list', { key })).json;
      expect(rewards).to.include({ count: 0, total_pages: 0, next_page_url: null });
      expect(rewards.data).to.deep.equal([]);
      expect(rewards.tier.count).to.equal(1);
      expect((await call('GET', '/user/card/list', { key })).json.count).to.equal(0);
      expect((await call('GET', '/vendor/1234/customers/100003/history', { key })).json.data).to.deep.equal([]);
    });

    it('issues a 12-digit check-in token valid for 300 seconds', async () => {
      const key = await signIn(MEMBERS.seed);
      const { status, json } = await call('POST', '/user/token/request', { key, body: { token_type: 2, style: 'QR CODE' } });
      expect(status).to.equal(200);
      expect(json).to.have.all.keys('token', 'barcode', 'created', 'expiry', 'updated');
      expect(json.token).to.match(/^\d{12}$/);
      expect(atob(json.barcode)).to.contain(json.token);
      expect(json.expiry - json.created).to.equal(300);
      expect(Math.abs(json.created - Date.now() / 1000)).to.be.lessThan(60);
      const again = (await call('POST', '/user/token/request', { key, body: {} })).json;
      expect(again.token).to.not.equal(json.token);
    });
  });

  describe('cards', () => {
    it('lists the seed card exactly as seed 002', async () => {
      const json = await cardList(await signIn(MEMBERS.seed));
      expect(json).to.include({ object: 'collection', count: 1, page: 1, next_page_url: null, previous_page_url: null });
      expect(json.data).to.deep.equal([SEED_CARD]);
    });

    it('lists the rich member’s first- and third-party cards, one of them lost', async () => {
      const key = await signIn(MEMBERS.rich);
      const first = (await cardList(key)).data;
      const third = (await cardList(key, 'card-3rdparty')).data;
      expect(first).to.have.length(4);
      expect(third).to.have.length(2);
      expect(third.map((c: any) => c.object)).to.deep.equal(['user_card3rdparty', 'user_card3rdparty']);
      expect(first.filter((c: any) => c.status.name === 'Inactive')).to.have.length(1);
      expect((await cardList(key, 'card3rdparty')).data, 'docs spelling').to.deep.equal(third);
    });

    it('links a card, refusing duplicates, a missing PIN, bad and unknown numbers', async () => {
      const key = await signIn(MEMBERS.seed);
      const add = (body: unknown, k = key) => call('POST', '/user/card/add', { key: k, body });
      const added = await add({ number: '4242 4242 4242 4242', pin: '999', user: 100001 });
      expect(added.status).to.equal(200);
      expect(added.json).to.deep.include({ object: 'user_card', status: ACTIVE, user: {} });
      expect(added.json.id).to.be.a('string');
      expect(added.json.card).to.deep.include({ number: '4242424242424242', pin: '999', status: ACTIVE, type: {} });
      expect((await cardList(key)).data.map((c: any) => c.id)).to.deep.equal(['1817015', added.json.id]);

      expectError(await add({ number: '4242424242424242', pin: '1' }), 409, 'Card is already linked');
      expectError(await add({ number: '9999016134385493', pin: '1' }, await signIn(MEMBERS.rich)), 409, 'Card is already linked');
      expectError(await add({ number: '4111111111111111' }), 400, 'PIN is required');
      expectError(await add({ number: '12ab', pin: '1' }), 400, 'Invalid card number');
      expectError(await add({ number: '4242424242424241', pin: '1' }), 400, 'Card number is not recognized');
      expectError(await add({ number: '4111111111111111', pin: '1', user: 5 }), 400, 'Invalid user: must be the signed-in member');
      expect((await add({ number: '9999016100000001', pin: '1' })).status, 'an issued card fails Luhn but links').to.equal(200);
      expect((await cardList(key)).count).to.equal(3);
    });

    it('marks a card lost and found, then removes it (flat or nested user_card)', async () => {
      const key = await signIn(MEMBERS.seed);
      const lost = await call('PUT', '/user/card/lost', { key, body: { user_card: 1817015 } });
      expect(lost.status).to.equal(200);
      expect(lost.json).to.deep.equal({});
      const [card] = (await cardList(key)).data;
      expect(card.status).to.deep.equal(INACTIVE);
      expect(card.card.status).to.deep.equal(INACTIVE);
      expect((await call('PUT', '/user/card/found', { key, body: { user_card: '1817015' } })).json).to.deep.equal({});
      expect((await cardList(key)).data[0].status).to.deep.equal(ACTIVE);

      expectError(await call('PUT', '/user/card/lost', { key, body: { user_card: 42 } }), 404, 'Card not found');
      expectError(await call('DELETE', '/user/card', { key, body: {} }), 400, 'user_card is required');
      expect((await call('DELETE', '/user/card', { key, body: { user_card: { id: '1817015' } } })).json).to.deep.equal({});
      expect((await cardList(key)).count).to.equal(0);
      const other = (await call('POST', '/user/card/add', { key, body: { number: '4111111111111111', pin: '1' } })).json.id;
      expect((await call('DELETE', '/user/card', { key, body: { user_card: other } })).json).to.deep.equal({});
      expect((await cardList(key)).count).to.equal(0);
    });

    it('manages third-party cards with user_card3rdparty, pin optional, apart from first-party ones', async () => {
      const key = await signIn(MEMBERS.empty);
      const added = await call('POST', '/user/card-3rdparty/add', { key, body: { number: '4111111111111111' } });
      expect(added.status).to.equal(200);
      expect(added.json.object).to.equal('user_card3rdparty');
      const id = added.json.id;
      expect((await cardList(key)).count, 'not a first-party card').to.equal(0);
      expectError(await call('PUT', '/user/card/lost', { key, body: { user_card: id } }), 404, 'Card not found');
      expect((await call('PUT', '/user/card-3rdparty/lost', { key, body: { user_card3rdparty: id } })).status).to.equal(200);
      expect((await cardList(key, 'card-3rdparty')).data[0].status).to.deep.equal(INACTIVE);
      expect((await call('PUT', '/user/card-3rdparty/found', { key, body: { user_card3rdparty: id } })).status).to.equal(200);
      expect((await cardList(key, 'card-3rdparty')).data[0].status).to.deep.equal(ACTIVE);
      expect((await call('DELETE', '/user/card-3rdparty', { key, body: { user_card3rdparty: id } })).json).to.deep.equal({});
      expect((await cardList(key, 'card-3rdparty')).count).to.equal(0);
    });
  });

  describe('account deletion', () => {
    const deletionCode = async (email: string) => (await control('GET', `/deletion-code?email=${encodeURIComponent(email)}`)).json?.code;

    it('deletes with the session and the emailed code; sign-in fails until reset', async () => {
      const key = await signIn(MEMBERS.seed);
      const other = await signIn(MEMBERS.seed);
      expect((await control('GET', `/deletion-code?email=${MEMBERS.seed}`)).status, 'nothing pending yet').to.equal(404);
      const submit = await call('DELETE', '/vendor/1234/customers/100001/submit', { key, body: {} });
      expect(submit.status).to.equal(200);
      expect(submit.json).to.deep.equal({});
      const code = await deletionCode(MEMBERS.seed);
      expect(code).to.match(/^[0-9a-f]{32}$/);
      expectError(await call('DELETE', '/vendor/1234/customers', { key, body: { code: 'a'.repeat(32) } }), 400, 'Invalid or expired deletion code');
      expect((await call('DELETE', '/vendor/1234/customers', { key, body: { code } })).json).to.deep.equal({});
      expectError(await call('GET', '/user/profile', { key: other }), 401, 'Invalid session');
      expectError(await authenticate(MEMBERS.seed, PASSWORD), 401, 'Invalid email address or password');
      await resetSandbox();
      expect((await authenticate(MEMBERS.seed, PASSWORD)).status).to.equal(200);
    });

    it('also accepts GET submit and the session-less finalize with { code, id }', async () => {
      const key = await signIn(MEMBERS.rich);
      expectError(await call('DELETE', '/vendor/1234/customers/100001/submit', { key, body: {} }), 403, 'Access denied: not your account');
      expect((await call('GET', '/vendor/1234/customers/100002/submit', { key })).status).to.equal(200);
      const code = await deletionCode(MEMBERS.rich);
      expectError(await call('DELETE', '/vendor/1234/customers/100002', { body: { code, id: 100001 } }), 400, 'Invalid id: does not match the account');
      expect((await call('DELETE', '/vendor/1234/customers/100002', { body: { code, id: 100002 } })).status).to.equal(200);
      expectError(await call('GET', '/user/profile', { key }), 401, 'Invalid session');
    });
  });

  describe('faults', () => {
    const balance = (key: string, fault?: string) => call('GET', '/user/quick-pay/balance', { key, headers: fault ? { 'X-Sandbox-Fault': fault } : {} });

    it('delays the answer with latency', async () => {
      const key = await signIn(MEMBERS.seed);
      const start = performance.now();
      const reply = await balance(key, 'latency=400');
      expect(performance.now() - start).to.be.at.least(380);
      expect(reply.json).to.deep.equal(SEED_QUICK_PAY);
    });

    it('answers a status in the error envelope, with Retry-After when asked', async () => {
      const key = await signIn(MEMBERS.seed);
      const reply = await balance(key, 'status=503;retry-after=2');
      expectError(reply, 503, 'Sandbox fault: HTTP 503');
      expect(reply.headers.get('Retry-After')).to.equal('2');
      const alone = await balance(key, 'retry-after=5');
      expectError(alone, 503, 'Sandbox fault: HTTP 503');
      expect(alone.headers.get('Retry-After')).to.equal('5');
      expect((await balance(key)).status, 'only that request').to.equal(200);
    });

    it('answers an HTML error page', async () => {
      const key = await signIn(MEMBERS.seed);
      const reply = await balance(key, 'body=html');
      expect(reply.status).to.equal(502);
      expect(reply.headers.get('Content-Type')).to.match(/^text\/html/);
      expect(reply.text).to.equal('<html><body><h1>502 Bad Gateway</h1></body></html>');
      expect((await balance(key, 'body=html;status=504')).text).to.contain('504 Gateway Timeout');
    });

    it('answers 200 with malformed JSON, the wrong shape or success:false', async () => {
      const key = await signIn(MEMBERS.seed);
      const malformed = await balance(key, 'body=malformed');
      expect(malformed.status).to.equal(200);
      expect(malformed.text).to.equal('{"amount": 15.0, "curr');
      expect(() => JSON.parse(malformed.text)).to.throw(SyntaxError);
      const wrong = await balance(key, 'body=wrong-shape');
      expect([wrong.status, wrong.json]).to.deep.equal([200, { unexpected: true }]);
      const refused = await balance(key, 'body=success-false');
      expect([refused.status, refused.json]).to.deep.equal([200, { success: false, message: 'Sandbox fault: refused' }]);
    });

    it('drops the connection', async () => {
      const key = await signIn(MEMBERS.seed);
      let error: unknown;
      await balance(key, 'drop=1').catch((e) => (error = e));
      expect(error).to.be.instanceOf(TypeError);
    });

    it('expires the session with status=401', async () => {
      const key = await signIn(MEMBERS.seed);
      expectError(await balance(key, 'status=401'), 401, 'Invalid session');
      expectError(await balance(key), 401, 'Invalid session');
    });

    it('takes the same syntax in the _fault query parameter, and rejects bad faults', async () => {
      const key = await signIn(MEMBERS.seed);
      expectError(await call('GET', `/user/quick-pay/balance?_fault=${encodeURIComponent('status=429')}`, { key }), 429, 'Sandbox fault: HTTP 429');
      expectError(await balance(key, 'explode=1'), 400, 'Sandbox fault: unknown key "explode"');
      expectError(await balance(key, 'status=abc'), 400, 'Sandbox fault: invalid value "abc" for status');
      expectError(await control('POST', '/faults', { fault: 'body=nonsense' }), 400, 'Sandbox fault: invalid value "nonsense" for body');
    });

    it('arms rules matching path, method and member, counted down by times', async () => {
      const seed = await signIn(MEMBERS.seed);
      const rich = await signIn(MEMBERS.rich);
      const armed = await control('POST', '/faults', { match: { path: '/user/quick-pay/balance', email: MEMBERS.seed }, fault: 'status=500', times: 2 });
      expect(armed.json).to.deep.include({ match: { path: '/user/quick-pay/balance', email: MEMBERS.seed }, fault: 'status=500', times: 2, remaining: 2 });
      expect((await balance(rich)).status, 'another member').to.equal(200);
      expect((await call('GET', '/user/currency/balance', { key: seed })).status, 'another path').to.equal(200);
      expect((await balance(seed)).status).to.equal(500);
      expect((await control('GET', '/faults')).json[0].remaining).to.equal(1);
      expect((await balance(seed)).status).to.equal(500);
      expect((await balance(seed)).status, 'used up').to.equal(200);
      expect((await control('GET', '/faults')).json).to.deep.equal([]);

      await armFault({ match: { method: 'delete', path: '/user/card' }, fault: 'status=503', times: 0 });
      expect((await call('GET', '/user/card/list', { key: seed })).status, 'another method').to.equal(200);
      for (let i = 0; i < 3; i++) expect((await call('DELETE', '/user/card', { key: seed, body: { user_card: 1 } })).status).to.equal(503);
      await clearFaults();
      expectError(await call('DELETE', '/user/card', { key: seed, body: { user_card: 1 } }), 404, 'Card not found');
    });
  });

  describe('control endpoints', () => {
    it('logs what the server received, without session keys', async () => {
      const key = await signIn(MEMBERS.seed);
      await call('GET', '/user/currency/balance', { key });
      await call('GET', '/user/quick-pay/balance?_fault=status%3D502', { key });
      const log = await requestLog();
      expect(log.map((r) => [r.method, r.path, r.status])).to.deep.equal([
        ['POST', '/user/authenticate', 200],
        ['GET', '/user/currency/balance', 200],
        ['GET', '/user/quick-pay/balance', 502],
      ]);
      expect(log[0].member).to.equal(null);
      expect(log[1]).to.deep.include({ member: MEMBERS.seed, query: { session_key: '***' } });
      expect(log[2].query).to.deep.equal({ session_key: '***', _fault: 'status=502' });
      expect(JSON.stringify(log)).not.to.contain(key);
      expect((await control('DELETE', '/log')).status).to.equal(200);
      expect(await requestLog()).to.deep.equal([]);
    });

    it('lists the seeded members with their passwords', async () => {
      const { json } = await control('GET', '/members');
      expect(json.map((m: any) => m.email)).to.deep.equal(Object.values(MEMBERS));
      for (const m of json) {
        expect(m).to.have.all.keys('email', 'password', 'name', 'description');
        expect(m.password).to.equal(PASSWORD);
      }
    });

    it('changes a member’s server-side balances and currency name', async () => {
      const key = await signIn(MEMBERS.seed);
      const patch = (email: string, body: unknown) => control('PATCH', `/members/${encodeURIComponent(email)}`, body);
      expect((await patch(MEMBERS.seed, { quickPay: 20, points: 120, currencyName: 'Beans' })).status).to.equal(200);
      expect((await call('GET', '/user/quick-pay/balance', { key })).json.amount).to.equal(20);
      expect((await call('GET', '/user/currency/balance', { key })).json.map((c: any) => [c.currency.name, c.balance])).to.deep.equal([
        ['Canadian Dollar', 20],
        ['Beans', 120],
      ]);
      const [reward] = (await call('GET', '/user/reward/list', { key })).json.data;
      expect(reward).to.deep.include({ currency: { id: 961, name: 'Beans' }, available: 2, progress: 50 });

      expectError(await patch(MEMBERS.seed, { stars: 1 }), 400, 'Unknown member change "stars" (use quickPay, points, currencyName)');
      expectError(await patch(MEMBERS.seed, { quickPay: '5' }), 400, 'Invalid quickPay: must be a number');
      expectError(await patch(MEMBERS.empty, { quickPay: 5, points: 1 }), 400, `${MEMBERS.empty} has no loyalty currency`);
      expect((await call('GET', '/user/quick-pay/balance', { key: await signIn(MEMBERS.empty) })).json.amount, 'nothing changed').to.equal(0);
      expectError(await patch('nobody@example.com', { quickPay: 1 }), 404, 'No member nobody@example.com');
    });

    it('resets members, sessions and fault rules', async () => {
      const key = await signIn(MEMBERS.seed);
      await call('DELETE', '/user/card', { key, body: { user_card: '1817015' } });
      await armFault({ fault: 'status=500', times: 0 });
      expect((await control('POST', '/reset')).status).to.equal(200);
      expect((await control('GET', '/faults')).json).to.deep.equal([]);
      expectError(await call('GET', '/user/card/list', { key }), 401, 'Invalid session');
      expect((await cardList(await signIn(MEMBERS.seed))).data).to.deep.equal([SEED_CARD]);
    });

    it('answers unknown control paths with 404', async () => {
      expectError(await control('GET', '/nothing'), 404, 'No route found');
    });

    it('answers its own URL (the CLI prints it) with an index of the control routes, each of which exists', async () => {
      for (const path of ['/', '']) {
        const reply = await control('GET', path);
        expect(reply.status, `__sandbox${path}`).to.equal(200);
        const routes = (reply.json as { routes: { method: string; path: string; does: string }[] }).routes;
        expect(routes.map((r) => `${r.method} ${r.path}`)).to.include.members([
          `GET ${SANDBOX}/__sandbox/faults`,
          `POST ${SANDBOX}/__sandbox/faults`,
          `DELETE ${SANDBOX}/__sandbox/faults`,
          `POST ${SANDBOX}/__sandbox/reset`,
          `GET ${SANDBOX}/__sandbox/log`,
          `GET ${SANDBOX}/__sandbox/members`,
          `PATCH ${SANDBOX}/__sandbox/members/:email`,
        ]);
        for (const r of routes) {
          expect(r.does, r.path).to.be.a('string').and.not.empty;
          // each listed route is routed: whatever it answers without a body, it is not "No route found" / 405
          const reached = await call(r.method, r.path.replace(':email', encodeURIComponent(MEMBERS.seed)), {
            body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
          });
          expect(reached.status, `${r.method} ${r.path}`).not.to.equal(405);
          expect(reached.json?.error?.errors?.[0]?.message, `${r.method} ${r.path}`).not.to.equal('No route found');
        }
      }
    });
  });

  describe('CORS', () => {
    it('answers a preflight with 204 and the allowed methods and headers', async () => {
      const reply = await call('OPTIONS', '/user/card');
      expect(reply.status).to.equal(204);
      expect(reply.headers.get('Access-Control-Allow-Origin')).to.equal(location.origin);
      expect(reply.headers.get('Access-Control-Allow-Methods')).to.equal('GET, POST, PUT, PATCH, DELETE, OPTIONS');
      expect(reply.headers.get('Access-Control-Allow-Headers')).to.contain('Content-Type, Accept, X-Sandbox-Fault');
      expect(reply.headers.get('Access-Control-Expose-Headers')).to.equal('Retry-After');
      expect((await requestLog()).length, 'preflights are not logged').to.equal(0);
    });

    it('sends the CORS headers on answers and errors too', async () => {
      for (const reply of [await control('GET', '/members'), await call('GET', '/user/profile')]) {
        expect(reply.headers.get('Access-Control-Allow-Origin')).to.be.oneOf([location.origin, '*']);
        expect(reply.headers.get('Access-Control-Expose-Headers')).to.equal('Retry-After');
      }
    });
  });
});
