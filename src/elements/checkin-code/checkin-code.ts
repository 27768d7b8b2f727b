import { msg, str } from '@lit/localize';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoyaltyError } from '../../api/errors.js';
import type { Card, CheckinCode as CheckinToken } from '../../api/types.js';
import { code128Path, encodeCode128 } from '../../internal/code128.js';
import { cssProps } from '../../internal/css-props.js';
import { errorLine } from '../../internal/error-text.js';
import { formatRelative } from '../../internal/format.js';
import { minHeight } from '../../internal/reserve.js';
import { LoyaltyElement } from '../../internal/loyalty-element.js';
import type { MutationResult } from '../../internal/mutation.js';
import { encodeQr, qrPath } from '../../internal/qr.js';
import { baseStyles } from '../../internal/styles.js';
import { figure } from '../../internal/bidi.js';
import { errorDetail } from '../../internal/error-detail.js';
import { queries, type LoyaltySessionState } from '../../session/session.js';
import { checkinStyles } from './checkin-code.styles.js';

export type CheckinFormat = 'qr' | 'code128';

/** Seconds left at which the countdown is announced to screen readers (not every second). */
const ANNOUNCE_AT = [60, 30, 10];
/** A new token is asked for this long (ms) before the current one expires, or at half its life if that is shorter. */
const REFRESH_LEAD = 5_000;
/** Width ÷ height of a Code 128 symbol (bars grow with the width, so every token has one outline). */
const BARCODE_RATIO = 3.2;

/** The token on screen, timed on this device's clock (the server's may differ). */
interface ShownToken {
  generation: number;
  code: CheckinToken;
  /** Lifetime in ms, from the server's `expiry − created`; `undefined` = no expiry. */
  ttl?: number;
  /** Local time (ms) at which it stops being valid. */
  expiresAt?: number;
  /** The smallest `ANNOUNCE_AT` mark already passed (or passed when it arrived). */
  mark: number;
}

/** The card shown when no rotating token can be had. */
interface Fallback {
  generation: number;
  /** Why: the token call's error, or none when the backend has no check-in tokens. */
  error?: LoyaltyError;
}

const bucket = (secondsLeft: number) => ANNOUNCE_AT.filter((s) => secondsLeft <= s).at(-1) ?? Infinity;
const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** Groups of four characters, for reading out or typing in at the till. */
const groupToken = (token: string): string => token.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The code a cashier scans to identify the member in store. It asks the platform for a fresh,
 * short-lived token whenever the code is shown (first render, the tab visible again, expiry, the
 * Refresh button) and draws it here as an inline SVG QR code (or Code 128): no image from the
 * network, nothing that a strict Content Security Policy blocks. The token is written below for
 * manual entry, with a countdown; a new one is fetched shortly before it expires, and an expired
 * code is greyed out, never shown as valid. A hidden tab requests nothing.
 *
 * When the platform has no check-in tokens, or the call fails (other than an expired session), it
 * shows the member's primary active card number as a static code instead, labelled as such, without
 * a countdown (a platform with one member number, such as Spaaza, always shows that); a failure
 * still fires `loyalty-error`.
 *
 * Printed, a rotating code (valid for minutes, on screen) is replaced by a note saying it is valid
 * only on screen, without its countdown; a static card number prints as it is.
 *
 * Minimum width: 12.5em (200 px at a 16-px base), set on the element (`checkin-code { min-width: … }` changes it); figures, costs, tokens and dates never break across lines, free text wraps between words. It is as wide as its code in a shrink-to-fit container.
 *
 * @tag checkin-code
 * @csspart content - The figure: the code and its caption.
 * @csspart frame - The light box around the symbol (its quiet zone).
 * @fires {CustomEvent<LoyaltyError>} loyalty-error - The token call failed (the card is shown instead), or the card list did.
 * @csspart code - The SVG symbol (`role="img"`, labelled with the token).
 * @csspart expired - Added to `code` once the token has expired (greyed out, no longer scannable).
 * @csspart static - Added to `code` when the member's card number is shown instead of a token.
 * @csspart caption - Under the symbol: its label, the token and the countdown.
 * @csspart label - What the code is ("Check-in code", "Member card").
 * @csspart token - The token (or card number) as text, in groups of four.
 * @csspart countdown - Time left before the token expires, or "Code expired — refresh".
 * @csspart note - Why a card number is shown instead of a check-in code.
 * @csspart note-reason - What went wrong asking for a code, in the kit's words (the platform's are in the hidden `error-detail`).
 * @csspart print-note - Printed instead of a rotating code, which is valid only on screen: says so (not shown on screen).
 * @csspart actions - The wrapper of the Refresh button.
 * @csspart refresh - The "Refresh code" (or "Try again") button.
 * @csspart skeleton - The placeholder shown while the first token loads.
 * @cssprop --loyalty-checkin-code-size - Width of a QR code (default `14em`); a barcode is 1.5 × as wide. Either shrinks with a narrower container, but never below its scannable minimum: 10em (160 px at a 16-px base) for a QR code, and 10em or one CSS pixel per module (about 140–240 px), whichever is wider, for a Code 128.
 * @cssprop --loyalty-checkin-code-color - Colour of the modules and bars (default `#000`, in dark mode too: scanners need dark on light).
 * @cssprop --loyalty-checkin-code-background - Colour of the quiet zone around them (default `#fff`, in dark mode too).
 * @cssprop --loyalty-checkin-code-expired-color - Colour of the modules of an expired code (default `#c4c7cc`, greyed out).
 * @cssprop --loyalty-checkin-code-min-height - The element's minimum height. Before the script runs, `loyalty-elements.css` reserves it, defaulting to the typical height (24.6875em: a QR code with its caption, countdown and Refresh), so nothing moves when the element appears; once upgraded only a value the page sets applies (the skeleton already has the data's outline).
 */
