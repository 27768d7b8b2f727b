import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { Card } from '../../src/api/types.js';
import type { CardWallet } from '../../src/elements/card-wallet/card-wallet.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, SPOONITY_FIXTURE, signInto, type BackendFixture } from '../helpers/backends.js';
import { MEMBERS, armFault, clearLog, delay, requestLog, resetSandbox, sentBodies, signIn, until } from '../helpers/sandbox.js';

const SEED_NUMBER = '9999016134385493';
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/**
 * A session with one `<card-wallet>`, signed in as `member` (or signed out when null). Its
 * `fetch` records each request body, which the sandbox log does not keep.
 */
async function mount(member: string | null, attrs: { kinds?: string; retries?: number; withBalance?: boolean; backend?: BackendFixture } = {}) {
  const b = attrs.backend ?? SPOONITY_FIXTURE;
  const sent: Sent[] = [];
  const recorder = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href);
    if (init?.method && init.method !== 'GET')
      sent.push({
        method: init.method,
        path: url.pathname.replace(/^.*\/(spoonity|spaaza)/, ''),
        body: init.body instanceof URLSearchParams ? Object.fromEntries(init.body) : init.body ? JSON.parse(String(init.body)) : undefined,
      });
    return fetch(input, init);
  };
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname}
      locale="en-CA" retries=${attrs.retries ?? 2} .fetch=${recorder}>
      <card-wallet kinds=${attrs.kinds ?? 'first-party'}></card-wallet>
      ${attrs.withBalance ? html`<loyalty-balance></loyalty-balance>` : ''}
    </loyalty-session>`);
  const wallet = root.querySelector('card-wallet') as CardWallet;
  if (member) await signInto(root, b, member);
  return { root, wallet, sent };
}

/** Mounts and waits for the list (or the empty state), then forgets the reads so far. */
async function loaded(member: string, attrs: Parameters<typeof mount>[1] = {}) {
  const m = await mount(member, attrs);
  await until(() => m.wallet.shadowRoot!.querySelector('[part~="content"]'));
  await clearLog();
  return m;
}

const $ = <T extends HTMLElement = HTMLElement>(el: CardWallet, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const cardItem = (el: CardWallet, last4: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="card"]')].find((li) => li.textContent.includes(`ending in ${last4}`));
const button = (el: CardWallet, last4: string, label: string) =>
  [...(cardItem(el, last4)?.querySelectorAll('button') ?? [])].find((b) => b.textContent.trim().startsWith(label)) as HTMLButtonElement;
const events = (el: Element, name: string) => {
  const seen: CustomEvent<Card>[] = [];
  el.addEventListener(name, (e) => seen.push(e as CustomEvent<Card>));
  return seen;
};
const dialogButton = (el: CardWallet, part: 'dialog-confirm' | 'dialog-cancel') => $<HTMLButtonElement>(el, `[part="${part}"]`)!;

async function type(el: CardWallet, field: 'number' | 'pin', value: string) {
  const input = $<HTMLInputElement>(el, `#${field}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const submit = async (el: CardWallet) => {
  $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
  await el.updateComplete;
};

