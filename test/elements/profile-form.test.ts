import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LoyaltySignIn } from '../../src/elements/loyalty-sign-in/loyalty-sign-in.js';
import type { ProfileForm } from '../../src/elements/profile-form/profile-form.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, SPAAZA_FIXTURE, SPOONITY_FIXTURE, signInto, type BackendFixture } from '../helpers/backends.js';
import { PASSWORD, armFault, requestLog, resetSandbox, sentBodies, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLInputElement>(el: Element, s: string) => el.shadowRoot!.querySelector(s) as T;
const field = (el: ProfileForm, name: string) => $(el, `[name="${name}"]`);
const saveButton = (el: ProfileForm) => $<HTMLButtonElement>(el, '[part=save]');
const checkedConsent = (el: ProfileForm) => $(el, 'input[type=radio]:checked')?.parentElement!.textContent.trim();

/** What a user typing would cause: the new value and an `input` event. */
async function edit(el: ProfileForm, name: string, value: string) {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/**
 * The error shown for a field, found the way assistive technology finds it: through aria-describedby,
 * as rendered (`innerText`: the hidden `error-detail` is neither seen nor read).
 */
function describedError(el: ProfileForm, name: string) {
  const control = field(el, name);
  const id = control.getAttribute('aria-describedby');
  return id ? el.shadowRoot!.getElementById(id)?.innerText.trim() : undefined;
}

async function mount(b: BackendFixture, member: string | null = b.members.seed, attrs = '') {
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="0" locale="en-CA">
      <profile-form></profile-form>
    </loyalty-session>`);
  const el = root.querySelector('profile-form') as ProfileForm;
  for (const [, name, value] of attrs.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) el.setAttribute(name, value ?? '');
  if (member) {
    await signInto(root, b, member);
    await until(() => $(el, 'form, dl, [role=alert]'));
  }
  await el.updateComplete;
  return { root, el };
}

for (const b of BACKENDS) {
  /** The requests of the profile: its reads and its saves. */
  const profileLog = async () => (await requestLog()).filter((r) => r.path === b.paths.profile || r.path === b.paths.profileUpdate);

  describe(`<profile-form> · ${b.name}`, () => {
    beforeEach(resetSandbox);

    it('shows the seed member with labels and autofill hints, and is accessible', async () => {
      const { el } = await mount(b);
      expect(field(el, 'first-name').value).to.equal(b.seed.firstName);
      expect(field(el, 'last-name').value).to.equal(b.seed.lastName);
      expect(field(el, 'email').value).to.equal(b.members.seed);
      expect(field(el, 'phone').value).to.equal(b.seed.phone);
      expect(field(el, 'birthdate').value).to.equal(b.seed.birthdate);
      const hints = [...el.shadowRoot!.querySelectorAll('input:not([type=radio]), select')].map((c) => [
        c.getAttribute('name'),
        c.getAttribute('autocomplete'),
      ]);
      expect(hints.slice(0, 6)).to.deep.equal([
        ['first-name', 'given-name'],
        ['last-name', 'family-name'],
        ['email', 'email'],
        ['phone', 'tel'],
        ['birthdate', 'bday'],
        ['language', 'language'],
      ]);
      expect(field(el, 'email').type).to.equal('email');
      expect(field(el, 'phone').type).to.equal('tel');
      expect(field(el, 'birthdate').type).to.equal('date');
      // the platform's own language choices
      const options = [...$<HTMLSelectElement>(el, 'select').options].map((o) => o.value).filter(Boolean);
      expect(options).to.deep.equal(b.name === 'spoonity' ? ['1', '3'] : ['en', 'nl']);
      expect(checkedConsent(el)).to.equal(b.consent.checked);
      expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal('How may we contact you?');
      expect(saveButton(el).disabled, 'nothing changed yet').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows an accessible skeleton while loading and the signed-out message when signed out', async () => {
      const { root, el } = await mount(b, null);
      expect(text(el)).to.contain('Sign in to see your loyalty details.');
      await expect(el).to.be.accessible();
      await armFault({ match: { path: b.paths.profile }, fault: 'latency=400' });
      await signInto(root, b, b.members.seed);
      await until(() => $(el, '[part=skeleton]'));
      expect(text(el)).to.contain('Loading your profile');
      await expect(el).to.be.accessible();
      await until(() => $(el, 'form'));
    });

    it('shows the platform message with Retry when the profile cannot be loaded, and Retry recovers', async () => {
      await armFault({ match: { path: b.paths.profile }, fault: 'status=500' });
      const { el } = await mount(b);
      expect($(el, '[role=alert]').textContent).to.contain('Sandbox fault: HTTP 500');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=retry]').click();
      await until(() => field(el, 'first-name')?.value === b.seed.firstName);
    });

    it('enables Save only when something changed, and sends only the changed field', async () => {
      const { el } = await mount(b);
      const updated: CustomEvent[] = [];
      el.addEventListener('loyalty-profile-updated', (e) => updated.push(e));
      await edit(el, 'last-name', 'Seedling');
      expect(saveButton(el).disabled).to.equal(false);
      await edit(el, 'last-name', b.seed.lastName);
      expect(saveButton(el).disabled, 'back to what was loaded').to.equal(true);
      await edit(el, 'last-name', 'Seedling');
      saveButton(el).click();
      saveButton(el).click();
      await until(() => updated.length === 1);
      expect(await sentBodies({ method: 'PUT', path: b.paths.profileUpdate })).to.deep.equal([{ last_name: 'Seedling' }]);
      expect(updated[0].detail).to.deep.equal({ lastName: 'Seedling' });
      expect($(el, '[role=status]').textContent).to.equal('Your profile has been saved.');
      // the cache is refreshed after the server confirmed
      await until(async () => (await profileLog()).map((r) => r.method).join() === 'GET,PUT,GET');
      await el.updateComplete;
      expect(field(el, 'last-name').value).to.equal('Seedling');
      expect(saveButton(el).disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('checks every changed field with a specific message and sends nothing while one is wrong', async () => {
      const { el } = await mount(b);
      await edit(el, 'first-name', '  ');
      await edit(el, 'email', 'sam@example');
      await edit(el, 'phone', 'call me');
      await edit(el, 'birthdate', '2999-01-01');
      saveButton(el).click();
      await el.updateComplete;
      expect(describedError(el, 'first-name')).to.equal('Enter your first name.');
      expect(describedError(el, 'email')).to.equal('Enter an email address like name@example.com.');
      expect(describedError(el, 'phone')).to.equal(
        b.name === 'spaaza'
          ? 'Enter the phone number in international format, starting with + and the country code, like +31 6 12345678.'
          : 'Enter a phone number of 7 to 15 digits, like +1 555 555 0100.',
      );
      expect(describedError(el, 'birthdate')).to.equal('Enter a birthdate in the past.');
      for (const name of ['first-name', 'email', 'phone', 'birthdate']) expect(field(el, name).getAttribute('aria-invalid')).to.equal('true');
      expect(field(el, 'last-name').getAttribute('aria-invalid')).to.equal('false');
      await until(() => el.shadowRoot!.activeElement === field(el, 'first-name'));
      await expect(el).to.be.accessible();
      await edit(el, 'email', '');
      saveButton(el).click();
      await el.updateComplete;
      expect(describedError(el, 'email')).to.equal('Enter your email address.');
      expect(await requestLog({ method: 'PUT' })).to.deep.equal([]);
    });

    it('keeps every edit and says why when saving fails with HTTP 500', async () => {
      const { el } = await mount(b);
      const updated: Event[] = [];
      el.addEventListener('loyalty-profile-updated', (e) => updated.push(e));
      await armFault({ match: { method: 'PUT', path: b.paths.profileUpdate }, fault: 'status=500' });
      await edit(el, 'first-name', 'Samuel');
      await edit(el, 'phone', '+1 555 555 0199');
      saveButton(el).click();
      await until(() => $(el, '[role=alert]'));
      expect($(el, '[role=alert]').textContent).to.contain('Sandbox fault: HTTP 500');
      expect(field(el, 'first-name').value).to.equal('Samuel');
      expect(field(el, 'phone').value).to.equal('+1 555 555 0199');
      expect(saveButton(el).disabled, 'the edits can be saved again').to.equal(false);
      expect(updated).to.deep.equal([]);
      expect(await requestLog({ method: 'PUT' }), 'never retried').to.have.length(1);
      await expect(el).to.be.accessible();
      saveButton(el).click();
      await until(() => updated.length === 1);
      expect((await sentBodies({ method: 'PUT' })).at(-1)).to.deep.equal({ first_name: 'Samuel', phone_number: b.phoneOnWire });
    });

    it('shows the platform’s rejection next to the field it is about, in the kit’s words (its own in a hidden detail and the event)', async () => {
      const { el } = await mount(b);
      const { field: name, value, message, shown, fault } = b.rejection;
      if (fault) await armFault({ match: { method: 'PUT', path: b.paths.profileUpdate }, fault });
      const errors: CustomEvent[] = [];
      el.addEventListener('loyalty-error', (e) => errors.push(e as CustomEvent));
      await edit(el, name, value);
      saveButton(el).click();
      await until(() => describedError(el, name));
      expect(describedError(el, name)).to.equal(shown);
      const detail = $<HTMLElement>(el, `#${name}-error [part~="error-detail"]`);
      expect(detail.textContent).to.equal(message);
      expect(getComputedStyle(detail).display, 'the platform’s words are for the merchant').to.equal('none');
      expect(errors.map((e) => (e.detail as Error).message)).to.deep.equal([message]);
      expect(field(el, name).getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(field(el, name));
      expect($(el, '[part=error]'), 'not at the form level').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('refuses an implausible birthdate (year 0099, under 13, over 120) with min/max on the input, sending nothing', async () => {
      const { el } = await mount(b);
      const input = field(el, 'birthdate');
      const year = new Date().getFullYear();
      expect(Number(input.min.slice(0, 4))).to.equal(year - 120);
      expect(Number(input.max.slice(0, 4))).to.equal(year - 13);
      for (const typed of ['0099-07-21', `${year - 5}-01-01`, `${year - 130}-01-01`]) {
        await edit(el, 'birthdate', typed);
        saveButton(el).click();
        await el.updateComplete;
        expect(describedError(el, 'birthdate'), typed).to.equal('Enter your birthdate: you must be between 13 and 120 years old.');
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(input.value, 'the edit is kept').to.equal(typed);
      }
      expect(await requestLog({ method: 'PUT' })).to.deep.equal([]);
      await edit(el, 'birthdate', `${year - 30}-05-04`);
      expect(describedError(el, 'birthdate'), 'cleared by the edit').to.equal(undefined);
      expect(input.getAttribute('aria-invalid')).to.equal('false');
    });

    it('clears a field’s error (and only its own) as soon as that field is edited', async () => {
      const { el } = await mount(b);
      await edit(el, 'first-name', ' ');
      await edit(el, 'email', 'sam@');
      saveButton(el).click();
      await el.updateComplete;
      expect(describedError(el, 'email')).to.equal('Enter an email address like name@example.com.');
      await edit(el, 'email', 'sam@example.com');
      expect(describedError(el, 'email')).to.equal(undefined);
      expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('false');
      expect(describedError(el, 'first-name')).to.equal('Enter your first name.');
    });

    it('sends the contact choice picked with the arrow keys', async () => {
      const { el } = await mount(b);
      $(el, 'input[type=radio]:checked').focus();
      await sendKeys({ press: 'ArrowUp' });
      expect(checkedConsent(el)).to.equal(b.consent.afterUp);
      saveButton(el).click();
      await until(async () => (await requestLog({ method: 'PUT' })).length === 1);
      expect(await sentBodies({ method: 'PUT' })).to.deep.equal([b.consent.body]);
    });

    it('shows a view-only card with readonly', async () => {
      const { el } = await mount(b, b.members.seed, 'readonly');
      expect($(el, 'input, select, form')).to.equal(null);
      const rows = [...el.shadowRoot!.querySelectorAll('[part=row]')].map(
        (r) => `${r.querySelector('dt')!.textContent}: ${r.querySelector('dd')!.textContent}`,
      );
      expect(rows).to.include.members(b.readonlyRows);
      await expect(el).to.be.accessible();
    });

    it('guards leaving with unsaved edits when confirm-unsaved is set', async () => {
      const { el } = await mount(b, b.members.seed, 'confirm-unsaved');
      const leave = () => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(leave(), 'nothing to lose').to.equal(false);
      await edit(el, 'first-name', 'Samuel');
      expect(el.dirty).to.equal(true);
      expect(leave()).to.equal(true);
      el.confirmUnsaved = false;
      expect(leave()).to.equal(false);
    });

    it('takes a member from sign-in through an edit to a save with the keyboard only', async () => {
      const root = await fixture<LoyaltySession>(html`
        <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} locale="en-CA">
          <loyalty-sign-in></loyalty-sign-in>
          <profile-form fields="first-name last-name email"></profile-form>
        </loyalty-session>`);
      const signInEl = root.querySelector('loyalty-sign-in') as LoyaltySignIn;
      const el = root.querySelector('profile-form') as ProfileForm;
      await signInEl.updateComplete;
      signInEl.shadowRoot!.querySelector<HTMLInputElement>('input[name=email]')!.focus();
      await sendKeys({ type: b.members.seed });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: PASSWORD });
      await sendKeys({ press: 'Enter' });
      await until(() => signInEl.shadowRoot!.activeElement?.textContent?.trim() === 'Sign out' && field(el, 'last-name'));
      await sendKeys({ press: 'Tab' }); // first name
      await sendKeys({ press: 'Tab' }); // last name
      expect(el.shadowRoot!.activeElement).to.equal(field(el, 'last-name'));
      await sendKeys({ press: 'End' });
      await sendKeys({ type: 'ling' });
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '[role=status]').textContent === 'Your profile has been saved.');
      expect(await sentBodies({ method: 'PUT' })).to.deep.equal([{ last_name: `${b.seed.lastName}ling` }]);
    });
  });
}

