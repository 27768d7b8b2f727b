import { expect, fixture, html } from '@open-wc/testing';
import { customElement } from 'lit/decorators.js';
import '../../src/index.js';
import { LoyaltyElement } from '../../src/internal/loyalty-element.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { queries } from '../../src/session/session.js';
import { MEMBERS, SPOONITY, armFault, clearLog, requestLog, resetSandbox, signIn, until } from '../helpers/sandbox.js';

/** A minimal element with one read and one write: reports a card lost (PUT /user/card/lost). */
@customElement('mutation-probe')
class MutationProbe extends LoyaltyElement {
  balances = this.queryTask(() => queries.balances());
  key = '';
  reportLost = this.mutation({
    run: async (_backend, card: string) => {
      const res = await fetch(`${SPOONITY}/user/card/lost?session_key=${this.key}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user_card: card }),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    },
    invalidates: ['balances'],
  });
  override renderContent() {
    return html`<button ?disabled=${this.reportLost.pending} @click=${() => this.reportLost.run('1817015')}>Report lost</button>`;
  }
}

async function mount() {
  const key = await signIn(MEMBERS.seed);
  const root = await fixture<LoyaltySession>(html`<loyalty-session api-base=${SPOONITY}><mutation-probe></mutation-probe></loyalty-session>`);
  const probe = root.querySelector('mutation-probe') as MutationProbe;
  probe.key = key;
  root.sessionKey = key;
  await until(() => probe.balances.value);
  await clearLog();
  return { root, probe };
}

describe('Mutation', () => {
  beforeEach(resetSandbox);

  it('sends one PUT when the button is double-clicked, and disables it while in flight', async () => {
    const { probe } = await mount();
    await armFault({ match: { path: '/user/card/lost' }, fault: 'latency=300', times: 1 });
    const button = probe.shadowRoot!.querySelector('button')!;
    button.click();
    button.click();
    await probe.updateComplete;
    expect(button.disabled).to.equal(true);
    await until(() => probe.reportLost.status === 'success');
    expect(await requestLog({ method: 'PUT' })).to.have.length(1);
    expect(button.disabled).to.equal(false);
  });

  it('refreshes what it invalidates only after the server confirms', async () => {
    const { probe } = await mount();
    await probe.reportLost.run('1817015');
    await until(async () => (await requestLog({ path: '/user/quick-pay/balance' })).length === 1);
  });

  it('reports a failure, never retries it and refreshes nothing', async () => {
    const { probe } = await mount();
    const errors: CustomEvent[] = [];
    probe.addEventListener('loyalty-error', (e) => errors.push(e as CustomEvent));
    await armFault({ match: { path: '/user/card/lost' }, fault: 'status=503;retry-after=1', times: 1 });
    const result = await probe.reportLost.run('1817015');
    expect(result.ok).to.equal(false);
    expect(probe.reportLost.status).to.equal('error');
    expect(errors).to.have.length(1);
    expect(await requestLog({ method: 'PUT' })).to.have.length(1);
    expect(await requestLog({ path: '/balance' })).to.deep.equal([]);
  });

  it('drops a result that lands after the member changed', async () => {
    const { root, probe } = await mount();
    await armFault({ match: { path: '/user/card/lost' }, fault: 'latency=300', times: 1 });
    const pending = probe.reportLost.run('1817015');
    root.sessionKey = await signIn(MEMBERS.rich);
    const result = await pending;
    expect(result).to.include({ ok: false, ignored: true });
    expect(probe.reportLost.status).to.equal('idle');
  });

  it('lets go of the cache when the element is removed', async () => {
    const { root, probe } = await mount();
    probe.remove();
    await clearLog();
    root.state.cache.invalidate(['balances']);
    await new Promise((r) => setTimeout(r, 200));
    expect(await requestLog({ path: '/balance' })).to.deep.equal([]);
  });
});
