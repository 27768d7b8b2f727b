import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Capability } from '../api/backend.js';
import { LoyaltyError } from '../api/errors.js';
import { sessionContext } from '../session/context.js';
import type { LoyaltySessionState, Query } from '../session/session.js';
import { Mutation, type MutationOptions } from './mutation.js';
import { ensureContextRoot } from './define.js';
import { emit } from './events.js';

ensureContextRoot();

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
 * @csspart state - The wrapper of a signed-out, empty or error message.
 * @csspart retry - The Retry button of the error state.
 * @cssprop --loyalty-color-text - Text colour.
 * @cssprop --loyalty-color-muted - Secondary text colour.
 * @cssprop --loyalty-color-surface - Background of the element.
 * @cssprop --loyalty-color-border - Border colour.
 * @cssprop --loyalty-color-accent - Accent colour (buttons, focus ring).
 * @cssprop --loyalty-color-on-accent - Text on the accent colour.
 * @cssprop --loyalty-color-danger - Error text colour.
 * @cssprop --loyalty-color-skeleton - Placeholder colour while loading.
 * @cssprop --loyalty-font-family - Font family.
 * @cssprop --loyalty-font-size - Base font size.
 * @cssprop --loyalty-radius - Corner radius.
 * @cssprop --loyalty-space - Base spacing unit.
 */
export abstract class LoyaltyElement extends LitElement {
  /** The `id` of a `<loyalty-session>` elsewhere on the page, for an element outside one. */
  @property({ reflect: true }) session = '';

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private contextSession?: LoyaltySessionState;

  @state() private linkedSession?: LoyaltySessionState;

  private watched?: LoyaltySessionState;
  private unwatch?: () => void;
  private lastError?: unknown;

  /** The session this element reads from: the `session="id"` one, else the enclosing provider. */
  protected get sessionState(): LoyaltySessionState | undefined {
    return this.session ? this.linkedSession : this.contextSession;
  }

  /** The locale to format with. */
  protected get locale(): string | undefined {
    return this.sessionState?.locale || undefined;
  }

  protected supports(capability: Capability): boolean {
    return this.sessionState?.supports(capability) ?? false;
  }

  /** Dispatches a `CustomEvent` that bubbles and crosses shadow roots. */
  protected emit<T>(name: string, detail?: T, options: { cancelable?: boolean } = {}): boolean {
    return emit(this, name, detail, options);
  }

  /**
   * A `@lit/task` reading one query through the session's shared cache. It reruns when the
   * member changes, when the query's key changes (its parameters), and when fresh data for it
   * lands in the cache (refresh, invalidation). `query` returning `undefined` loads nothing
   * (say, a capability the backend lacks).
   */
  protected queryTask<T>(query: () => Query<T> | undefined): QueryTask<T> {
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
    return new Mutation(this, () => this.sessionState, options, (e) => this.report(e));
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
      if (task.status !== TaskStatus.PENDING) task.run();
    });
  }

  /**
   * Renders a query task in its state: signed out, skeleton (or the same member's previous data
   * while a refresh runs), content or empty, error with Retry.
   */
  protected renderTask<T>(task: QueryTask<T>, t: StateTemplates<T>): TemplateResult {
    const session = this.sessionState;
    if (!session?.signedIn) return this.renderSignedOut();
    const current = task.value?.generation === session.generation ? task.value.data : undefined;
    switch (task.status) {
      case TaskStatus.COMPLETE:
      case TaskStatus.PENDING:
        if (current !== undefined) return t.empty?.(current) ?? t.complete(current);
        return html`<div aria-busy="true" part="skeleton">${t.skeleton()}</div>`;
      case TaskStatus.ERROR:
        return this.renderError(task.error, () => task.run());
      default:
        return html`<div aria-busy="true" part="skeleton">${t.skeleton()}</div>`;
    }
  }

  protected renderSignedOut(): TemplateResult {
    return html`<p class="state" part="state signed-out">Sign in to see your loyalty details.</p>`;
  }

  protected renderError(error: unknown, retry: () => void): TemplateResult {
    const message = error instanceof LoyaltyError ? error.message : 'Something went wrong.';
    return html`<div class="state error" part="state error" role="alert">
      <p>${message}</p>
      <button type="button" part="retry" @click=${retry}>Retry</button>
    </div>`;
  }

  /** Fires `loyalty-error` once per failure (aborts are not failures). */
  protected report(error: unknown): void {
    if (error === this.lastError || (error instanceof LoyaltyError && error.kind === 'aborted')) return;
    this.lastError = error;
    this.emit('loyalty-error', error);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session) this.link();
    else this.watch(this.contextSession);
    document.addEventListener('loyalty-session-connected', this.onProviderConnected);
    for (const [task, record] of this.follows) if (!record.stop) this.subscribe(task, record);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('loyalty-session-connected', this.onProviderConnected);
    this.watch(undefined);
    // a removed element must not be kept alive by the session's cache
    for (const record of this.follows.values()) {
      record.stop?.();
      record.stop = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.isConnected) this.link();
    this.watch(this.sessionState);
  }

  /** Resolves `session="id"`; a provider that is not on the page or not upgraded yet announces itself later. */
  private link(): void {
    if (!this.session) {
      this.linkedSession = undefined;
      return;
    }
    const root = this.getRootNode() as Document | ShadowRoot;
    const el = (root.getElementById?.(this.session) ?? document.getElementById(this.session)) as
      | (HTMLElement & { state?: LoyaltySessionState })
      | null;
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
    this.unwatch = () => session.removeEventListener('change', onChange);
  }
}
