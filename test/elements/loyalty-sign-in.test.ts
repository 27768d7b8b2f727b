import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LoyaltySignIn } from '../../src/elements/loyalty-sign-in/loyalty-sign-in.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { MEMBERS, PASSWORD, SPOONITY, VENDOR, armFault, requestLog, resetSandbox, sentBodies, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector(s) as T;

/** Everything a page or a script could see of a sign-in: events, console output, the element's own properties. */
function spy(el: LoyaltySignIn) {
  const seen: unknown[] = [];
  const onEvent = (e: Event) => seen.push((e as CustomEvent).detail, String((e as CustomEvent).detail));
  const types = ['loyalty-signed-in', 'loyalty-signed-out', 'loyalty-error'];
  for (const type of types) document.addEventListener(type, onEvent);
  const restore = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      seen.push(args.map(String).join(' '));
      original.apply(console, args);
    };
    return () => (console[level] = original);
  });
  return {
    leaks(secret: string) {
      const own = Object.getOwnPropertyNames(el).map((k) => (el as unknown as Record<string, unknown>)[k]);
      return [...seen, ...own].some((v) => {
        if (typeof v === 'string') return v.includes(secret);
        try {
          return JSON.stringify(v)?.includes(secret) ?? false;
        } catch {
          return false; // circular (controllers): holds no strings of ours
        }
      });
    },
    restore: () => {
      restore.forEach((r) => r());
      for (const type of types) document.removeEventListener(type, onEvent);
    },
  };
}

async function mount() {
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session api-base=${SPOONITY} vendor-id=${VENDOR} retries="0"><loyalty-sign-in></loyalty-sign-in></loyalty-session>`);
  const el = root.querySelector('loyalty-sign-in') as LoyaltySignIn;
  await el.updateComplete;
  return { root, el };
}

/** Types into the form with the keyboard and presses Enter, as a member would. */
async function typeAndSubmit(el: LoyaltySignIn, email: string, password: string) {
  $<HTMLInputElement>(el, 'input[name=email]').focus();
  await sendKeys({ type: email });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: password });
  await sendKeys({ press: 'Enter' });
}

describe('<loyalty-sign-in>', () => {
  beforeEach(resetSandbox);

  it('signs in with the keyboard, fires loyalty-signed-in and shows who is signed in', async () => {
    const { root, el } = await mount();
    await expect(el).to.be.accessible();
    expect($(el, 'input[name=email]').getAttribute('autocomplete')).to.equal('email');
    expect($(el, 'input[name=password]').getAttribute('autocomplete')).to.equal('current-password');
    const signedIn: CustomEvent[] = [];
    el.addEventListener('loyalty-signed-in', (e) => signedIn.push(e));
    await typeAndSubmit(el, MEMBERS.seed, PASSWORD);
    await until(() => signedIn.length === 1);
    expect(signedIn[0].detail).to.deep.equal({ email: MEMBERS.seed });
    expect(root.signedIn).to.equal(true);
    await until(() => text(el).includes('Signed in as Sam Seed'));
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Sign out');
    expect(await sentBodies({ path: '/user/authenticate' })).to.deep.equal([{ email_address: MEMBERS.seed, password: '***', vendor: 1234 }]);
    await expect(el).to.be.accessible();
  });

  it('says the email and password do not match on 401, and stays signed out', async () => {
    const { root, el } = await mount();
    const watch = spy(el);
    const signedIn: Event[] = [];
    el.addEventListener('loyalty-signed-in', (e) => signedIn.push(e));
    await typeAndSubmit(el, MEMBERS.seed, 'Wrong-Secret-42');
    await until(() => $(el, '[role=alert]'));
    watch.restore();
    expect(text(el)).to.contain('That email address and password do not match');
    expect(root.signedIn).to.equal(false);
    expect(signedIn).to.deep.equal([]);
    expect($<HTMLInputElement>(el, 'input[name=password]').value, 'the password is cleared').to.equal('');
    expect(el.shadowRoot!.activeElement?.getAttribute('name'), 'ready to type it again').to.equal('password');
    expect($(el, 'input[name=password]').getAttribute('aria-invalid')).to.equal('true');
    expect(watch.leaks('Wrong-Secret-42'), 'the password appears in no event, log or property').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says the account needs verification on 403 / 16902', async () => {
    const { root, el } = await mount();
    await typeAndSubmit(el, MEMBERS.unverified, PASSWORD);
    await until(() => $(el, '[role=alert]'));
    expect(text(el)).to.contain('This account is not verified yet');
    expect(root.signedIn).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says when the loyalty service cannot be reached, keeping the email', async () => {
    const { el } = await mount();
    const watch = spy(el);
    await armFault({ match: { path: '/user/authenticate' }, fault: 'drop=1', times: 0 });
    await typeAndSubmit(el, MEMBERS.seed, 'Typed-Secret-7');
    await until(() => $(el, '[role=alert]'));
    watch.restore();
    expect(text(el)).to.contain('We could not reach the loyalty service');
    expect($<HTMLInputElement>(el, 'input[name=email]').value).to.equal(MEMBERS.seed);
    expect($<HTMLInputElement>(el, 'input[name=password]').value).to.equal('');
    expect(watch.leaks('Typed-Secret-7')).to.equal(false);
  });

  it('asks for both fields before sending anything', async () => {
    const { el } = await mount();
    $<HTMLButtonElement>(el, '[part=submit]').click();
    await until(() => $(el, '[role=alert]'));
    expect(text(el)).to.contain('Enter your email address and password.');
    expect(await requestLog({ path: '/user/authenticate' })).to.deep.equal([]);
  });

  it('signs out with the Sign out button, firing loyalty-signed-out', async () => {
    const { root, el } = await mount();
    await typeAndSubmit(el, MEMBERS.seed, PASSWORD);
    await until(() => root.signedIn && $(el, '[part=sign-out]'));
    const out: Event[] = [];
    el.addEventListener('loyalty-signed-out', (e) => out.push(e));
    await sendKeys({ press: 'Enter' }); // focus is on Sign out after signing in
    await until(() => out.length === 1);
    expect(root.signedIn).to.equal(false);
    await until(async () => (await requestLog({ path: '/user/logout' })).length === 1);
    await el.updateComplete;
    expect($(el, 'form')).to.exist;
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('email');
    await expect(el).to.be.accessible();
  });
});
