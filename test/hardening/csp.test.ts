import { expect } from '@open-wc/testing';
import { BACKENDS, type BackendFixture } from '../helpers/backends.js';
import { PASSWORD, resetSandbox, until } from '../helpers/sandbox.js';

/**
 * demo/csp.html: every element of the built CDN bundle, for both backends, on a page served with
 * `Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'`
 * (test/helpers/csp-middleware.js) — no `unsafe-inline`, no `unsafe-eval`. The page's own first
 * script (demo/csp.js) records every `securitypolicyviolation` event in `window.cspViolations`.
 */
const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";
const PAGE = '/demo/csp.html';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
type CspPage = Window & typeof globalThis & { cspViolations: Violation[]; pageErrors: string[] };

const frames: HTMLIFrameElement[] = [];

async function open(): Promise<CspPage> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '900px';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = PAGE;
  document.body.append(frame);
  await loaded;
  const page = frame.contentWindow as CspPage;
  await until(() => page.customElements.get('card-wallet'));
  return page;
}

const text = (el: Element | null | undefined) => (el?.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const buttonNamed = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(name));

/** What typing would do: the new value and an `input` event. */
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

let flushes = 0;

/**
 * Breaks the policy once more, in a way the kit never does (a script from another origin, its URL
 * unique), and waits until that violation is recorded: violation events are dispatched in order,
 * so every earlier one is recorded by then. Returns the others.
 */
async function flush(page: CspPage): Promise<Violation[]> {
  const isProbe = (v: Violation) => v.blocked.startsWith('https://csp-probe.invalid');
  const probes = page.cspViolations.filter(isProbe).length;
  const script = page.document.createElement('script');
  script.src = `https://csp-probe.invalid/flush-${++flushes}.js`;
  page.document.body.append(script);
  await until(() => page.cspViolations.filter(isProbe).length > probes);
  script.remove();
  return page.cspViolations.filter((v) => !isProbe(v));
}

/** Signs the member in with the session's own `<loyalty-sign-in>`: a wrong password first (an error shown), then the right one. */
async function signInWithForm(session: Element, email: string) {
  const form = session.querySelector('loyalty-sign-in')!;
  await until(() => $(form, 'form'));
  type($<HTMLInputElement>(form, 'input[name=email]')!, email);
  type($<HTMLInputElement>(form, 'input[name=password]')!, 'not-the-password');
  $<HTMLButtonElement>(form, '[part~=submit]')!.click();
  await until(() => $(form, '[part~=error]')?.textContent?.includes('do not match'));
  type($<HTMLInputElement>(form, 'input[name=password]')!, PASSWORD);
  $<HTMLButtonElement>(form, '[part~=submit]')!.click();
  await until(() => text(form).includes('Signed in as'));
}

/** Waits until every element of the session shows the seed member's data. */
async function everyElementShowsData(session: Element, b: BackendFixture) {
  const el = (tag: string) => session.querySelector(tag)!;
  const last4 = b.seed.memberCard.replace(/\s/g, '').slice(-4);
  await until(() => text(el('loyalty-sign-in')).includes(b.seed.name));
  await until(() => text(el('loyalty-balance')).includes(b.seed.balanceRows[0].split(' ').at(-1)!));
  await until(() => text(el('reward-progress')).includes(b.seed.rewardNames[0]));
  await until(() => el('transaction-history').shadowRoot!.querySelectorAll('[part~=row]').length === b.seed.historyRows);
  await until(() => $(el('checkin-code'), 'svg[role=img]'));
  await until(() => text(el('card-wallet')).includes(last4));
  await until(() => $<HTMLInputElement>(el('profile-form'), '[name=first-name]')?.value === b.seed.firstName);
  await until(() => buttonNamed(el('account-deletion'), 'Delete my account'));
}

