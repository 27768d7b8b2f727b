import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AccountDeletion } from '../../src/elements/account-deletion/account-deletion.js';
import type { LoyaltyBalance } from '../../src/elements/loyalty-balance/loyalty-balance.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { MEMBERS, PASSWORD, SPOONITY, VENDOR, deletionCode, requestLog, resetSandbox, sentBodies, signIn, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector(s) as T;

async function mount(code = '', member: string | null = MEMBERS.seed, attrs: { codeFromUrl?: boolean } = {}) {
  const root = await fixture<LoyaltySession>(html`
    <loyalty-session api-base=${SPOONITY} vendor-id=${VENDOR} retries="0">
      <account-deletion deletion-code=${code} ?code-from-url=${attrs.codeFromUrl}></account-deletion>
      <loyalty-balance></loyalty-balance>
    </loyalty-session>`);
  const el = root.querySelector('account-deletion') as AccountDeletion;
  const balance = root.querySelector('loyalty-balance') as LoyaltyBalance;
  if (member) {
    root.sessionKey = await signIn(member);
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
  const dialogText = $(el, 'dialog').textContent!.replace(/\s+/g, ' ');
  if (confirm) $(el, '[part=dialog-confirm]').click();
  else await sendKeys({ press: 'Escape' });
  await el.updateComplete;
  return dialogText;
}

describe('<account-deletion>', () => {
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

  it('sends nothing when the dialog is cancelled', async () => {
    const { el } = await mount();
    await deleteAndAnswer(el, false);
    expect($(el, 'dialog')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'focus back on the button').to.equal('delete');
    expect(await requestLog({ path: '/vendor/' })).to.deep.equal([]);
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

  it('reads the code from the page URL with code-from-url', async () => {
    const first = await mount();
    await deleteAndAnswer(first.el, true);
    await until(() => text(first.el).includes('Check your email'));
    const code = await deletionCode(MEMBERS.seed);
    const url = location.href;
    history.replaceState(null, '', `?code=${code}`);
    try {
      const { el } = await mount('', MEMBERS.seed, { codeFromUrl: true });
      expect($(el, '[part=delete]').textContent!.trim()).to.equal('Delete my account permanently');
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
