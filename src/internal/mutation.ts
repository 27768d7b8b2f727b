import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LoyaltyBackend } from '../api/backend.js';
import { LoyaltyError } from '../api/errors.js';
import type { LoyaltySessionState } from '../session/session.js';

export type MutationStatus = 'idle' | 'pending' | 'success' | 'error';

export type MutationResult<R> = { ok: true; value: R } | { ok: false; error: LoyaltyError; ignored?: boolean };

export interface MutationOptions<A extends unknown[], R> {
  run: (backend: LoyaltyBackend, ...args: A) => Promise<R>;
  /** Cache tags the write makes stale once the server has confirmed it. */
  invalidates: readonly string[] | ((value: R, ...args: A) => readonly string[]);
}

const toLoyaltyError = (e: unknown) =>
  e instanceof LoyaltyError ? e : new LoyaltyError('network', e instanceof Error ? e.message : 'Something went wrong.', { cause: e });

/**
 * One write an element can make (link a card, save a profile…). While it is in flight a second
 * `run()` is ignored, so a double click sends one request; writes are never retried; the cache
 * is refreshed only after the server confirms; a result that lands after the member changed is
 * dropped. The host re-renders on every status change (disable the control while `pending`).
 */
export class Mutation<A extends unknown[], R> implements ReactiveController {
  status: MutationStatus = 'idle';
  error?: LoyaltyError;
  value?: R;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => LoyaltySessionState | undefined,
    private readonly options: MutationOptions<A, R>,
    private readonly onError: (error: LoyaltyError) => void,
  ) {
    host.addController(this);
  }

  get pending(): boolean {
    return this.status === 'pending';
  }

  hostConnected(): void {}

  async run(...args: A): Promise<MutationResult<R>> {
    const session = this.session();
    if (this.pending) return { ok: false, ignored: true, error: new LoyaltyError('aborted', 'Already in progress.') };
    if (!session?.signedIn) return this.fail(new LoyaltyError('auth', 'Sign in first.'));
    const generation = session.generation;
    this.set('pending');
    try {
      const value = await session.mutate(
        (backend) => this.options.run(backend, ...args),
        (v: R) => (typeof this.options.invalidates === 'function' ? this.options.invalidates(v, ...args) : this.options.invalidates),
      );
      if (session.generation !== generation) return this.dropped();
      this.value = value;
      this.set('success');
      return { ok: true, value };
    } catch (e) {
      if (session.generation !== generation) return this.dropped();
      return this.fail(toLoyaltyError(e));
    }
  }

  /** Back to idle (e.g. when a form is edited after an error). */
  reset(): void {
    this.error = undefined;
    this.set('idle');
  }

  private fail(error: LoyaltyError): MutationResult<R> {
    this.error = error;
    this.set('error');
    this.onError(error);
    return { ok: false, error };
  }

  private dropped(): MutationResult<R> {
    this.set('idle');
    return { ok: false, ignored: true, error: new LoyaltyError('aborted', 'The session changed.') };
  }

  private set(status: MutationStatus) {
    this.status = status;
    this.host.requestUpdate();
  }
}
