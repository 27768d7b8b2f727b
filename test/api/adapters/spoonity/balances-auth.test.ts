import { expect } from '@open-wc/testing';
import { createSpoonityBackend, readCurrencyBalances, readQuickPay } from '../../../../src/api/adapters/spoonity/index.js';
import { LoyaltyError } from '../../../../src/api/errors.js';
import { MEMBERS, SPOONITY, VENDOR, armFault, requestLog, resetSandbox, signIn } from '../../../helpers/sandbox.js';
import { thrown } from '../../../helpers/errors.js';

/** The seed documents' JSON examples, verbatim (seed 001). */
const SEED_QUICK_PAY = { amount: 15.0, currency: { code: 'CAD', id: 191, name: 'Canadian Dollar', object: 'currency' }, object: 'Virtual\\Balance' };
const SEED_CURRENCIES = [
  {
    currency: { currency_id: 191, name: 'Canadian Dollar', currencyType: { currencyType_id: 1, name: 'Quick Pay' }, status: { status_id: 1, name: 'Active' } },
    balance: 0,
    expiring: [],
  },
  {
    currency: { currency_id: 961, name: 'Points', currencyType: { currencyType_id: 2, name: 'Loyalty' }, status: { status_id: 1, name: 'Active' } },
    balance: 0,
    expiring: [],
  },
];

describe('Spoonity adapter: reading responses', () => {
  it('maps the seed quick-pay example to 15 CAD', () => {
    expect(readQuickPay(SEED_QUICK_PAY)).to.deep.equal({ amount: 15, currency: 'CAD' });
  });

  it('keeps loyalty currencies and leaves the quick-pay currency to the stored value', () => {
    expect(readCurrencyBalances(SEED_CURRENCIES)).to.deep.equal([{ id: '961', name: 'Points', balance: 0, expiring: [] }]);
  });

  it('reads expirations under either spelling and sorts them soonest first', () => {
    const [points] = readCurrencyBalances([
      {
        currency: { currency_id: 5, name: 'Points', currencyType: { currencyType_id: 2, name: 'Loyalty' } },
        balance: '300',
        expirying: [
          { date: 1800000000, amount: 20 },
          { expiry: 1700000000, quantity: '10' },
        ],
      },
    ]);
    expect(points.balance).to.equal(300);
    expect(points.expiring.map((e) => [e.amount, e.date.getTime()])).to.deep.equal([
      [10, 1700000000000],
      [20, 1800000000000],
    ]);
  });

  it('leaves out inactive currencies', () => {
    const inactive = { ...SEED_CURRENCIES[1], currency: { ...SEED_CURRENCIES[1].currency, status: { status_id: 2, name: 'Inactive' } } };
    expect(readCurrencyBalances([inactive])).to.deep.equal([]);
  });

  it('names the field when a response has the wrong shape', () => {
    expect(thrown(() => readQuickPay({ unexpected: true }))).to.include({ kind: 'validation', field: 'amount' });
    expect(thrown(() => readCurrencyBalances({ unexpected: true }))).to.include({ kind: 'validation', field: 'currency balance' });
    const error = thrown(() => readCurrencyBalances([SEED_CURRENCIES[1], { currency: { currency_id: 2, name: 'Stars' }, balance: 'lots' }]));
    expect(error.field).to.equal('currency balance[1].balance');
    expect(error.message).to.equal('The loyalty service sent an unexpected response: currency balance[1].balance is not a number.');
  });
});

describe('Spoonity adapter against the sandbox', () => {
  beforeEach(resetSandbox);

  it('reads the balances of the seed member', async () => {
    const key = await signIn(MEMBERS.seed);
    const backend = createSpoonityBackend({ apiBase: SPOONITY, getSessionKey: () => key });
    expect(await backend.getBalances()).to.deep.equal({
      storedValue: { amount: 15, currency: 'CAD' },
      currencies: [{ id: '961', name: 'Points', balance: 0, expiring: [] }],
    });
  });

  it('turns a valid JSON body of the wrong shape into a validation error', async () => {
    const key = await signIn(MEMBERS.seed);
    const backend = createSpoonityBackend({ apiBase: SPOONITY, getSessionKey: () => key });
    await armFault({ match: { path: '/user/currency/balance' }, fault: 'body=wrong-shape', times: 1 });
    const error = await backend.getBalances().catch((e: LoyaltyError) => e);
    expect(error).to.include({ kind: 'validation', field: 'currency balance' });
  });

  it('signs in with email_address, password and the vendor id as a number', async () => {
    const backend = createSpoonityBackend({ apiBase: SPOONITY, vendorId: VENDOR, getSessionKey: () => undefined });
    const result = await backend.signIn({ email: MEMBERS.seed, password: 'Password1' });
    expect(result.sessionKey).to.match(/^[0-9a-f-]{16,}$/);
    const error = (await backend.signIn({ email: MEMBERS.seed, password: 'wrong' }).catch((e: LoyaltyError) => e)) as LoyaltyError;
    expect(error).to.include({ kind: 'auth', status: 401 });
    expect(error.message).not.to.contain('wrong');
  });

  it('refuses to send a sign-in without a password', async () => {
    const backend = createSpoonityBackend({ apiBase: SPOONITY, vendorId: VENDOR, getSessionKey: () => undefined });
    const error = await backend.signIn({ email: MEMBERS.seed, password: '' }).catch((e: LoyaltyError) => e);
    expect(error).to.include({ kind: 'validation', field: 'password' });
    expect(await requestLog({ path: '/user/authenticate' })).to.have.length(0);
  });

  it('reports an unverified account with the platform message', async () => {
    const backend = createSpoonityBackend({ apiBase: SPOONITY, vendorId: VENDOR, getSessionKey: () => undefined });
    const error = await backend.signIn({ email: MEMBERS.unverified, password: 'Password1' }).catch((e: LoyaltyError) => e);
    expect(error).to.include({ kind: 'http', status: 403, code: 16902 });
  });
});
