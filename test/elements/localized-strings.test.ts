import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, signInto } from '../helpers/backends.js';
import { resetSandbox, until } from '../helpers/sandbox.js';

interface Unlocalized {
  file?: string;
  line: number;
  text: string;
  where: string;
}

const list = (found: Unlocalized[]) => found.map((f) => `${f.file ?? ''}:${f.line}  ${f.where === 'text' ? '' : `${f.where}=`}"${f.text}"`).join('\n');

describe('every string in the elements is localized', () => {
  it('no element template has text or a text attribute outside msg()', async () => {
    const { found } = await executeServerCommand<{ found: Unlocalized[] }, undefined>('unlocalized-strings');
    expect(found, `wrap these in msg() (CONTRIBUTING.md):\n${list(found)}\n`).to.deep.equal([]);
  });

  it('the scan reports English between tags and in aria-label/title/placeholder/alt, with its line', async () => {
    const source = [
      "import { msg, str } from '@lit/localize';",
      'const a = html`<p class="x">Hello there</p>',
      '  <button aria-label="Close the dialog" @click=${() => go(`/a/${b}`)}>${msg(\'Close\')}</button>`;',
      '// html`<p>a comment is no template</p>`',
      'const b = msg(html`Signed in as <strong>${who}</strong>`);',
      'const c = html`<span title=${msg(str`${n} left`)}>•••• ${last4} · ${total} €</span><input placeholder="Search" />`;',
      'const d = /`[^`]*`/.test(s) ? html`<img alt="Logo" src="x" />` : html`<!-- Not shown --><i>${x}</i>`;',
      'const e = html`<p>${ok ? html`Nested text` : nothing}</p>`;',
    ].join('\n');
    const { found } = await executeServerCommand<{ found: Unlocalized[] }, { source: string }>('scan-template', { source });
    expect(found.map(({ line, text, where }) => ({ line, text, where }))).to.deep.equal([
      { line: 2, text: 'Hello there', where: 'text' },
      { line: 3, text: 'Close the dialog', where: 'aria-label' },
      { line: 6, text: 'Search', where: 'placeholder' },
      { line: 7, text: 'Logo', where: 'alt' },
      { line: 8, text: 'Nested text', where: 'text' },
    ]);
  });

  it('every msg() is translated in French, Spanish and Dutch, and src/locales is built from xliff/', async () => {
    const { problems } = await executeServerCommand<{ problems: string[] }, undefined>('locale-problems');
    expect(problems, problems.join('\n')).to.deep.equal([]);
  }).timeout(60_000);
});

/** API text of the sandbox's members that happens to repeat a message of the kit (a Spaaza voucher's `voucher_text`). */
const API_TEXT = new Set(['Set aside for your next purchase']);

/**
 * The English of the catalogue (xliff/fr.xlf's sources, cut at their placeholders) that must not
 * be on screen in French: fragments long enough not to match API text by chance, and not the same
 * in French ("Active").
 */
async function englishFragments(): Promise<string[]> {
  const doc = new DOMParser().parseFromString(await (await fetch('/xliff/fr.xlf')).text(), 'application/xml');
  const fragments = new Set<string>();
  for (const unit of doc.querySelectorAll('trans-unit')) {
    const source = unit.querySelector('source')!;
    const target = unit.querySelector('target')?.textContent ?? '';
    const pieces: string[] = [''];
    for (const node of source.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) pieces[pieces.length - 1] += node.textContent;
      else pieces.push('');
    }
    for (const piece of pieces) {
      const fragment = piece.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      if (fragment.length >= 5 && /\p{L}{3}/u.test(fragment) && !target.includes(fragment) && !API_TEXT.has(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

const TAGS = [
  'loyalty-balance',
  'reward-progress',
  'transaction-history',
  'checkin-code',
  'loyalty-sign-in',
  'profile-form',
  'account-deletion',
  'card-wallet',
];

/** What a user reads or hears of an element: its shadow text and its text attributes. */
function readable(el: Element): string {
  const root = el.shadowRoot!;
  const attributes = [...root.querySelectorAll('*')].flatMap((n) =>
    ['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt'].map((a) => n.getAttribute(a) ?? ''),
  );
  return [root.textContent ?? '', ...attributes].join(' \n ').replace(/[\s\u00a0\u202f]+/g, ' ');
}

for (const b of BACKENDS) {
  describe(`every element in French · ${b.name}`, () => {
    beforeEach(resetSandbox);

    it('shows no English of the catalogue, signed out and signed in', async () => {
      const english = await englishFragments();
      expect(english.length).to.be.greaterThan(100);
      const root = await fixture<LoyaltySession>(html`
        <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} locale="fr-CA" retries="0">
          <loyalty-balance></loyalty-balance><reward-progress></reward-progress><transaction-history></transaction-history>
          <checkin-code></checkin-code><loyalty-sign-in></loyalty-sign-in><profile-form></profile-form>
          <account-deletion></account-deletion><card-wallet kinds="first-party third-party"></card-wallet>
        </loyalty-session>`);
      const elements = TAGS.map((tag) => root.querySelector(tag)!);
      const englishIn = () => elements.flatMap((el) => english.filter((e) => readable(el).includes(e)).map((e) => `<${el.localName}>: "${e}"`));

      await until(() => readable(elements[0]).includes('Connectez-vous'));
      expect(englishIn(), 'signed out').to.deep.equal([]);

      await signInto(root, b, b.members.rich);
      const settled = () => elements.every((el) => el.shadowRoot!.textContent.trim() && !el.shadowRoot!.querySelector('[aria-busy="true"]'));
      await until(settled, 8000);
      // every element shows the member's data (not an error) in French
      for (const el of elements) expect(el.shadowRoot!.querySelector('[part~="error"][role="alert"]'), el.localName).to.equal(null);
      expect(englishIn(), 'signed in').to.deep.equal([]);
    }).timeout(20_000);
  });
}
