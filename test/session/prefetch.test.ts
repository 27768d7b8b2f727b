import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { warmFormatters, formatDate, formatMoney, formatNumber } from '../../src/internal/format.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { LoyaltySessionState } from '../../src/session/session.js';
import { BACKENDS } from '../helpers/backends.js';
import { clearLog, delay, requestLog, resetSandbox, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * Issue 17: the session starts the reads of the elements on the page the moment a key is set,
 * before any of them renders (the profile first: other reads need the member's id), and the
 * elements' own reads join those requests — one request per read, nothing an element does not need.
 */
describe('reads start the moment a key is set (issue 17)', () => {
  beforeEach(resetSandbox);

  for (const b of BACKENDS) {
    const mount = (inner: ReturnType<typeof html>) =>
      fixture<LoyaltySession>(
        html`<loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} locale="en-CA"
          >${inner}</loyalty-session
        >`,
      );

    it(`${b.name}: every element's read is in flight before any element has updated, and each leaves once`, async () => {
      const root = await mount(
        html`<loyalty-balance></loyalty-balance><transaction-history></transaction-history><reward-progress></reward-progress><profile-form
            readonly
          ></profile-form>`,
      );
      const credentials = await b.signIn(b.members.seed);
      await clearLog();
      root.userId = credentials.userId ?? '';
      root.sessionKey = credentials.sessionKey;
      // synchronously: no element has had a chance to update (Lit updates in a microtask)
      const reading = (['balances', 'profile', 'history:', 'rewards:'] as const).filter((k) => root.state.cache.isFetching(k));
      const expected = [
        ...(b.supports('balances') ? ['balances'] : []),
        ...(b.supports('profile') ? ['profile'] : []),
        ...(b.supports('history') ? ['history:'] : []),
        ...(b.supports('rewards') ? ['rewards:'] : []),
      ];
      expect(reading).to.deep.equal(expected);
      const history = root.querySelector('transaction-history')!;
      await until(() => history.shadowRoot?.querySelectorAll('[part~="row"]').length || text(history).includes('No orders'));
      await delay(100);
      // the elements joined the requests in flight: no call left twice
      const calls = (await requestLog({ method: 'GET' })).map((r) => `${r.path} ${JSON.stringify(r.query)}`);
      expect(calls.length).to.be.greaterThan(0);
      expect(calls).to.deep.equal([...new Set(calls)]);
    });

    it(`${b.name}: only what the elements on the page read is started`, async () => {
      const root = await mount(html`<loyalty-balance></loyalty-balance>`);
      const credentials = await b.signIn(b.members.seed);
      await clearLog();
      root.userId = credentials.userId ?? '';
      root.sessionKey = credentials.sessionKey;
      expect(root.state.cache.isFetching('balances')).to.equal(b.supports('balances'));
      expect(root.state.cache.isFetching('profile')).to.equal(false);
      expect(root.state.cache.isFetching('history:')).to.equal(false);
      await until(
        () =>
          text(root.querySelector('loyalty-balance')!).length > 0 && !root.querySelector('loyalty-balance')!.shadowRoot!.querySelector('[aria-busy="true"]'),
      );
      await delay(100);
      if (b.paths.profile !== b.paths.balances) expect(await requestLog({ method: 'GET', path: b.paths.profile })).to.deep.equal([]);
      expect(await requestLog({ method: 'GET', path: b.paths.history })).to.deep.equal([]);
    });

    it(`${b.name}: reload() starts the reads again at once; an element removed from the page is not read for`, async () => {
      const root = await mount(html`<loyalty-balance></loyalty-balance><transaction-history></transaction-history>`);
      const credentials = await b.signIn(b.members.seed);
      root.userId = credentials.userId ?? '';
      root.sessionKey = credentials.sessionKey;
      const history = root.querySelector('transaction-history')!;
      await until(() => history.shadowRoot?.querySelectorAll('[part~="row"]').length);
      history.remove();
      await clearLog();
      root.reload();
      expect(root.state.cache.isFetching('balances')).to.equal(b.supports('balances'));
      expect(root.state.cache.isFetching('history:')).to.equal(false);
      await delay(300);
      expect(await requestLog({ method: 'GET', path: b.paths.history })).to.deep.equal([]);
    });
  }

  it('requests nothing while signed out, nor for a session without elements', async () => {
    const root = await fixture<LoyaltySession>(
      html`<loyalty-session api-base=${BACKENDS[0].apiBase} locale="en-CA"><loyalty-balance></loyalty-balance></loyalty-session>`,
    );
    await clearLog();
    root.reload();
    root.pending = true;
    expect(root.state.cache.isFetching('balances')).to.equal(false);
    const bare = new LoyaltySessionState({ backend: 'spoonity', apiBase: BACKENDS[0].apiBase });
    bare.sessionKey = (await BACKENDS[0].signIn(BACKENDS[0].members.seed)).sessionKey;
    await clearLog();
    bare.reload();
    await delay(300);
    expect(await requestLog()).to.deep.equal([]);
  });
});

describe('Intl formatters are cached and warmed (issue 17)', () => {
  const real = Intl.NumberFormat;
  const realDate = Intl.DateTimeFormat;
  let made: string[] = [];
  beforeEach(() => {
    made = [];
    const count = <T extends object>(Real: T, name: string): T =>
      new Proxy(Real, {
        construct(target, args: unknown[]) {
          made.push(`${name}|${JSON.stringify(args)}`);
          return Reflect.construct(target as new (...a: unknown[]) => object, args);
        },
      });
    Intl.NumberFormat = count(real, 'n');
    Intl.DateTimeFormat = count(realDate, 'd');
  });
  afterEach(() => {
    Intl.NumberFormat = real;
    Intl.DateTimeFormat = realDate;
  });

  it('builds one formatter per locale and options, whatever is formatted', () => {
    expect(formatMoney(1, 'CAD', 'fr-CA')).to.equal(formatMoney(1, 'CAD', 'fr-CA'));
    formatMoney(2.5, 'CAD', 'fr-CA');
    formatNumber(3, 'nl-NL');
    formatNumber(4, 'nl-NL');
    expect(made.filter((m) => m.includes('fr-CA'))).to.have.length(1);
    expect(made.filter((m) => m.includes('nl-NL'))).to.have.length(1);
  });

  it('warmFormatters builds the locale’s number, money and date formatters ahead, in later tasks; the figures are unchanged', async () => {
    warmFormatters('es-MX', ['MXN']);
    expect(made.filter((m) => m.includes('es-MX'))).to.deep.equal([]); // nothing in the caller's task
    await until(() => made.filter((m) => m.includes('es-MX')).length >= 3);
    await delay(50);
    const before = made.length;
    const figures = [formatMoney(12.5, 'MXN', 'es-MX'), formatNumber(1234, 'es-MX'), formatDate(new Date(Date.UTC(2026, 2, 3, 12)), 'es-MX')];
    expect(made.length).to.equal(before);
    expect(figures).to.deep.equal([
      new real('es-MX', { style: 'currency', currency: 'MXN' }).format(12.5),
      new real('es-MX').format(1234),
      new realDate('es-MX', { dateStyle: 'medium' }).format(new Date(Date.UTC(2026, 2, 3, 12))),
    ]);
  });

  it('a session with a key warms its locale’s formatters; a signed-out one does not', async () => {
    const signedOut = new LoyaltySessionState({ backend: 'spoonity', apiBase: BACKENDS[0].apiBase });
    signedOut.locale = 'nl-BE';
    await delay(100);
    expect(made.filter((m) => m.includes('nl-BE'))).to.deep.equal([]);
    const s = new LoyaltySessionState({ backend: 'spoonity', apiBase: BACKENDS[0].apiBase });
    s.locale = 'fr-BE';
    s.sessionKey = 'a-key-never-used';
    await until(() => made.filter((m) => m.includes('fr-BE')).length >= 3);
  });
});
