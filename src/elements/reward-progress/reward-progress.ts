import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Reward, RewardList, Tier } from '../../api/types.js';
import { cssProps } from '../../internal/css-props.js';
import { formatDate, formatNumber } from '../../internal/format.js';
import { minHeight } from '../../internal/reserve.js';
import { LoyaltyElement } from '../../internal/loyalty-element.js';
import { Pager } from '../../internal/pager.js';
import { figure, isolated } from '../../internal/bidi.js';
import { baseStyles } from '../../internal/styles.js';
import { VoucherClaims, claimVoucher, expiresOn, voucherDetails, voucherStyles } from '../../internal/voucher.js';
import { queries } from '../../session/session.js';
import { rewardStyles } from './reward-progress.styles.js';

/** What the loading skeleton reserves for the tier block (`skeleton-tier`). */
export type SkeletonTier = 'name' | 'progress' | 'none';

/** Available rewards first (2), then by how close the member is (0…1); cheaper first on a tie. */
const closeness = (r: Reward) => (r.available > 0 ? 2 : r.cost ? r.progress / r.cost : 0);

/**
 * What the member can get: each reward with its cost, an accessible progress bar toward it, how
 * many are available now and when it expires; available rewards first, then the closest. Above
 * them, the member's tier and the progress to the next one. Choosing a reward only tells the page
 * (`loyalty-reward-select`); the element redeems nothing. Rewards the member already holds (a
 * platform's vouchers) come first, with their state and, where the platform allows it
 * (`reward-claim`), a toggle that sets one aside for the next purchase.
 *
 * Minimum width: 15em (240 px at a 16-px base), set on the element (`reward-progress { min-width: … }` changes it); figures, costs, tokens and dates never break across lines, free text wraps between words. Narrower than 18em of content, a reward's cost goes under its name.
 *
 * @tag reward-progress
 * @fires {CustomEvent<{ reward: Reward }>} loyalty-reward-select - A reward was clicked, or chosen with Enter/Space; `detail.reward` is the normalized reward (start a redemption flow from it).
 * @fires {CustomEvent<{ reward: Reward; claimed: boolean }>} loyalty-voucher-claimed - A voucher was set aside for the next purchase (`claimed: true`) or taken back.
 * @csspart tier - The tier block.
 * @csspart tier-label - "Tier: Gold, since …": the current tier and since when.
 * @csspart tier-name - The name of the current tier.
 * @csspart next-tier - What the next tier still needs.
 * @csspart list - The list of rewards.
 * @csspart reward - One reward.
 * @csspart reward-available - A reward the member can redeem now (also `reward`).
 * @csspart name - The reward's name: the button that selects it.
 * @csspart cost - The reward's cost in its currency.
 * @csspart description - The reward's description.
 * @csspart progress - A progress bar (`role="progressbar"`): toward a reward, or toward the next tier.
 * @csspart bar - The filled part of a progress bar.
 * @csspart progress-text - The visible "30 of 50 Points" beside a progress bar.
 * @csspart available - How many of the reward are available now.
 * @csspart expires - When the reward expires.
 * @csspart voucher - Added to `reward` for a reward the member holds (a voucher).
 * @csspart voucher-status - Whether a voucher is set aside for the next purchase.
 * @csspart voucher-code - The code to show where a voucher is redeemed.
 * @csspart claim - The "Use on my next purchase" toggle button of a voucher.
 * @csspart claim-error - Why a claim failed.
 * @csspart show-all - The "Show all (count)" or "Show more" button (with `limit`).
 * @csspart more - The "Load more" button.
 * @csspart skeleton - The placeholder shown while loading.
 * @cssprop --loyalty-reward-progress-bar-height - Height of the progress bars (default `0.5em`).
 * @cssprop --loyalty-reward-progress-bar-color - Fill of the progress bars and border of available rewards (default the accent colour).
 * @cssprop --loyalty-reward-progress-min-height - The element's minimum height. Before the script runs, `loyalty-elements.css` reserves it, defaulting to the typical height (26.25em: the tier line and three rewards), so nothing moves when the element appears; once upgraded only a value the page sets applies (the skeleton already has the data's outline).
 */
export class RewardProgress extends LoyaltyElement {
  static override styles = [baseStyles, rewardStyles, voucherStyles, minHeight('--loyalty-reward-progress-min-height')];

  /** Show only the rewards the member can redeem now. */
  @property({ type: Boolean, reflect: true, attribute: 'available-only', useDefault: true }) availableOnly = false;

  /**
   * Show the first N rewards, with a "Show all (count)" button (the server's count of rewards), or
   * "Show more" where the count is not known; `0` (default) shows every loaded reward.
   */
  @property({ type: Number, useDefault: true }) limit = 0;

