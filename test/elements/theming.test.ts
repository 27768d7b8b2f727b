import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { canEmulateColorScheme } from '../helpers/browser.js';

describe('theming', () => {
  afterEach(async () => canEmulateColorScheme && emulateMedia({ colorScheme: 'light' }));

  it('uses the light defaults, and the dark ones under prefers-color-scheme: dark', async function () {
    if (!canEmulateColorScheme) this.skip(); // Chromium-only: see canEmulateColorScheme
    const el = await fixture(html`<loyalty-balance></loyalty-balance>`);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(31, 32, 35)');
    expect(getComputedStyle(el).color).to.equal('rgb(232, 234, 237)');
  });

  it('follows the page-level --loyalty-* tokens', async () => {
    const wrapper = await fixture(html`<div style="--loyalty-color-surface: rgb(1, 2, 3); --loyalty-radius: 3px; --loyalty-font-family: monospace">
      <loyalty-balance></loyalty-balance>
    </div>`);
    const el = wrapper.querySelector('loyalty-balance')!;
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(el).borderTopLeftRadius).to.equal('3px');
    expect(getComputedStyle(el).fontFamily).to.equal('monospace');
  });
});
