import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, signInto } from '../helpers/backends.js';
import { delay, resetSandbox, until } from '../helpers/sandbox.js';

/**
 * No double render (issue 16): Lit's development build (the one the tests run) warns when an
 * element schedules an update from `updated()`, i.e. renders twice for one change. Signing in
 * must not cause one in any element.
 */
const ELEMENTS = [
  'account-deletion',
  'card-wallet',
  'checkin-code',
  'loyalty-balance',
  'loyalty-sign-in',
  'profile-form',
  'reward-progress',
  'transaction-history',
];

for (const b of BACKENDS) {
  describe(`one render per change · ${b.name}`, () => {
    beforeEach(resetSandbox);

    for (const member of ['seed', 'rich'] as const) {
      it(`no element schedules an update after one completed while a member (${member}) signs in and the data loads`, async () => {
        const warnings: string[] = [];
        const warn = console.warn;
        console.warn = (...args: unknown[]) => {
          const text = args.map(String).join(' ');
          if (text.includes('lit.dev/msg/change-in-update')) warnings.push(`${text.split(' scheduled')[0]}\n${new Error().stack ?? ''}`);
          warn.apply(console, args);
        };
        try {
          const root =
            await fixture<LoyaltySession>(html`<loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} locale="en-CA">
            <account-deletion></account-deletion><card-wallet></card-wallet><checkin-code></checkin-code><loyalty-balance></loyalty-balance>
            <loyalty-sign-in></loyalty-sign-in><profile-form></profile-form><reward-progress></reward-progress><transaction-history></transaction-history>
          </loyalty-session>`);
          await signInto(root, b, b.members[member]);
          const elements = ELEMENTS.map((tag) => root.querySelector(tag)!);
          await until(() => elements.every((el) => !el.shadowRoot!.querySelector('[aria-busy="true"]')), 8000);
          await delay(300); // let every follow-up render (a second page, a measurement) happen
        } finally {
          console.warn = warn;
        }
        expect(warnings.map((w) => w.split('\n')[0])).to.deep.equal([]);
      });
    }
  });
}
