import { provide } from '@lit/context';
import { LitElement, ReactiveElement, css, html, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { SPAAZA_API_BASE } from '../api/adapters/spaaza/index.js';
import { SPOONITY_API_BASE } from '../api/adapters/spoonity/index.js';
import type { LoyaltyError } from '../api/errors.js';
import type { LoyaltyTheme } from '../internal/loyalty-element.js';
import { nullMeansDefault } from '../internal/defaults.js';
import { emit } from '../internal/events.js';
import { connectLocaleSource, nearestLang, updatePageLocale } from '../internal/localize.js';
import { litBlockedByTrustedTypes, releaseLitPolicyGuard } from '../internal/trusted-types.js';
import { sessionContext } from './context.js';
import { LoyaltySessionState } from './session.js';

// Lit is loaded by now (see ../internal/trusted-types.ts)
releaseLitPolicyGuard();

const DEFAULT_API_BASE: Record<string, string> = { spoonity: SPOONITY_API_BASE, spaaza: SPAAZA_API_BASE };

/** Data younger than this (ms) is not refetched when the member returns to the tab: the short floor. */
const RETURN_FLOOR = 1000;

const onOff = {
  fromAttribute: (v: string | null) => v !== 'false' && v !== 'off',
  toAttribute: (v: boolean) => String(v),
};

/**
 * Holds one member's session and shares it, with one request cache, with every loyalty element
 * inside it (through `@lit/context`) or pointing at its `id` with `session="…"`.
 *
 * Set the key as a property — `document.getElementById('member').sessionKey = key` — so it never
 * appears in the DOM. The `session-key` attribute is accepted for quick experiments.
 *
 * @tag loyalty-session
 * @slot - The elements that use this session.
 * @fires {CustomEvent<{ error: LoyaltyError }>} loyalty-session-expired - The API rejected the key (HTTP 401, or Spaaza's code 6 `no_valid_session`). Fires once per key; every element then shows its signed-out state and the cache is emptied.
 * @fires {CustomEvent<{ id: string }>} loyalty-session-connected - The provider is on the page (elements using `session="id"` listen for it).
 */
export class LoyaltySession extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    /* display: contents has no box to hide: hidden hides the elements inside too */
    :host([hidden]) {
      display: none;
    }
    /* the elements inside inherit it; an element's own \`theme\` still wins */
    :host([theme]) {
      --loyalty-color-scheme: light dark;
    }
    :host([theme='light' i]) {
      --loyalty-color-scheme: light;
    }
    :host([theme='dark' i]) {
      --loyalty-color-scheme: dark;
    }
  `;

  /**
   * Colour scheme of every element inside: `light` or `dark` whatever the page and the OS prefer,
   * `auto` the OS's (`prefers-color-scheme`); any other value means `auto`. Unset, they follow the
   * page's `--loyalty-color-scheme`, else the page's own `color-scheme` (`:root`, a wrapper,
   * `<meta name="color-scheme">`): light on a page that declares none. An element's own `theme`
   * wins over this.
   */
  @property({ reflect: true }) theme?: LoyaltyTheme;

  /** The loyalty platform: `spoonity` (default) or `spaaza`. */
  @property({ useDefault: true }) backend = 'spoonity';

  /** Base URL of the platform's API. Defaults to the backend's production URL (`https://api.spoonity.com`, `https://api0.spaaza.com`). */
  @property({ attribute: 'api-base', useDefault: true }) apiBase = '';

  /** The merchant's vendor (program) id; with Spaaza, the chain id (needed for campaign progress). */
  @property({ attribute: 'vendor-id', useDefault: true }) vendorId = '';

  /** Spaaza: the hostname of the retailer's MyPrice app, e.g. `acme.spaaza.com` (sent with every call). */
  @property({ attribute: 'app-hostname', useDefault: true }) appHostname = '';

  /**
   * Spaaza: the member's user id (`session_info.session_user_id`), sent with the key. Set it with a
   * key from your own login; sign-in through the session (`<loyalty-sign-in>`) brings its own.
   */
  @property({ attribute: 'user-id', useDefault: true }) userId = '';

  /**
   * BCP 47 locale for numbers, money and dates (`fr-CA`), which also picks the language of the kit's
   * text (the nearest of English, French, Spanish and Dutch; one language per page). Default: the
   * nearest `lang` attribute, then the browser's. Changing it (or that `lang`) re-renders live.
   */
  @property({ useDefault: true }) locale = '';

  /** Per-attempt request timeout in milliseconds. */
  @property({ type: Number, useDefault: true }) timeout = 10_000;

  /** Automatic retries for reads (GET). Writes are never retried. */
  @property({ type: Number, useDefault: true }) retries = 2;

  /** How long data counts as fresh, in milliseconds; stale data stays on screen while it refreshes. */
  @property({ type: Number, attribute: 'stale-time', useDefault: true }) staleTime = 30_000;

  /**
   * Refresh what is on screen when the tab becomes visible or focused again or the device comes back
   * online, however recently it was loaded (`stale-time` does not apply; only data younger than a
   * second is kept). Set `"false"` to turn off.
   */
  @property({ attribute: 'refetch-on-focus', converter: onOff, useDefault: true }) refetchOnFocus = true;

  /**
   * Also refresh what is on screen every this many milliseconds (at least 1000), so changes made
   * elsewhere — an order at the till — show up by themselves. `0` (default) turns it off. Paused
   * while the tab is hidden.
   */
  @property({ type: Number, attribute: 'refresh-interval', useDefault: true }) refreshInterval = 0;

  /** A custom `fetch` (for tests, proxies or instrumentation). Property only. */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** The shared session state (the object elements receive through context). */
  @provide({ context: sessionContext })
  readonly state: LoyaltySessionState = new LoyaltySessionState(this.readConfig());

  private lastRefresh = 0;
  private refreshTimer?: ReturnType<typeof setInterval>;
  private stopListeningToTabs?: () => void;
  private disconnectLocale?: () => void;

  constructor() {
    super();
    // A framework (or a script) may have set the key before the element upgraded: that value is
    // an own property shadowing the accessor. Move it behind the accessor.
    if (Object.prototype.hasOwnProperty.call(this, 'sessionKey')) {
      const key = (this as { sessionKey?: string }).sessionKey;
      delete (this as { sessionKey?: string }).sessionKey;
      this.sessionKey = key;
    }
  }

  /** `null`/`undefined` on a property puts its default back, as removing its attribute does (see `LoyaltyElement`). */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration, useNewValue?: boolean, newValue?: unknown): void {
    const r = nullMeansDefault(this, name, oldValue, options);
    if (!r.handled) super.requestUpdate(name, r.oldValue, options, useNewValue, newValue);
    // the state follows at once, not at the next render: a script that sets `apiBase` (or upgrades
    // the element with its attributes) and calls `state.signIn()` in the same task reaches that API
    if (name !== undefined && this.state) this.state.configure(this.readConfig());
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'session-key'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'session-key') this.sessionKey = value;
    else super.attributeChangedCallback(name, old, value);
  }

  /** The member's session key. Write-only in spirit: it is never reflected to an attribute. */
  get sessionKey(): string | undefined {
    return this.state.sessionKey;
  }

  set sessionKey(key: string | undefined | null) {
    const wasPending = this.state.pending;
    this.state.sessionKey = key;
    this.requestUpdate('pending', wasPending);
  }

  /**
   * The merchant's login is running and a key is on its way: every element shows its skeleton
   * (the outline of its data) instead of "Sign in to see your loyalty details.", so a member who
   * is signing in never sees that line first. Setting `sessionKey` ends it (the attribute is
   * removed); so does removing the attribute, after which elements without a key show the
   * signed-out state. Ignored while a key is set.
   */
  @property({ type: Boolean, reflect: true })
  get pending(): boolean {
    return this.state.pending;
  }

  set pending(value: boolean) {
    this.state.pending = value;
  }

  /** Whether a key is set and has not been rejected by the API. */
  get signedIn(): boolean {
    return this.state.signedIn;
  }

  /** The locale elements format with. */
  get resolvedLocale(): string {
    return this.state.locale;
  }

  /** Drops cached data and loads everything again. */
  reload(): void {
    this.state.reload();
  }

  /** Refetches what is on screen, keeping it there meanwhile (unlike `reload()`): after a change made elsewhere. */
  refresh(): void {
    this.state.refresh();
  }

  /** Ends the session on the server and forgets the key. */
  signOut(): Promise<void> {
    return this.state.signOut();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.state.addEventListener('expired', this.onExpired);
    this.state.addEventListener('change', this.onStateChange);
    document.addEventListener('visibilitychange', this.onVisible);
    window.addEventListener('focus', this.onFocus);
    window.addEventListener('online', this.onOnline);
    this.state.locale = this.computeLocale();
    this.disconnectLocale = connectLocaleSource({
      isSession: true,
      locale: () => this.state.locale,
      langChanged: () => (this.state.locale = this.computeLocale()),
    });
    this.stopListeningToTabs = this.state.listenToOtherTabs();
    this.scheduleRefresh();
    emit(this, 'loyalty-session-connected', { id: this.id });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.state.removeEventListener('expired', this.onExpired);
    this.state.removeEventListener('change', this.onStateChange);
    document.removeEventListener('visibilitychange', this.onVisible);
    window.removeEventListener('focus', this.onFocus);
    window.removeEventListener('online', this.onOnline);
    this.stopListeningToTabs?.();
    this.disconnectLocale?.();
    this.scheduleRefresh(); // clears the timer: no longer connected
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('refreshInterval')) this.scheduleRefresh();
    if (changed.has('locale') && this.isConnected) {
      this.state.locale = this.computeLocale();
      updatePageLocale();
    }
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  /** Where Trusted Types keep Lit from parsing `<slot>`, one made with a DOM call, so the elements inside still show (their message). */
  protected override update(changed: PropertyValues): void {
    if (!litBlockedByTrustedTypes()) return super.update(changed);
    (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
    if (!this.renderRoot.querySelector('slot')) this.renderRoot.append(document.createElement('slot'));
  }

  private readConfig() {
    return {
      backend: this.backend || 'spoonity',
      apiBase: this.apiBase || DEFAULT_API_BASE[this.backend] || '',
      vendorId: this.vendorId || undefined,
      appHostname: this.appHostname || undefined,
      userId: this.userId || undefined,
      timeout: this.timeout,
      retries: this.retries,
      staleTime: this.staleTime,
      fetch: this.fetch,
    };
  }

  private computeLocale(): string {
    const lang = this.locale || nearestLang(this);
    try {
      return Intl.getCanonicalLocales(lang)[0] ?? 'en';
    } catch {
      return 'en';
    }
  }

  /** A key set through the state (a sign-in) ends `pending`: the attribute follows. */
  private onStateChange = () => {
    if (this.hasAttribute('pending') !== this.state.pending) this.requestUpdate('pending', !this.state.pending);
  };

  private onExpired = (e: Event) => emit(this, 'loyalty-session-expired', { error: (e as CustomEvent<LoyaltyError>).detail });

  /**
   * Back on the tab (visible, focused) or online: refetch everything on screen whatever its age — the
   * till may have changed it a second ago — except data that landed within `RETURN_FLOOR` ms. The
   * cache joins a request already in flight, and events arriving together count once.
   */
  private refetchOnReturn(minAge = RETURN_FLOOR) {
    if (!this.refetchOnFocus || !this.state.signedIn) return;
    const now = Date.now();
    if (now - this.lastRefresh < 1000) return; // focus + visibility + online can arrive together
    this.lastRefresh = now;
    this.state.cache.refreshWatched(minAge);
  }

  private onVisible = () => {
    if (document.visibilityState === 'visible') this.refetchOnReturn();
    this.scheduleRefresh();
  };

  private onFocus = () => this.refetchOnReturn();

  // back online: even data that just landed may predate the connection loss
  private onOnline = () => this.refetchOnReturn(0);

  /** (Re)starts the `refresh-interval` timer: only while on the page, with an interval, and the tab visible. */
  private scheduleRefresh() {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
    if (!this.isConnected || !(this.refreshInterval > 0) || document.visibilityState === 'hidden') return;
    this.refreshTimer = setInterval(() => this.state.refresh(), Math.max(1000, this.refreshInterval));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-session': LoyaltySession;
  }
  interface HTMLElementEventMap {
    /** `<loyalty-session>`: the API rejected the key (401 or Spaaza `no_valid_session`); once per key. */
    'loyalty-session-expired': CustomEvent<{ error: LoyaltyError }>;
    /** `<loyalty-session>`: the provider is on the page (elements using `session="id"` listen for it). */
    'loyalty-session-connected': CustomEvent<{ id: string }>;
    /** Any kit element: a request for it failed; `detail` is the typed error, for logging. */
    'loyalty-error': CustomEvent<LoyaltyError>;
  }
}
