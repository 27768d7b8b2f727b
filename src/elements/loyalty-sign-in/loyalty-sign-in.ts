import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { LoyaltyError } from '../../api/errors.js';
import { fieldErrorText } from '../../internal/error-text.js';
import { formStyles } from '../../internal/form-styles.js';
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
  return fieldErrorText(e);
}

/**
 * Signs the member in with email and password (through the session's backend and its
 * `vendor-id`), or says who is signed in, with a Sign out button.
 *
 * The password is read from its field when the form is sent, handed to the session and cleared
 * from the field: it is never kept in a property, put in an event, an error or a log line.
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
 */
export class LoyaltySignIn extends LoyaltyElement {
  static override styles = [baseStyles, formStyles, signInStyles];

  @state() private failure = '';
  @state() private busy = false;
  @state() private announcement = '';
  /** The email the member signed in with here (the profile's name replaces it once loaded). */
  private email = '';

  private profile = this.queryTask(() => (this.supports('profile') ? queries.profile() : undefined));

  protected override renderContent() {
    return html`${this.sessionState?.signedIn ? this.renderSignedIn() : this.renderForm()}
      <span class="visually-hidden" role="status">${this.announcement}</span>`;
  }

  private renderSignedIn() {
    const p = this.profile.value?.generation === this.sessionState?.generation ? this.profile.value?.data : undefined;
    const who = (p && `${p.firstName} ${p.lastName}`.trim()) || p?.email || this.email;
    return html`<div class="signed-in" part="signed-in">
      <p part="greeting">${who ? msg(html`Signed in as <strong>${who}</strong>`) : msg('You are signed in.')}</p>
      <button type="button" class="secondary" part="sign-out" @click=${this.signOut}>${msg('Sign out')}</button>
    </div>`;
  }

  private renderForm() {
    const invalid = this.failure ? 'true' : 'false';
    const described = this.failure ? 'sign-in-error' : nothing;
    return html`<form part="form" novalidate @submit=${this.submit}>
      <div class="field" part="field">
        <label for="email" part="label">${msg('Email')}</label>
        <input id="email" name="email" type="email" autocomplete="email" part="input" aria-invalid=${invalid} aria-describedby=${described} />
      </div>
      <div class="field" part="field">
        <label for="password" part="label">${msg('Password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" part="input" aria-invalid=${invalid} aria-describedby=${described} />
      </div>
      ${this.failure ? html`<p id="sign-in-error" class="error" part="error" role="alert">${this.failure}</p>` : nothing}
      <div class="actions" part="actions"><button type="submit" part="submit" ?disabled=${this.busy}>${this.busy ? msg('Signing in…') : msg('Sign in')}</button></div>
    </form>`;
  }

  private input(name: string) {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const session = this.sessionState;
    if (this.busy) return;
    const email = this.input('email').value.trim();
    const password = this.input('password');
    this.busy = true;
    this.failure = '';
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
      this.report(new LoyaltyError(err.kind, this.failure, { status: err.status, code: err.code, referenceId: err.referenceId, field: err.field }));
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
    'loyalty-signed-in': CustomEvent<{ email: string }>;
    'loyalty-signed-out': CustomEvent<undefined>;
  }
}