describe('<profile-form> · spoonity: merchant fields and the current password', () => {
  beforeEach(resetSandbox);
  const b = SPOONITY_FIXTURE;

  it('shows a merchant field', async () => {
    const { el } = await mount(b);
    const drink = [...el.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent === 'Favourite drink')!;
    expect(field(el, drink.htmlFor).value).to.equal('Latte');
  });

  it('addresses the right user_metadata_id when a merchant field is edited', async () => {
    const { el } = await mount(b);
    await edit(el, 'meta:5002', 'Flat white');
    saveButton(el).click();
    await until(async () => (await requestLog({ method: 'PUT' })).length === 1);
    expect(await sentBodies({ method: 'PUT' })).to.deep.equal([{ metadata: [{ user_metadata_id: 5002, value: 'Flat white' }] }]);
  });

  it('shows the chosen fields in the given order', async () => {
    const { el } = await mount(b, b.members.seed, 'fields="email metadata:41 first-name"');
    const labels = [...el.shadowRoot!.querySelectorAll('label, legend')].map((l) => l.textContent);
    expect(labels).to.deep.equal(['Email', 'Favourite drink', 'First name']);
  });

  it('asks for the current password with require-password and sends it, keeping it nowhere', async () => {
    const { el } = await mount(b, b.members.seed, 'require-password');
    await edit(el, 'first-name', 'Samuel');
    saveButton(el).click();
    await el.updateComplete;
    expect(describedError(el, 'current-password')).to.equal('Enter your current password to save your changes.');
    expect(await requestLog({ method: 'PUT' })).to.deep.equal([]);
    field(el, 'current-password').value = 'Wrong-Secret-1';
    saveButton(el).click();
    await until(() => describedError(el, 'current-password') === 'Your current password is not correct.');
    expect($(el, '#current-password-error [part~="error-detail"]').textContent).to.equal('Invalid current_password');
    expect(field(el, 'first-name').value).to.equal('Samuel');
    expect(field(el, 'current-password').value).to.equal('');
    field(el, 'current-password').value = PASSWORD;
    const updated: CustomEvent[] = [];
    el.addEventListener('loyalty-profile-updated', (e) => updated.push(e));
    saveButton(el).click();
    await until(() => updated.length === 1);
    expect(await sentBodies({ method: 'PUT' })).to.deep.equal([
      { first_name: 'Samuel', current_password: '***' },
      { first_name: 'Samuel', current_password: '***' },
    ]);
    expect(JSON.stringify(updated[0].detail)).not.to.contain(PASSWORD);
    expect(field(el, 'current-password').value).to.equal('');
  });
});