export class CheckinCodeElement extends LoyaltyElement {
  static override styles = [baseStyles, checkinStyles, minHeight('--loyalty-checkin-code-min-height')];

  /** The symbol: `qr` (default) or `code128`, for scanners that read only 1D barcodes. */
  @property({ useDefault: true }) format: CheckinFormat = 'qr';

  /**
   * Keeps the screen on while the code is shown and the tab visible (Screen Wake Lock API),
   * released when hidden or removed. Does nothing where unsupported or refused.
   */
  @property({ type: Boolean, reflect: true, attribute: 'wake-lock', useDefault: true }) wakeLock = false;

  /** Pure black on white, larger token text, a framed symbol: for bright light or low vision. */
  @property({ type: Boolean, reflect: true, attribute: 'high-contrast', useDefault: true }) highContrast = false;

  @state() private shown?: ShownToken;
  @state() private fallback?: Fallback;
  /** The clock the countdown renders from (ticks every second while a token with an expiry is shown). */
  @state() private now = Date.now();
  /** What the polite live region says: thresholds of the countdown, expiry, a new code. */
  @state() private announcement = '';
  /** A token request is in flight (until its answer is on screen, not only until it lands). */
  @state() private requesting = false;

  /** Through the session, which shares one token among its codes (one request however many ask). */
  private token = this.mutation({
    run: (b, replace?: CheckinToken) => this.sessionState?.checkinToken(replace) ?? b.requestCheckinToken(),
    invalidates: [],
  });
  /** The session whose `checkin-token` events this code follows. */
  private tokenSource?: LoyaltySessionState;
  /** Re-check whether the code is shown (`display`, a closed `<details>` or `<dialog>`, scrolled in). */
  private observers: { disconnect(): void }[] = [];
  /** Shown at the observers' last look (`undefined` before their first: that one only records). */
  private wasShown?: boolean;
  private cards = this.queryTask(() => (this.currentFallback && this.hasCards ? queries.cards() : undefined));
  private timers: ReturnType<typeof setTimeout>[] = [];
  private ticker?: ReturnType<typeof setInterval>;
  private drawn?: { key: string; symbol?: DrawnSymbol };
  private lock?: WakeLockSentinel;
  private locking = false;

