/**
 * Fault matrix, writes: every element whose main request is a write (sign-in, check-in code) or
 * that makes one (profile save, card link, account deletion) × both backends × every fault kind.
 * The write must be sent exactly once whatever happens (never retried), the element must say what
 * went wrong with the kit's sentence for it — a write that got no answer says it is not known
 * whether it went through, never "try again" as if it surely failed, and never a success — nothing
 * may be thrown on the page, and doing it again once the fault is lifted must work.
 *
 * The timeout here answers late with an error (`latency…;status=503`), so the late answer changes
 * nothing on the server; a timed-out write the server does apply late is in nothing-lost.test.ts.
 */
import { expect } from '@open-wc/testing';
import { BACKENDS, type BackendFixture } from '../helpers/backends.js';
import { MEMBERS, PASSWORD, armFault, clearFaults, requestLog, resetSandbox, until } from '../helpers/sandbox.js';
import { $, FAULTS, Net, PageErrors, TIMEOUT, mountIn, press, restoreOnline, signInto, text, typeInto, type FaultKind } from './harness.js';

/** Every error text an element shows: alerts and field errors. */
const shownErrors = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('[role="alert"], [part~="field-error"], [part~="note"]')].map((n) => text(n)).join(' | ');

interface WriteScenario {
  name: string;
  tag: string;
  attrs?: Record<string, string>;
  applies: (b: BackendFixture) => boolean;
  method: string;
  path: (b: BackendFixture) => string;
  /** Who is signed in first (`null`: nobody, the element signs in). */
  member: (b: BackendFixture) => string | null;
  /** Brings the element to send the write (the check-in code asks by itself). */
  act: (el: HTMLElement, b: BackendFixture) => Promise<void>;
  /** The sentence for a fault, where this element says something else than the kit's read sentence. */
  says?: (f: FaultKind) => RegExp | undefined;
  /** The write went through: the element shows its outcome. */
  done: (el: HTMLElement, b: BackendFixture) => boolean;
  /**
   * The write needs nothing from the answer's body: an HTTP 200 is the server's confirmation, even
   * with a body that is not JSON or not the expected shape (Spoonity answers some writes with an
   * empty or non-JSON 200, reference §12.1), so the element reports success.
   */
  confirmedBy200?: boolean;
}

/** What a write shows for a fault: the kit's sentence, except where a write differs from a read. */
function writeSentence(f: FaultKind): RegExp {
  if (f.unconfirmed) return /not known whether this went through/i;
  if (f.name === '500' || f.name.startsWith('503')) return /unavailable/i;
  if (f.name.includes('success:false')) return /Sandbox fault: refused/;
  return f.read;
}

const ready = async (el: HTMLElement, selector: string) => {
  await until(() => $(el, selector));
  return $<HTMLInputElement>(el, selector)!;
};

const WRITES: WriteScenario[] = [
  {
    name: 'signs in',
    tag: 'loyalty-sign-in',
    applies: () => true,
    method: 'POST',
    path: (b) => b.paths.signIn,
    member: () => null,
    act: async (el, b) => {
      typeInto(await ready(el, 'input[name=email]'), b.members.seed);
      typeInto($<HTMLInputElement>(el, 'input[name=password]')!, PASSWORD);
      await press($(el, '[part~="submit"]')!);
    },
    says: (f) =>
      f.name === '401'
        ? /do not match/i
        : f.name === '403 unverified'
          ? /not verified/i
          : f.unconfirmed || f.fault === 'offline'
            ? /could not reach/i
            : undefined,
    done: (el) => !!$(el, '[part~="signed-in"]'),
  },
  {
    name: 'requests a check-in code',
    tag: 'checkin-code',
    applies: (b) => b.supports('checkin-token'),
    method: 'POST',
    path: () => '/user/token/request',
    member: (b) => b.members.seed,
    act: async () => {},
    // the member card is shown instead, with a note (the code itself is not needed to check in)
    // naming what went wrong; asking again is harmless, so no "not known whether it went through"
    // (offline, the card cannot be read either: the error state says so)
    says: (f) =>
      f.fault === 'offline' ? /could not reach/i : new RegExp(`could not be created.*(${f.unconfirmed ? f.read.source : writeSentence(f).source})`, 'i'),
    done: (el) => text($(el, '[part~="label"]')) === 'Check-in code',
  },
  {
    name: 'saves the profile',
    tag: 'profile-form',
    applies: (b) => b.supports('profile-update'),
    method: 'PUT',
    path: (b) => b.paths.profileUpdate,
    member: (b) => b.members.seed,
    act: async (el) => {
      const first = await ready(el, '#first-name');
      await until(() => first.value !== '');
      if (first.value !== 'Samuel') typeInto(first, 'Samuel');
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await press($(el, '[part~="save"]')!);
    },
    done: (el) => /saved/i.test(text($(el, '[part~="notice"]'))),
    confirmedBy200: true,
  },
  {
    name: 'links a card',
    tag: 'card-wallet',
    applies: (b) => b.supports('cards'),
    method: 'POST',
    path: () => '/user/card/add',
    member: () => MEMBERS.empty,
    act: async (el) => {
      const number = await ready(el, '#number');
      if (number.value !== '4242424242424242') typeInto(number, '4242424242424242');
      typeInto($<HTMLInputElement>(el, '#pin')!, '1234');
      await press($(el, '[part~="submit"]')!);
    },
    // the announcement (the list then shows what the server has)
    done: (el) => text($(el, '[role="status"]')).includes('ending in 4242 linked'),
    confirmedBy200: true,
  },
  {
    name: 'asks to delete the account',
    tag: 'account-deletion',
    applies: (b) => b.supports('account-deletion'),
    method: 'DELETE',
    path: (b) => (b.supports('account-deletion-code') ? '/submit' : '/delete-user'),
    member: (b) => b.members.seed,
    act: async (el) => {
      await press(await ready(el, '[part~="delete"]'));
      await until(() => $<HTMLDialogElement>(el, 'dialog')?.open);
      $(el, '[part~="dialog-confirm"]')!.click();
    },
    done: (el) => /check your email|has been deleted/i.test(text(el)),
    confirmedBy200: true,
  },
];

