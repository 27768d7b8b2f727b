import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { LoyaltyError } from '../../api/errors.js';
import { cssProps } from '../../internal/css-props.js';
import { errorLine } from '../../internal/error-text.js';
import { formStyles } from '../../internal/form-styles.js';
import { minHeight } from '../../internal/reserve.js';
import { LoyaltyElement } from '../../internal/loyalty-element.js';
import { baseStyles } from '../../internal/styles.js';
import { queries } from '../../session/session.js';
import { signInStyles } from './loyalty-sign-in.styles.js';

/** What the member reads when sign-in fails: by cause, never the raw request. */
function failureMessage(e: LoyaltyError): string {
  if (e.kind === 'auth') return msg('That email address and password do not match. Check them and try again.');
  if (e.status === 403 || String(e.code) === '16902')
    return msg('This account is not verified yet. Follow the link in your verification email, then sign in again.');
  if (e.kind === 'network' || e.kind === 'timeout') return msg('We could not reach the loyalty service. Check your connection and try again.');
  // the kit's sentence by kind and status (the platform's words: hidden detail, event)
  return errorLine(e);
}

/**
 * Signs the member in with email and password (through the session's backend and its
 * `vendor-id`), or says who is signed in, with a Sign out button.
 *
 * The password is read from its field when the form is sent, handed to the session and cleared
 * from the field: it is never kept in a property, put in an event, an error or a log line.
 *
 * Minimum width: 15em (240 px at a 16-px base), set on the element (`loyalty-sign-in { min-width: … }` changes it); figures, costs, tokens and dates never break across lines, free text wraps between words.
 *
 * @tag loyalty-sign-in
 * @fires {CustomEvent<{ email: string }>} loyalty-signed-in - The member signed in; the session now holds their key.
 * @fires {CustomEvent<undefined>} loyalty-signed-out - The member signed out with this element's Sign out button.
 * @csspart form - The sign-in form.
 * @csspart field - A label with its input.
 * @csspart label - The label of an input.
 * @csspart input - The email and password inputs.
 * @csspart error - Why sign-in failed.
 * @csspart actions - The row of the Sign in button.
 * @csspart submit - The Sign in button.
 * @csspart signed-in - The signed-in state: who, and the Sign out button.
 * @csspart greeting - "Signed in as …".
 * @csspart sign-out - The Sign out button.
 * @csspart skeleton - The signed-in outline while the member's name loads, or while `<loyalty-session pending>` waits for a key.
 * @cssprop --loyalty-sign-in-min-height - The element's minimum height. Before the script runs, `loyalty-elements.css` reserves it, defaulting to the typical height (4.5em: the signed-in line and Sign out), so nothing moves when the element appears; once upgraded only a value the page sets applies (the skeleton already has the data's outline).
 */
export class LoyaltySignIn extends LoyaltyElement {
  static override styles = [baseStyles, formStyles, signInStyles, minHeight('--loyalty-sign-in-min-height')];

  @state() private failure = '';
  /** Which field the failure is about (`both`: the pair, as a refused sign-in is). */
  @state() private failureField: 'email' | 'password' | 'both' = 'both';
  /** The platform's words about the failure (never holding the password), for the hidden `error-detail`. */
  @state() private failureDetail = '';
  @state() private busy = false;
  @state() private announcement = '';
  /** The email the member signed in with here (the profile's name replaces it once loaded). */
  private email = '';

  private profile = this.queryTask(() => (this.supports('profile') ? queries.profile() : undefined));

  /** Focuses the form's first field (the email address); signed in, the Sign out button. */
  override focus(options?: FocusOptions): void {
    this.focusFirstControl(['[part~="form"]', '[part~="signed-in"]'], options);
  }

  protected override renderContent(): TemplateResult {
    return html`${this.sessionState?.signedIn ? this.renderSignedIn() : this.awaitingKey ? this.renderSkeleton() : this.renderForm()}
      <span class="visually-hidden" role="status">${this.announcement}</span>`;
  }

  private renderSignedIn() {
    const p = this.profile.value?.generation === this.sessionState?.generation ? this.profile.value?.data : undefined;
    // the name is on its way (not failed): its outline, so the greeting does not jump
    if (!p && !this.email && this.supports('profile') && this.profile.status !== TaskStatus.ERROR) return this.renderSkeleton();
    const who = (p && `${p.firstName} ${p.lastName}`.trim()) || p?.email || this.email;
    return html`<div class="signed-in" part="signed-in">
      <p part="greeting">${who ? msg(html`Signed in as <strong>${who}</strong>`) : msg('You are signed in.')}</p>
      <button type="button" class="secondary" part="sign-out" @click=${this.signOut}>${msg('Sign out')}</button>
    </div>`;
  }

