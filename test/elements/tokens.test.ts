import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

/** What scripts/tokens.js reports (see `checkTokens`). */
interface TokenReport {
  used: string[];
  documented: string[];
  readme: string[];
  undocumented: string[];
  unused: string[];
  missingFromReadme: string[];
  staleInReadme: string[];
  misplaced: { name: string; problem: string }[];
  themeUndocumented: string[];
}

interface Fixture {
  sources: { path: string; text: string }[];
  readme?: string;
  themes?: { path: string; text: string }[];
}

const check = (fixture?: Fixture) => executeServerCommand<TokenReport, Fixture>('loyalty-tokens', fixture);

/** A base class and an element, as src/ writes them. */
const BASE = {
  path: 'src/internal/loyalty-element.ts',
  text: `/**
 * Shared.
 * @cssprop --loyalty-color-text - Text colour.
 * @cssprop --loyalty-radius - Corner radius.
 */
export abstract class LoyaltyElement extends LitElement {}`,
};
const STYLES = {
  path: 'src/internal/styles.ts',
  text: 'export const baseStyles = css`:host { --_loyalty-text: var(--loyalty-color-text, light-dark(#000, #fff)); --_loyalty-radius: var(--loyalty-radius, 1rem); }`;',
};
const ELEMENT = {
  path: 'src/elements/loyalty-balance/loyalty-balance.ts',
  text: `/**
 * Balances.
 * @tag loyalty-balance
 * @cssprop --loyalty-balance-amount-size - Size of the figures.
 */
export class LoyaltyBalance extends LoyaltyElement {
  static override styles = css\`dd { font-size: var(--loyalty-balance-amount-size, 1.5em); }\`;
}`,
};
const README = `# kit

## Theming

| custom property | what |
| --- | --- |
| \`--loyalty-color-text\` | text |
| \`--loyalty-radius\` | radius |
| \`--loyalty-balance-amount-size\` | figures |

## API reference

| \`--loyalty-not-a-theming-row\` | outside the section: not read |
`;

describe('theming tokens', () => {
  it('every --loyalty-* token src/ uses is documented with @cssprop and in the README, and every documented one is used', async () => {
    const report = await check();
    expect(report.used.length, 'tokens found in src/').to.be.greaterThan(15);
    expect(report.undocumented, 'used but without a @cssprop').to.deep.equal([]);
    expect(report.unused, 'a @cssprop that nothing uses').to.deep.equal([]);
    expect(report.missingFromReadme, "used but missing from README's Theming table").to.deep.equal([]);
    expect(report.staleInReadme, "in README's Theming table but unused").to.deep.equal([]);
    expect(report.misplaced, 'documented on the wrong class, or of no known family').to.deep.equal([]);
    expect(report.themeUndocumented, 'set by a demo theme but undocumented').to.deep.equal([]);
  });

  it('the shared families are all there: colour, font, radius, space s/m/l and the colour scheme', async () => {
    const { documented } = await check();
    expect(documented).to.include.members([
      '--loyalty-color-scheme',
      '--loyalty-color-text',
      '--loyalty-color-surface',
      '--loyalty-color-accent',
      '--loyalty-color-on-accent',
      '--loyalty-color-danger',
      '--loyalty-color-danger-strong',
      '--loyalty-font-family',
      '--loyalty-font-size',
      '--loyalty-radius',
      '--loyalty-space-s',
      '--loyalty-space-m',
      '--loyalty-space-l',
    ]);
    expect(documented).not.to.include('--loyalty-space');
  });

  describe('the check itself, on fixtures', () => {
    it('passes a consistent fixture', async () => {
      const report = await check({ sources: [BASE, STYLES, ELEMENT], readme: README });
      expect(report.used).to.deep.equal(['--loyalty-balance-amount-size', '--loyalty-color-text', '--loyalty-radius']);
      expect(report.readme).to.deep.equal(['--loyalty-balance-amount-size', '--loyalty-color-text', '--loyalty-radius']);
      expect([report.undocumented, report.unused, report.missingFromReadme, report.staleInReadme, report.misplaced]).to.deep.equal([[], [], [], [], []]);
    });

    it('fails on a token that is used but undocumented (a var() without its @cssprop)', async () => {
      const styles = { ...STYLES, text: STYLES.text.replace('}`', ' --_loyalty-danger-strong: var(--loyalty-color-danger-strong, #b3261e); }`') };
      const report = await check({ sources: [BASE, styles, ELEMENT], readme: README });
      expect(report.undocumented).to.deep.equal(['--loyalty-color-danger-strong']);
      expect(report.missingFromReadme).to.deep.equal(['--loyalty-color-danger-strong']);
    });

    it('fails on a token that is documented but unused (a @cssprop nothing reads)', async () => {
      const base = { ...BASE, text: BASE.text.replace(' */', ' * @cssprop --loyalty-space - Base spacing unit.\n */') };
      const report = await check({ sources: [base, STYLES, ELEMENT], readme: `${README}` });
      expect(report.unused).to.deep.equal(['--loyalty-space']);
    });

    it('does not count a token named only in a comment as used', async () => {
      const styles = { ...STYLES, text: `${STYLES.text}\n// --loyalty-color-muted is for later\n/* var(--loyalty-color-border) */` };
      const base = { ...BASE, text: BASE.text.replace(' */', ' * @cssprop --loyalty-color-muted - Muted.\n */') };
      const report = await check({ sources: [base, styles, ELEMENT], readme: README });
      expect(report.used).not.to.include.members(['--loyalty-color-muted', '--loyalty-color-border']);
      expect(report.unused).to.deep.equal(['--loyalty-color-muted']);
    });

    it('fails on a README table that lists an unused token or misses a used one', async () => {
      const readme = README.replace('| `--loyalty-radius` | radius |\n', '| `--loyalty-space` | spacing |\n');
      const report = await check({ sources: [BASE, STYLES, ELEMENT], readme });
      expect(report.staleInReadme).to.deep.equal(['--loyalty-space']);
      expect(report.missingFromReadme).to.deep.equal(['--loyalty-radius']);
    });

    it('fails on a demo theme that sets an undocumented token', async () => {
      const theme = {
        path: 'demo/themes/x.css',
        text: ':root { --loyalty-color-text: light-dark(#000, #fff); /* --loyalty-old: 1 */ --loyalty-brand-color: red; }',
      };
      const report = await check({ sources: [BASE, STYLES, ELEMENT], readme: README, themes: [theme] });
      expect(report.themeUndocumented).to.deep.equal(['demo/themes/x.css: --loyalty-brand-color']);
    });

    it('fails on an element variable documented on another class, or of no known family', async () => {
      const element = { ...ELEMENT, text: ELEMENT.text.replace('@tag loyalty-balance', '@tag reward-progress') };
      const stray = { path: 'src/elements/x/x.styles.ts', text: 'export const s = css`p { color: var(--loyalty-brand); }`;' };
      const report = await check({ sources: [BASE, STYLES, element, stray], readme: README });
      expect(report.misplaced.map((m) => m.name)).to.deep.equal(['--loyalty-balance-amount-size', '--loyalty-brand']);
      expect(report.undocumented).to.deep.equal(['--loyalty-brand']);
    });
  });
});