/** The timeout of a write answers late with an error, so nothing is applied behind the test's back. */
const armedFault = (f: FaultKind) => (f.name === 'timeout' ? `latency=${TIMEOUT * 4};status=503` : f.fault);

for (const b of BACKENDS) {
  for (const s of WRITES.filter((w) => w.applies(b))) {
    describe(`fault matrix · <${s.tag}> ${s.name} · ${b.name}`, () => {
      const page = new PageErrors();
      beforeEach(async () => {
        await resetSandbox();
        page.install();
      });
      afterEach(restoreOnline);

      for (const f of FAULTS) {
        const byHttp200 = s.confirmedBy200 && /malformed|wrong shape/.test(f.name);
        const title = byHttp200
          ? `${f.name}: sends the ${s.method} once and takes the HTTP 200 as the server's confirmation`
          : `${f.name}: sends the ${s.method} once, says so, never claims success, works once lifted`;
        it(title, async () => {
          const path = s.path(b);
          const net = new Net();
          const { root, el } = await mountIn(b, s.tag, net, s.attrs);
          const member = s.member(b);
          const arm = async () => {
            if (f.fault === 'offline') net.goOffline();
            else await armFault({ match: { method: s.method, path }, fault: armedFault(f), times: 0 });
          };
          // the check-in code asks as soon as the member is in; the others read first, then write
          const asksAtOnce = s.tag === 'checkin-code';
          if (asksAtOnce) await arm();
          if (member) await signInto(root, b, member);
          if (!asksAtOnce) {
            await until(() => el.shadowRoot!.querySelector('form, [part~="delete"]'));
            await arm();
          }
          await s.act(el, b);

          if (byHttp200) {
            // HTTP 200: confirmed, whatever the body
            await until(() => s.done(el, b));
            expect(net.count(s.method, path), 'attempts the kit made').to.equal(1);
            expect(await page.check(), 'uncaught errors and unhandled rejections').to.deep.equal([]);
            return;
          }
          if (f.name === '401' && member) {
            await until(() => /session has expired/i.test(text($(el, '[part~="signed-out"]'))));
          } else {
            const said = s.says?.(f) ?? writeSentence(f);
            await until(() => said.test(shownErrors(el)), 5000).catch(() => expect(shownErrors(el), 'what the element says').to.match(said));
          }
          expect(s.done(el, b), 'claims a success').to.equal(false);
          expect(net.count(s.method, path), 'attempts the kit made').to.equal(1);
          if (f.fault !== 'offline' && f.fault !== 'drop=1')
            expect(await requestLog({ method: s.method, path }), 'requests the server received').to.have.length(1);

          // lifted: doing it again works
          if (f.fault === 'offline') net.goOnline();
          else await clearFaults();
          if (f.name === '401' && member) await signInto(root, b, member);
          if (s.tag === 'checkin-code' && f.name !== '401') await press(await ready(el, '[part~="refresh"]'));
          else await s.act(el, b);
          await until(() => s.done(el, b), 5000);
          expect(await page.check(), 'uncaught errors and unhandled rejections').to.deep.equal([]);
        });
      }
    });
  }
}
