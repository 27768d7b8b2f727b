import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Profile, ProfileChanges, ProfileField } from '../../api/types.js';
import { cssProps } from '../../internal/css-props.js';
import type { BackendRules } from '../../api/backend.js';
import type { LoyaltyError } from '../../api/errors.js';
import { errorDetail } from '../../internal/error-detail.js';
import { errorLine, fieldErrorText } from '../../internal/error-text.js';
import { formStyles } from '../../internal/form-styles.js';
import { formatDate } from '../../internal/format.js';
import { minHeight } from '../../internal/reserve.js';
import { LoyaltyElement, type Stamped } from '../../internal/loyalty-element.js';
import { baseStyles } from '../../internal/styles.js';
import { queries } from '../../session/session.js';
import { profileFormStyles } from './profile-form.styles.js';

/** The changed fields, as `loyalty-profile-updated` reports them. */
export type ProfileUpdate = Omit<ProfileChanges, 'currentPassword'>;

interface Field {
  /** Its name in `fields`, and the form control's `name`. */
  key: string;
  /** In the page's language (read at render time). */
  label: () => string;
  /** Where the value goes in `ProfileChanges`. */
  prop: keyof ProfileChanges;
  type?: 'email' | 'tel' | 'date' | 'password' | 'text';
  autocomplete?: 'email' | 'tel' | 'bday' | 'given-name' | 'family-name' | 'current-password' | 'language';
  get: (p: Profile) => string;
  /** The typed value as the model's (default: the text, trimmed). */
  put?: (v: string) => unknown;
  /** Why a changed value cannot be sent, if it cannot (`rules`: what the platform accepts). */
  check?: (v: string, rules: BackendRules) => string | undefined;
  /** The kit's sentence when the platform refused the value (default: a general one). */
  invalid?: (rules: BackendRules) => string;
  /** Attributes of its input (`min`/`max` of the birthdate), at render time. */
  bounds?: () => { min: string; max: string };
  /** Whether an API error message is about this field. */
  match: (message: string) => boolean;
}

/** The contact-consent choices, by the value the platform stores (0…3). */
const consentChoices = () => [msg('Do not contact me'), msg('Email only'), msg('Text messages (SMS) only'), msg('Email and text messages')];
const isoDate = (d?: Date) => (d && !isNaN(+d) ? d.toISOString().slice(0, 10) : '');
const about = (r: RegExp) => (m: string) => r.test(m);
const required = (why: () => string) => (v: string) => (v.trim() ? undefined : why());

/**
 * A plausible birthdate: a member is 13 to 120 years old (a year typed as 0099, or a birthdate next
 * year, is a typo). The input's `min` and `max` say the same to the date picker.
 */
const AGE = { min: 13, max: 120 } as const;
const yearsAgo = (years: number, now = new Date()) => new Date(Date.UTC(now.getFullYear() - years, now.getMonth(), now.getDate()));
const birthBounds = () => ({ min: isoDate(yearsAgo(AGE.max)), max: isoDate(yearsAgo(AGE.min)) });
const birthdateCheck = (v: string) => {
  if (!v) return msg('Enter your birthdate.');
  const { min, max } = birthBounds();
  // ISO dates compare as text; a malformed one (or year 0099) falls outside
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || isNaN(Date.parse(v))) return msg('Enter your birthdate: you must be between 13 and 120 years old.');
  if (v > isoDate(new Date())) return msg('Enter a birthdate in the past.');
  return v < min || v > max ? msg('Enter your birthdate: you must be between 13 and 120 years old.') : undefined;
};

/** Phone numbers: 7 to 15 digits; in international format (`+` and the country code) where the platform requires it. */
const e164Text = () => msg('Enter the phone number in international format, starting with + and the country code, like +31 6 12345678.');
const phoneCheck = (v: string, rules: BackendRules) => {
  const t = v.trim();
  if (!t) return undefined;
  const digits = t.replace(/\D/g, '');
  if (rules.phone === 'e164') return /^\+[\d\s().-]+$/.test(t) && /^[1-9]\d{6,14}$/.test(digits) ? undefined : e164Text();
  return /^\+?[\d\s().-]+$/.test(t) && /^\d{7,15}$/.test(digits) ? undefined : msg('Enter a phone number of 7 to 15 digits, like +1 555 555 0100.');
};

