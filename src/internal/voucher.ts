import { figure } from './bidi.js';
import { errorDetail } from './error-detail.js';
import { msg } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Reward } from '../api/types.js';
import { refusalText } from './error-text.js';
import { formatDate, relativeDays } from './format.js';
import type { Mutation, MutationOptions } from './mutation.js';

/** Sets a held reward aside for the next purchase, or takes it back; refreshes every reward read. */
export const claimVoucher: MutationOptions<[Reward], void> = {
  run: (b, reward) => b.claimReward(reward, !reward.voucher?.claimed),
  invalidates: ['rewards'],
};

/** An element's claim toggles: one write at a time, its failure shown next to the voucher it was for. */
export class VoucherClaims {
  private target?: string;

  constructor(
    private readonly claim: Mutation<[Reward], void>,
    /** Whether the platform can claim (`reward-claim`). */
    private readonly supported: () => boolean,
    /** Fires `loyalty-voucher-claimed`. */
    private readonly done: (reward: Reward, claimed: boolean) => void,
  ) {}

  controls(r: Reward): VoucherControls {
    return {
      canClaim: this.supported() && !!r.voucher?.claimable,
      pending: this.claim.pending,
      error: this.target === r.id && this.claim.status === 'error' ? refusalText(this.claim.error) : undefined,
      failure: this.target === r.id && this.claim.status === 'error' ? this.claim.error : undefined,
      toggle: async () => {
        this.target = r.id;
        if ((await this.claim.run(r)).ok) this.done(r, !r.voucher?.claimed);
      },
    };
  }
}

export interface VoucherControls {
  /** Offer the claim toggle: the platform can claim (`reward-claim`) and this voucher may be claimed. */
  canClaim: boolean;
  pending: boolean;
  /** Why the last claim of this voucher failed, in the kit's words. */
  error?: string;
  /** The failure itself (its platform words go to the hidden `error-detail`). */
  failure?: unknown;
  toggle: () => Promise<void>;
}

/**
 * What a reward the member holds (a voucher) shows under its name, the same in every element: its
 * state, the code to show where it is redeemed, its expiry, and a toggle button (`aria-pressed`)
 * that sets it aside for the next purchase.
 */
export function voucherDetails(r: Reward, c: VoucherControls, locale: string | undefined): TemplateResult {
  const claimed = !!r.voucher?.claimed;
  return html`<p part="voucher-status">${claimed ? msg('Set aside for your next purchase') : msg('Ready to use')}</p>
    ${r.voucher?.code ? html`<p part="voucher-code">${msg(html`Code: <strong>${figure(r.voucher.code)}</strong>`)}</p>` : nothing}
    ${r.expires ? html`<p class="muted" part="expires">${expiresOn(r.expires, locale)}</p>` : nothing}
    ${
      c.canClaim
        ? html`<button type="button" class="secondary" part="claim" aria-pressed=${claimed} ?disabled=${c.pending}
          @click=${(e: Event) => {
            e.stopPropagation(); // not a choice of the reward itself
            void c.toggle();
          }}>${msg('Use on my next purchase')}<span class="visually-hidden">: ${r.name}</span></button>`
        : nothing
    }
    ${c.error ? html`<p class="error" part="claim-error" role="alert">${c.error}${errorDetail(c.failure)}</p>` : nothing}`;
}

/** "Expires Mar 3, 2027", and how soon in words when that is within a month ("Expires Mar 3, 2027 (in 3 days)"). */
export function expiresOn(date: Date, locale: string | undefined): TemplateResult {
  const soon = relativeDays(date, locale);
  const time = html`<time dir="ltr" datetime=${date.toISOString()}>${formatDate(date, locale)}</time>`;
  return html`${msg(html`Expires ${time}`, { desc: 'Followed by a date, e.g. "Expires Mar 3, 2027".' })}${soon ? ` (${soon})` : nothing}`;
}

export const voucherStyles = css`
  [part~='claim'] {
    justify-self: start;
    grid-column: 1 / -1;
    padding: 0.375em 1em;
    min-height: 2.25em;
    font-weight: 400;
    color: var(--_loyalty-accent);
    border: 1px solid var(--_loyalty-border);
  }
  [part~='claim'][aria-pressed='true'] {
    color: var(--_loyalty-on-accent);
    background: var(--_loyalty-accent);
  }
  [part~='voucher-status'],
  [part~='voucher-code'] {
    grid-column: 1 / -1;
    margin: 0;
  }
`;

declare global {
  interface HTMLElementEventMap {
    /** `<reward-progress>`, `<card-wallet>`: a voucher was set aside for the next purchase (`claimed: true`) or taken back. */
    'loyalty-voucher-claimed': CustomEvent<{ reward: Reward; claimed: boolean }>;
  }
}