for (const b of BACKENDS) {
  /** The last four digits of the seed member's (first) card. */
  const last4 = b.seed.memberCard.replace(/\s/g, '').slice(-4);

  describe(`<card-wallet> · ${b.name}`, () => {
    beforeEach(resetSandbox);

    it('shows a skeleton while loading, and is accessible', async () => {
      await armFault({ match: { path: b.paths.cards }, fault: 'latency=400', times: 1 });
      const { wallet } = await mount(b.members.seed, { backend: b });
      await until(() => $(wallet, '[aria-busy="true"]'));
      await expect(wallet).to.be.accessible();
      await until(() => cardItem(wallet, last4));
    });

    it('shows the platform message with Retry on error, and Retry recovers', async () => {
      await armFault({ match: { path: b.paths.cards }, fault: 'status=500', times: 1 });
      const { wallet } = await mount(b.members.seed, { retries: 0, backend: b });
      await until(() => $(wallet, '[role="alert"]'));
      expect(text(wallet)).to.contain('Sandbox fault: HTTP 500');
      await expect(wallet).to.be.accessible();
      $(wallet, '[part~="retry"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => cardItem(wallet, last4));
    });

    it('is accessible when signed out, and says how to get in', async () => {
      const { wallet } = await mount(null, { backend: b });
      await wallet.updateComplete;
      expect(text(wallet)).to.contain('Sign in to see your loyalty details.');
      expect(text(wallet).match(/Sign in/g), 'said once, not once per section').to.have.length(1);
      await expect(wallet).to.be.accessible();
    });

    it('shows the card number masked, and whole after "Show number"', async () => {
      const { wallet } = await mount(b.members.seed, { backend: b });
      await until(() => cardItem(wallet, last4));
      const card = cardItem(wallet, last4)!;
      expect(card.querySelector('[part~="number"]')!.textContent).to.contain(`•••• ${last4}`);
      expect(card.querySelector('[part~="status"]')!.textContent.trim()).to.equal('Active');
      button(wallet, last4, 'Show number').click();
      await wallet.updateComplete;
      expect(card.querySelector('[part~="number"]')!.textContent.replace(/\s/g, '')).to.equal(b.seed.memberCard.replace(/\s/g, ''));
      await expect(wallet).to.be.accessible();
    });

    if (b.supports('cards')) return;

    it('shows the one member card read-only: no link form, no lost, found or remove', async () => {
      const { wallet, sent } = await mount(b.members.rich, { backend: b, kinds: 'first-party third-party' });
      await until(() => cardItem(wallet, '0021'));
      expect(wallet.shadowRoot!.querySelectorAll('[part~="card"]')).to.have.length(1);
      expect([...cardItem(wallet, '0021')!.querySelectorAll('button')].map((x) => x.textContent.trim().split(',')[0])).to.deep.equal(['Show number']);
      expect($(wallet, 'form, [part~="link-button"]')).to.equal(null);
      expect($(wallet, '[part~="list"]')!.getAttribute('aria-label')).to.equal('Member card');
      expect(sent).to.deep.equal([]);
      await expect(wallet).to.be.accessible();
    });

    if (!b.supports('vouchers')) return;

    it('lists the member’s vouchers below the card, and sets one aside with one PUT', async () => {
      const { wallet } = await mount(b.members.rich, { backend: b });
      await until(() => $(wallet, '[part~="voucher-list"]'));
      const vouchers = () => [...wallet.shadowRoot!.querySelectorAll<HTMLElement>('[part~="voucher"]')];
      const named = (name: string) => vouchers().find((v) => v.querySelector('[part~="voucher-name"]')!.textContent === name)!;
      expect(vouchers().map((v) => v.querySelector('[part~="voucher-name"]')!.textContent)).to.deep.equal([
        '€5 welcome voucher',
        '€2.50 thank-you',
        'Free coffee',
        'Free cinema ticket',
      ]);
      expect(named('€2.50 thank-you').getAttribute('part')).to.equal('voucher claimed');
      expect(named('Free coffee').querySelector('[part~="claim"]'), 'locked to a purchase').to.equal(null);
      const claimed: CustomEvent[] = [];
      wallet.addEventListener('loyalty-voucher-claimed', (e) => claimed.push(e));
      named('€5 welcome voucher').querySelector<HTMLButtonElement>('[part~="claim"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => named('€5 welcome voucher').querySelector('[part~="claim"]')!.getAttribute('aria-pressed') === 'true');
      expect(claimed).to.have.length(1);
      expect(await sentBodies({ method: 'PUT' })).to.deep.equal([{ voucher_key: '000001f5'.repeat(8) }]);
      await expect(wallet).to.be.accessible();
    });

    it('says "No vouchers right now" to a member without any', async () => {
      const { wallet } = await mount(b.members.seed, { backend: b });
      await until(() => text(wallet).includes('No vouchers right now'));
      await expect(wallet).to.be.accessible();
    });
  });
}

describe('<card-wallet> · linked cards (spoonity)', () => {
  beforeEach(resetSandbox);

  describe('list', () => {
    it('shows the seed card masked as •••• 5493, Active, with the date it was linked', async () => {
      const { wallet } = await mount(MEMBERS.seed);
      await until(() => cardItem(wallet, '5493'));
      const card = cardItem(wallet, '5493')!;
      expect(card.querySelector('[part~="number"]')!.textContent).to.contain('•••• 5493');
      expect(card.querySelector('[part~="status"]')!.textContent.trim()).to.equal('Active');
      expect(card.querySelector('[part~="kind"]')!.textContent.trim()).to.equal('Loyalty card');
      expect(card.querySelector('time')!.getAttribute('datetime')).to.equal(new Date(1559584453000).toISOString());
      expect(text(wallet).replace(/ /g, '')).not.to.contain(SEED_NUMBER);
      await expect(wallet).to.be.accessible();
    });

    it('shows the full number only after "Show number", and hides it again', async () => {
      const { wallet } = await mount(MEMBERS.seed);
      await until(() => cardItem(wallet, '5493'));
      const toggle = button(wallet, '5493', 'Show number');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await wallet.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(cardItem(wallet, '5493')!.querySelector('[part~="number"]')!.textContent.replace(/\s/g, '')).to.equal(SEED_NUMBER);
      await expect(wallet).to.be.accessible();
      toggle.click();
      await wallet.updateComplete;
      expect(text(wallet).replace(/ /g, '')).not.to.contain(SEED_NUMBER);
    });

    it('never shows the PIN', async () => {
      const { wallet } = await mount(MEMBERS.seed);
      await until(() => cardItem(wallet, '5493'));
      button(wallet, '5493', 'Show number').click();
      await wallet.updateComplete;
      expect(text(wallet)).not.to.match(/\b123\b/);
      expect(JSON.stringify(wallet.shadowRoot!.innerHTML)).not.to.contain('"123"');
    });

    it('lists cards of both kinds, labelled, with lost ones marked Lost', async () => {
      const { wallet } = await mount(MEMBERS.rich);
      await until(() => $(wallet, '[part~="content"]'));
      const kinds = [...wallet.shadowRoot!.querySelectorAll('[part~="kind"]')].map((k) => k.textContent.trim());
      expect(kinds).to.include('Loyalty card').and.to.include('Partner card');
      const lost = wallet.shadowRoot!.querySelector('[part~="card"][part~="lost"]')!;
      expect(lost.querySelector('[part~="status"]')!.textContent.trim()).to.equal('Lost');
      expect([...lost.querySelectorAll('button')].map((b) => b.textContent.trim().split(',')[0])).to.deep.equal(['Show number', 'Mark found', 'Remove']);
      await expect(wallet).to.be.accessible();
    });

    it('says "No cards linked yet" and offers the link form to a member without cards', async () => {
      const { wallet } = await mount(MEMBERS.empty);
      await until(() => text(wallet).includes('No cards linked yet'));
      expect($(wallet, 'form')).not.to.equal(null);
      expect($(wallet, '[part~="cancel"]')).to.equal(null);
      await expect(wallet).to.be.accessible();
    });
  });

  describe('link', () => {
    it('sends one POST with the number and PIN, refreshes the list and fires loyalty-card-added', async () => {
      const { wallet, sent } = await loaded(MEMBERS.empty);
      const added = events(wallet, 'loyalty-card-added');
      await type(wallet, 'number', '4242 4242 4242 4242');
      await type(wallet, 'pin', '1234');
      await submit(wallet);
      await until(() => added.length === 1);
      expect(sent).to.deep.equal([{ method: 'POST', path: '/user/card/add', body: { number: '4242424242424242', pin: '1234' } }]);
      expect(added[0].detail).to.include({ kind: 'first-party', number: '4242424242424242', status: 'active' });
      expect(added[0].detail).not.to.have.property('pin');
      await until(async () => (await requestLog({ method: 'GET', path: '/user/card/list' })).length === 1);
      expect(await requestLog({ method: 'POST' })).to.have.length(1);
      await until(() => cardItem(wallet, '4242') && !$(wallet, 'form'));
      expect(text(wallet)).not.to.contain('No cards linked yet');
      expect($(wallet, '[role="status"]')!.textContent).to.contain('Card ending in 4242 linked.');
      await expect(wallet).to.be.accessible();
    });

    it('checks what was typed before sending anything, with a specific message per field', async () => {
      const { wallet } = await loaded(MEMBERS.empty);
      await submit(wallet);
      const number = $<HTMLInputElement>(wallet, '#number')!;
      const pin = $<HTMLInputElement>(wallet, '#pin')!;
      const message = (input: HTMLInputElement) => $(wallet, `#${input.getAttribute('aria-describedby')}`)?.textContent?.trim();
      expect(number.getAttribute('aria-invalid')).to.equal('true');
      expect(message(number)).to.equal('Enter the card number.');
      expect(message(pin)).to.equal('Enter the PIN printed on the card.');
      expect(wallet.shadowRoot!.activeElement).to.equal(number);
      await expect(wallet).to.be.accessible();

      for (const [typed, expected] of [
        ['4242abcd4242', 'The card number can only contain digits.'],
        ['1234567', 'The card number must be 8 to 19 digits long.'],
        ['12345678901234567890', 'The card number must be 8 to 19 digits long.'],
      ]) {
        await type(wallet, 'number', typed);
        expect(number.hasAttribute('aria-describedby')).to.equal(false);
        await submit(wallet);
        expect(message(number)).to.equal(expected);
      }
      await type(wallet, 'number', '4242424242424242');
      await type(wallet, 'pin', '12a');
      await submit(wallet);
      expect(message(pin)).to.equal('The PIN can only contain digits.');
      expect(number.getAttribute('aria-invalid')).to.equal('false');
      await delay(100);
      expect(await requestLog()).to.deep.equal([]);
    });

    it('shows the platform message next to the number when it refuses the card, keeping what was typed', async () => {
      const { wallet } = await loaded(MEMBERS.empty);
      await type(wallet, 'number', SEED_NUMBER);
      await type(wallet, 'pin', '4321');
      await submit(wallet);
      await until(() => $(wallet, '#number-error'));
      // the kit's sentence next to the number; the platform's words in the hidden error-detail
      expect($<HTMLElement>(wallet, '#number-error')!.innerText.trim()).to.equal('The loyalty service did not accept this value. Check it and try again.');
      expect($(wallet, '#number-error [part~="error-detail"]')!.textContent).to.equal('Card is already linked');
      expect($<HTMLInputElement>(wallet, '#number')!.value).to.equal(SEED_NUMBER);
      expect($<HTMLInputElement>(wallet, '#pin')!.value).to.equal('4321');
      expect(await requestLog({ method: 'POST' })).to.have.length(1);
      await expect(wallet).to.be.accessible();
    });

    it('shows a failure that names no field under the form, and never retries it', async () => {
      const { wallet } = await loaded(MEMBERS.empty);
      const errors = events(wallet, 'loyalty-error');
      await armFault({ match: { path: '/user/card/add' }, fault: 'status=500', times: 1 });
      await type(wallet, 'number', '4242424242424242');
      await type(wallet, 'pin', '1234');
      await submit(wallet);
      await until(() => $(wallet, '[part~="form-error"]'));
      expect($(wallet, '[part~="form-error"]')!.textContent).to.contain('Sandbox fault: HTTP 500');
      expect($<HTMLInputElement>(wallet, '#number')!.value).to.equal('4242424242424242');
      expect(errors).to.have.length(1);
      await delay(200);
      expect(await requestLog({ method: 'POST' })).to.have.length(1);
      expect(await requestLog({ path: '/list' })).to.deep.equal([]);
    });

    it('sends one POST when Link card is double-clicked', async () => {
      const { wallet } = await loaded(MEMBERS.empty);
      await armFault({ match: { path: '/user/card/add' }, fault: 'latency=300', times: 1 });
      await type(wallet, 'number', '4242424242424242');
      await type(wallet, 'pin', '1234');
      const link = $<HTMLButtonElement>(wallet, '[part~="submit"]')!;
      link.click();
      link.click();
      await wallet.updateComplete;
      expect(link.disabled).to.equal(true);
      await until(() => cardItem(wallet, '4242'));
      expect(await requestLog({ method: 'POST' })).to.have.length(1);
    });

    it('offers both kinds with kinds="first-party third-party" and links a third-party card without a PIN', async () => {
      const { wallet, sent } = await loaded(MEMBERS.seed, { kinds: 'first-party third-party' });
      $<HTMLButtonElement>(wallet, '[part~="link-button"]')!.click();
      await wallet.updateComplete;
      const radios = [...wallet.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      expect(radios.map((r) => r.parentElement!.textContent.trim())).to.deep.equal(['Loyalty card', 'Partner card']);
      await expect(wallet).to.be.accessible();
      radios[1].click();
      await wallet.updateComplete;
      expect($(wallet, 'label[for="pin"]')!.textContent).to.equal('PIN (optional)');
      await type(wallet, 'number', '4111111111111111');
      await submit(wallet);
      await until(() => cardItem(wallet, '1111'));
      expect(sent).to.deep.equal([{ method: 'POST', path: '/user/card-3rdparty/add', body: { number: '4111111111111111' } }]);
      expect(cardItem(wallet, '1111')!.querySelector('[part~="kind"]')!.textContent.trim()).to.equal('Partner card');
    });

    it('offers only first-party cards by default', async () => {
      const { wallet } = await loaded(MEMBERS.empty);
      expect($(wallet, 'input[type="radio"]')).to.equal(null);
      expect($(wallet, 'label[for="pin"]')!.textContent).to.equal('PIN');
    });
  });

  describe('lost, found, remove', () => {
    it('reports a card lost with one PUT, then marks it found again', async () => {
      const { wallet, sent } = await loaded(MEMBERS.seed);
      const changed = events(wallet, 'loyalty-card-status-changed');
      button(wallet, '5493', 'Report lost').click();
      await until(() => cardItem(wallet, '5493')!.querySelector('[part~="status"]')!.textContent.trim() === 'Lost');
      expect(changed.map((e) => e.detail)).to.deep.equal([
        { id: '1817015', kind: 'first-party', number: SEED_NUMBER, status: 'lost', linked: new Date(1559584453000) },
      ]);
      expect(button(wallet, '5493', 'Report lost')).to.equal(undefined);
      button(wallet, '5493', 'Mark found').click();
      await until(() => cardItem(wallet, '5493')!.querySelector('[part~="status"]')!.textContent.trim() === 'Active');
      expect(changed.map((e) => e.detail.status)).to.deep.equal(['lost', 'active']);
      expect(sent).to.deep.equal([
        { method: 'PUT', path: '/user/card/lost', body: { user_card: '1817015' } },
        { method: 'PUT', path: '/user/card/found', body: { user_card: '1817015' } },
      ]);
      // the confirmed status is what the server has too
      await until(async () => (await requestLog({ method: 'GET', path: '/user/card/list' })).length >= 2);
      expect(text(wallet)).to.contain('Active');
    });

    it('refreshes only the card list after a change', async () => {
      const { root, wallet } = await loaded(MEMBERS.seed, { withBalance: true });
      const balance = root.querySelector('loyalty-balance')!;
      await until(() => balance.shadowRoot!.textContent.includes('$15.00'));
      await clearLog();
      button(wallet, '5493', 'Report lost').click();
      await until(async () => (await requestLog({ method: 'GET', path: '/user/card/list' })).length === 1);
      await delay(200);
      expect(await requestLog({ path: '/balance' })).to.deep.equal([]);
    });

    it('sends one PUT when Report lost or Mark found is double-clicked', async () => {
      const { wallet } = await loaded(MEMBERS.seed);
      for (const [label, next, path] of [
        ['Report lost', 'Mark found', '/user/card/lost'],
        ['Mark found', 'Report lost', '/user/card/found'],
      ]) {
        await armFault({ match: { path }, fault: 'latency=300', times: 1 });
        const control = button(wallet, '5493', label);
        control.click();
        control.click();
        await wallet.updateComplete;
        expect(control.disabled).to.equal(true);
        expect(button(wallet, '5493', 'Remove').disabled).to.equal(true);
        await until(() => button(wallet, '5493', next) && !button(wallet, '5493', next).disabled);
        expect(await requestLog({ method: 'PUT', path })).to.have.length(1);
      }
    });

    it('changes nothing on screen when Report lost fails with a 500, says why, and does not retry', async () => {
      const { wallet } = await loaded(MEMBERS.seed);
      const changed = events(wallet, 'loyalty-card-status-changed');
      await armFault({ match: { path: '/user/card/lost' }, fault: 'status=500', times: 1 });
      button(wallet, '5493', 'Report lost').click();
      await until(() => cardItem(wallet, '5493')!.querySelector('[part~="action-error"]'));
      expect(cardItem(wallet, '5493')!.querySelector('[role="alert"]')!.textContent).to.contain('Sandbox fault: HTTP 500');
      expect(cardItem(wallet, '5493')!.querySelector('[part~="status"]')!.textContent.trim()).to.equal('Active');
      expect(button(wallet, '5493', 'Report lost').disabled).to.equal(false);
      await expect(wallet).to.be.accessible();
      await delay(200);
      expect(await requestLog({ method: 'PUT' })).to.have.length(1);
      expect(await requestLog({ path: '/list' })).to.deep.equal([]);
      expect(changed).to.deep.equal([]);
    });

    it('removes a card after confirming in an accessible dialog: one DELETE, then it is gone', async () => {
      const { wallet, sent } = await loaded(MEMBERS.seed);
      const removed = events(wallet, 'loyalty-card-removed');
      const requested = events(wallet, 'loyalty-card-remove-request');
      button(wallet, '5493', 'Remove').click();
      await wallet.updateComplete;
      const dialog = $<HTMLDialogElement>(wallet, 'dialog')!;
      expect(dialog.open && dialog.matches(':modal')).to.equal(true);
      expect(dialog.textContent).to.contain('ending in 5493');
      expect(requested).to.have.length(1);
      expect(requested[0].cancelable).to.equal(true);
      await expect(wallet).to.be.accessible();
      dialogButton(wallet, 'dialog-confirm').click();
      await until(() => removed.length === 1);
      expect(removed[0].detail).to.include({ id: '1817015', number: SEED_NUMBER });
      expect(sent).to.deep.equal([{ method: 'DELETE', path: '/user/card', body: { user_card: '1817015' } }]);
      await until(() => text(wallet).includes('No cards linked yet'));
      expect(cardItem(wallet, '5493')).to.equal(undefined);
      await until(async () => (await requestLog({ method: 'GET', path: '/user/card/list' })).length === 1);
      expect(text(wallet)).to.contain('No cards linked yet');
    });

    it('sends nothing when the removal is cancelled', async () => {
      const { wallet } = await loaded(MEMBERS.seed);
      button(wallet, '5493', 'Remove').click();
      await wallet.updateComplete;
      dialogButton(wallet, 'dialog-cancel').click();
      await wallet.updateComplete;
      expect($(wallet, 'dialog')).to.equal(null);
      await delay(100);
      expect(await requestLog()).to.deep.equal([]);
      expect(cardItem(wallet, '5493')).not.to.equal(undefined);
    });

    it('asks nothing and sends nothing when loyalty-card-remove-request is vetoed', async () => {
      const { root, wallet } = await loaded(MEMBERS.seed);
      root.addEventListener('loyalty-card-remove-request', (e) => e.preventDefault());
      button(wallet, '5493', 'Remove').click();
      await wallet.updateComplete;
      expect($(wallet, 'dialog')).to.equal(null);
      await delay(100);
      expect(await requestLog()).to.deep.equal([]);
    });

    it('sends one DELETE when Remove and its confirmation are double-clicked', async () => {
      const { wallet } = await loaded(MEMBERS.seed);
      await armFault({ match: { path: '/user/card', method: 'DELETE' }, fault: 'latency=300', times: 1 });
      const remove = button(wallet, '5493', 'Remove');
      remove.click();
      remove.click();
      await wallet.updateComplete;
      expect(wallet.shadowRoot!.querySelectorAll('dialog')).to.have.length(1);
      const confirm = dialogButton(wallet, 'dialog-confirm');
      confirm.click();
      confirm.click();
      await until(() => button(wallet, '5493', 'Remove').disabled);
      await until(() => !cardItem(wallet, '5493'));
      expect(await requestLog({ method: 'DELETE' })).to.have.length(1);
    });

    it('keeps the card when the DELETE fails, and says why', async () => {
      const { wallet } = await loaded(MEMBERS.seed);
      await armFault({ match: { path: '/user/card', method: 'DELETE' }, fault: 'status=500', times: 1 });
      button(wallet, '5493', 'Remove').click();
      await wallet.updateComplete;
      dialogButton(wallet, 'dialog-confirm').click();
      await until(() => cardItem(wallet, '5493')?.querySelector('[part~="action-error"]'));
      expect(cardItem(wallet, '5493')!.querySelector('[part~="action-error"]')!.textContent).to.contain('Sandbox fault: HTTP 500');
      await delay(200);
      expect(await requestLog({ method: 'DELETE' })).to.have.length(1);
    });
  });

  describe('keyboard', () => {
    it('does everything from the keyboard: show, report lost, mark found, remove, link', async () => {
      const { wallet } = await loaded(MEMBERS.seed);
      const active = () => wallet.shadowRoot!.activeElement as HTMLElement | null;
      button(wallet, '5493', 'Show number').focus();
      await sendKeys({ press: 'Space' });
      await wallet.updateComplete;
      expect(button(wallet, '5493', 'Show number').getAttribute('aria-pressed')).to.equal('true');

      await sendKeys({ press: 'Tab' });
      expect(active()!.textContent.trim()).to.match(/^Report lost/);
      await sendKeys({ press: 'Enter' });
      await until(() => button(wallet, '5493', 'Mark found'));
      await until(() => active() === button(wallet, '5493', 'Mark found'));
      await sendKeys({ press: 'Enter' });
      await until(() => button(wallet, '5493', 'Report lost') && active() === button(wallet, '5493', 'Report lost'));

      await sendKeys({ press: 'Tab' });
      expect(active()!.textContent.trim()).to.match(/^Remove/);
      await sendKeys({ press: 'Enter' });
      await wallet.updateComplete;
      expect(active()!.getAttribute('part')).to.equal('dialog-cancel');
      await sendKeys({ press: 'Escape' });
      await wallet.updateComplete;
      expect(active()).to.equal(button(wallet, '5493', 'Remove'));
      await sendKeys({ press: 'Enter' });
      await wallet.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(active()!.getAttribute('part')).to.equal('dialog-confirm');
      await sendKeys({ press: 'Enter' });
      await until(() => !cardItem(wallet, '5493'));
      // the form is shown when the list is empty: focus lands in it
      await until(() => active()?.id === 'number');

      await sendKeys({ type: '4242424242424242' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '1234' });
      await sendKeys({ press: 'Enter' });
      await until(() => cardItem(wallet, '4242'));
      await until(() => active()?.getAttribute('part') === 'link-button');
      await sendKeys({ press: 'Enter' });
      await wallet.updateComplete;
      expect(active()?.id).to.equal('number');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(active()?.getAttribute('part')).to.equal('cancel');
      await sendKeys({ press: 'Enter' });
      await wallet.updateComplete;
      expect(active()?.getAttribute('part')).to.equal('link-button');
    });
  });

  it('forgets what was typed and shown when the member changes', async () => {
    const { root, wallet } = await loaded(MEMBERS.seed);
    button(wallet, '5493', 'Show number').click();
    $<HTMLButtonElement>(wallet, '[part~="link-button"]')!.click();
    await wallet.updateComplete;
    await type(wallet, 'number', '4242424242424242');
    root.sessionKey = await signIn(MEMBERS.seed);
    await wallet.updateComplete;
    await until(() => cardItem(wallet, '5493'));
    expect($(wallet, 'form')).to.equal(null);
    expect(button(wallet, '5493', 'Show number').getAttribute('aria-pressed')).to.equal('false');
  });
});