const CORE: Field[] = [
  {
    key: 'first-name',
    label: () => msg('First name'),
    prop: 'firstName',
    autocomplete: 'given-name',
    get: (p) => p.firstName,
    check: required(() => msg('Enter your first name.')),
    match: about(/first.?name/i),
  },
  {
    key: 'last-name',
    label: () => msg('Last name'),
    prop: 'lastName',
    autocomplete: 'family-name',
    get: (p) => p.lastName,
    check: required(() => msg('Enter your last name.')),
    match: about(/last.?name/i),
  },
  {
    key: 'email',
    label: () => msg('Email'),
    prop: 'email',
    type: 'email',
    autocomplete: 'email',
    get: (p) => p.email,
    match: about(/e-?mail/i),
    check: (v) =>
      required(() => msg('Enter your email address.'))(v) ??
      (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? undefined : msg('Enter an email address like name@example.com.')),
  },
  {
    key: 'phone',
    label: () => msg('Phone'),
    prop: 'phone',
    type: 'tel',
    autocomplete: 'tel',
    get: (p) => p.phone ?? '',
    match: about(/phone/i),
    check: phoneCheck,
    invalid: (rules) => (rules.phone === 'e164' ? e164Text() : msg('Enter a phone number of 7 to 15 digits, like +1 555 555 0100.')),
  },
  {
    key: 'birthdate',
    label: () => msg('Birthdate'),
    prop: 'birthdate',
    type: 'date',
    autocomplete: 'bday',
    get: (p) => isoDate(p.birthdate),
    put: (v) => new Date(v),
    match: about(/birth/i),
    check: birthdateCheck,
    invalid: () => msg('Enter your birthdate: you must be between 13 and 120 years old.'),
    bounds: birthBounds,
  },
  { key: 'language', label: () => msg('Language'), prop: 'language', autocomplete: 'language', get: (p) => p.language ?? '', match: about(/language/i) },
  {
    key: 'contact-consent',
    label: () => msg('How may we contact you?'),
    prop: 'contactConsent',
    get: (p) => String(p.contactConsent ?? ''),
    put: Number,
    match: about(/consent/i),
  },
];

const PASSWORD: Field = {
  key: 'current-password',
  label: () => msg('Current password'),
  prop: 'currentPassword',
  type: 'password',
  autocomplete: 'current-password',
  get: () => '',
  match: about(/password/i),
  invalid: () => msg('Your current password is not correct.'),
};

/** A merchant-defined field, named in API messages by its id or its label. */
const metaField = (f: ProfileField): Field => ({
  key: `meta:${f.id}`,
  label: () => f.label || msg('Other'),
  prop: 'metadata',
  get: () => f.value,
  match: (m) => m.split(/\W+/).includes(f.id) || (!!f.label && m.toLowerCase().includes(f.label.toLowerCase())),
});

const valuesOf = (p: Profile): Record<string, string> =>
  Object.fromEntries([...CORE.map((f) => [f.key, f.get(p)] as const), ...p.metadata.map((m) => [`meta:${m.id}`, m.value] as const)]);

/**
 * The member's profile as a form: core fields (names, email, phone, birthdate, language, contact
 * consent) and the merchant's own fields. Save is enabled once something changed and sends only
 * what changed; every field is checked before anything is sent; an error from the platform is
 * shown next to the field it is about, in the kit's words (the platform's go to the `loyalty-error`
 * event and the hidden `error-detail` part); a failed save keeps every edit, and a field's error
 * goes as soon as the field is edited.
 *
 * Checks before sending: a birthdate that makes the member 13 to 120 years old (the date input's
 * `min` and `max` say the same, so year 0099 is refused); a phone number of 7 to 15 digits, in
 * international format (`+` and the country code) where the platform requires it (its adapter's
 * `rules.phone`, e.g. Spaaza); first and last name not empty; an email address like name@example.com.
 *
 * Minimum width: 15em (240 px at a 16-px base), set on the element (`profile-form { min-width: … }` changes it); figures, costs, tokens and dates never break across lines, free text wraps between words.
 *
 * @tag profile-form
 * @fires {CustomEvent<ProfileUpdate>} loyalty-profile-updated - The platform saved the changes; `detail` holds the changed fields only (never a password).
 * @csspart form - The form.
 * @csspart field - A label with its control (a fieldset for the contact choices).
 * @csspart label - The label of a field.
 * @csspart input - An input or select.
 * @csspart field-error - Why a field's value cannot be saved.
 * @csspart error - Why saving failed, when it is not about one field.
 * @csspart choice - One contact choice: its radio button (an `input`) and its text.
 * @csspart actions - The row of the Save button and the notice.
 * @csspart save - The Save button.
 * @csspart notice - The confirmation after saving (a polite live region).
 * @csspart content - The list of fields when `readonly`.
 * @csspart row - One field when `readonly`.
 * @csspart value - A field's value when `readonly`.
 * @csspart skeleton - The placeholder shown while loading.
 * @cssprop --loyalty-profile-form-min-height - The element's minimum height. Before the script runs, `loyalty-elements.css` reserves it, defaulting to the typical height (43.375em: the default `fields`, without merchant fields), so nothing moves when the element appears; once upgraded only a value the page sets applies (the skeleton already has the data's outline).
 */
