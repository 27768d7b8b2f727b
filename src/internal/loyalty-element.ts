import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, ReactiveElement, html, nothing, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Capability } from '../api/backend.js';
import { LoyaltyError } from '../api/errors.js';
import { sessionContext } from '../session/context.js';
import type { LoyaltySessionState, Query } from '../session/session.js';
import { Mutation, type MutationOptions } from './mutation.js';
import { nullMeansDefault } from './defaults.js';
import { ensureContextRoot } from './define.js';
import { errorDetail } from './error-detail.js';
import { describeError } from './error-text.js';
import { emit, type EmitArgs, type LoyaltyEventName } from './events.js';
import { connectLocaleSource, nearestLang } from './localize.js';
import { litBlockedByTrustedTypes, releaseLitPolicyGuard, showTrustedTypesError, trustedTypesMessage } from './trusted-types.js';

ensureContextRoot();
// Lit is loaded by now: the page's own calls to trustedTypes.createPolicy go straight to the browser
releaseLitPolicyGuard();

/** A colour scheme: `light`, `dark`, or `auto` (the OS's `prefers-color-scheme`). */
export type LoyaltyTheme = 'light' | 'dark' | 'auto';

/** What a query task resolves to: the data plus the session generation it belongs to. */
export interface Stamped<T> {
  generation: number;
  data: T;
}

type QueryTaskArgs = readonly [LoyaltySessionState | undefined, number, boolean, string];
export type QueryTask<T> = Task<QueryTaskArgs, Stamped<T>>;

export interface StateTemplates<T> {
  complete: (data: T) => TemplateResult;
  /** Same outline as `complete`, so nothing jumps when data arrives. */
  skeleton: () => TemplateResult;
  /** Shown instead of `complete` when the data holds nothing to show. */
  empty?: (data: T) => TemplateResult | undefined;
}

/**
 * What every loyalty element shares: finding its session (context, or `session="id"`), an
 * `emit()` that always bubbles and is composed, and the data states rendered one way —
 * skeleton, content, empty, error with Retry, signed out.
 *
 * @fires {CustomEvent<LoyaltyError>} loyalty-error - A request for this element failed; `detail` is the typed error, for logging.
 * @fires {CustomEvent<{ generation: number }>} loyalty-ready - The element's first data (or its empty state) is on screen, rendered and laid out, for this member: once after a key is set, and once more after each change of member, backend or `reload()` (`detail.generation` tells them apart). Not on a background refresh, and not for an error (`loyalty-error` is).
 * @csspart base - The element's frame (border, background, padding, corner radius): a wrapper inside the shadow root, so page resets cannot remove it.
 * @csspart state - The wrapper of a signed-out, empty or error message (also `signed-out`, `empty` or `error`).
 * @csspart retry - The Retry button of the error state.
 * @csspart error-detail - The platform's own words about a failure (API text, as text), or the field an answer of the wrong shape got wrong: for the merchant, so hidden by default (`display: none`). Members read the kit's sentence only. To show it, e.g. while testing: `loyalty-balance::part(error-detail) { display: block; }` (a `::part` rule of the page wins over the element's own); the `loyalty-error` event carries the whole error either way.
 * @csspart error-message - The kit's message in the error state.
 * @cssprop --loyalty-color-scheme - `light`, `dark`, or `light dark` (the OS's `prefers-color-scheme`). Default: the page's own `color-scheme` (inherited from `:root`, a wrapper such as Bootstrap's `[data-bs-theme="dark"]`, or `<meta name="color-scheme">`), so a page that declares nothing gets light, even on a dark OS. Picks the side of every `light-dark()` colour; `<loyalty-session theme>` sets it for the elements inside.
 * @cssprop --loyalty-color-text - Text colour (default `light-dark(#1d1d1f, #e8eaed)`).
 * @cssprop --loyalty-color-muted - Secondary text: labels, hints, dates (default `light-dark(#5f6368, #a8adb4)`); also the border of inputs.
 * @cssprop --loyalty-color-surface - Background of the element, its inputs and dialogs (default `light-dark(#ffffff, #1f2023)`).
 * @cssprop --loyalty-color-border - Borders and dividers (default `light-dark(#dadce0, #3c4043)`).
 * @cssprop --loyalty-color-accent - Buttons, focus rings, progress fills, available rewards (default `light-dark(#1a56db, #8ab4f8)`).
 * @cssprop --loyalty-color-on-accent - Text on the accent colour (default `light-dark(#ffffff, #0b1a33)`).
 * @cssprop --loyalty-color-danger - Error text and invalid-field borders (default `light-dark(#b3261e, #f2b8b5)`).
 * @cssprop --loyalty-color-danger-strong - Background of destructive buttons, "Remove card", "Delete my account" (default `#b3261e`).
 * @cssprop --loyalty-color-on-danger - Text on `--loyalty-color-danger-strong` (default `#ffffff`).
 * @cssprop --loyalty-color-skeleton - Placeholders while loading, the track of progress bars (default `light-dark(#e8eaed, #3c4043)`).
 * @cssprop --loyalty-color-backdrop - Behind a confirmation dialog (default `rgb(0 0 0 / 0.4)`).
 * @cssprop --loyalty-font-family - Font family (default: the surrounding text's).
 * @cssprop --loyalty-font-size - Base font size; every length of the element is in `em` of it (default `1em`: the surrounding text's size, whatever the page's root `font-size`).
 * @cssprop --loyalty-font-line-height - Line height (default `1.5`).
 * @cssprop --loyalty-radius - Corner radius of the element; buttons, inputs and items use fractions of it (default `0.75em`).
 * @cssprop --loyalty-space-s - Small gaps: between buttons, under headings (default half of `--loyalty-space-m`).
 * @cssprop --loyalty-space-m - The element's padding and the gaps between its rows (default `1em`).
 * @cssprop --loyalty-space-l - Padding of dialogs (default 1.5 × `--loyalty-space-m`).
 */
