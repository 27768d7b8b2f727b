import { TaskStatus } from '@lit/task';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Page, PointsMovement, Transaction } from '../../api/types.js';
import { figure, isolated } from '../../internal/bidi.js';
import { cssProps } from '../../internal/css-props.js';
import { formatDate, formatMoney, formatNumber } from '../../internal/format.js';
import { minHeight } from '../../internal/reserve.js';
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
 * Printed, the list is not a scroll box: every loaded row prints, none split across pages, and a
 * line says how many recent orders that is when older ones were not loaded.
 *
 * Minimum width: 15em (240 px at a 16-px base), set on the element (`transaction-history { min-width: … }` changes it); figures, costs, tokens and dates never break across lines, free text wraps between words. Narrower than 20em of content, an order's store goes under its date.
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
 * @csspart print-note - Printed under the list when older orders are not loaded: how many recent ones the page holds (not shown on screen).
 * @csspart skeleton - The placeholder shown while loading.
 * @cssprop --loyalty-transaction-history-height - Height of the scrolling list (default `24em`).
 * @cssprop --loyalty-transaction-history-row-height - Height of one order (default `4em`); every row has this height.
 * @cssprop --loyalty-transaction-history-min-height - The element's minimum height. Before the script runs, `loyalty-elements.css` reserves it, defaulting to the typical height (26.125em: six orders), so nothing moves when the element appears; once upgraded only a value the page sets applies (the skeleton already has the data's outline).
 */
export class TransactionHistory extends LoyaltyElement {
  static override styles = [baseStyles, historyStyles, minHeight('--loyalty-transaction-history-min-height')];

  /** Show only the last N orders, without paging (a compact "recent orders" variant); `0` (default) pages through all. */
  @property({ type: Number, useDefault: true }) limit = 0;

  /** ISO 4217 code of order totals when the platform does not name one (Spoonity's history does not), e.g. `CAD`. */
  @property({ useDefault: true }) currency = '';

  /**
   * How many rows the loading skeleton draws (without `limit`; with it, `limit` rows), so the list
   * does not change height when the orders arrive: a typical count for your members. Default `6`,
   * a full scroll box at the default heights.
   */
  @property({ type: Number, attribute: 'skeleton-rows', useDefault: true }) skeletonRows = 6;

  /** First and last index of the rows in the DOM. */
  @state() private range = [0, 3 * OVERSCAN];

  private history = this.queryTask(() => (this.supports('history') ? queries.history() : undefined));
  private pager = new Pager<Transaction>(
    this,
    (s, cursor) => s.query(queries.history(cursor)),
    (e) => this.report(e),
  );
  private frame = 0;

  /**
   * Printing: every loaded row is rendered (not only those near the scroll position), and no page
   * loads by itself. Set by `beforeprint`/`afterprint` and by the `print` media query (emulation,
   * or a browser that fires only one of them).
   */
  @state() private printing = false;
  private printQuery?: MediaQueryList;

  override connectedCallback(): void {
    super.connectedCallback();
    this.printQuery ??= matchMedia('print');
    this.printQuery.addEventListener('change', this.onPrintMedia);
    addEventListener('beforeprint', this.onBeforePrint);
    addEventListener('afterprint', this.onAfterPrint);
    this.printing = this.printQuery.matches;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.printQuery?.removeEventListener('change', this.onPrintMedia);
    removeEventListener('beforeprint', this.onBeforePrint);
    removeEventListener('afterprint', this.onAfterPrint);
  }

  private onPrintMedia = () => (this.printing = !!this.printQuery?.matches);
  private onBeforePrint = () => (this.printing = true);
  private onAfterPrint = () => (this.printing = !!this.printQuery?.matches);

  protected override renderContent(): TemplateResult {
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.loadAhead();
  }

  protected override updated(): void {
    this.measure();
  }

  /**
   * Starts the next page when the rendered window comes near the end of what is loaded (or `limit`
   * wants more), before rendering: its "Loading…" state is part of this update, not a second
   * render scheduled from `updated()`.
   */
  private loadAhead() {
    const session = this.sessionState;
    const v = this.history.value;
    if (!this.isConnected || this.printing || !session?.signedIn || !v || v.generation !== session.generation) return;
    const p = this.pager.sync(v.data, v.generation);
    const n = p.items.length;
    if (this.history.status === TaskStatus.COMPLETE && p.next && !p.pending && !p.error && (this.limit ? n < this.limit : this.range[1] + OVERSCAN >= n))
      void p.loadMore(session);
  }

