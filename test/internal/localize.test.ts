import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LoyaltyBalance } from '../../src/elements/loyalty-balance/loyalty-balance.js';
import { formatDate, formatMoney, formatNumber, formatRelative, relativeDays } from '../../src/internal/format.js';
import { addLoyaltyTranslations, loyaltyLocale, loyaltyLocaleReady, nearestLocale } from '../../src/internal/localize.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { SPOONITY_FIXTURE, signInto } from '../helpers/backends.js';
import { SPOONITY, armFault, resetSandbox, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** Intl's spaces (no-break, narrow no-break) as plain ones: ICU versions differ in which they use. */
const plain = (s: string | undefined) => s?.replace(/[\s\u00a0\u202f]+/g, ' ');

/** The signed-out sentence in each language: which language an element speaks. */
const SIGNED_OUT: Record<string, string> = {
  en: 'Sign in to see your loyalty details.',
  fr: 'Connectez-vous pour voir vos renseignements de fidélité.',
  es: 'Inicia sesión para ver los detalles de tu programa de lealtad.',
  nl: 'Log in om je spaargegevens te zien.',
};
const speaks = (el: Element, locale: string) => text(el).includes(SIGNED_OUT[locale]);

describe('localize: the language of the kit', () => {
  const originalLang = document.documentElement.getAttribute('lang');
  afterEach(async () => {
    if (originalLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', originalLang);
  });

  it('maps any BCP 47 tag to the nearest language it speaks', () => {
    const cases: Record<string, string> = {
      'fr-CA': 'fr',
      fr: 'fr',
      FR: 'fr',
      'fr-FR': 'fr',
      'es-MX': 'es',
      es_419: 'es',
      'es-AR': 'es',
      'nl-BE': 'nl',
      'nl-NL': 'nl',
      'en-US': 'en',
      'en-CA': 'en',
      'de-DE': 'en',
      'zh-Hant-TW': 'en',
      '': 'en',
      'not a tag!': 'en',
    };
    for (const [tag, locale] of Object.entries(cases)) expect(nearestLocale(tag), tag).to.equal(locale);
    expect(nearestLocale(undefined)).to.equal('en');
  });

  it('speaks the session’s locale', async () => {
    const root = await fixture<LoyaltySession>(
      html`<loyalty-session api-base=${SPOONITY} locale="fr-CA"><loyalty-balance></loyalty-balance></loyalty-session>`,
    );
    const el = root.querySelector('loyalty-balance')!;
    await until(() => speaks(el, 'fr'));
    expect(loyaltyLocale()).to.equal('fr');
    await expect(el).to.be.accessible();
  });

  it('without a session locale, speaks the nearest lang', async () => {
    const wrapper = await fixture(
      html`<div lang="es-MX"><section><loyalty-session api-base=${SPOONITY}><loyalty-balance></loyalty-balance></loyalty-session></section></div>`,
    );
    const el = wrapper.querySelector('loyalty-balance')!;
    await until(() => speaks(el, 'es'));
    expect(wrapper.querySelector<LoyaltySession>('loyalty-session')!.resolvedLocale).to.equal('es-MX');
  });

  it('without a session, an element speaks its nearest lang', async () => {
    const wrapper = await fixture(html`<div lang="nl-BE"><loyalty-balance></loyalty-balance></div>`);
    await until(() => speaks(wrapper.querySelector('loyalty-balance')!, 'nl'));
  });

  it('without any locale or lang, speaks the browser’s language', async () => {
    document.documentElement.removeAttribute('lang');
    const root = await fixture<LoyaltySession>(html`<loyalty-session api-base=${SPOONITY}><loyalty-balance></loyalty-balance></loyalty-session>`);
    const expected = nearestLocale(navigator.language);
    await until(() => speaks(root.querySelector('loyalty-balance')!, expected));
    expect(root.resolvedLocale).to.equal(Intl.getCanonicalLocales(navigator.language)[0]);
  });

  it('re-renders live when the session’s locale changes: text, money and numbers', async () => {
    await resetSandbox();
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} locale="fr-CA"><loyalty-balance></loyalty-balance><reward-progress></reward-progress></loyalty-session>`);
    const [balance, rewards] = [root.querySelector<LoyaltyBalance>('loyalty-balance')!, root.querySelector('reward-progress')!];
    await signInto(root, SPOONITY_FIXTURE, SPOONITY_FIXTURE.members.seed);
    await until(() => text(balance).includes('Solde Paiement rapide 15,00 $'));
    await until(() => text(rewards).includes('Disponibles maintenant'));

    root.setAttribute('locale', 'en-US');
    await until(() => text(balance).includes('Quick Pay balance CA$15.00'));
    await until(() => text(rewards).includes('available now'));

    root.setAttribute('locale', 'nl-NL');
    await until(() => text(balance).includes('Saldo Snel betalen') && text(balance).includes('15,00'));
    await until(() => text(rewards).includes('Nu beschikbaar'));
    await expect(balance).to.be.accessible();
  });

  it('re-renders live when <html lang> changes', async () => {
    document.documentElement.setAttribute('lang', 'fr-CA');
    const root = await fixture<LoyaltySession>(html`<loyalty-session api-base=${SPOONITY}><loyalty-balance></loyalty-balance></loyalty-session>`);
    const el = root.querySelector('loyalty-balance')!;
    await until(() => speaks(el, 'fr'));
    document.documentElement.setAttribute('lang', 'es');
    await until(() => speaks(el, 'es'));
    expect(root.resolvedLocale).to.equal('es');
    document.documentElement.setAttribute('lang', 'nl');
    await until(() => speaks(el, 'nl'));
  });

  it('re-renders live when an ancestor’s lang changes', async () => {
    const wrapper = await fixture(html`<div lang="en"><loyalty-session api-base=${SPOONITY}><loyalty-balance></loyalty-balance></loyalty-session></div>`);
    const el = wrapper.querySelector('loyalty-balance')!;
    await until(() => speaks(el, 'en'));
    wrapper.setAttribute('lang', 'fr');
    await until(() => speaks(el, 'fr'));
  });

  it('says what failed in the page’s language, with the platform’s own words as sent', async () => {
    await resetSandbox();
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} locale="fr-CA" retries="0"><loyalty-balance></loyalty-balance></loyalty-session>`);
    const el = root.querySelector('loyalty-balance')!;
    await armFault({ match: { path: SPOONITY_FIXTURE.paths.balances }, fault: 'status=500', times: 1 });
    await signInto(root, SPOONITY_FIXTURE, SPOONITY_FIXTURE.members.seed);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'));
    await until(() => text(el).includes('Réessayer'));
    expect(text(el)).to.contain('Le service de fidélité est indisponible pour le moment.').and.to.contain('Sandbox fault: HTTP 500');
    await expect(el).to.be.accessible();
  });

  it('takes a merchant’s own wording for a built-in language', async () => {
    const xliff = new DOMParser().parseFromString(await (await fetch('/xliff/fr.xlf')).text(), 'application/xml');
    const unit = [...xliff.querySelectorAll('trans-unit')].find((u) => u.querySelector('source')!.textContent === SIGNED_OUT.en)!;
    const root = await fixture<LoyaltySession>(
      html`<loyalty-session api-base=${SPOONITY} locale="fr-CA"><loyalty-balance></loyalty-balance></loyalty-session>`,
    );
    const el = root.querySelector('loyalty-balance')!;
    await until(() => speaks(el, 'fr'));
    addLoyaltyTranslations('fr', { [unit.id]: 'Ouvrez une session pour voir vos points.' });
    await until(() => text(el).includes('Ouvrez une session pour voir vos points.'));
    addLoyaltyTranslations('fr', { [unit.id]: SIGNED_OUT.fr });
    await until(() => speaks(el, 'fr'));
    await loyaltyLocaleReady();
  });
});

