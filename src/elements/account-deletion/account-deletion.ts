import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Profile } from '../../api/types.js';
import { ConfirmDialog } from '../../internal/confirm-dialog.js';
import { errorLine } from '../../internal/error-text.js';
import { cssProps } from '../../internal/css-props.js';
import { minHeight } from '../../internal/reserve.js';
import { LoyaltyElement } from '../../internal/loyalty-element.js';
import { errorDetail } from '../../internal/error-detail.js';
import { baseStyles } from '../../internal/styles.js';
import { queries } from '../../session/session.js';
import { accountDeletionStyles } from './account-deletion.styles.js';

/**
 * Lets the member delete their account in the platform's two steps. Step 1: "Delete my account",
 * a confirmation dialog, then the platform emails a one-time code ("Check your email"). Step 2,
 * on the page the email links to: given the code (`deletion-code`, or the URL's `code` with
 * `code-from-url`), a final confirmation deletes the account and ends the session, so every
 * element shows signed out. A wrong or used code deletes nothing and says so.
 *
 * A platform that deletes in one step (no `account-deletion-code` capability, e.g. Spaaza) has no
 * email step: "Delete my account", the final confirmation, and the account is deleted.
 *
 * Minimum width: 15em (240 px at a 16-px base), set on the element (`account-deletion { min-width: … }` changes it); figures, costs, tokens and dates never break across lines, free text wraps between words.
 *
 * @tag account-deletion
 * @fires {CustomEvent<undefined>} loyalty-account-deletion-requested - Step 1 done: the platform is emailing the member a confirmation code.
 * @fires {CustomEvent<undefined>} loyalty-account-deleted - Step 2 done: the account is deleted and the session ended.
 * @csspart message - What happens, or what happened.
 * @csspart delete - The button that starts a step.
 * @csspart resend - "Email me a new link", after a code was refused.
 * @csspart error - Why a step failed.
 * @csspart actions - The row of buttons.
 * @csspart dialog - The confirmation dialog (also `dialog-heading`, `dialog-body`, `dialog-actions`, `dialog-confirm`, `dialog-cancel`).
 * @csspart skeleton - The placeholder shown while loading.
 * @cssprop --loyalty-account-deletion-min-height - The element's minimum height. Before the script runs, `loyalty-elements.css` reserves it, defaulting to the typical height (9.375em: the two-step message and its button), so nothing moves when the element appears; once upgraded only a value the page sets applies (the skeleton already has the data's outline).
 */
export class AccountDeletion extends LoyaltyElement {
  static override styles = [baseStyles, accountDeletionStyles, minHeight('--loyalty-account-deletion-min-height')];

  /** The code from the confirmation email. When set, the element offers the final step. */
  @property({ attribute: 'deletion-code', useDefault: true }) deletionCode = '';

  /** Take the code from the page URL's `code` parameter (the link in the email) when `deletion-code` is not set. */
  @property({ type: Boolean, attribute: 'code-from-url', useDefault: true }) codeFromUrl = false;

  /** Which confirmation the dialog asks for. */
  @state() private asking: 'request' | 'confirm' = 'request';
  /** A finished step, for the session generation it happened in. */
  @state() private done?: { step: 'requested' | 'deleted'; generation?: number };

  private profile = this.queryTask(() => (this.supports('account-deletion') ? queries.profile() : undefined));
  private dialog = new ConfirmDialog(this);
  private request = this.mutation({ run: (b, id: string) => b.requestAccountDeletion(id), invalidates: [] });
  /** The final step: with the emailed code, or at once where the platform deletes in one step (no code). */
  private finalize = this.mutation({
    run: (b, code: string, id: string) => (code ? b.confirmAccountDeletion(code, id) : b.deleteAccount(id)),
    invalidates: [],
  });

  private get code(): string {
    return this.deletionCode || (this.codeFromUrl && new URLSearchParams(location.search).get('code')) || '';
  }

  private get finished() {
    return this.done?.generation === this.sessionState?.generation ? this.done?.step : undefined;
  }