export class ProfileForm extends LoyaltyElement {
  static override styles = [baseStyles, formStyles, profileFormStyles, minHeight('--loyalty-profile-form-min-height')];

  /**
   * Which fields to show, in order, separated by spaces: `first-name`, `last-name`, `email`,
   * `phone`, `birthdate`, `language`, `contact-consent`, `metadata` (all the merchant's fields) or
   * `metadata:<id>` (one, by its platform field id).
   */
  @property({ useDefault: true }) fields = 'first-name last-name email phone birthdate language contact-consent metadata';

  /** Show the profile without editing it. */
  @property({ type: Boolean, reflect: true, useDefault: true }) readonly = false;

  /**
   * How many of the merchant's own fields (`metadata` in `fields`) the loading skeleton draws, so
   * the form does not grow when they arrive: the number your program defines. Default `0`.
   */
  @property({ type: Number, attribute: 'skeleton-rows', useDefault: true }) skeletonRows = 0;

  /**
   * Ask before the page is left with unsaved edits (a `beforeunload` prompt). The listener is on the
   * window only while there are unsaved edits, so the page stays eligible for the back/forward cache.
   */
  @property({ type: Boolean, attribute: 'confirm-unsaved', useDefault: true }) confirmUnsaved = false;

  /** Ask for the current password and send it with every save, for programs whose platform requires it. */
  @property({ type: Boolean, attribute: 'require-password', useDefault: true }) requirePassword = false;

  /**
   * The choices of the language field: the value the platform stores → name. Default: the
   * platform's (Spoonity's ids 1 English and 3 Español; Spaaza's tags `en` and `nl`).
   */
  @property({ type: Object }) languages?: Record<string, string>;

  /** The language choices: the page's, else the platform's. */
  private get choices(): Readonly<Record<string, string>> {
    return this.languages ?? this.sessionState?.backend.languages ?? {};
  }

  @state() private errors: Record<string, string> = {};
  /** The platform's refusal of the last save and the field it named (`form`: none), for its hidden `error-detail`. */
  @state() private rejected?: { key: string; error: LoyaltyError };
  @state() private notice = '';
  private edits: Record<string, string> = {};
  private base: Record<string, string> = {};
  private stamp?: Stamped<Profile>;

  private profile = this.queryTask(() => (this.supports('profile') ? queries.profile() : undefined));
  private save = this.mutation({ run: (b, changes: ProfileChanges) => b.updateProfile(changes), invalidates: ['profile'] });

  /** Whether the form holds edits that are not saved. */
  get dirty(): boolean {
    return this.changed().length > 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.syncGuard();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncGuard();
  }

  private guarding = false;

  /**
   * The window's `beforeunload` listener exists only with `confirm-unsaved` and unsaved edits: any
   * such listener can keep the page out of the back/forward cache.
   */
  private syncGuard() {
    const want = this.isConnected && this.confirmUnsaved && this.dirty;
    if (want === this.guarding) return;
    this.guarding = want;
    if (want) addEventListener('beforeunload', this.guard);
    else removeEventListener('beforeunload', this.guard);
  }

  private guard = (e: BeforeUnloadEvent) => {
    if (!this.confirmUnsaved || !this.dirty) return;
    e.preventDefault();
    e.returnValue = 'unsaved'; // older browsers prompt only when this is set
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const generation = this.sessionState?.generation;
    const v = this.profile.value;
    if (this.stamp && this.stamp.generation !== generation) {
      // another member (or signed out): nothing of the previous one's edits stays
      this.stamp = undefined;
      this.edits = {};
      this.errors = {};
      this.notice = '';
    }
    if (v && v !== this.stamp && v.generation === generation) {
      this.stamp = v;
      this.base = valuesOf(v.data);
    }
  }

  /** Focuses the form's first field (with `readonly`, nothing to focus: the host's own `focus()`). */
  override focus(options?: FocusOptions): void {
    this.focusFirstControl(['[part~="form"]'], options);
  }

