import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoyaltyBackend } from '../../api/backend.js';
import type { LoyaltyError } from '../../api/errors.js';
import type { Card, CardKind, CardStatus, LinkCardInput, Reward } from '../../api/types.js';
import { cssProps } from '../../internal/css-props.js';
import { ConfirmDialog } from '../../internal/confirm-dialog.js';
import { errorLine, fieldErrorText } from '../../internal/error-text.js';
import { formStyles } from '../../internal/form-styles.js';
import { formatDate } from '../../internal/format.js';
import { minHeight } from '../../internal/reserve.js';
import { LoyaltyElement } from '../../internal/loyalty-element.js';
import { figure, isolated } from '../../internal/bidi.js';
import { errorDetail } from '../../internal/error-detail.js';
import { baseStyles } from '../../internal/styles.js';
import { VoucherClaims, claimVoucher, voucherDetails, voucherStyles } from '../../internal/voucher.js';
import { queries } from '../../session/session.js';
import { cardWalletStyles } from './card-wallet.styles.js';

type Draft = { kind?: CardKind; number: string; pin: string };
type Field = 'number' | 'pin' | 'form';
type Errors = Partial<Record<Field, string>>;

const KINDS: readonly CardKind[] = ['first-party', 'third-party'];
const kindLabel = (kind: CardKind) => (kind === 'first-party' ? msg('Loyalty card') : msg('Partner card'));
const BLANK: Draft = { number: '', pin: '' };
const keyOf = (c: Card) => `${c.kind}:${c.id}`;

/**
 * The member's linked cards, of every kind, each with a masked number (last four digits; the
 * whole number on an explicit "Show number"), its status and when it was linked. The member
 * links a card (number and PIN, checked before anything is sent), reports one lost, marks it
 * found, or removes it after confirming in a dialog. Each action sends one request however
 * often it is clicked, is never retried, and leaves the screen unchanged when it fails, saying
 * why. The PIN is never shown, and is forgotten once the card is linked (or the form closed).
 *
 * A platform with one member card instead of linked cards (`member-card`, e.g. Spaaza) shows that
 * card read-only: no link form, no lost, found or remove. Where the platform issues vouchers
 * (`vouchers`), they are listed below the cards, each with a toggle that sets it aside for the next
 * purchase where allowed (`reward-claim`).
 *
 * Minimum width: 15em (240 px at a 16-px base), set on the element (`card-wallet { min-width: … }` changes it); figures, costs, tokens and dates never break across lines, free text wraps between words.
 *
 * @tag card-wallet
 * @fires {CustomEvent<Card>} loyalty-card-added - A card was linked; `detail` is the normalized card (its `id` is `''` when the platform's answer did not carry it).
 * @fires {CustomEvent<Card>} loyalty-card-status-changed - A card was reported lost or marked found; `detail` is the card with its new `status`.
 * @fires {CustomEvent<Card>} loyalty-card-remove-request - Cancelable, before the confirmation dialog opens. `preventDefault()` to veto the removal (nothing is asked or sent), e.g. to ask your own question.
 * @fires {CustomEvent<Card>} loyalty-card-removed - A card was unlinked; `detail` is the card.
 * @fires {CustomEvent<{ reward: Reward; claimed: boolean }>} loyalty-voucher-claimed - A voucher was set aside for the next purchase (`claimed: true`) or taken back.
 * @csspart content - Everything shown when signed in: the list and the link form.
 * @csspart list - The list of cards.
 * @csspart card - One card (also `active` or `lost`).
 * @csspart summary - The kind, number, status and link date of a card.
 * @csspart kind - The kind of a card ("Loyalty card", "Partner card").
 * @csspart number - The card number, masked unless shown.
 * @csspart status - "Active" or "Lost".
 * @csspart linked - When the card was linked.
 * @csspart actions - The buttons of one card.
 * @csspart action - Each button of a card (also `reveal`, `status-action` or `remove`).
 * @csspart action-error - Why an action on a card failed.
 * @csspart link-button - The "Link card" button that opens the form.
 * @csspart form - The link form.
 * @csspart kinds - The card-type choice of the form (when more than one kind can be linked).
 * @csspart field - A label, its input and its message.
 * @csspart label - The label of a field, or of the card-type choice.
 * @csspart choice - One card type: its radio button and name.
 * @csspart radio - The radio button of a card type.
 * @csspart input - A text input of the form.
 * @csspart field-error - What is wrong with one field.
 * @csspart form-error - Why a link failed, when it is about no field in particular.
 * @csspart form-actions - The form's buttons.
 * @csspart submit - The form's "Link card" button.
 * @csspart cancel - The form's "Cancel" button.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart vouchers - The vouchers: their label and list (also `vouchers-label`, `voucher-list`, `voucher` (and `claimed` when set aside), `voucher-name`, `description`, `voucher-status`, `voucher-code`, `expires`, `claim`, `claim-error`).
 * @csspart dialog - The removal confirmation (also `dialog-heading`, `dialog-body`, `dialog-actions`, `dialog-confirm`, `dialog-cancel`).
 * @cssprop --loyalty-card-wallet-gap - Space between cards (default `0.75 × --loyalty-space-m`).
 * @cssprop --loyalty-card-wallet-min-height - The element's minimum height. Before the script runs, `loyalty-elements.css` reserves it, defaulting to the typical height (10.6875em: one card with its buttons, and "Link card"), so nothing moves when the element appears; once upgraded only a value the page sets applies (the skeleton already has the data's outline).
 */