  /**
   * How many rewards your typical member has, so the loading skeleton has the list's final outline
   * and nothing moves when they arrive: the skeleton draws that many rewards (at most `limit`), and
   * the "Show all" button when it is more than `limit`. `0` (default): `limit` rewards (else 3),
   * without the button.
   */
  @property({ type: Number, attribute: 'skeleton-rows', useDefault: true }) skeletonRows = 0;

  /**
   * What the loading skeleton reserves for the tier block (where the platform has tiers and
   * `hide-tier` is not set), as your typical member sees it: `name` (default) the tier's name line;
   * `progress` the name, what the next tier needs and its progress bar (a program with several
   * tiers); `none` nothing (most members hold no tier).
   */
  @property({ attribute: 'skeleton-tier', useDefault: true }) skeletonTier: SkeletonTier = 'name';

  /** Hide the tier block. */
  @property({ type: Boolean, reflect: true, attribute: 'hide-tier', useDefault: true }) hideTier = false;

  @state() private expanded = false;

  private data = this.queryTask(() => (this.supports('rewards') ? queries.rewards() : undefined));
  private claims = new VoucherClaims(
    this.mutation(claimVoucher),
    () => this.supports('reward-claim'),
    (reward, claimed) => this.emit('loyalty-voucher-claimed', { reward, claimed }),
  );

  private pager = new Pager<Reward>(
    this,
    (session, cursor) => session.query(queries.rewards(cursor)).then((r) => ({ items: r.rewards, page: r.page })),
    (e) => this.report(e),
  );

  protected override renderContent(): TemplateResult {
    return this.renderTask(this.data, { skeleton: () => this.renderSkeleton(), complete: (list) => this.renderList(list) });
  }

  private renderList(list: RewardList) {
    const session = this.sessionState!;
    const p = this.pager.sync({ items: list.rewards, page: list.page }, session.generation);
    const rewards = p.items.filter((r) => !this.availableOnly || r.available > 0).sort((a, b) => closeness(b) - closeness(a) || a.cost - b.cost);
    const shown = this.limit > 0 && !this.expanded ? rewards.slice(0, this.limit) : rewards;
    return html`${list.tier && !this.hideTier && this.supports('tiers') ? this.renderTier(list.tier) : nothing}
      ${
        shown.length
          ? html`<ul part="list" tabindex="-1" aria-label=${msg('Rewards')}>${shown.map((r) => this.renderReward(r))}</ul>`
          : html`<p class="state" part="state empty">${this.availableOnly ? msg('No rewards available yet.') : msg('No rewards yet.')}</p>`
      }
      ${
        shown.length < rewards.length
          ? html`<button type="button" class="secondary more" part="show-all" @click=${this.showAll}>${this.showAllLabel(rewards.length, p.next, list.page.total)}</button>`
          : p.error
            ? this.renderError(p.error, () => void p.loadMore(session))
            : p.next
              ? html`<button type="button" class="secondary more" part="more" ?disabled=${p.pending} @click=${() => this.loadMore()}>
                ${p.pending ? msg('Loading…') : msg('Load more')}
              </button>`
              : nothing
      }`;
  }

  private renderTier(t: Tier) {
    const next = t.count > 1 ? t.next : undefined;
    const n = (v: number) => formatNumber(v, this.locale);
    const since = t.current.since && html`<time dir="ltr" datetime=${t.current.since.toISOString()}>${formatDate(t.current.since, this.locale)}</time>`;
    return html`<div class="tier" part="tier">
      <span class="full" part="tier-label">${
        since
          ? msg(html`Tier: <strong part="tier-name">${t.current.name}</strong>, since ${since}`)
          : msg(html`Tier: <strong part="tier-name">${t.current.name}</strong>`)
      }</span>
      ${
        next
          ? html`<p part="next-tier">${isolated(msg(str`${n(Math.max(0, next.amount - next.progress))} more to reach ${next.name}`, { desc: 'E.g. "360 more to reach Gold" (a tier).' }))}</p>
            ${this.renderBar(next.progress, next.amount, msg(str`Progress to ${next.name}`), msg(str`${n(next.progress)} of ${n(next.amount)}`))}`
          : nothing
      }
    </div>`;
  }

