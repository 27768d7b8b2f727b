import { expect } from '@open-wc/testing';
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
