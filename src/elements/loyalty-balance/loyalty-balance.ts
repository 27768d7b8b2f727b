import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Balances, LoyaltyCurrencyBalance, Money } from '../../api/types.js';
import { cssProps } from '../../internal/css-props.js';
import { errorDetail } from '../../internal/error-detail.js';
import { describeError } from '../../internal/error-text.js';
import { formatDate, formatMoney, formatNumber } from '../../internal/format.js';
import { minHeight } from '../../internal/reserve.js';
import { LoyaltyElement } from '../../internal/loyalty-element.js';
import { figure, isolated } from '../../internal/bidi.js';
import { baseStyles } from '../../internal/styles.js';
import { queries } from '../../session/session.js';
import { balanceStyles, inlineBalanceStyles } from './loyalty-balance.styles.js';

export type BalanceShow = 'all' | 'points' | 'quickpay';
/** `card` (default): the framed list; `inline`: one balance as unframed text, for a navbar. */
export type BalanceVariant = 'card' | 'inline';

/**
 * The member's balances: stored value ("quick pay") as money in the currency the API names,
 * and each loyalty currency (points, or cashback as money) with its upcoming expirations. Stored
 * value is shown only where the platform has it (`stored-value`).
 *
 * Minimum width: 12em (192 px at a 16-px base), set on the element (`loyalty-balance { min-width: … }` changes it); figures, costs, tokens and dates never break across lines, free text wraps between words. Narrower than 18em of content (a sidebar, a dropdown), each amount goes under its label.
 *
 * `variant="inline"` shows one balance as unframed inline text for a header or navbar,
 * "1,240 Points": the loyalty currency named by `loyalty-currency` (else the first one), or the
 * stored value with `show="quickpay"`; no frame, no expiry lines, on one line; in the colour and
 * size of the surrounding text (unless `--loyalty-color-text` is set). Loading, error (with a small
 * Retry) and signed out are one line too.
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
 * @csspart inline - `variant="inline"`: the one line of text, "1,240 Points" (also `content`; its figure is `amount`, its name `label`).
 * @cssprop --loyalty-balance-amount-size - Size of the figures (default `1.5em`).
 * @cssprop --loyalty-balance-row-gap - Space between balances (default `0.75 × --loyalty-space-m`).
 * @cssprop --loyalty-balance-min-height - The element's minimum height. Before the script runs, `loyalty-elements.css` reserves it, defaulting to the typical height (7.375em: 118 px at 16 px: stored value and points), so nothing moves when the element appears; once upgraded only a value the page sets applies (the skeleton already has the data's outline).
 */
export class LoyaltyBalance extends LoyaltyElement {
  static override styles = [baseStyles, balanceStyles, minHeight('--loyalty-balance-min-height'), inlineBalanceStyles];

  /** Which balances to show: `all` (default), `points` (loyalty currencies) or `quickpay` (stored value). */
  @property({ useDefault: true }) show: BalanceShow = 'all';

  /** Label of the stored-value balance. Default: "Quick Pay balance", in the page's language. */
  @property({ attribute: 'stored-value-label', useDefault: true }) storedValueLabel = '';

  /** ISO 4217 code of money balances whose platform names none (Spaaza's cashback), e.g. `EUR`. */
  @property({ useDefault: true }) currency = '';

  /**
   * `inline`: one balance as unframed text on one line, for a navbar ("1,240 Points"); `card`
   * (default): the framed list.
   */
  @property({ reflect: true, useDefault: true }) variant: BalanceVariant = 'card';

  /**
   * With `variant="inline"`: the name of the loyalty currency to show, as the platform names it
   * (any case), e.g. `Points`. Default, or when the member has none of that name: the first one.
   */
  @property({ attribute: 'loyalty-currency', useDefault: true }) loyaltyCurrency = '';

  /**
   * How many loyalty currencies (points, stars…) your typical member has, so the loading skeleton
   * has the balance's final outline: one row each, under the stored-value row where it is shown.
   * Default `1`.
   */
  @property({ type: Number, attribute: 'skeleton-rows', useDefault: true }) skeletonRows = 1;

  /**
   * How many upcoming-expiry lines ("120 Points expire on …") the loading skeleton draws under the
   * first currency: as many as your typical member has. Default `0`.
   */
  @property({ type: Number, attribute: 'skeleton-expiring', useDefault: true }) skeletonExpiring = 0;

  /** What the polite live region says: set when a shown figure changes after the first load. */
  @state() private announcement = '';
  private lastSummary?: { generation: number; text: string };

  private balances = this.queryTask(() => (this.supports('balances') ? queries.balances() : undefined));

  protected override renderContent(): TemplateResult {
    return html`${this.renderTask(this.balances, {
      skeleton: () => (this.inline ? this.renderInlineSkeleton() : this.renderSkeleton()),
      complete: (b) => (this.inline ? this.renderInline(b) : this.renderBalances(b)),
      empty: (b) => (this.isEmpty(b) ? html`<p class="state" part="state empty">${this.emptyText()}</p>` : undefined),
    })}
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>`;
  }