describe('<profile-form> · spaaza: what alter-user takes', () => {
  beforeEach(resetSandbox);
  const b = SPAAZA_FIXTURE;

  it('sends only the changed fields under Spaaza’s names, as a form', async () => {
    const { el } = await mount(b);
    await edit(el, 'first-name', 'Jo');
    await edit(el, 'birthdate', '1981-07-22');
    $<HTMLSelectElement>(el, 'select').value = 'nl';
    $<HTMLSelectElement>(el, 'select').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    saveButton(el).click();
    await until(() => $(el, '[role=status]').textContent === 'Your profile has been saved.');
    expect(await sentBodies({ method: 'PUT', path: '/internal/alter-user' })).to.deep.equal([{ first_name: 'Jo', birthday: '1981-07-22', language: 'nl' }]);
  });

  it('says next to the email that it cannot be changed here, and sends nothing', async () => {
    const { el } = await mount(b);
    await edit(el, 'email', 'josephine@example.com');
    saveButton(el).click();
    await until(() => describedError(el, 'email'));
    expect(describedError(el, 'email')).to.equal('Your email address cannot be changed here.');
    expect(field(el, 'email').value, 'the edit is kept').to.equal('josephine@example.com');
    expect(await requestLog({ method: 'PUT' })).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('refuses text-message consent, which Spaaza does not have, next to the choice', async () => {
    const { el } = await mount(b);
    const sms = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.parentElement!.textContent.includes('(SMS) only'))!;
    sms.click();
    await el.updateComplete;
    saveButton(el).click();
    await until(() => $(el, 'fieldset[aria-describedby]'));
    expect(el.shadowRoot!.getElementById($(el, 'fieldset').getAttribute('aria-describedby')!)!.textContent).to.contain('Text messages (SMS) are not offered');
    expect(await requestLog({ method: 'PUT' })).to.deep.equal([]);
  });
});

describe('<profile-form> and the back/forward cache (issue 16)', () => {
  beforeEach(resetSandbox);

  /** The `beforeunload` listeners on the window while `run` goes, as added minus removed. */
  async function beforeunloadListeners<T>(run: (active: () => number) => Promise<T>): Promise<T> {
    const active = new Set<unknown>();
    const add = window.addEventListener;
    const remove = window.removeEventListener;
    window.addEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
      if (type === 'beforeunload') active.add(listener);
      return add.call(this, type, listener, options);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) {
      if (type === 'beforeunload') active.delete(listener);
      return remove.call(this, type, listener, options);
    } as typeof window.removeEventListener;
    try {
      return await run(() => active.size);
    } finally {
      delete (window as unknown as Record<string, unknown>).addEventListener;
      delete (window as unknown as Record<string, unknown>).removeEventListener;
    }
  }

  for (const b of BACKENDS) {
    it(`${b.name}: adds no beforeunload listener without confirm-unsaved, even with unsaved edits`, async () => {
      await beforeunloadListeners(async (active) => {
        const { el } = await mount(b);
        expect(active()).to.equal(0);
        await edit(el, 'first-name', 'Samuel');
        expect(el.dirty).to.equal(true);
        expect(active()).to.equal(0);
      });
    });

    it(`${b.name}: with confirm-unsaved, listens only while there are unsaved edits`, async () => {
      await beforeunloadListeners(async (active) => {
        const { el } = await mount(b, b.members.seed, 'confirm-unsaved');
        expect(active(), 'nothing to lose yet').to.equal(0);
        const before = field(el, 'first-name').value;
        await edit(el, 'first-name', 'Samuel');
        expect(active()).to.equal(1);
        await edit(el, 'first-name', before); // back to what is saved
        expect(active()).to.equal(0);
        await edit(el, 'first-name', 'Samuel');
        el.remove();
        expect(active(), 'gone with the element').to.equal(0);
      });
    });
  }
});

describe('<profile-form> · the backend’s phone rule', () => {
  beforeEach(resetSandbox);

  it('Spaaza (rules.phone = e164): a number without its country code is refused before sending; one with it is sent', async () => {
    const { el } = await mount(SPAAZA_FIXTURE);
    await edit(el, 'phone', '0612345678');
    saveButton(el).click();
    await el.updateComplete;
    expect(describedError(el, 'phone')).to.equal('Enter the phone number in international format, starting with + and the country code, like +31 6 12345678.');
    expect(await requestLog({ method: 'PUT' })).to.deep.equal([]);
    await edit(el, 'phone', '+31 6 1234 5678');
    saveButton(el).click();
    await until(async () => (await requestLog({ method: 'PUT' })).length === 1);
  });

  it('Spoonity (no rule): a national number of 7 to 15 digits is accepted', async () => {
    const { el } = await mount(SPOONITY_FIXTURE);
    await edit(el, 'phone', '555 555 0199');
    saveButton(el).click();
    await until(async () => (await requestLog({ method: 'PUT' })).length === 1);
    expect(describedError(el, 'phone')).to.equal(undefined);
  });
});
