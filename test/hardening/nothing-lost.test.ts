/**
 * Nothing lost: a write that fails keeps what the member typed; a write that times out is not
 * re-sent by itself, and the element says it is not known whether it went through; the UI never
 * claims a success the server did not confirm (no "saved" notice, no announcement, no event).
 */
import { expect } from '@open-wc/testing';
import { BACKENDS, SPOONITY_FIXTURE, type BackendFixture } from '../helpers/backends.js';
import { MEMBERS, PASSWORD, armFault, clearFaults, delay, requestLog, resetSandbox, until } from '../helpers/sandbox.js';
import { $, Net, PageErrors, TIMEOUT, mountIn, press, signInto, text, typeInto } from './harness.js';

type ProfileForm = HTMLElement & { dirty: boolean; updateComplete: Promise<unknown> };

const inputValue = (el: HTMLElement, id: string) => $<HTMLInputElement>(el, `#${id}`)!.value;
const shownErrors = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[role="alert"], [part~="field-error"]')].map((n) => text(n)).join(' | ');
/** What the member is told went well (status regions and notices). */
const claims = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[role="status"], [part~="notice"]')].map((n) => text(n)).join(' ');
/** Lets a late write reach its route on the server (its latency), and any silent resend happen. */
const settled = () => delay(TIMEOUT * 3 + TIMEOUT * 2);

const page = new PageErrors();

for (const b of BACKENDS) {
  describe(`nothing lost · <profile-form> · ${b.name}`, () => {
    beforeEach(async () => {
      await resetSandbox();
      page.install();
    });
    afterEach(async () => expect(await page.check(), 'uncaught errors and unhandled rejections').to.deep.equal([]));

    /** The seed member's form, with first and last name edited (and the platform's refused value, when asked). */
    async function edited(extra?: { field: string; value: string }) {
      const net = new Net();
      const { root, el } = await mountIn<ProfileForm>(b, 'profile-form', net);
      await signInto(root, b, b.members.seed);
      await until(() => $<HTMLInputElement>(el, '#first-name')?.value === b.seed.firstName);
      const updated: Event[] = [];
      el.addEventListener('loyalty-profile-updated', (e) => updated.push(e));
      typeInto($<HTMLInputElement>(el, '#first-name')!, 'Samantha');
      typeInto($<HTMLInputElement>(el, '#last-name')!, 'Seedling');
      if (extra) typeInto($<HTMLInputElement>(el, `#${extra.field}`)!, extra.value);
      await el.updateComplete;
      return { root, el, net, updated };
    }

    const keepsEverything = (el: ProfileForm, updated: Event[]) => {
      expect(inputValue(el, 'first-name')).to.equal('Samantha');
      expect(inputValue(el, 'last-name')).to.equal('Seedling');
      expect(el.dirty, 'still has unsaved changes').to.equal(true);
      expect($<HTMLButtonElement>(el, '[part~="save"]')!.disabled, 'Save can be pressed again').to.equal(false);
      expect(claims(el)).not.to.match(/saved/i);
      expect(updated, 'loyalty-profile-updated').to.have.length(0);
    };

    it('keeps every edit and the unsaved state when the save fails with a 500, and one Save after it sends one PUT', async () => {
      const { el, updated } = await edited();
      await armFault({ match: { method: 'PUT', path: b.paths.profileUpdate }, fault: 'status=500' });
      await press($(el, '[part~="save"]')!);
      await until(() => /unavailable/i.test(shownErrors(el)));
      keepsEverything(el, updated);

      // a double submit after the failure: one request, and only then "saved"
      const save = $<HTMLButtonElement>(el, '[part~="save"]')!;
      save.click();
      save.click();
      await until(() => /saved/i.test(claims(el)));
      expect(await requestLog({ method: 'PUT', path: b.paths.profileUpdate })).to.have.length(2);
      expect(updated).to.have.length(1);
    });

    it('keeps every edit when the platform refuses a field, and says why next to it', async () => {
      const { field, value, message, shown, fault } = b.rejection;
      if (fault) await armFault({ match: { method: 'PUT', path: b.paths.profileUpdate }, fault });
      const { el, updated } = await edited({ field, value });
      await press($(el, '[part~="save"]')!);
      // the kit's sentence where the member reads it; the platform's words in the hidden detail
      await until(() => shownErrors(el).includes(shown));
      expect(el.shadowRoot!.querySelector('[part~="field-error"] [part~="error-detail"]')!.textContent).to.equal(message);
      keepsEverything(el, updated);
      expect(inputValue(el, field)).to.equal(value);
    });

    it('sends a timed-out save once, says it is not known whether it went through, and never "saved"', async () => {
      const { el, updated } = await edited();
      // the server applies it, but only after the kit has stopped waiting
      await armFault({ match: { method: 'PUT', path: b.paths.profileUpdate }, fault: `latency=${TIMEOUT * 3}` });
      await press($(el, '[part~="save"]')!);
      await until(() => /not known whether this went through/i.test(shownErrors(el)));
      keepsEverything(el, updated);
      await settled();
      expect(await requestLog({ method: 'PUT', path: b.paths.profileUpdate }), 'PUTs received').to.have.length(1);
      expect(claims(el)).not.to.match(/saved/i);
      expect(updated).to.have.length(0);
    });
  });
}