  /** The signed-in outline (greeting, Sign out) while the key or the member's name is on its way. */
  private renderSkeleton() {
    return this.renderBusy(html`<p class="visually-hidden">${msg('Signing you in…')}</p>
      <div class="signed-in" aria-hidden="true">
        <p><span class="bone" ${cssProps({ '--_loyalty-bone-width': '14em' })}></span></p>
        <span class="bone" ${cssProps({ '--_loyalty-bone-width': '6em', height: 'calc(2.25em + 2px)' })}></span>
      </div>`);
  }

  private renderForm() {
    const on = (field: 'email' | 'password') => !!this.failure && (this.failureField === 'both' || this.failureField === field);
    const invalid = (field: 'email' | 'password') => (on(field) ? 'true' : 'false');
    const described = (field: 'email' | 'password') => (on(field) ? 'sign-in-error' : nothing);
    return html`<form part="form" novalidate @submit=${this.submit} @input=${this.onInput}>
      <div class="field" part="field">
        <label for="email" part="label">${msg('Email')}</label>
        <input id="email" name="email" type="email" autocomplete="email" part="input" aria-invalid=${invalid('email')} aria-describedby=${described('email')} />
      </div>
      <div class="field" part="field">
        <label for="password" part="label">${msg('Password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" part="input" aria-invalid=${invalid('password')} aria-describedby=${described('password')} />
      </div>
      ${
        this.failure
          ? html`<p id="sign-in-error" class="error" part="error" role="alert">${this.failure}${this.failureDetail ? html` <span part="error-detail">${this.failureDetail}</span>` : nothing}</p>`
          : nothing
      }
      <div class="actions" part="actions"><button type="submit" part="submit" ?disabled=${this.busy}>${this.busy ? msg('Signing in…') : msg('Sign in')}</button></div>
    </form>`;
  }

  private input(name: string) {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  }

  /** An edit clears the error (the typed values stay). */
  private onInput() {
    this.failure = this.failureDetail = '';
  }

  /** What is wrong with the form before anything is sent, if anything. */
  private check(email: string, password: string): { field: 'email' | 'password'; text: string } | undefined {
    if (!email && !password) return { field: 'email', text: msg('Enter your email address and password.') };
    if (!email) return { field: 'email', text: msg('Enter your email address.') };
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { field: 'email', text: msg('Enter an email address like name@example.com.') };
    if (!password) return { field: 'password', text: msg('Enter your email address and password.') };
    return undefined;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const session = this.sessionState;
    if (this.busy) return;
    const email = this.input('email').value.trim();
    const password = this.input('password');
    // nothing is sent for "foo@" or an empty field: the member learns at once, next to the field
    const wrong = this.check(email, password.value);
    if (wrong) {
      this.failure = wrong.text;
      this.failureField = wrong.field;
      await this.updateComplete;
      this.input(wrong.field).focus();
      return;
    }
    this.failureField = 'both';
    this.busy = true;
    this.failure = this.failureDetail = '';
    try {
      if (!session) throw new LoyaltyError('unsupported', 'This sign-in form is not connected to a <loyalty-session>.');
      await session.signIn({ email, password: password.value });
      this.email = email;
      this.announcement = msg(str`Signed in as ${email}.`);
      this.emit('loyalty-signed-in', { email });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=sign-out]')?.focus();
    } catch (error) {
      const err = error instanceof LoyaltyError ? error : new LoyaltyError('network', 'Sign-in failed. Please try again.');
      // our own message, never one that could echo the request
      const message = failureMessage(err);
      this.failure = password.value.length > 3 && message.includes(password.value) ? msg('Sign-in failed. Please try again.') : message;
      // the platform's own words go to the merchant (event, hidden detail), unless they echo the password
      const platform = err.fromPlatform && err.message && !(password.value.length > 3 && err.message.includes(password.value)) ? err.message : '';
      this.failureDetail = platform;
      this.report(
        new LoyaltyError(err.kind, platform || this.failure, {
          status: err.status,
          code: err.code,
          referenceId: err.referenceId,
          field: err.field,
          fromPlatform: !!platform,
        }),
      );
      await this.updateComplete;
      (err.field === 'email' || !email ? this.input('email') : password).focus();
    } finally {
      password.value = ''; // not even the field keeps it once sent
      this.busy = false;
    }
  }

  private signOut() {
    void this.sessionState?.signOut();
    this.email = '';
    this.announcement = msg('Signed out.');
    this.emit('loyalty-signed-out');
    void this.updateComplete.then(() => this.input('email')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-sign-in': LoyaltySignIn;
  }
  interface HTMLElementEventMap {
    /** `<loyalty-sign-in>`: the member signed in; the session now holds their key. */
    'loyalty-signed-in': CustomEvent<{ email: string }>;
    /** `<loyalty-sign-in>`: the member signed out with its Sign out button. */
    'loyalty-signed-out': CustomEvent<undefined>;
  }
}