  private renderList(first: Page<Transaction>) {
    const p = this.pager.sync(first, this.sessionState!.generation);
    const all = this.limit > 0 ? p.items.slice(0, this.limit) : p.items;
    const start = this.printing ? 0 : Math.min(this.range[0], all.length);
    const end = this.printing ? all.length : Math.min(this.range[1], all.length);
    const size = p.next && !this.limit ? -1 : all.length;
    return html`<div part="content" tabindex="0" role="group" aria-label=${msg('Order history')} @scroll=${this.onScroll}>
        <ol part="list" ${cssProps({ padding: `calc(${start} * var(--_loyalty-row)) 0 calc(${all.length - end} * var(--_loyalty-row))` })}>
          ${all.slice(start, end).map((t, i) => this.renderRow(t, start + i + 1, size))}
        </ol>
      </div>
      ${
        this.limit
          ? nothing
          : p.error
            ? this.renderError(p.error, () => void p.loadMore(this.sessionState))
            : p.next
              ? html`<button type="button" class="secondary more" part="more" ?disabled=${p.pending} @click=${this.loadMore}>
                ${p.pending ? msg('Loading…') : msg('Load more')}
              </button>`
              : nothing
      }
      ${
        p.next && !this.limit
          ? html`<p class="print-only state" part="print-note">${msg(
              str`The ${formatNumber(all.length, this.locale)} most recent orders. Load more on screen to print older ones.`,
              {
                desc: 'Printed under the order history when older orders were not loaded; the placeholder is a number.',
              },
            )}</p>`
          : nothing
      }`;
  }

  private renderRow(t: Transaction, position: number, size: number) {
    const l = this.locale;
    // money moves as money (the locale's currency format, "+€1.80"); points with their unit
    const moved = (m: PointsMovement, amount: number) =>
      m.money === undefined
        ? `${formatNumber(amount, l, { signDisplay: 'always' })} ${m.currency}`
        : formatMoney(amount, m.money || this.currency || undefined, l, { signDisplay: 'always' });
    // each run isolated, so a right-to-left page keeps "+21 Points" (not "Points 21+")
    const details: unknown[] = [
      ...(t.description ? [isolated(t.description)] : []),
      ...t.points.flatMap((m) => [...(m.earned ? [figure(moved(m, m.earned))] : []), ...(m.spent ? [figure(moved(m, -m.spent))] : [])]),
      ...(t.rewardsUsed.length
        ? [isolated(msg(str`Used: ${t.rewardsUsed.join(', ')}`, { desc: 'Rewards used on an order; the placeholder lists their names.' }))]
        : []),
    ];
    return html`<li part="row" aria-posinset=${position} aria-setsize=${size}>
      <span part="summary"><time part="date" dir="ltr" datetime=${t.date.toISOString()}>${formatDate(t.date, l, WHEN)}</time>${
        t.location ? html`<span class="separator"> · </span><span part="location">${isolated(t.location)}</span>` : nothing
      }</span>
      <span part="total">${t.total ? figure(formatMoney(t.total.amount, t.total.currency ?? (this.currency || undefined), l)) : nothing}</span>
      <span part="details">${details.map((d, i) => (i ? html`<span class="separator"> · </span>${d}` : d))}</span>
    </li>`;
  }

  private renderSkeleton() {
    return html`<div class="visually-hidden">${msg('Loading orders…')}</div>
      <div part="content" aria-hidden="true">
        <ol>
          ${Array.from({ length: this.limit > 0 ? this.limit : Math.max(1, this.skeletonRows) }, (_, i) => [9, 7, 8, 6][i % 4]).map(
            (
              w,
            ) => html`<li><span class="bone" ${cssProps({ '--_loyalty-bone-width': `${w}em` })}></span><span class="bone" ${cssProps({ '--_loyalty-bone-width': '4em' })}></span>
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
    if (!base || !row || this.printing) return;
    const first = Math.floor(base.scrollTop / row);
    const last = first + Math.ceil(base.clientHeight / row);
    // the rows on screen, with half the overscan around them, are already rendered: nothing to do
    // (so the first render, whose window is a guess, is not followed by a second one)
    if (this.range[0] <= Math.max(0, first - OVERSCAN / 2) && this.range[1] >= last + OVERSCAN / 2) return;
    this.range = [Math.max(0, first - OVERSCAN), last + OVERSCAN];
  }

  /** Loads the next page; at the end the button goes away, so focus moves to the list. */
  private loadMore = () => this.pager.loadMoreFromButton(this.sessionState, () => this.renderRoot.querySelector<HTMLElement>('[part~="content"]'));
}

declare global {
  interface HTMLElementTagNameMap {
    'transaction-history': TransactionHistory;
  }
}
