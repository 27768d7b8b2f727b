import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Balances, LoyaltyCurrencyBalance, Money } from '../../api/types.js';
import { cssProps } from '../../internal/css-props.js';
import { formatDate, formatMoney, formatNumber } from '../../internal/format.js';
import { LoyaltyElement } from '../../internal/loyalty-element.js';
import { baseStyles } from '../../internal/styles.js';
import { queries } from '../../session/session.js';
import { balanceStyles } from './loyalty-balance.styles.js';

export type BalanceShow = 'all' | 'points' | 'quickpay';

/**
 * The member's balances: stored value ("quick pay") as money in the currency the API names,
 * and each loyalty currency (points, or cashback as money) with its upcoming expirations. Stored
 * value is shown only where the platform has it (`stored-value`).
 *
 * @tag loyalty-balance
 * @csspart content - The list of balances.
 * @csspart row - One balance: its label and amount.
 * @csspart label - The name of a balance.
 * @csspart amount - The figure of a balance.
 * @csspart stored-value - The stored-value row.
 * @csspart currency - A loyalty-currency row.
 * @csspart expirations - The list of upcoming expirations of a currency.
 * @csspart expiration - One upcoming expiration.
 * @csspart skeleton - The placeholder shown while loading.
 * @cssprop --loyalty-balance-amount-size - Size of the figures (default `1.5em`).
 * @cssprop --loyalty-balance-row-gap - Space between balances (default `0.75 × --loyalty-space-m`).
 */
export class LoyaltyBalance extends LoyaltyElement {
  static override styles = [baseStyles, balanceStyles];

  /** Which balances to show: `all` (default), `points` (loyalty currencies) or `quickpay` (stored value). */
  @property({ reflect: true }) show: BalanceShow = 'all';

  /** Label of the stored-value balance. Default: "Quick Pay balance", in the page's language. */
  @property({ attribute: 'stored-value-label' }) storedValueLabel = '';

  /** ISO 4217 code of money balances whose platform names none (Spaaza's cashback), e.g. `EUR`. */
  @property() currency = '';

  /** What the polite live region says: set when a shown figure changes after the first load. */
  @state() private announcement = '';
  private lastSummary?: { generation: number; text: string };

  private balances = this.queryTask(() => (this.supports('balances') ? queries.balances() : undefined));

  protected override renderContent() {
    return html`${this.renderTask(this.balances, {
        skeleton: () => this.renderSkeleton(),
        complete: (b) => this.renderBalances(b),
        empty: (b) => (this.isEmpty(b) ? html`<p class="state" part="state empty">${this.emptyText()}</p>` : undefined),
      })}
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.announceChange();
  }

  private get showStored() {
    return this.show !== 'points' && this.supports('stored-value');
  }

  private get showCurrencies() {
    return this.show !== 'quickpay';
  }

  private isEmpty(b: Balances): boolean {
    const stored = this.showStored && !!b.storedValue && (this.show === 'quickpay' || b.storedValue.amount !== 0);
    return !stored && !(this.showCurrencies && b.currencies.length);
  }

  private emptyText() {
    return this.show === 'points' ? msg('No points yet.') : this.show === 'quickpay' ? msg('No stored value.') : msg('No balances yet.');
  }

  private get storedLabel(): string {
    return this.storedValueLabel || msg('Quick Pay balance');
  }

  private renderBalances(b: Balances) {
    return html`<dl part="content">
      ${this.showStored && b.storedValue ? this.renderStored(b.storedValue) : nothing}
      ${this.showCurrencies ? b.currencies.map((c) => this.renderCurrency(c)) : nothing}
    </dl>`;
  }

  private renderStored(money: Money) {
    return html`<div class="row" part="row stored-value">
      <dt part="label">${this.storedLabel}</dt>
      <dd part="amount">${formatMoney(money.amount, money.currency, this.locale)}</dd>
    </div>`;
  }

  private renderCurrency(c: LoyaltyCurrencyBalance) {
    return html`<div class="row" part="row currency">
      <dt part="label">${c.name}</dt>
      <dd part="amount">${this.amount(c)}</dd>
      ${c.expiring.length
        ? html`<dd class="expiring"><ul part="expirations" aria-label=${msg(str`${c.name} expiring soon`, { desc: 'The placeholder is the name of a loyalty currency, e.g. Points.' })}>
            ${c.expiring.map((e) => {
              const amount = formatNumber(e.amount, this.locale);
              const date = html`<time datetime=${e.date.toISOString()}>${formatDate(e.date, this.locale)}</time>`;
              return html`<li part="expiration">
                ${msg(html`${amount} ${c.name} expire on ${date}`, { desc: 'E.g. "120 Points expire on Mar 3, 2027".' })}
              </li>`;
            })}
          </ul></dd>`
        : nothing}
    </div>`;
  }

  /** A loyalty currency's figure; a money balance (cashback) as money. */
  private amount(c: LoyaltyCurrencyBalance) {
    return c.money === undefined ? formatNumber(c.balance, this.locale) : formatMoney(c.balance, c.money || this.currency || undefined, this.locale);
  }

  private renderSkeleton() {
    const rows = this.show === 'all' && this.showStored ? 2 : 1;
    return html`<div class="visually-hidden">${msg('Loading balances…')}</div>
      <dl part="content" aria-hidden="true">
        ${Array.from(
          { length: rows },
          (_, i) => html`<div class="row" part="row">
            <dt><span class="bone" ${cssProps({ '--_loyalty-bone-width': i ? '5em' : '8em' })}></span></dt>
            <dd><span class="bone amount" ${cssProps({ '--_loyalty-bone-width': i ? '3em' : '5em' })}></span></dd>
          </div>`,
        )}
      </dl>`;
  }

  /** Announces the figures when they change for the same member (not on first load, not on a member switch). */
  private announceChange() {
    const session = this.sessionState;
    const value = this.balances.value;
    if (!session?.signedIn || !value || value.generation !== session.generation) return;
    const b = value.data;
    const parts = [
      ...(this.showStored && b.storedValue ? [`${this.storedLabel} ${formatMoney(b.storedValue.amount, b.storedValue.currency, this.locale)}`] : []),
      ...(this.showCurrencies ? b.currencies.map((c) => `${c.name} ${this.amount(c)}`) : []),
    ];
    const text = parts.join(', ');
    const last = this.lastSummary;
    this.lastSummary = { generation: value.generation, text };
    if (last && last.generation === value.generation && last.text !== text) this.announcement = msg(str`Balance updated: ${text}`, { desc: 'Announced to screen readers; the placeholder lists the balances, e.g. "Points 20, Quick Pay balance $15.00".' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-balance': LoyaltyBalance;
  }
}