describe('localize: numbers, money, dates and relative times through Intl', () => {
  const when = new Date(Date.UTC(2027, 2, 3, 12));

  it('formats money in the locale’s way', () => {
    expect(plain(formatMoney(1234.5, 'CAD', 'fr-CA'))).to.equal('1 234,50 $');
    expect(plain(formatMoney(1234.5, 'CAD', 'en-CA'))).to.equal('$1,234.50');
    expect(plain(formatMoney(1234.5, 'USD', 'en-US'))).to.equal('$1,234.50');
    expect(plain(formatMoney(1234.5, 'EUR', 'nl-NL'))).to.equal('€ 1.234,50');
    expect(plain(formatMoney(1234.5, 'MXN', 'es-MX'))).to.equal('$1,234.50');
  });

  it('formats numbers in the locale’s way', () => {
    expect(plain(formatNumber(1240, 'fr-CA'))).to.equal('1 240');
    expect(plain(formatNumber(1240, 'en-US'))).to.equal('1,240');
    expect(plain(formatNumber(1240, 'nl-NL'))).to.equal('1.240');
  });

  it('formats dates in the locale’s way', () => {
    expect(plain(formatDate(when, 'fr-CA', { dateStyle: 'long', timeZone: 'UTC' }))).to.equal('3 mars 2027');
    expect(plain(formatDate(when, 'en-US', { dateStyle: 'long', timeZone: 'UTC' }))).to.equal('March 3, 2027');
    expect(plain(formatDate(when, 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' }))).to.equal('3 maart 2027');
    expect(plain(formatDate(when, 'es-MX', { dateStyle: 'long', timeZone: 'UTC' }))).to.equal('3 de marzo de 2027');
  });

  it('says relative times in the locale’s words', () => {
    expect(formatRelative(10, 'second', 'en-US')).to.equal('in 10 seconds');
    expect(plain(formatRelative(10, 'second', 'fr-CA'))).to.equal('dans 10 secondes');
    expect(plain(formatRelative(10, 'second', 'es-MX'))).to.equal('dentro de 10 segundos');
    expect(plain(formatRelative(1, 'minute', 'nl-NL'))).to.equal('over 1 minuut');
  });

  it('gives how soon a date is in words within a month, and nothing further or past', () => {
    const now = new Date(2027, 2, 3, 9).getTime();
    const inDays = (d: number) => new Date(2027, 2, 3 + d, 18);
    expect(relativeDays(inDays(1), 'en-US', now)).to.equal('tomorrow');
    expect(relativeDays(inDays(3), 'en-US', now)).to.equal('in 3 days');
    expect(plain(relativeDays(inDays(3), 'fr-CA', now))).to.equal('dans 3 jours');
    expect(relativeDays(inDays(14), 'en-US', now)).to.equal('in 2 weeks');
    expect(relativeDays(inDays(45), 'en-US', now)).to.equal(undefined);
    expect(relativeDays(inDays(-2), 'en-US', now)).to.equal(undefined);
  });
});