  protected override renderContent(): TemplateResult {
    return this.renderTask(this.profile, { skeleton: () => this.renderSkeleton(), complete: (p) => this.renderProfile(p) });
  }

  private changed() {
    return Object.keys(this.edits).filter((k) => this.edits[k] !== this.base[k]);
  }

  private value(key: string) {
    return this.edits[key] ?? this.base[key] ?? '';
  }

  private shown(p: Profile): Field[] {
    return this.fields.split(/[\s,]+/).flatMap((k) => {
      const meta = k === 'metadata' ? p.metadata : k.startsWith('metadata:') ? p.metadata.filter((m) => m.fieldId === k.slice(9)) : undefined;
      return meta ? meta.map(metaField) : CORE.filter((f) => f.key === k);
    });
  }

  private display(f: Field, v: string) {
    if (!v) return msg('Not set');
    if (f.key === 'birthdate') return formatDate(new Date(v), this.locale, { dateStyle: 'long', timeZone: 'UTC' });
    if (f.key === 'language') return this.choices[v] ?? v;
    return f.key === 'contact-consent' ? (consentChoices()[+v] ?? v) : v;
  }

  private renderProfile(p: Profile) {
    const fields = this.shown(p);
    if (this.readonly || !this.supports('profile-update'))
      return html`<dl part="content">
        ${fields.map((f) => html`<div part="row"><dt part="label">${f.label()}</dt><dd part="value">${this.display(f, this.base[f.key])}</dd></div>`)}
      </dl>`;
    return html`<form part="form" novalidate @input=${this.onInput} @submit=${this.submit}>
      ${fields.map((f) => this.renderField(f))} ${this.requirePassword ? this.renderField(PASSWORD) : nothing}
      ${this.errors.form ? html`<p class="error" part="error" role="alert">${this.errors.form}${this.rejected?.key === 'form' ? errorDetail(this.rejected.error) : nothing}</p>` : nothing}
      <div class="actions" part="actions">
        <button type="submit" part="save" ?disabled=${!this.dirty || this.save.pending}>${this.save.pending ? msg('Saving…') : msg('Save')}</button>
        <p class="saved" part="notice" role="status">${this.notice}</p>
      </div>
    </form>`;
  }

  private renderField(f: Field) {
    const { key } = f;
    const value = this.value(key);
    const error = this.errors[key];
    const invalid = error ? 'true' : 'false';
    const described = error ? `${key}-error` : nothing;
    const detail = this.rejected?.key === key ? errorDetail(this.rejected.error) : nothing;
    const message = error ? html`<p id="${key}-error" class="error" part="field-error">${error}${detail}</p>` : nothing;
    if (key === 'contact-consent')
      return html`<fieldset class="field" part="field" aria-describedby=${described}>
        <legend part="label">${f.label()}</legend>
        ${consentChoices().map(
          (text, i) =>
            html`<label class="choice" part="choice"><input type="radio" name=${key} value=${i} .checked=${value === String(i)} part="input" />${text}</label>`,
        )}
        ${message}
      </fieldset>`;
    const options = { ...(value && !(value in this.choices) ? { [value]: value } : {}), ...this.choices };
    const control =
      key === 'language'
        ? html`<select id=${key} name=${key} autocomplete="language" part="input" aria-invalid=${invalid} aria-describedby=${described}>
            ${this.base[key] ? nothing : html`<option value="">${msg('Not set')}</option>`}
            ${Object.entries(options).map(([v, text]) => html`<option value=${v} .selected=${v === value}>${text}</option>`)}
          </select>`
        : html`<input id=${key} name=${key} type=${f.type ?? 'text'} autocomplete=${ifDefined(f.autocomplete)} .value=${value} part="input"
            min=${ifDefined(f.bounds?.().min)} max=${ifDefined(f.bounds?.().max)} aria-invalid=${invalid} aria-describedby=${described} />`;
    return html`<div class="field" part="field"><label for=${key} part="label">${f.label()}</label>${control}${message}</div>`;
  }