  /** The platform lists the member's cards: linked ones (`cards`), or its one member card (`member-card`). */
  private get hasCards(): boolean {
    return this.supports('cards') || this.supports('member-card');
  }

  private get pageHidden(): boolean {
    return document.visibilityState === 'hidden';
  }

  /**
   * Whether a person can see the code: the tab is visible and the element is rendered (not
   * `display: none`, nor inside a closed `<details>` or `<dialog>`). Where `checkVisibility()` is
   * missing, a connected element counts as shown.
   */
  private get shownOnPage(): boolean {
    if (this.pageHidden || !this.isConnected) return false;
    return typeof this.checkVisibility === 'function' ? this.checkVisibility() : true;
  }

  /** The token of the current member, if any. */
  private get current(): ShownToken | undefined {
    const s = this.sessionState;
    return s?.signedIn && this.shown?.generation === s.generation ? this.shown : undefined;
  }

  private get currentFallback(): Fallback | undefined {
    const s = this.sessionState;
    return s?.signedIn && this.fallback?.generation === s.generation ? this.fallback : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('online', this.onOnline);
    // shown or hidden without a change of tab: display, a <details> or <dialog> opened or closed
    if (typeof ResizeObserver === 'function') {
      const resize = new ResizeObserver(this.onShownChange);
      resize.observe(this);
      this.observers.push(resize);
    }
    if (typeof IntersectionObserver === 'function') {
      const intersection = new IntersectionObserver(this.onShownChange);
      intersection.observe(this);
      this.observers.push(intersection);
    }
    this.wasShown = undefined;
    // back on the page (moved, or re-added): the code is shown again, so it is fetched again
    if (this.hasUpdated) {
      this.schedule();
      void this.request();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('online', this.onOnline);
    this.observers.forEach((o) => o.disconnect());
    this.observers = [];
    this.followToken(undefined);
    this.stopTimers();
    void this.syncWakeLock();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const s = this.sessionState;
    this.followToken(this.isConnected ? s : undefined);
    if (!s?.signedIn || (this.shown && this.shown.generation !== s.generation)) {
      // signed out, or another member: nothing of the previous one stays, not even its timers
      if (this.shown) this.stopTimers();
      this.shown = undefined;
      this.announcement = '';
    }
    if (!s?.signedIn || this.current || this.currentFallback) return;
    if (!this.supports('checkin-token')) this.fallback = { generation: s.generation };
    else void this.request();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.syncWakeLock();
  }

  protected override renderContent() {
    return html`${this.renderState()}
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>`;
  }

  private renderState(): TemplateResult {
    if (!this.sessionState?.signedIn) return this.renderWithoutKey(() => this.renderSkeleton());
    const shown = this.current;
    if (shown) return this.renderToken(shown);
    const fallback = this.currentFallback;
    if (!fallback) return this.renderBusy(this.renderSkeleton());
    if (!this.hasCards) return this.renderNoCode(fallback);
    return this.renderTask(this.cards, {
      skeleton: () => this.renderSkeleton(),
      complete: (cards) => {
        const card = primaryCard(cards);
        return card ? this.renderCard(card, fallback) : this.renderNoCode(fallback);
      },
    });
  }

  private renderToken(t: ShownToken): TemplateResult {
    const left = t.expiresAt === undefined ? undefined : Math.ceil((t.expiresAt - this.now) / 1000);
    const expired = left !== undefined && left <= 0;
    const grouped = groupToken(t.code.token);
    // a rotating token is useless on paper: print says so instead (see the print styles)
    return html`<p class="print-only note" part="print-note">
        ${msg('This check-in code is valid only on screen: show it on your phone at the till.')}
      </p>
      <figure part="content" class="rotating">
        ${this.renderSymbol(
          t.code.token,
          expired ? msg('Expired check-in code, no longer valid') : msg(str`Check-in code: ${grouped}`),
          expired ? 'code expired' : 'code',
        )}
        <figcaption part="caption">
          <p class="label" part="label">${msg('Check-in code')}</p>
          ${
            expired
              ? html`<p class="countdown expired-note" part="countdown">${msg('Code expired — refresh')}</p>`
              : html`<p class="token" part="token">${figure(grouped)}</p>
                ${
                  left === undefined
                    ? nothing
                    : html`<p class="countdown" part="countdown" role="timer">
                      ${msg(html`Expires in ${html`<time datetime=${`PT${left}S`}>${clock(left)}</time>`}`, { desc: 'Followed by minutes:seconds, e.g. "Expires in 4:59".' })}
                    </p>`
                }`
          }
        </figcaption>
      </figure>
      <div class="actions" part="actions">
        <button type="button" part="refresh" ?disabled=${this.requesting} @click=${() => void this.request(true)}>
          ${this.requesting ? msg('Refreshing…') : msg('Refresh code')}
        </button>
      </div>`;
  }

  private renderCard(card: Card, fallback: Fallback): TemplateResult {
    const grouped = groupToken(card.number);
    return html`<figure part="content">
        ${this.renderSymbol(card.number, msg(str`Member card number, a static code: ${grouped}`), 'code static')}
        <figcaption part="caption">
          <p class="label" part="label">${msg('Member card number (static code)')}</p>
          <p class="token" part="token">${figure(grouped)}</p>
        </figcaption>
      </figure>
      ${
        fallback.error
          ? html`<p class="note" part="note">
              ${msg('A check-in code could not be created, so your card number is shown instead.')}
              <span part="note-reason">${errorLine(fallback.error, { safeToRepeat: true })}</span>${errorDetail(fallback.error)}
            </p>
            <div class="actions" part="actions">
              <button type="button" part="refresh" ?disabled=${this.requesting} @click=${() => void this.request()}>
                ${msg('Try again')}
              </button>
            </div>`
          : nothing
      }`;
  }

  private renderNoCode(fallback: Fallback): TemplateResult {
    if (fallback.error) return this.renderError(fallback.error, () => void this.request());
    return html`<p class="state" part="state empty">${msg('No check-in code is available for this account.')}</p>`;
  }

  /**
   * The symbol as inline SVG: one light rectangle (the quiet zone) and one path of dark modules.
   * A token Code 128 cannot hold (non-ASCII) is drawn as a QR code; one too long for any symbol
   * is left to the text below.
   */
  private renderSymbol(text: string, label: string, part: string): TemplateResult | typeof nothing {
    // the countdown re-renders every second: encode once per text and format
    const key = `${this.format}:${text}`;
    if (this.drawn?.key !== key) {
      this.drawn = { key, symbol: this.format === 'code128' ? (barcode(text) ?? qrCode(text)) : qrCode(text) };
    }
    const { symbol } = this.drawn;
    if (!symbol) return nothing;
    const { kind, width, height, d } = symbol;
    // a barcode's bars stay at least one CSS pixel wide each, however narrow the container
    return html`<div class="frame ${kind} ${part.includes('expired') ? 'expired' : ''}" part="frame"
      ${cssProps({ '--_loyalty-code-modules': kind === 'code128' ? `${width}px` : null })}>
      <svg part=${part} role="img" aria-label=${label} viewBox="0 0 ${width} ${height}" shape-rendering="crispEdges">
        ${svg`<rect class="light" fill="#fff" width=${width} height=${height}></rect><path class="dark" fill="#000" d=${d}></path>`}
      </svg>
    </div>`;
  }

  /** The layout of what comes: the symbol, its caption, and for a rotating token the countdown and Refresh. */
  private renderSkeleton(): TemplateResult {
    const rotating = this.supports('checkin-token');
    return html`<div class="visually-hidden">${msg('Loading your check-in code…')}</div>
      <figure part="content" aria-hidden="true">
        <span class="bone ${this.format === 'code128' ? 'bars' : 'square'}"></span>
        <figcaption part="caption">
          <p class="label"><span class="bone line label-bone"></span></p>
          <p class="token"><span class="bone line token-bone"></span></p>
          ${rotating ? html`<p class="countdown"><span class="bone line label-bone"></span></p>` : nothing}
        </figcaption>
      </figure>
      ${
        rotating
          ? html`<div class="actions" aria-hidden="true"><span class="bone" ${cssProps({ '--_loyalty-bone-width': '8em', height: '2.25em', display: 'block', margin: '0 auto' })}></span></div>`
          : nothing
      }`;
  }

  /**
   * Asks for a token: at most one request in flight, none while the code is not shown (hidden tab,
   * `display: none`, closed `<details>`/`<dialog>`). The session shares it with the other codes; with
   * `fresh`, the one on screen is replaced (Refresh, expiry, shown again).
   */
  private async request(fresh = false): Promise<void> {
    const s = this.sessionState;
    if (!s?.signedIn || !this.shownOnPage || this.requesting || !this.supports('checkin-token')) return;
    const generation = s.generation;
    this.requesting = true;
    let result: MutationResult<CheckinToken>;
    try {
      result = await this.token.run(fresh ? this.current?.code : undefined);
    } finally {
      // cleared in the same turn as the answer is stored, so no update in between asks again
      this.requesting = false;
    }
    // gone, or another member (the update this schedules asks for the new member's token)
    if (!this.isConnected || this.sessionState?.generation !== generation) return;
    if (result.ok) {
      const replacing = !!(this.current || this.currentFallback);
      this.fallback = undefined;
      if (this.current?.code !== result.value) this.show(result.value, generation, replacing);
    } else if (!result.ignored && result.error.kind !== 'auth') {
      // an expired session is shown as signed out (the session ended itself); anything else falls back
      this.stopTimers();
      this.shown = undefined;
      this.fallback = { generation, error: result.error };
    }
  }

  /** Puts a token on screen; `replacing` another code (not the first one shown) is announced. */
  private show(code: CheckinToken, generation: number, replacing: boolean): void {
    const now = Date.now();
    const ttl = code.expires ? code.expires.getTime() - (code.created?.getTime() ?? now) : undefined;
    this.shown = {
      generation,
      code,
      ttl,
      expiresAt: ttl === undefined ? undefined : now + ttl,
      mark: ttl === undefined ? Infinity : bucket(Math.ceil(ttl / 1000)),
    };
    this.now = now;
    this.announcement = ttl !== undefined && ttl <= 0 ? msg('Check-in code expired.') : replacing ? msg('New check-in code.') : '';
    this.schedule();
  }

  /** (Re)starts the countdown and the refresh for the token on screen; nothing while hidden. */
  private schedule(): void {
    this.stopTimers();
    const t = this.current;
    if (!t?.expiresAt || t.ttl === undefined || this.pageHidden || !this.isConnected) return;
    this.now = Date.now();
    const left = t.expiresAt - this.now;
    if (left <= 0) return;
    this.ticker = setInterval(() => this.tick(), 1000);
    this.timers.push(
      setTimeout(() => void this.request(true), Math.max(0, left - Math.min(REFRESH_LEAD, t.ttl / 2))),
      setTimeout(() => this.tick(), left),
    );
  }

  private tick(): void {
    this.now = Date.now();
    const t = this.current;
    if (!t?.expiresAt) return;
    const left = Math.ceil((t.expiresAt - this.now) / 1000);
    if (left <= 0) {
      this.stopTimers();
      this.announcement = msg('Check-in code expired.');
      void this.request(true); // unless the early refresh is still on its way
      return;
    }
    const mark = bucket(left);
    if (mark < t.mark) {
      t.mark = mark;
      const when = mark === 60 ? formatRelative(1, 'minute', this.locale) : formatRelative(mark, 'second', this.locale);
      this.announcement = msg(str`Check-in code expires ${when}.`, {
        desc: 'Announced to screen readers; the placeholder is a relative time such as "in 10 seconds".',
      });
    }
  }

  private stopTimers(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.timers.forEach(clearTimeout);
    this.timers = [];
  }

  private onVisibility = () => {
    this.wasShown = this.shownOnPage;
    if (this.pageHidden) this.stopTimers();
    else this.shownAgain();
    void this.syncWakeLock();
  };

  /** Shown again (tab, display, a `<details>` or `<dialog>` opened): the time truly left, and a fresh code. */
  private shownAgain(): void {
    this.now = Date.now();
    this.schedule();
    void this.request(!!this.current);
  }

  /** An observer saw the element's box change: act when it went from hidden to shown or back. */
  private onShownChange = () => {
    const shown = this.shownOnPage;
    const was = this.wasShown;
    this.wasShown = shown;
    // the first look only records: the first render has already asked if the code was shown
    if (was === undefined || shown === was) return;
    if (!shown) this.stopTimers();
    else if (this.current && (this.current.expiresAt ?? Infinity) > Date.now()) {
      // the token on screen is still valid: resume its countdown
      this.now = Date.now();
      this.schedule();
    } else void this.request(!!this.current);
  };

  /** Back online: a code that fell back to the card (or expired meanwhile) asks again at once. */
  private onOnline = () => {
    if (this.currentFallback?.error || !this.current || (this.current.expiresAt ?? Infinity) <= Date.now()) void this.request();
  };

  /** Follows the session's shared token: a new one (another code's Refresh) is shown here too. */
  private followToken(session: LoyaltySessionState | undefined): void {
    if (session === this.tokenSource) return;
    this.tokenSource?.removeEventListener('checkin-token', this.onSharedToken);
    this.tokenSource = session;
    session?.addEventListener('checkin-token', this.onSharedToken);
  }

  private onSharedToken = (e: Event) => {
    const { generation, token } = (e as CustomEvent<{ generation: number; token: CheckinToken }>).detail;
    const s = this.sessionState;
    // only while a code is on screen (a waiting or falling-back code asks for itself)
    if (!s?.signedIn || s.generation !== generation || !this.current || this.current.code === token || !this.shownOnPage) return;
    this.show(token, generation, true);
  };

  /** Holds a screen wake lock while wanted, connected, visible and signed in; silent where unsupported. */
  private async syncWakeLock(): Promise<void> {
    const want = this.wakeLock && this.isConnected && !this.pageHidden && !!this.sessionState?.signedIn;
    if (!want) {
      const lock = this.lock;
      this.lock = undefined;
      await lock?.release().catch(() => undefined);
      return;
    }
    if (this.lock || this.locking || !navigator.wakeLock) return;
    this.locking = true;
    try {
      const lock = await navigator.wakeLock.request('screen');
      const stillWanted = this.wakeLock && this.isConnected && !this.pageHidden && !!this.sessionState?.signedIn;
      if (!stillWanted) await lock.release();
      else {
        this.lock = lock;
        // the browser drops it by itself when the tab is hidden
        lock.addEventListener(
          'release',
          () => {
            if (this.lock === lock) this.lock = undefined;
          },
          { once: true },
        );
      }
    } catch {
      // refused (no user activation, battery saver, permissions policy): the screen may sleep
    } finally {
      this.locking = false;
    }
  }
}

/** The member's primary card: the first active first-party card (the program's own, which the till knows). */
interface DrawnSymbol {
  kind: 'qr' | 'code128';
  width: number;
  height: number;
  d: string;
}

/** A QR code with its 4-module quiet zone, or `undefined` when the text is too long for one. */
function qrCode(text: string): DrawnSymbol | undefined {
  try {
    const qr = encodeQr(text);
    return { kind: 'qr', width: qr.size + 8, height: qr.size + 8, d: qrPath(qr, 4) };
  } catch {
    return undefined;
  }
}

/** A Code 128 barcode with its 10-module quiet zones, or `undefined` for text outside printable ASCII. */
function barcode(text: string): DrawnSymbol | undefined {
  try {
    const widths = encodeCode128(text);
    const width = widths.reduce((a, b) => a + b, 20);
    const height = Math.round(width / BARCODE_RATIO);
    return { kind: 'code128', width, height, d: code128Path(widths, height) };
  } catch {
    return undefined;
  }
}

const primaryCard = (cards: readonly Card[]): Card | undefined => cards.find((c) => c.status === 'active' && c.kind === 'first-party');

declare global {
  interface HTMLElementTagNameMap {
    'checkin-code': CheckinCodeElement;
  }
}