  /** The code the last failure was about: a new code (attribute, or the URL's) clears that failure. */
  private failedCode = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // a new code was supplied: the error about the previous one no longer holds
    if (changed.has('deletionCode') || changed.has('codeFromUrl')) {
      if (this.finalize.status === 'error' && this.code !== this.failedCode) this.finalize.reset();
      if (this.request.status === 'error' && this.code) this.request.reset();
    }
  }

  /** Focuses the first control: the confirmation code's field when it is asked for, else the delete button. */
  override focus(options?: FocusOptions): void {
    this.focusFirstControl(['[part~="base"]'], options);
  }

  protected override renderContent(): TemplateResult {
    if (this.finished === 'deleted') return html`<p part="message" tabindex="-1">${msg('Your account has been deleted.')}</p>`;
    return this.renderTask(this.profile, {
      // the message does not depend on the data: the skeleton shows it, with the button's outline
      skeleton: () => html`${this.renderMessage(this.supports('account-deletion-code') ? this.code : '')}
        <div class="actions" aria-hidden="true"><span class="bone" ${cssProps({ '--_loyalty-bone-width': '11em', height: '2.25em' })}></span></div>`,
      complete: (p) => this.renderSteps(p),
    });
  }

  protected override renderSignedOut(): TemplateResult {
    return this.code ? html`<p class="state" part="state signed-out">${msg('Sign in to finish deleting your account.')}</p>` : super.renderSignedOut();
  }

  private renderMessage(code: string) {
    const oneStep = !this.supports('account-deletion-code');
    return html`<p part="message">
      ${
        code
          ? msg('Finish deleting your account: your points, rewards, cards and history will be gone for good.')
          : oneStep
            ? msg('Deleting your account removes your points, rewards, cards and history for good.')
            : msg('Deleting your account removes your points, rewards, cards and history for good. We will email you a link to confirm first.')
      }
    </p>`;
  }

  private renderSteps(p: Profile) {
    const oneStep = !this.supports('account-deletion-code');
    const code = oneStep ? '' : this.code;
    const final = oneStep || !!code;
    if (this.finished === 'requested' && !code)
      return html`<p part="message" tabindex="-1">
        ${msg(html`<strong>Check your email to confirm.</strong> We sent a link to ${p.email}. Your account is deleted only when you follow it.`)}
      </p>`;
    const failed = [this.request, this.finalize].find((m) => m.status === 'error')?.error;
    const refused = !oneStep && failed === this.finalize.error && failed?.kind === 'http' && failed.status! < 500;
    const busy = this.request.pending || this.finalize.pending;
    return html`${this.renderMessage(code)}
      ${
        failed
          ? html`<p class="error" part="error" role="alert">
            ${refused ? msg('That confirmation code is wrong or has already been used. Your account has not been deleted.') : errorLine(failed)}${errorDetail(failed)}
          </p>`
          : nothing
      }
      <div class="actions" part="actions">
        <button type="button" class="danger" part="delete" aria-disabled=${busy} @click=${() => this.start(final ? 'confirm' : 'request', p, code)}>
          ${code ? msg('Delete my account permanently') : msg('Delete my account')}
        </button>
        ${
          refused
            ? html`<button type="button" class="secondary" part="resend" aria-disabled=${busy} @click=${() => this.start('request', p, '')}>${msg('Email me a new link')}</button>`
            : nothing
        }
      </div>
      ${this.dialog.render(
        this.asking === 'confirm'
          ? {
              heading: msg('Delete your account for good?'),
              body: msg('Your account, points, rewards, cards and history will be deleted. This cannot be undone.'),
              confirm: msg('Delete my account'),
            }
          : {
              heading: msg('Delete your account?'),
              body: msg(str`We will email ${p.email} a link to confirm. Nothing is deleted until you follow it.`),
              confirm: msg('Send the email'),
            },
      )}`;
  }

  private async start(step: 'request' | 'confirm', p: Profile, code: string) {
    const session = this.sessionState;
    if (!session || this.request.pending || this.finalize.pending) return;
    this.asking = step;
    if (!(await this.dialog.ask())) return;
    if (step === 'request') {
      if (!(await this.request.run(p.id)).ok) return;
      this.done = { step: 'requested', generation: session.generation };
      this.emit('loyalty-account-deletion-requested');
    } else {
      this.failedCode = code;
      if (!(await this.finalize.run(code, p.id)).ok) return;
      void session.signOut(); // forgets the key at once: every element shows signed out
      this.done = { step: 'deleted', generation: session.generation };
      this.emit('loyalty-account-deleted');
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'account-deletion': AccountDeletion;
  }
  interface HTMLElementEventMap {
    /** `<account-deletion>`: step 1 done, the platform is emailing the member a confirmation code. */
    'loyalty-account-deletion-requested': CustomEvent<undefined>;
    /** `<account-deletion>`: step 2 done, the account is deleted and the session ended. */
    'loyalty-account-deleted': CustomEvent<undefined>;
  }
}
