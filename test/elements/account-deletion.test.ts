import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AccountDeletion } from '../../src/elements/account-deletion/account-deletion.js';
import type { LoyaltyBalance } from '../../src/elements/loyalty-balance/loyalty-balance.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, SPOONITY_FIXTURE, signInto, type BackendFixture } from '../helpers/backends.js';
import { MEMBERS, PASSWORD, VENDOR, armFault, deletionCode, requestLog, resetSandbox, sentBodies, signIn, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector(s) as T;

async function mount(code = '', member: string | null = MEMBERS.seed, attrs: { codeFromUrl?: boolean; backend?: BackendFixture } = {}) {
  const b = attrs.backend ?? SPOONITY_FIXTURE;
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="0" locale="en-CA">
      <account-deletion deletion-code=${code} ?code-from-url=${attrs.codeFromUrl}></account-deletion>
      <loyalty-balance></loyalty-balance>
    </loyalty-session>`);
  const el = root.querySelector('account-deletion') as AccountDeletion;
  const balance = root.querySelector('loyalty-balance') as LoyaltyBalance;
  if (member) {
    await signInto(root, b, member);
    await until(() => $(el, '[part=delete]'));
  }
  return { root, el, balance };
}

/** Presses the delete button with the keyboard and answers the dialog. */
async function deleteAndAnswer(el: AccountDeletion, confirm: boolean) {
  $(el, '[part=delete]').focus();
  await sendKeys({ press: 'Enter' });
  await until(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open);
  await expect(el).to.be.accessible();
  const dialogText = $(el, 'dialog').textContent.replace(/\s+/g, ' ');
  if (confirm) $(el, '[part=dialog-confirm]').click();
  else await sendKeys({ press: 'Escape' });
  await el.updateComplete;
  return dialogText;
}

for (const b of BACKENDS) {
  describe(`<account-deletion> · ${b.name}`, () => {
    beforeEach(resetSandbox);

    it('sends nothing when the dialog is cancelled', async () => {
      const { el } = await mount('', b.members.seed, { backend: b });
      await deleteAndAnswer(el, false);
      expect($(el, 'dialog')).to.equal(null);
      expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'focus back on the button').to.equal('delete');
      expect(await requestLog({ method: 'DELETE' })).to.deep.equal([]);
    });

    if (b.supports('account-deletion-code')) return;

    it('deletes in one step after its confirmation, without an email: every element shows signed out', async () => {
      const { root, el, balance } = await mount('', b.members.seed, { backend: b });
      expect(text(el)).to.equal('Deleting your account removes your points, rewards, cards and history for good. Delete my account');
      await until(() => text(balance).includes(b.seed.balanceRows[0]));
      const deleted: Event[] = [];
      const requested: Event[] = [];
      el.addEventListener('loyalty-account-deleted', (e) => deleted.push(e));
      el.addEventListener('loyalty-account-deletion-requested', (e) => requested.push(e));
      const dialogText = await deleteAndAnswer(el, true);
      expect(dialogText).to.contain('Delete your account for good?').and.to.contain('This cannot be undone.');
      await until(() => deleted.length === 1);
      expect(requested).to.deep.equal([]);
      expect(root.signedIn).to.equal(false);
      await el.updateComplete;
      expect(text(el)).to.equal('Your account has been deleted.');
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('message');
      expect(text(balance)).to.contain('Sign in to see your loyalty details.');
      expect((await requestLog({ method: 'DELETE' })).map((r) => r.path)[0]).to.equal('/delete-user');
      expect(await b.signIn(b.members.seed).catch((e: Error) => e.message)).to.contain('HTTP 401');
      await expect(el).to.be.accessible();
    });

    it('says why when the deletion fails, and deletes nothing', async () => {
      await armFault({ match: { path: '/delete-user' }, fault: 'status=500' });
      const { root, el } = await mount('', b.members.seed, { backend: b });
      const deleted: Event[] = [];
      el.addEventListener('loyalty-account-deleted', (e) => deleted.push(e));
      await deleteAndAnswer(el, true);
      await until(() => $(el, '[role=alert]'));
      expect(text(el)).to.contain('Sandbox fault: HTTP 500').and.not.to.contain('confirmation code');
      expect($(el, '[part=resend]')).to.equal(null);
      expect(deleted).to.deep.equal([]);
      expect(root.signedIn).to.equal(true);
      expect(await requestLog({ method: 'DELETE' }), 'a write: never retried').to.have.length(1);
      await expect(el).to.be.accessible();
    });
  });
}

describe('<account-deletion> · two steps (spoonity)', () => {
  beforeEach(resetSandbox);

  it('asks first, then requests deletion and says to check the email', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    const requested: Event[] = [];
    el.addEventListener('loyalty-account-deletion-requested', (e) => requested.push(e));
    const dialogText = await deleteAndAnswer(el, true);
    expect(dialogText).to.contain('Delete your account?').and.to.contain(`We will email ${MEMBERS.seed} a link to confirm`);
    await until(() => requested.length === 1);
    expect((await requestLog({ path: '/submit' })).map((r) => [r.method, r.path])).to.deep.equal([['DELETE', `/vendor/${VENDOR}/customers/100001/submit`]]);
    await el.updateComplete;
    expect(text(el)).to.contain('Check your email to confirm.');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('message');
    await expect(el).to.be.accessible();
  });

  it('deletes the account end to end with the emailed code, and every element shows signed out', async () => {
    const first = await mount();
    await deleteAndAnswer(first.el, true);
    await until(() => text(first.el).includes('Check your email'));
    const code = await deletionCode(MEMBERS.seed);

    // the page the email links to
    const { root, el, balance } = await mount(code);
    await until(() => text(balance).includes('$15.00'));
    const deleted: Event[] = [];
    el.addEventListener('loyalty-account-deleted', (e) => deleted.push(e));
    const dialogText = await deleteAndAnswer(el, true);
    expect(dialogText).to.contain('Delete your account for good?').and.to.contain('This cannot be undone.');
    await until(() => deleted.length === 1);
    expect(root.signedIn).to.equal(false);
    await el.updateComplete;
    expect(text(el)).to.equal('Your account has been deleted.');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('message');
    expect(text(balance)).to.contain('Sign in to see your loyalty details.');
    expect(await sentBodies({ method: 'DELETE', path: `/vendor/${VENDOR}/customers` })).to.deep.include({ code });
    expect(await signIn(MEMBERS.seed, PASSWORD).catch((e: Error) => e.message)).to.contain('HTTP 401');
    await expect(el).to.be.accessible();
  });

  it('says a wrong code is wrong and deletes nothing', async () => {
    const { root, el } = await mount('0'.repeat(32));
    const deleted: Event[] = [];
    el.addEventListener('loyalty-account-deleted', (e) => deleted.push(e));
    await deleteAndAnswer(el, true);
    await until(() => $(el, '[role=alert]'));
    expect(text(el)).to.contain('That confirmation code is wrong or has already been used. Your account has not been deleted.');
    expect(deleted).to.deep.equal([]);
    expect(root.signedIn).to.equal(true);
    expect(await signIn(MEMBERS.seed)).to.be.a('string');
    expect($(el, '[part=resend]').textContent).to.equal('Email me a new link');
    await expect(el).to.be.accessible();
  });

  it('drops “That confirmation code is wrong” once a new code is supplied', async () => {
    const { el } = await mount('0'.repeat(32));
    await deleteAndAnswer(el, true);
    await until(() => $(el, '[role=alert]'));
    expect(text(el)).to.contain('That confirmation code is wrong');
    el.deletionCode = '1'.repeat(32);
    await el.updateComplete;
    expect($(el, '[role=alert]')).to.equal(null);
    expect(text(el)).not.to.contain('That confirmation code is wrong');
    expect($(el, '[part=delete]').textContent.trim()).to.equal('Delete my account permanently');
  });

  it('reads the code from the page URL with code-from-url', async () => {
    const first = await mount();
    await deleteAndAnswer(first.el, true);
    await until(() => text(first.el).includes('Check your email'));
    const code = await deletionCode(MEMBERS.seed);
    const url = location.href;
    history.replaceState(null, '', `?code=${code}`);
    try {
      const { el } = await mount('', MEMBERS.seed, { codeFromUrl: true });
      expect($(el, '[part=delete]').textContent.trim()).to.equal('Delete my account permanently');
      await deleteAndAnswer(el, true);
      await until(() => text(el) === 'Your account has been deleted.');
    } finally {
      history.replaceState(null, '', url);
    }
  });

  it('asks a signed-out member with a code to sign in first', async () => {
    const { el } = await mount('abc', null);
    await el.updateComplete;
    expect(text(el)).to.equal('Sign in to finish deleting your account.');
    await expect(el).to.be.accessible();
  });
});