export class CardWallet extends LoyaltyElement {
  static override styles = [baseStyles, formStyles, cardWalletStyles, voucherStyles, minHeight('--loyalty-card-wallet-min-height')];

  /**
   * Which kinds of card the member may link, space-separated: `first-party` (default) and/or
   * `third-party`. The list always shows every linked card, labelled by kind.
   */
  @property({ useDefault: true }) kinds = 'first-party';

  /** How many cards the loading skeleton draws, so the wallet does not grow when they arrive: a typical count for your members. Default `1`. */
  @property({ type: Number, attribute: 'skeleton-rows', useDefault: true }) skeletonRows = 1;

  @state() private formOpen = false;
  @state() private draft: Draft = BLANK;
  @state() private errors: Errors = {};
  @state() private revealed = new Set<string>();
  @state() private failed?: { key: string; message: string; error?: LoyaltyError };
  /** Why the last link failed (its platform words go to a hidden `error-detail`); cleared by an edit. */
  @state() private linkFailure?: LoyaltyError;
  @state() private announcement = '';
  /** What the server confirmed, shown over `base` until the refreshed list replaces it. */
  @state() private confirmed?: { base: Card[]; cards: Card[] };

  private cards = this.queryTask(() => (this.supports('cards') || this.supports('member-card') ? queries.cards() : undefined));
  private vouchers = this.queryTask(() => (this.supports('vouchers') ? queries.vouchers() : undefined));
  private claims = new VoucherClaims(
    this.mutation(claimVoucher),
    () => this.supports('reward-claim'),
    (reward, claimed) => this.emit('loyalty-voucher-claimed', { reward, claimed }),
  );
  private dialog = new ConfirmDialog(this);
  private target?: Card;
  private generation?: number;

  private write = <A extends unknown[], R>(run: (b: LoyaltyBackend, ...args: A) => Promise<R>) => this.mutation({ run, invalidates: ['cards'] });
  private adding = this.write((b, input: LinkCardInput) => b.linkCard(input));
  private lost = this.write((b, card: Card) => b.reportCardLost(card));
  private found = this.write((b, card: Card) => b.reportCardFound(card));
  private removal = this.write((b, card: Card) => b.removeCard(card));

  /** The kinds the form offers, and the one chosen. */
  private get kind(): [CardKind[], CardKind] {
    const asked = KINDS.filter((k) => this.kinds.split(/\s+/).includes(k));
    const kinds = asked.length ? asked : KINDS.slice(0, 1);
    return [kinds, kinds.find((k) => k === this.draft.kind) ?? kinds[0]];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const generation = this.sessionState?.generation;
    if (generation === this.generation) return;
    // another member (or none): nothing typed, shown or confirmed for the previous one survives
    this.generation = generation;
    this.formOpen = false;
    this.draft = BLANK;
    this.errors = {};
    this.revealed = new Set();
    this.failed = this.confirmed = undefined;
    this.announcement = '';
    this.dialog.close();
  }

  /** Focuses the first field of the link form when it is open, else its "Link card" button, else the first card's first action. */
  override focus(options?: FocusOptions): void {
    this.focusFirstControl(['[part~="form"]', '[part~="link-button"]', '[part~="base"]'], options);
  }

  protected override renderContent(): TemplateResult {
    return html`${this.renderTask(this.cards, {
      skeleton: () => this.renderSkeleton(),
      complete: (cards) => this.renderWallet(this.confirmed?.base === cards ? this.confirmed.cards : cards),
    })}
      ${
        (this.sessionState?.signedIn || this.awaitingKey) && this.supports('vouchers')
          ? this.renderTask(this.vouchers, {
              skeleton: () => this.renderVouchersSkeleton(),
              complete: (vouchers) => this.renderVouchers(vouchers),
            })
          : nothing
      }
      ${this.dialog.render({
        heading: msg('Remove this card?'),
        body: msg(str`The card ending in ${this.target?.number.slice(-4)} will no longer be linked to your account. You can link it again later.`),
        confirm: msg('Remove card'),
      })}
      <span class="visually-hidden" role="status">${this.announcement}</span>`;
  }

