import type { ReactiveControllerHost } from 'lit';
import type { Page } from '../api/types.js';
import type { LoyaltySessionState } from '../session/session.js';

/**
 * The pages after the first of a list the server pages through. The first page comes from the
 * element's query task (cached, shared, refreshed); the next ones load on request through the
 * same cache and belong to one session generation, so another member's rows are never shown.
 * It stops when the server says there is no more, or when a page brings nothing new (a server
 * that always answers "more" cannot make it loop).
 */
export class Pager<T extends { id: string }> {
  /** The first page and every page loaded since, without duplicates. */
  items: T[] = [];
  /** Cursor of the next page, `null` at the end. */
  next: string | null = null;
  pending = false;
  error?: unknown;
  private generation = -1;
  private first?: T[];
  private more: T[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: (session: LoyaltySessionState, cursor: string) => Promise<Page<T>>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Joins the first page (the query task's data, on every render) with the pages loaded since. */
  sync(first: Page<T>, generation: number): this {
    if (generation !== this.generation) {
      Object.assign(this, { generation, first: undefined, more: [], pending: false, error: undefined });
    }
    if (first.items !== this.first) {
      this.first = first.items;
      if (!this.more.length) this.next = first.page.next;
      this.join();
    }
    return this;
  }

  /** Loads the next page, once at a time; a failure stays in `error` (show it with a Retry). */
  async loadMore(session: LoyaltySessionState | undefined): Promise<void> {
    const { next, generation } = this;
    if (!session || !next || this.pending || session.generation !== generation) return;
    this.pending = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const page = await this.load(session, next);
      if (generation !== this.generation || session.generation !== generation) return;
      const before = this.items.length;
      this.more = [...this.more, ...page.items];
      this.join();
      this.next = this.items.length > before ? page.page.next : null;
    } catch (error) {
      if (generation === this.generation) {
        this.error = error;
        this.onError(error);
      }
    } finally {
      if (generation === this.generation) this.pending = false;
      this.host.requestUpdate();
    }
  }

  /**
   * `loadMore`, for a "Load more" button: when that was the last page the button goes away, so
   * focus moves to `target()` instead of being lost.
   */
  async loadMoreFromButton(session: LoyaltySessionState | undefined, target: () => HTMLElement | null | undefined): Promise<void> {
    await this.loadMore(session);
    await this.host.updateComplete;
    if (!this.next && !this.error) target()?.focus();
  }

  private join() {
    const seen = new Set<string>();
    this.items = [...(this.first ?? []), ...this.more].filter((x) => !seen.has(x.id) && !!seen.add(x.id));
  }
}