export abstract class LoyaltyElement extends LitElement {
  /** The `id` of a `<loyalty-session>` elsewhere on the page, for an element outside one. */
  @property({ useDefault: true }) session = '';

  /**
   * Colour scheme of this element: `light` or `dark` whatever the page and the OS prefer, `auto`
   * the OS's (`prefers-color-scheme`); any other value means `auto`. Unset, it follows the
   * `<loyalty-session theme>` around it, else the page's `--loyalty-color-scheme`, else the page's
   * own `color-scheme` (`:root`, a wrapper, `<meta name="color-scheme">`): light on a page that
   * declares none. Reflected: the property sets the attribute (the styles select on it).
   */
  @property({ reflect: true }) theme?: LoyaltyTheme;

  /**
   * Every attribute returns to its documented default when removed, and every property when set
   * to `null` or `undefined` (a framework unsetting it): properties with a default are declared
   * `useDefault: true`, and `nullMeansDefault` does for properties what Lit does for attributes.
   */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration, useNewValue?: boolean, newValue?: unknown): void {
    const r = nullMeansDefault(this, name, oldValue, options);
    if (!r.handled) super.requestUpdate(name, r.oldValue, options, useNewValue, newValue);
  }

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private contextSession?: LoyaltySessionState;

  @state() private linkedSession?: LoyaltySessionState;

  /** The session generation `loyalty-ready` was fired for. */
  private readyFor = -1;

  private watched?: LoyaltySessionState;
  private unwatch?: () => void;
  /** What each query task reads: the session starts them when a key is set (`LoyaltySessionState.expect`). */
  private reads: (() => Query<unknown> | undefined)[] = [];
  private lastError?: unknown;
  private disconnectLocale?: () => void;

  constructor() {
    super();
    // every string goes through msg(): a new page language re-renders the element
    updateWhenLocaleChanges(this);
  }

  /**
   * What the element shows, inside its frame (`part="base"`). The frame lives in the shadow root
   * rather than on `:host`, so a page's reset (`* { margin: 0; padding: 0; border: 0 }`) cannot
   * strip it.
   */
  protected abstract renderContent(): unknown;

  protected override render(): TemplateResult {
    return html`<div part="base" class="base">${this.renderContent()}</div>`;
  }

  /**
   * Where the page refused Lit's Trusted Types policy and requires Trusted Types, Lit cannot parse
   * a template: the element then says which directive to add (DOM calls and `textContent` only)
   * instead of staying blank. Attributes still reflect. Returns whether it did so.
   */
  private updateWithoutLit(changed: PropertyValues): boolean {
    if (!litBlockedByTrustedTypes()) return false;
    (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
    showTrustedTypesError(this.renderRoot, trustedTypesMessage());
    return true;
  }

  /** The session this element reads from: the `session="id"` one, else the enclosing provider. */
  protected get sessionState(): LoyaltySessionState | undefined {
    return this.session ? this.linkedSession : this.contextSession;
  }

  /** The locale to format with. */
  protected get locale(): string | undefined {
    return this.sessionState?.locale || undefined;
  }

  /**
   * No key yet, but one is on its way (`<loyalty-session pending>`): show the skeleton, not the
   * signed-out state.
   */
  protected get awaitingKey(): boolean {
    const s = this.sessionState;
    return !!s && !s.signedIn && s.pending;
  }

  /**
   * Refetches what this element shows (its reads, through the session's shared cache), keeping it
   * on screen meanwhile: after a change the page knows of, such as an order placed at the till.
   * Other elements showing the same data update with it. Nothing happens when signed out. To
   * refresh everything on screen, call `refresh()` on the `<loyalty-session>`.
   */
  refresh(): void {
    const session = this.sessionState;
    if (!session?.signedIn) return;
    session.refresh([...this.follows.values()].filter((r) => r.session === session).map((r) => r.key));
  }

  /**
   * Focuses the first enabled control that is, or is inside, the first of `scopes` (selectors in
   * the shadow root) to have one; without any, the host's own `focus()`. For the form elements' `focus()`.
   */
  protected focusFirstControl(scopes: readonly string[], options?: FocusOptions): void {
    const control = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';
    for (const scope of scopes) {
      const found = this.renderRoot.querySelector<HTMLElement>(scope);
      const target = found?.matches(control) ? found : found?.querySelector<HTMLElement>(control);
      if (target) return target.focus(options);
    }
    super.focus(options);
  }

  protected supports(capability: Capability): boolean {
    return this.sessionState?.supports(capability) ?? false;
  }

  /**
   * Dispatches the kit's event `name`, a `CustomEvent` that bubbles and crosses shadow roots; its
   * name and `detail` are checked against `HTMLElementEventMap`. `false` when a listener cancelled it.
   */
  protected emit<K extends LoyaltyEventName>(name: K, ...args: EmitArgs<K>): boolean {
    return emit(this, name, ...args);
  }

  /**
   * A `@lit/task` reading one query through the session's shared cache. It reruns when the
   * member changes, when the query's key changes (its parameters), and when fresh data for it
   * lands in the cache (refresh, invalidation). `query` returning `undefined` loads nothing
   * (say, a capability the backend lacks).
   */
  protected queryTask<T>(query: () => Query<T> | undefined): QueryTask<T> {
    this.reads.push(query);
    const task: QueryTask<T> = new Task(this, {
      args: () => {
        const s = this.sessionState;
        return [s, s?.generation ?? -1, s?.signedIn ?? false, s?.signedIn ? (query()?.key ?? '') : ''] as const;
      },
      task: async ([session, generation, signedIn], { signal }) => {
        const q = signedIn ? query() : undefined;
        if (!session || !q) return initialState;
        this.follow(task, session, q.key);
        try {
          return { generation, data: await session.query(q, signal) };
        } catch (error) {
          this.report(error);
          throw error;
        }
      },
    });
    return task;
  }

  /** A write this element can make; see `Mutation`. Failures fire `loyalty-error`. */
  protected mutation<A extends unknown[], R>(options: MutationOptions<A, R>): Mutation<A, R> {
    return new Mutation(
      this,
      () => this.sessionState,
      options,
      (e) => this.report(e),
    );
  }

  /** The cache key each task reads, and the subscription that reruns it when fresh data lands. */
  private follows = new Map<QueryTask<unknown>, { session: LoyaltySessionState; key: string; stop?: () => void }>();

  private follow(task: QueryTask<unknown>, session: LoyaltySessionState, key: string) {
    const current = this.follows.get(task);
    if (current?.session === session && current.key === key) return;
    current?.stop?.();
    const record = { session, key, stop: undefined as (() => void) | undefined };
    this.follows.set(task, record);
    if (this.isConnected) this.subscribe(task, record);
  }

  private subscribe(task: QueryTask<unknown>, record: { session: LoyaltySessionState; key: string; stop?: () => void }) {
    record.stop = record.session.watch(record.key, () => {
      if (task.status !== TaskStatus.PENDING) void task.run();
    });
  }

  /**
   * Renders a query task in its state: signed out, skeleton (or the same member's previous data
   * while a refresh runs), content or empty, error with Retry.
   */
  protected renderTask<T>(task: QueryTask<T>, t: StateTemplates<T>): TemplateResult {
    const session = this.sessionState;
    if (!session?.signedIn) return this.renderWithoutKey(t.skeleton);
    const current = task.value?.generation === session.generation ? task.value.data : undefined;
    switch (task.status) {
      case TaskStatus.COMPLETE:
      case TaskStatus.PENDING:
        if (current !== undefined) return t.empty?.(current) ?? t.complete(current);
        return this.renderBusy(t.skeleton());
      case TaskStatus.ERROR:
        return this.renderError(task.error, () => void task.run());
      default:
        return this.renderBusy(t.skeleton());
    }
  }

  /** The loading state: `skeleton` (the outline of the data), marked busy. */
  protected renderBusy(skeleton: unknown): TemplateResult {
    return html`<div aria-busy="true" part="skeleton">${skeleton}</div>`;
  }

  /** No key: the skeleton while one is on its way (`<loyalty-session pending>`), else the signed-out state. */
  protected renderWithoutKey(skeleton: () => unknown): TemplateResult {
    return this.awaitingKey ? this.renderBusy(skeleton()) : this.renderSignedOut();
  }

  protected renderSignedOut(): TemplateResult {
    // after a 401 the member learns why they are signed out, not just that they are
    const expired = this.sessionState?.expired ? html`${msg('Your session has expired.')} ` : nothing;
    return html`<p class="state" part="state signed-out">${expired}${msg('Sign in to see your loyalty details.')}</p>`;
  }

  /**
   * Whether the element shows data (or its empty state) for the signed-in member: nothing is
   * loading (`aria-busy`) and no error state is shown. Elements with another notion override it.
   */
  protected get showsData(): boolean {
    const root = this.renderRoot;
    return !!this.sessionState?.signedIn && !root.querySelector('[aria-busy="true"]') && !root.querySelector('[part~="state"][part~="error"]');
  }

  /** After each render: `loyalty-ready` once per member (generation), when the data is on screen. */
  protected override update(changed: PropertyValues<this>): void {
    if (!this.updateWithoutLit(changed)) super.update(changed);
    const generation = this.sessionState?.generation ?? -1;
    if (generation === this.readyFor || !this.showsData) return;
    this.readyFor = generation;
    void this.updateComplete.then(() => {
      if (this.isConnected && this.sessionState?.generation === generation) this.emit('loyalty-ready', { generation });
    });
  }

  protected renderError(error: unknown, retry: () => void): TemplateResult {
    return html`<div class="state error" part="state error" role="alert">
      <p part="error-message">${describeError(error).text}</p>
      ${errorDetail(error, true)}
      <button type="button" part="retry" @click=${retry}>${msg('Retry')}</button>
    </div>`;
  }

  /** Fires `loyalty-error` once per failure (aborts are not failures). */
  protected report(error: unknown): void {
    if (error === this.lastError || (error instanceof LoyaltyError && error.kind === 'aborted')) return;
    this.lastError = error;
    this.emit('loyalty-error', error instanceof LoyaltyError ? error : new LoyaltyError('unknown', `Unexpected error (${String(error)}).`, { cause: error }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session) this.link();
    else this.watch(this.contextSession);
    document.addEventListener('loyalty-session-connected', this.onProviderConnected);
    // without a session on the page, the kit's language is this element's nearest `lang`
    this.disconnectLocale = connectLocaleSource({ isSession: false, locale: () => nearestLang(this) });
    for (const [task, record] of this.follows) if (!record.stop) this.subscribe(task, record);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('loyalty-session-connected', this.onProviderConnected);
    this.disconnectLocale?.();
    this.watch(undefined);
    // a removed element must not be kept alive by the session's cache
    for (const record of this.follows.values()) {
      record.stop?.();
      record.stop = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.isConnected) this.link();
    // an update can run after the element was removed (added and removed in one task): following
    // the session then would keep the element alive, and listening, for good
    this.watch(this.isConnected ? this.sessionState : undefined);
  }

  /** Resolves `session="id"`; a provider that is not on the page or not upgraded yet announces itself later. */
  private link(): void {
    if (!this.session) {
      this.linkedSession = undefined;
      return;
    }
    const root = this.getRootNode() as Document | ShadowRoot;
    const el: (HTMLElement & { state?: LoyaltySessionState }) | null = root.getElementById?.(this.session) ?? document.getElementById(this.session);
    this.linkedSession = el?.state instanceof EventTarget ? el.state : undefined;
  }

  private onProviderConnected = (e: Event) => {
    const id = (e as CustomEvent<{ id: string }>).detail?.id;
    if (this.session && id === this.session) this.link();
  };

  /** Follows the session's changes (member, backend, expiry, locale). */
  private watch(session: LoyaltySessionState | undefined): void {
    if (session === this.watched) return;
    this.unwatch?.();
    this.unwatch = undefined;
    this.watched = session;
    if (!session) return;
    const onChange = () => this.requestUpdate();
    session.addEventListener('change', onChange);
    const unexpect = this.reads.map((read) => session.expect(read));
    this.unwatch = () => {
      session.removeEventListener('change', onChange);
      for (const stop of unexpect) stop();
    };
  }
}

declare global {
  interface HTMLElementEventMap {
    /** Any data element: its first data (or empty state) for this member is on screen. */
    'loyalty-ready': CustomEvent<{ generation: number }>;
  }
}