  /**
   * The wallet's outline before the list arrives: `skeleton-rows` cards, each drawn with the words
   * the card will show (its kind, a masked number, its status, a link date; transparent on a bone)
   * so it wraps where the card will, and its buttons (reveal, and where cards can be acted on, the
   * status and remove buttons), then the "Link card" button.
   */
  private renderSkeleton() {
    const linking = this.supports('cards');
    // the words to come, unseen (`visibility: hidden`) on a bone: they take the place and the line
    // breaks the card will have, in any font and language
    const words = (content: unknown, props: Record<string, string> = {}) =>
      html`<span class="bone" ${cssProps({ '--_loyalty-bone-width': 'auto', ...props })}><span ${cssProps({ visibility: 'hidden' })}>${content}</span></span>`;
    const button = (label: string) => words(label, { height: 'calc(2.25em + 2px)', padding: 'calc(0.375em + 1px) calc(1em + 1px)' });
    const linked = html`<time>${formatDate(new Date(2024, 0, 1), this.locale)}</time>`;
    return html`<p class="visually-hidden">${msg('Loading cards…')}</p>
      <div aria-hidden="true">
        <ul>
          ${Array.from(
            { length: Math.max(1, this.skeletonRows) },
            () => html`<li>
              <div part="summary">
                <span>${words(kindLabel('first-party'))}</span><span>${words('•••• 0000', { 'font-weight': '600', 'font-variant-numeric': 'tabular-nums' })}</span><span>${words(msg('Active'))}</span>${
                  linking ? html`<span>${words(msg(html`Linked ${linked}`, { desc: 'When a card was linked, e.g. "Linked Mar 3, 2026".' }))}</span>` : nothing
                }
              </div>
              <div class="actions">${button(msg('Show number'))}${this.supports('card-status') ? html`${button(msg('Report lost'))}${button(msg('Remove'))}` : nothing}</div>
            </li>`,
          )}
        </ul>
        ${linking ? button(msg('Link card')) : nothing}
      </div>`;
  }

  /** The vouchers' outline while they load: their label and one line (the outline of an empty list). */
  private renderVouchersSkeleton() {
    return html`<p class="visually-hidden">${msg('Loading vouchers…')}</p>
      <div aria-hidden="true">
        <p class="label"><span class="bone" ${cssProps({ '--_loyalty-bone-width': '5em' })}></span></p>
        <p class="state"><span class="bone" ${cssProps({ '--_loyalty-bone-width': '10em' })}></span></p>
      </div>`;
  }

  private renderWallet(cards: Card[]) {
    // without `cards` the platform has one member card: shown, never linked or changed here
    const linking = this.supports('cards');
    return html`<div part="content">
      ${
        cards.length
          ? html`<ul part="list" aria-label=${linking ? msg('Linked cards') : msg('Member card')}>${cards.map((c) => this.renderCard(c))}</ul>`
          : html`<p class="state" part="state empty">${linking ? msg('No cards linked yet') : msg('No member card yet')}</p>`
      }
      ${
        !linking
          ? nothing
          : this.formOpen || !cards.length
            ? this.renderForm(cards.length > 0)
            : html`<button type="button" class="secondary" part="link-button" @click=${this.openForm}>${msg('Link card')}</button>`
      }
    </div>`;
  }

  private renderVouchers(vouchers: Reward[]) {
    return html`<div part="vouchers" role="group" aria-labelledby="vouchers-label">
      <p id="vouchers-label" class="label" part="vouchers-label">${msg('Vouchers')}</p>
      ${
        vouchers.length
          ? html`<ul part="voucher-list">
            ${vouchers.map(
              (r) => html`<li part="voucher${r.voucher?.claimed ? ' claimed' : ''}">
                <span part="voucher-name">${isolated(r.name)}</span>
                ${r.description || r.summary ? html`<span part="description">${r.description || r.summary}</span>` : nothing}
                ${voucherDetails(r, this.claims.controls(r), this.locale)}
              </li>`,
            )}
          </ul>`
          : html`<p class="state" part="state empty">${msg('No vouchers right now')}</p>`
      }
    </div>`;
  }

