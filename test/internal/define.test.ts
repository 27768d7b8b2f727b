import { expect, fixture, html } from '@open-wc/testing';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { SPOONITY_FIXTURE } from '../helpers/backends.js';
import { MEMBERS, SPOONITY, VENDOR, resetSandbox, signIn, until } from '../helpers/sandbox.js';
import { define } from '../../src/internal/define.js';
import { VERSION } from '../../src/internal/version.js';

describe('define()', () => {
  it('registers a tag once and ignores a second registration of the same version', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    define('define-test-once', A);
    expect(() => define('define-test-once', B)).not.to.throw();
    expect(customElements.get('define-test-once')).to.equal(A);
  });

  it('warns once, naming both versions, when another version of the kit is already on the page', () => {
    define('define-test-init', class extends HTMLElement {});
    const registry = (globalThis as unknown as Record<symbol, { version: string; warned?: boolean }>)[Symbol.for('loyalty-elements')];
    const saved = { ...registry };
    registry.version = '0.0.1-other';
    registry.warned = false;
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      define('define-test-a', class extends HTMLElement {});
      define('define-test-b', class extends HTMLElement {});
    } finally {
      console.warn = warn;
      Object.assign(registry, saved);
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(VERSION).and.to.contain('0.0.1-other');
  });

  it('keeps VERSION equal to package.json', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});

describe('a tag the page already uses (issue 16)', () => {
  before(resetSandbox);

  it('warns once, naming the tag and how to register the kit’s class under another name, and the renamed element works', async function () {
    this.timeout(30_000); // the first import of the whole kit into this page
    class TheirForm extends HTMLElement {}
    customElements.define('profile-form', TheirForm); // the page's own <profile-form>, defined first
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await import('../../src/index.js');
      await import('../../src/elements/profile-form/define.js'); // loaded again: still one warning
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('profile-form')).to.equal(TheirForm);
    const collisions = warnings.filter((w) => w.includes('<profile-form>'));
    expect(collisions).to.have.length(1);
    expect(collisions[0]).to.contain("customElements.define('acme-profile-form', ProfileForm)").and.to.contain("from 'loyalty-elements/classes'");
    // no other tag of the kit is taken: no other warning
    expect(warnings.filter((w) => w.startsWith('loyalty-elements:'))).to.deep.equal(collisions);

    // what the warning says, done: the kit's class under the merchant's name
    const { ProfileForm } = await import('../../src/classes.js');
    customElements.define('acme-profile-form', ProfileForm);
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} vendor-id=${VENDOR} locale="en-CA">
        <acme-profile-form fields="first-name last-name"></acme-profile-form>
      </loyalty-session>`);
    const el = root.querySelector('acme-profile-form') as InstanceType<typeof ProfileForm>;
    expect(el).to.be.instanceOf(ProfileForm);
    root.sessionKey = await signIn(MEMBERS.seed);
    await until(() => el.shadowRoot?.querySelector<HTMLInputElement>('[name="first-name"]')?.value === SPOONITY_FIXTURE.seed.firstName);
  });
});