  /**
   * The outline of the form before the profile arrives: one row per configured field (label and
   * input; the contact choices as a fieldset of four), `skeleton-rows` for `metadata`, and Save.
   */
  private renderSkeleton() {
    const keys = this.fields
      .split(/[\s,]+/)
      .flatMap((k) =>
        k === 'metadata'
          ? Array<string>(Math.max(0, this.skeletonRows)).fill('meta')
          : k.startsWith('metadata:')
            ? ['meta']
            : CORE.some((f) => f.key === k)
              ? [k]
              : [],
      );
    const bone = (w: string, height?: string) => html`<span class="bone" ${cssProps({ '--_loyalty-bone-width': w, height })}></span>`;
    const widths = [6, 8, 7, 9, 5];
    if (this.readonly || (this.sessionState?.signedIn && !this.supports('profile-update')))
      return html`<div class="visually-hidden">${msg('Loading your profile…')}</div>
        <div aria-hidden="true" ${cssProps({ display: 'grid', gap: 'var(--_loyalty-space-s)' })}>
          ${keys.map((_, i) => html`<div><div>${bone(`${widths[i % 5]}em`)}</div><div>${bone(`${widths[(i + 2) % 5] + 2}em`)}</div></div>`)}
        </div>`;
    if (this.requirePassword) keys.push('current-password');
    return html`<div class="visually-hidden">${msg('Loading your profile…')}</div>
      <div aria-hidden="true" ${cssProps({ display: 'grid', gap: 'calc(var(--_loyalty-space) * 0.75)' })}>
        ${keys.map((k, i) =>
          k === 'contact-consent'
            ? html`<div class="field"><span>${bone('10em')}</span>${consentChoices().map(() => html`<span class="choice"><span>${bone('9em')}</span></span>`)}</div>`
            : html`<div class="field"><span>${bone(`${widths[i % 5]}em`)}</span>${bone('100%', '2.5em')}</div>`,
        )}
        <div class="actions">${bone('5em', '2.25em')}</div>
      </div>`;
  }

  private onInput(e: Event) {
    const { name, value } = e.target as HTMLInputElement;
    // the field's error goes as soon as it is edited (and the form's, which may have been about it)
    const errors = { ...this.errors };
    delete errors[name];
    delete errors.form;
    this.errors = errors;
    if (this.rejected && !(this.rejected.key in errors)) this.rejected = undefined;
    if (name === PASSWORD.key) return; // never kept: read from its field when saving
    this.edits[name] = value;
    this.notice = '';
  }

  private async focusError() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true], fieldset[aria-describedby] input')?.focus();
  }

  private async submit(e: Event) {
    e.preventDefault();
    const keys = this.changed();
    if (!keys.length || this.save.pending || !this.stamp) return;
    const fields = [...this.shown(this.stamp.data), ...(this.requirePassword ? [PASSWORD] : [])];
    const password = this.renderRoot.querySelector<HTMLInputElement>(`[name=${PASSWORD.key}]`);
    const errors: Record<string, string> = {};
    const rules = this.sessionState?.rules ?? {};
    this.rejected = undefined;
    for (const f of fields) {
      const why = keys.includes(f.key) && f.check?.(this.edits[f.key], rules);
      if (why) errors[f.key] = why;
    }
    if (password && !password.value) errors[PASSWORD.key] = msg('Enter your current password to save your changes.');
    this.errors = errors;
    this.notice = '';
    if (Object.keys(errors).length) return this.focusError();

    const sent = Object.fromEntries(keys.map((k) => [k, this.edits[k]]));
    const changes: ProfileUpdate = {};
    for (const k of keys) {
      if (k.startsWith('meta:')) (changes.metadata ??= []).push({ id: k.slice(5), value: sent[k] });
      else {
        const f = CORE.find((c) => c.key === k)!;
        (changes as Record<string, unknown>)[f.prop] = f.put ? f.put(sent[k]) : sent[k].trim();
      }
    }
    const result = await this.save.run(password ? { ...changes, currentPassword: password.value } : changes);
    if (password) password.value = ''; // asked again for every save, kept nowhere
    if (result.ok) {
      // what was sent is the new baseline until the refreshed profile arrives; later edits stay
      for (const k of keys) if (this.edits[k] === sent[k]) delete this.edits[k];
      Object.assign(this.base, sent);
      this.notice = msg('Your profile has been saved.');
      this.emit('loyalty-profile-updated', changes);
    } else if (!result.ignored) {
      // the kit's sentence next to the field the platform's words name; those words: hidden detail, event
      const f = fields.find((c) => c.match(result.error.message));
      this.errors = f ? { [f.key]: fieldErrorText(result.error, f.invalid?.(rules)) } : { form: errorLine(result.error) };
      this.rejected = { key: f?.key ?? 'form', error: result.error };
      if (f) void this.focusError();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'profile-form': ProfileForm;
  }
  interface HTMLElementEventMap {
    /** `<profile-form>`: the platform saved the changes; `detail` holds the changed fields only. */
    'loyalty-profile-updated': CustomEvent<ProfileUpdate>;
  }
}