  private renderCard(c: Card) {
    const key = keyOf(c);
    const shown = this.revealed.has(key);
    const lost = c.status === 'lost';
    const busy = this.lost.pending || this.found.pending || this.removal.pending;
    const last4 = c.number.slice(-4);
    // every button's name starts with its visible label, then says which card it acts on
    const which = html`<span class="visually-hidden">${msg(str`, card ending in ${last4}`, { desc: 'Appended to a button label for screen readers, e.g. "Remove, card ending in 4242".' })}</span>`;
    return html`<li part="card ${c.status}" data-key=${key}>
      <div part="summary">
        <span part="kind">${kindLabel(c.kind)}</span>
        <span part="number">${
          shown
            ? figure(c.number.replace(/(\d{4})(?=\d)/g, '$1 '))
            : html`<span aria-hidden="true" dir="ltr">•••• ${last4}</span><span class="visually-hidden">${msg(str`ending in ${last4}`)}</span>`
        }</span>
        <span part="status">${lost ? msg('Lost') : msg('Active')}</span>
        ${c.linked ? html`<span part="linked">${msg(html`Linked ${html`<time dir="ltr" datetime=${c.linked.toISOString()}>${formatDate(c.linked, this.locale)}</time>`}`, { desc: 'When a card was linked, e.g. "Linked Mar 3, 2026".' })}</span>` : nothing}
      </div>
      <div class="actions" part="actions">
        <button type="button" class="secondary" part="action reveal" aria-pressed=${shown} @click=${() => this.reveal(key)}>${msg('Show number')}${which}</button>
        ${
          this.supports('card-status')
            ? html`<button type="button" class="secondary" part="action status-action" ?disabled=${busy} @click=${() => this.act(c, lost ? 'active' : 'lost')}>${lost ? msg('Mark found') : msg('Report lost')}${which}</button>
            <button type="button" class="secondary" part="action remove" ?disabled=${busy} @click=${() => this.askRemove(c)}>${msg('Remove')}${which}</button>`
            : nothing
        }
      </div>
      ${this.failed?.key === key ? html`<p class="error" part="action-error" role="alert">${this.failed.message}${errorDetail(this.failed.error)}</p>` : nothing}
    </li>`;
  }

  private renderForm(cancelable: boolean) {
    const [kinds, kind] = this.kind;
    return html`<form part="form" aria-label=${msg('Link a card')} novalidate @submit=${this.submit}>
      ${
        kinds.length > 1
          ? html`<fieldset class="field" part="kinds"><legend part="label">${msg('Card type')}</legend>${kinds.map(
              (k) =>
                html`<label class="choice" part="choice"><input type="radio" part="radio" name="kind" .checked=${k === kind} @change=${() => this.edit({ kind: k }, 'pin')} /> ${kindLabel(k)}</label>`,
            )}</fieldset>`
          : nothing
      }
      ${this.field('number', msg('Card number'), 'text')} ${this.field('pin', kind === 'first-party' ? msg('PIN') : msg('PIN (optional)'), 'password')}
      ${this.errors.form ? html`<p class="error" part="form-error" role="alert">${this.errors.form}${errorDetail(this.linkFailure)}</p>` : nothing}
      <div class="actions" part="form-actions">
        <button part="submit" ?disabled=${this.adding.pending}>${msg('Link card')}</button>
        ${cancelable ? html`<button type="button" class="secondary" part="cancel" @click=${this.closeForm}>${msg('Cancel')}</button>` : nothing}
      </div>
    </form>`;
  }

  private field(name: 'number' | 'pin', label: string, type: 'text' | 'password') {
    const error = this.errors[name];
    return html`<div class="field" part="field">
      <label for=${name} part="label">${label}</label>
      <input id=${name} part="input" type=${type} inputmode="numeric" autocomplete="off" .value=${this.draft[name]}
        aria-invalid=${!!error} aria-describedby=${error ? `${name}-error` : nothing}
        @input=${(e: Event) => this.edit({ [name]: (e.target as HTMLInputElement).value }, name)} />
      ${error ? html`<p id="${name}-error" class="error" part="field-error">${error}${errorDetail(this.linkFailure)}</p>` : nothing}
    </div>`;
  }

  private edit(change: Partial<Draft>, field: Field) {
    this.draft = { ...this.draft, ...change };
    this.errors = { ...this.errors, [field]: undefined, form: undefined };
    this.linkFailure = undefined;
  }

  private reveal(key: string) {
    const revealed = new Set(this.revealed);
    if (!revealed.delete(key)) revealed.add(key);
    this.revealed = revealed;
  }

  private openForm = () => {
    this.formOpen = true;
    return this.focusOn('#number');
  };

  private closeForm = () => {
    this.formOpen = false;
    this.draft = BLANK;
    this.errors = {};
    return this.focusOn('[part~="link-button"]');
  };