/** Interactions that make the elements render more: dialogs, validation messages, a redrawn code, a scrolled list. */
async function exercise(session: Element, b: BackendFixture) {
  const el = (tag: string) => session.querySelector(tag)!;

  // <card-wallet>: the link form's validation messages, and (where cards can be removed) the confirm dialog
  const wallet = el('card-wallet');
  if (b.supports('cards')) {
    $<HTMLButtonElement>(wallet, '[part~=link-button]')!.click();
    await until(() => $(wallet, '[part~=submit]'));
    $<HTMLButtonElement>(wallet, '[part~=submit]')!.click();
    await until(() => $(wallet, '[aria-invalid=true]'));
  }
  const remove = buttonNamed(wallet, 'Remove');
  if (remove) {
    remove.click();
    await until(() => $<HTMLDialogElement>(wallet, 'dialog')?.open);
    $<HTMLButtonElement>(wallet, '[part=dialog-cancel]')!.click();
    await until(() => !$(wallet, 'dialog'));
  }

  // <checkin-code>: the code redrawn as Code 128, then as a QR code again
  const code = el('checkin-code') as HTMLElement & { format: string };
  code.format = 'code128';
  await until(() => $(code, '[part=frame]')?.classList.contains('code128'));
  code.format = 'qr';
  await until(() => $(code, '[part=frame]')?.classList.contains('qr'));

  // <profile-form>: a validation error under a field
  const profile = el('profile-form');
  type($<HTMLInputElement>(profile, '[name=email]')!, 'sam@example');
  await until(() => !$<HTMLButtonElement>(profile, '[part=save]')!.disabled);
  $<HTMLButtonElement>(profile, '[part=save]')!.click();
  await until(() => $(profile, '[name=email]')!.getAttribute('aria-invalid') === 'true');

  // <account-deletion>: its confirm dialog, cancelled
  const deletion = el('account-deletion');
  buttonNamed(deletion, 'Delete my account')!.click();
  await until(() => $<HTMLDialogElement>(deletion, 'dialog')?.open);
  $<HTMLButtonElement>(deletion, '[part=dialog-cancel]')!.click();
  await until(() => !$(deletion, 'dialog'));

  // <transaction-history>: scrolled, so the virtualized list re-renders
  const list = $(el('transaction-history'), '[part~=base]')!;
  list.scrollTop = list.scrollHeight;
  list.dispatchEvent(new Event('scroll'));
  await (el('transaction-history') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

describe('strict Content-Security-Policy (demo/csp.html)', () => {
  before(resetSandbox);
  after(() => frames.forEach((frame) => frame.remove()));

  it(`is served with "${POLICY}"`, async () => {
    const res = await fetch(PAGE);
    expect(res.headers.get('content-security-policy')).to.equal(POLICY);
  });

  it('records every kind of violation the policy forbids, so a clean run means something', async () => {
    const page = await open();
    const doc = page.document;
    const inlineStyleAttribute = doc.createElement('p');
    doc.body.append(inlineStyleAttribute);
    inlineStyleAttribute.setAttribute('style', 'color: red');
    const inlineStyle = doc.createElement('style');
    inlineStyle.textContent = 'p { color: red }';
    doc.head.append(inlineStyle);
    const inlineScript = doc.createElement('script');
    inlineScript.textContent = 'window.inlineRan = true';
    doc.body.append(inlineScript);
    expect(() => page.eval('1 + 1')).to.throw();
    const foreignScript = doc.createElement('script');
    foreignScript.src = 'https://cdn.invalid/kit.js';
    doc.body.append(foreignScript);
    await until(() => page.cspViolations.length >= 5);
    const directives = page.cspViolations.map((v) => v.directive).sort();
    expect(directives).to.have.length(5);
    expect(directives.filter((d) => d.startsWith('style-src'))).to.have.length(2);
    expect(directives.filter((d) => d.startsWith('script-src'))).to.have.length(3);
    expect((page as unknown as { inlineRan?: boolean }).inlineRan).to.equal(undefined);
  });

  it('runs every element of both backends — sign-in, data, dialogs, validation, check-in codes — with zero violations and no error', async function () {
    this.timeout(40_000);
    const page = await open();
    const sessions = BACKENDS.map((b) => [b, page.document.getElementById(b.name)!] as const);
    // signed out: every element's signed-out state
    expect(await flush(page)).to.deep.equal([]);
    for (const [b, session] of sessions) {
      await signInWithForm(session, b.members.seed);
      await everyElementShowsData(session, b);
    }
    expect(await flush(page)).to.deep.equal([]);
    for (const [b, session] of sessions) await exercise(session, b);
    expect(await flush(page)).to.deep.equal([]);
    expect(page.pageErrors).to.deep.equal([]);
  });
});