  private renderReward(r: Reward) {
    const n = (v: number) => formatNumber(v, this.locale);
    return html`<li part="reward${r.available > 0 ? ' reward-available' : ''}${r.voucher ? ' voucher' : ''}" @click=${() => this.emit('loyalty-reward-select', { reward: r })}>
      <button type="button" part="name">${isolated(r.name)}</button>
      ${r.voucher ? nothing : html`<span part="cost">${figure(`${n(r.cost)} ${r.currencyName}`)}</span>`}
      ${r.description || r.summary ? html`<p part="description">${r.description || r.summary}</p>` : nothing}
      ${
        r.voucher
          ? voucherDetails(r, this.claims.controls(r), this.locale)
          : html`${this.renderBar(
              r.progress,
              r.cost,
              msg(str`${r.name}: progress`, { desc: 'Label of a progress bar; the placeholder is a reward name.' }),
              msg(str`${n(r.progress)} of ${n(r.cost)} ${r.currencyName}`, { desc: 'E.g. "30 of 50 Points".' }),
            )}
            <span part="available">${isolated(msg(str`${n(r.available)} available now`))}</span>
            ${r.expires ? html`<p class="muted" part="expires">${expiresOn(r.expires, this.locale)}</p>` : nothing}`
      }
    </li>`;
  }

  /** A progress bar whose text equivalent (`aria-valuetext`) is also the visible text beside it. */
  private renderBar(value: number, max: number, label: string, text: string) {
    return html`<div class="full" part="progress" role="progressbar" aria-label=${label} aria-valuemin="0"
        aria-valuemax=${max} aria-valuenow=${value} aria-valuetext=${text}>
        <div part="bar" ${cssProps({ width: `${max > 0 ? (100 * Math.min(value, max)) / max : 100}%` })}></div>
      </div>
      <span class="muted" part="progress-text" aria-hidden="true">${isolated(text)}</span>`;
  }

  /**
   * The list's outline before it arrives: the tier block (`skeleton-tier`), then each reward as the
   * data draws it (name and cost, a description line, the bar, its figures), then "Show all" where
   * `skeleton-rows` is more than `limit`.
   */
  private renderSkeleton() {
    const typical = Math.max(0, Math.floor(this.skeletonRows || 0));
    const rows = this.limit > 0 ? (typical ? Math.min(typical, this.limit) : this.limit) : typical || 3;
    const more = this.limit > 0 && typical > this.limit;
    const tier = this.hideTier || !this.supports('tiers') ? 'none' : (this.skeletonTier?.toLowerCase() ?? 'name');
    const bone = (w: string, height?: string) => html`<span class="bone" ${cssProps({ '--_loyalty-bone-width': w, height })}></span>`;
    const bar = html`<span class="full bone" ${cssProps({ '--_loyalty-bone-width': '100%', height: 'var(--_loyalty-bar-height)' })}></span>`;
    return html`<div class="visually-hidden">${msg('Loading rewards…')}</div>
      <div aria-hidden="true">
        ${
          tier === 'none'
            ? nothing
            : html`<div class="tier">
              <span class="full">${bone('10em')}</span>
              ${tier === 'progress' ? html`<span class="full">${bone('11em')}</span>${bar}<span class="muted">${bone('5em')}</span>` : nothing}
            </div>`
        }
        <ul>
          ${Array.from({ length: rows }, (_, i) => [8, 6, 7][i % 3]).map(
            (w) => html`<li>
              <span>${bone(`${w}em`)}</span><span>${bone('4em')}</span>
              <span class="full muted">${bone('16em')}</span>
              ${bar}
              <span class="muted">${bone('7em')}</span><span>${bone('7em')}</span>
            </li>`,
          )}
        </ul>
        ${more ? html`<span class="bone more" ${cssProps({ '--_loyalty-bone-width': '7em', height: 'calc(2.25em + 2px)' })}></span>` : nothing}
      </div>`;
  }

  /**
   * "Show all (N)" only with a true N: every reward is loaded (N is what is held), or the server
   * counted them (not with `available-only`, which it does not count); else "Show more".
   */
  private showAllLabel(held: number, next: string | null, total: number | undefined) {
    const count = !next ? held : !this.availableOnly && total !== undefined && total >= held ? total : undefined;
    return count === undefined ? msg('Show more') : msg(str`Show all (${count})`);
  }

  /** Reveals the rest, moving focus to the first reward that appeared (the button goes away). */
  private showAll = async () => {
    this.expanded = true;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('[part~="name"]')[this.limit]?.focus();
  };

  /** Loads the next page; at the end the button goes away, so focus moves to the list. */
  private loadMore() {
    return this.pager.loadMoreFromButton(this.sessionState, () => this.renderRoot.querySelector<HTMLElement>('[part~="list"]'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reward-progress': RewardProgress;
  }
  interface HTMLElementEventMap {
    /** `<reward-progress>`: a reward was clicked or chosen with Enter/Space. */
    'loyalty-reward-select': CustomEvent<{ reward: Reward }>;
  }
}