  /** Shows the list as the server now has it, until the refreshed list lands. */
  private confirm(change: (cards: Card[]) => Card[], said: string) {
    const base = this.cards.value?.data ?? [];
    this.confirmed = { base, cards: change(this.confirmed?.base === base ? this.confirmed.cards : base) };
    this.announcement = said;
  }

  private submit = async (e: Event) => {
    e.preventDefault();
    const [, kind] = this.kind;
    const number = this.draft.number.replace(/[\s-]/g, '');
    const pin = this.draft.pin.trim();
    // what to fix, field by field, before anything is sent
    const errors: Errors = {
      number: !number
        ? msg('Enter the card number.')
        : /\D/.test(number)
          ? msg('The card number can only contain digits.')
          : number.length < 8 || number.length > 19
            ? msg('The card number must be 8 to 19 digits long.')
            : undefined,
      pin: /\D/.test(pin) ? msg('The PIN can only contain digits.') : !pin && kind === 'first-party' ? msg('Enter the PIN printed on the card.') : undefined,
    };
    if (!errors.number && !errors.pin) {
      const result = await this.adding.run({ kind, number, pin: pin || undefined });
      if (result.ok) {
        const card = result.value;
        this.confirm((cards) => [...cards, card], msg(str`Card ending in ${number.slice(-4)} linked.`));
        this.formOpen = false;
        this.draft = BLANK;
        this.errors = {};
        this.emit('loyalty-card-added', card);
        return this.focusOn('[part~="link-button"]', true);
      }
      if (result.ignored) return;
      // the kit's sentence next to the field the platform's words are about (those words: hidden detail, event)
      const message = result.error.message;
      const field: Field = /\bpin\b/i.test(message) ? 'pin' : /number|card/i.test(message) ? 'number' : 'form';
      errors[field] = field === 'form' ? errorLine(result.error) : fieldErrorText(result.error);
      this.linkFailure = result.error;
    }
    this.errors = errors;
    return this.focusOn('[aria-invalid="true"], [part~="submit"]');
  };

  private async askRemove(card: Card) {
    this.failed = undefined;
    if (!this.emit('loyalty-card-remove-request', card, { cancelable: true })) return;
    this.target = card;
    if (await this.dialog.ask()) await this.act(card);
  }

  /** Reports `card` lost, marks it found (`active`), or removes it (no status). */
  private async act(card: Card, status?: CardStatus) {
    this.failed = undefined;
    const key = keyOf(card);
    const result = await (status ? (status === 'lost' ? this.lost : this.found) : this.removal).run(card);
    if (result.ok) {
      const changed = { ...card, status: status ?? card.status };
      this.confirm(
        (cards) => (status ? cards.map((c) => (keyOf(c) === key ? changed : c)) : cards.filter((c) => keyOf(c) !== key)),
        status === 'lost'
          ? msg(str`Card ending in ${card.number.slice(-4)} reported lost.`)
          : status
            ? msg(str`Card ending in ${card.number.slice(-4)} marked found.`)
            : msg(str`Card ending in ${card.number.slice(-4)} removed.`),
      );
      this.emit(status ? 'loyalty-card-status-changed' : 'loyalty-card-removed', changed);
    } else if (!result.ignored) {
      this.failed = { key, message: errorLine(result.error), error: result.error };
    }
    // the control was disabled while in flight: give keyboard users their place back
    await this.focusOn(`[data-key="${key}"] [part~="${status ? 'status-action' : 'remove'}"], [part~="link-button"], #number`, true);
  }

  /** Focuses the first match after the next render; with `ifLost`, only when focus fell out of the element. */
  private async focusOn(selector: string, ifLost = false) {
    await this.updateComplete;
    const active = this.shadowRoot?.activeElement as HTMLButtonElement | null;
    if (ifLost && (active ? !active.disabled : document.activeElement !== document.body)) return;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'card-wallet': CardWallet;
  }
  interface HTMLElementEventMap {
    /** `<card-wallet>`: a card was linked; `detail` is the normalized card. */
    'loyalty-card-added': CustomEvent<Card>;
    /** `<card-wallet>`: a card was reported lost or marked found; `detail` has its new `status`. */
    'loyalty-card-status-changed': CustomEvent<Card>;
    /** `<card-wallet>`: cancelable, before the removal is confirmed; `preventDefault()` vetoes it. */
    'loyalty-card-remove-request': CustomEvent<Card>;
    /** `<card-wallet>`: a card was unlinked; `detail` is the card. */
    'loyalty-card-removed': CustomEvent<Card>;
  }
}