  // derived from the data before rendering: an announcement set from `updated()` would render twice
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.announceChange();
  }

  private get showStored() {
    return this.show !== 'points' && this.supports('stored-value');
  }

  private get showCurrencies() {
    return this.show !== 'quickpay';
  }

  private isEmpty(b: Balances): boolean {
    if (this.inline) return !this.inlineBalance(b);
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
      <dd part="amount">${figure(formatMoney(money.amount, money.currency, this.locale))}</dd>
    </div>`;
  }

  private renderCurrency(c: LoyaltyCurrencyBalance) {
    return html`<div class="row" part="row currency">
      <dt part="label">${c.name}</dt>
      <dd part="amount">${figure(this.amount(c))}</dd>
      ${
        c.expiring.length
          ? html`<dd class="expiring"><ul part="expirations" aria-label=${msg(str`${c.name} expiring soon`, { desc: 'The placeholder is the name of a loyalty currency, e.g. Points.' })}>
            ${c.expiring.map((e) => {
              const amount = formatNumber(e.amount, this.locale);
              const date = html`<time dir="ltr" datetime=${e.date.toISOString()}>${formatDate(e.date, this.locale)}</time>`;
              return html`<li part="expiration">
                ${isolated(msg(html`${amount} ${c.name} expire on ${date}`, { desc: 'E.g. "120 Points expire on Mar 3, 2027".' }))}
              </li>`;
            })}
          </ul></dd>`
          : nothing
      }
    </div>`;
  }

  /** A loyalty currency's figure; a money balance (cashback) as money. */
  private amount(c: LoyaltyCurrencyBalance) {
    return c.money === undefined ? formatNumber(c.balance, this.locale) : formatMoney(c.balance, c.money || this.currency || undefined, this.locale);
  }

  /** The outline of the data: the stored-value row where shown, `skeleton-rows` currencies, `skeleton-expiring` lines under the first. */
  private renderSkeleton() {
    const currencies = this.showCurrencies ? Math.max(1, Math.floor(this.skeletonRows || 1)) : 0;
    const expiring = Math.max(0, Math.floor(this.skeletonExpiring || 0));
    const rows = [...(this.showStored ? ['8em'] : []), ...Array.from({ length: currencies }, () => '5em')];
    const bone = (w: string, kind = '') => html`<span class="bone ${kind}" ${cssProps({ '--_loyalty-bone-width': w })}></span>`;
    return html`<div class="visually-hidden">${msg('Loading balances…')}</div>
      <dl part="content" aria-hidden="true">
        ${(rows.length ? rows : ['5em']).map(
          (w, i) => html`<div class="row" part="row">
            <dt>${bone(w)}</dt>
            <dd>${bone(i ? '3em' : '5em', 'amount')}</dd>
            ${
              expiring && i === (this.showStored ? 1 : 0)
                ? html`<dd class="expiring"><ul>${Array.from({ length: expiring }, () => html`<li>${bone('12em')}</li>`)}</ul></dd>`
                : nothing
            }
          </div>`,
        )}
      </dl>`;
  }

  // ── variant="inline" ──

  private get inline(): boolean {
    return this.variant?.toLowerCase() === 'inline';
  }

  /** The one balance the inline variant shows: stored value with `show="quickpay"`, else the named or first loyalty currency. */
  private inlineBalance(b: Balances): { amount: string; name: string } | undefined {
    if (this.show === 'quickpay') {
      return this.showStored && b.storedValue
        ? { amount: formatMoney(b.storedValue.amount, b.storedValue.currency, this.locale), name: this.storedLabel }
        : undefined;
    }
    const wanted = this.loyaltyCurrency.trim().toLowerCase();
    const c = (wanted && b.currencies.find((c) => c.name.trim().toLowerCase() === wanted)) || b.currencies[0];
    return c ? { amount: this.amount(c), name: c.name } : undefined;
  }

  private renderInline(b: Balances) {
    const balance = this.inlineBalance(b)!;
    return html`<span class="inline" part="content inline"><span part="amount">${figure(balance.amount)}</span> <span part="label">${balance.name}</span></span>`;
  }

  private renderInlineSkeleton() {
    return html`<span class="visually-hidden">${msg('Loading balances…')}</span><span class="bone inline-bone" aria-hidden="true"></span>`;
  }

  protected override renderSignedOut(): TemplateResult {
    if (!this.inline) return super.renderSignedOut();
    const text = this.sessionState?.expired ? msg('Your session has expired.') : msg('Sign in to see your balance.');
    return html`<span class="state inline" part="state signed-out">${text}</span>`;
  }

  protected override renderError(error: unknown, retry: () => void): TemplateResult {
    if (!this.inline) return super.renderError(error, retry);
    const { text } = describeError(error);
    // a short line in the navbar; the kit's sentence for screen readers and as a tooltip (the platform's words: hidden error-detail)
    return html`<span class="state error inline" part="state error" role="alert" title=${text}>
      <span part="error-message">${msg('Balance unavailable', { desc: 'Short error in the one-line (navbar) form of the balance.' })}</span>
      <span class="visually-hidden">${text}</span>${errorDetail(error)}
      <button type="button" part="retry" class="inline-retry" @click=${retry}>${msg('Retry')}</button>
    </span>`;
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
    if (last && last.generation === value.generation && last.text !== text)
      this.announcement = msg(str`Balance updated: ${text}`, {
        desc: 'Announced to screen readers; the placeholder lists the balances, e.g. "Points 20, Quick Pay balance $15.00".',
      });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-balance': LoyaltyBalance;
  }
}
