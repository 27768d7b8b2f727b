import { TaskStatus } from '@lit/task';
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Page, Transaction } from '../../api/types.js';
import { cssProps } from '../../internal/css-props.js';
import { formatDate, formatMoney, formatNumber } from '../../internal/format.js';
import { LoyaltyElement } from '../../internal/loyalty-element.js';
import { Pager } from '../../internal/pager.js';
import { baseStyles } from '../../internal/styles.js';
import { queries } from '../../session/session.js';
import { historyStyles } from './transaction-history.styles.js';

/** Rows rendered beyond each edge of the viewport; the next page loads when the window comes this close to the end. */
const OVERSCAN = 10;
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * The member's orders, newest first: date, store, total, points earned and spent, and the rewards
 * used (or, where the platform keeps a ledger, each entry with what it was). Pages load on request ("Load more") and by themselves as the list nears its end. Rows
 * have a fixed height and only those near the viewport are in the DOM, so 10,000 orders scroll
 * as smoothly as ten.
 *
 * @tag transaction-history
 * @csspart content - The scrolling list's container (focusable, so the keyboard scrolls it).
 * @csspart list - The list of orders.
 * @csspart row - One order.
 * @csspart summary - When and where: the date and the store.
 * @csspart date - When the order was placed.
 * @csspart location - The store.
 * @csspart total - The order's total.
 * @csspart details - What the entry was (where the platform says), points earned and spent, and the rewards used.
 * @csspart more - The "Load more" button.
 * @csspart skeleton - The placeholder shown while loading.
 * @cssprop --loyalty-transaction-history-height - Height of the scrolling list (default `24rem`).
 * @cssprop --loyalty-transaction-history-row-height - Height of one order (default `4rem`); every row has this height.
 */
export class TransactionHistory extends LoyaltyElement {
  static override styles = [baseStyles, historyStyles];

  /** Show only the last N orders, without paging (a compact "recent orders" variant); `0` (default) pages through all. */
  @property({ type: Number }) limit = 0;

  /** ISO 4217 code of order totals when the platform does not name one (Spoonity's history does not), e.g. `CAD`. */
  @property() currency = '';

  /** First and last index of the rows in the DOM. */
  @state() private range = [0, 3 * OVERSCAN];

  private history = this.queryTask(() => (this.supports('history') ? queries.history() : undefined));
  private pager = new Pager<Transaction>(this, (s, cursor) => s.query(queries.history(cursor)), (e) => this.report(e));
  private frame = 0;

  protected override renderContent() {
    const skeleton = () => this.renderSkeleton();
    return this.renderTask(this.history, {
      skeleton,
      complete: (page) => this.renderList(page),
      empty: (page) =>
        page.items.length
          ? undefined
          : html`<p class="state" part="state empty">${msg('No orders yet. Your first purchase will show up here, with the points it earns.')}</p>`,
    });
  }

  protected override updated(): void {
    this.measure();
    const p = this.pager;
    const n = p.items.length;
    if (this.isConnected && this.history.status === TaskStatus.COMPLETE && p.next && !p.pending && !p.error && (this.limit ? n < this.limit : this.range[1] + OVERSCAN >= n))
      p.loadMore(this.sessionState);
  }

  private renderList(first: Page<Transaction>) {
    const p = this.pager.sync(first, this.sessionState!.generation);
    const all = this.limit > 0 ? p.items.slice(0, this.limit) : p.items;
    const start = Math.min(this.range[0], all.length);
    const end = Math.min(this.range[1], all.length);
    const size = p.next && !this.limit ? -1 : all.length;
    return html`<div part="content" tabindex="0" role="group" aria-label=${msg('Order history')} @scroll=${this.onScroll}>
        <ol part="list" ${cssProps({ padding: `calc(${start} * var(--_loyalty-row)) 0 calc(${all.length - end} * var(--_loyalty-row))` })}>
          ${all.slice(start, end).map((t, i) => this.renderRow(t, start + i + 1, size))}
        </ol>
      </div>
      ${this.limit
        ? nothing
        : p.error
          ? this.renderError(p.error, () => p.loadMore(this.sessionState))
          : p.next
            ? html`<button type="button" class="secondary more" part="more" ?disabled=${p.pending} @click=${this.loadMore}>
                ${p.pending ? msg('Loading…') : msg('Load more')}
              </button>`
            : nothing}`;
  }

  private renderRow(t: Transaction, position: number, size: number) {
    const l = this.locale;
    const details = [
      t.description ?? '',
      ...t.points.flatMap((m) => [
        m.earned ? `${formatNumber(m.earned, l, { signDisplay: 'always' })} ${m.currency}` : '',
        m.spent ? `${formatNumber(-m.spent, l)} ${m.currency}` : '',
      ]),
      t.rewardsUsed.length ? msg(str`Used: ${t.rewardsUsed.join(', ')}`, { desc: 'Rewards used on an order; the placeholder lists their names.' }) : '',
    ];
    return html`<li part="row" aria-posinset=${position} aria-setsize=${size}>
      <span part="summary"><time part="date" datetime=${t.date.toISOString()}>${formatDate(t.date, l, WHEN)}</time>${t.location
          ? html` · <span part="location">${t.location}</span>`
          : nothing}</span>
      <span part="total">${t.total ? formatMoney(t.total.amount, t.total.currency ?? (this.currency || undefined), l) : nothing}</span>
      <span part="details">${details.filter(Boolean).join(' · ')}</span>
    </li>`;
  }

  private renderSkeleton() {
    return html`<div class="visually-hidden">${msg('Loading orders…')}</div>
      <div part="content" aria-hidden="true">
        <ol>
          ${[9, 7, 8, 6].map(
            (w) => html`<li><span class="bone" ${cssProps({ '--_loyalty-bone-width': `${w}em` })}></span><span class="bone" ${cssProps({ '--_loyalty-bone-width': '4em' })}></span>
              <span part="details"><span class="bone" ${cssProps({ '--_loyalty-bone-width': `${w + 2}em` })}></span></span></li>`,
          )}
        </ol>
      </div>`;
  }

  private onScroll = () => {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.measure();
    });
  };

  /** Which rows are near the viewport: every row is `--loyalty-transaction-history-row-height` tall. */
  private measure() {
    const base = this.renderRoot.querySelector<HTMLElement>('[part~="content"][tabindex]');
    const list = base?.firstElementChild as HTMLElement | undefined;
    const rows = this.limit > 0 ? Math.min(this.limit, this.pager.items.length) : this.pager.items.length;
    const row = rows && list ? list.offsetHeight / rows : 0;
    // no layout (not displayed, or removed while a page was loading): keep the window as it is
    if (!base || !row) return;
    const first = Math.floor(base.scrollTop / row);
    const range = [Math.max(0, first - OVERSCAN), first + Math.ceil(base.clientHeight / row) + OVERSCAN];
    if (range[0] !== this.range[0] || range[1] !== this.range[1]) this.range = range;
  }

  /** Loads the next page; at the end the button goes away, so focus moves to the list. */
  private loadMore = () =>
    this.pager.loadMoreFromButton(this.sessionState, () => this.renderRoot.querySelector<HTMLElement>('[part~="content"]'));
}

declare global {
  interface HTMLElementTagNameMap {
    'transaction-history': TransactionHistory;
  }
}