describe('nothing lost · <card-wallet> link · spoonity', () => {
  const b: BackendFixture = SPOONITY_FIXTURE;
  beforeEach(async () => {
    await resetSandbox();
    page.install();
  });
  afterEach(async () => expect(await page.check(), 'uncaught errors and unhandled rejections').to.deep.equal([]));

  async function typed() {
    const net = new Net();
    const { root, el } = await mountIn(b, 'card-wallet', net);
    await signInto(root, b, MEMBERS.empty);
    await until(() => $(el, '#number'));
    const added: Event[] = [];
    el.addEventListener('loyalty-card-added', (e) => added.push(e));
    typeInto($<HTMLInputElement>(el, '#number')!, '4242 4242 4242 4242');
    typeInto($<HTMLInputElement>(el, '#pin')!, '1234');
    return { el, net, added };
  }

  it('keeps the typed number when linking fails, and links it once when submitted twice after', async () => {
    const { el, added } = await typed();
    await armFault({ match: { method: 'POST', path: '/user/card/add' }, fault: 'status=500' });
    await press($(el, '[part~="submit"]')!);
    await until(() => /unavailable/i.test(shownErrors(el)));
    expect(inputValue(el, 'number')).to.equal('4242 4242 4242 4242');
    expect(inputValue(el, 'pin')).to.equal('1234');
    expect(claims(el)).not.to.match(/linked/i);
    expect(added).to.have.length(0);

    const submit = $<HTMLButtonElement>(el, '[part~="submit"]')!;
    submit.click();
    submit.click();
    await until(() => /linked/i.test(claims(el)));
    expect(await requestLog({ method: 'POST', path: '/user/card/add' })).to.have.length(2);
    expect(added).to.have.length(1);
  });

  it('sends a timed-out link once, says it is not known whether it went through, and links it once when asked again', async () => {
    const { el, added } = await typed();
    await armFault({ match: { method: 'POST', path: '/user/card/add' }, fault: `latency=${TIMEOUT * 3}` });
    await press($(el, '[part~="submit"]')!);
    await until(() => /not known whether this went through/i.test(shownErrors(el)));
    expect(inputValue(el, 'number'), 'the number is kept').to.equal('4242 4242 4242 4242');
    expect(claims(el)).not.to.match(/linked/i);
    await settled();
    expect(await requestLog({ method: 'POST', path: '/user/card/add' }), 'POSTs received').to.have.length(1);
    expect(added).to.have.length(0);
    expect(claims(el)).not.to.match(/linked/i);

    // the member links it again, on purpose: one card, shown once
    await clearFaults();
    await press($(el, '[part~="submit"]')!);
    await until(() => /linked/i.test(claims(el)));
    expect(added).to.have.length(1);
    expect([...el.shadowRoot!.querySelectorAll('[part~="card"]')].filter((c) => c.textContent.includes('ending in 4242'))).to.have.length(1);
  });
});

for (const b of BACKENDS) {
  describe(`nothing lost · <loyalty-sign-in> · ${b.name}`, () => {
    beforeEach(async () => {
      await resetSandbox();
      page.install();
    });
    afterEach(async () => expect(await page.check(), 'uncaught errors and unhandled rejections').to.deep.equal([]));

    for (const fault of ['status=500', `latency=${TIMEOUT * 3};status=503`, 'status=401']) {
      it(`keeps the email and clears the password when sign-in fails (${fault})`, async () => {
        const net = new Net();
        const { root, el } = await mountIn(b, 'loyalty-sign-in', net);
        await until(() => $(el, 'input[name=email]'));
        await armFault({ match: { method: 'POST', path: b.paths.signIn }, fault });
        typeInto($<HTMLInputElement>(el, 'input[name=email]')!, b.members.seed);
        typeInto($<HTMLInputElement>(el, 'input[name=password]')!, PASSWORD);
        await press($(el, '[part~="submit"]')!);
        await until(() => $(el, '[role="alert"]'));
        expect($<HTMLInputElement>(el, 'input[name=email]')!.value).to.equal(b.members.seed);
        expect($<HTMLInputElement>(el, 'input[name=password]')!.value, 'the password is never kept once sent').to.equal('');
        expect(root.signedIn).to.equal(false);
        expect(net.count('POST', b.paths.signIn)).to.equal(1);
      });
    }
  });
}
