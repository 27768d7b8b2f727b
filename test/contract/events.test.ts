import { expect } from '@open-wc/testing';
import type { LoyaltyError } from '../../src/api/errors.js';
import type { Reward } from '../../src/api/types.js';
import { emit, type LoyaltyEventDetail, type LoyaltyEventName } from '../../src/internal/events.js';
import { LoyaltyElement } from '../../src/internal/loyalty-element.js';
import '../../src/index.js';

/**
 * Typed events (issue 16): the kit's one `emit` checks the event name and its `detail` against the
 * `HTMLElementEventMap` declarations. The `@ts-expect-error` lines below are checked by
 * `tsc -p tsconfig.json` (the first step of `npm test`): if a misspelled name or a wrong payload
 * compiled, the directive would be unused and the type-check would fail.
 */

declare const reward: Reward;
declare const error: LoyaltyError;

/** Never called: only type-checked. */
export function typeChecks(target: EventTarget): void {
  emit(target, 'loyalty-signed-in', { email: 'a@example.com' });
  emit(target, 'loyalty-signed-out');
  emit(target, 'loyalty-reward-select', { reward });
  emit(target, 'loyalty-voucher-claimed', { reward, claimed: true });
  emit(target, 'loyalty-error', error);
  emit(target, 'loyalty-session-expired', { error });
  emit(target, 'loyalty-ready', { generation: 1 });

  // @ts-expect-error a misspelled event name
  emit(target, 'loyalty-sign-in', { email: 'a@example.com' });
  // @ts-expect-error another misspelling
  emit(target, 'loyalty-voucher-claim', { reward, claimed: true });
  // @ts-expect-error an event the kit does not fire (not `loyalty-*`)
  emit(target, 'click');
  // @ts-expect-error a wrong payload: `email` is a string
  emit(target, 'loyalty-signed-in', { email: 42 });
  // @ts-expect-error a wrong payload: a field missing
  emit(target, 'loyalty-voucher-claimed', { reward });
  // @ts-expect-error a wrong payload: `loyalty-session-expired` wraps the error in `{ error }`
  emit(target, 'loyalty-session-expired', error);
  // @ts-expect-error a payload that is required left out
  emit(target, 'loyalty-reward-select');
  // @ts-expect-error a payload on an event that carries none
  emit(target, 'loyalty-signed-out', { email: 'a@example.com' });

  const name: LoyaltyEventName = 'loyalty-card-removed';
  const detail: LoyaltyEventDetail<'loyalty-ready'> = { generation: 2 };
  void name;
  void detail;
}

/** Never instantiated: the element's own `emit` is checked the same way. */
export class TypedEmitProbe extends LoyaltyElement {
  protected renderContent(): unknown {
    return null;
  }

  fire(): void {
    this.emit('loyalty-ready', { generation: 1 });
    this.emit('loyalty-account-deleted');
    // @ts-expect-error a misspelled event name
    this.emit('loyalty-redy', { generation: 1 });
    // @ts-expect-error a wrong payload
    this.emit('loyalty-ready', { generation: '1' });
    // @ts-expect-error a wrong payload: `loyalty-error` carries a LoyaltyError
    this.emit('loyalty-error', new Error('boom'));
  }
}

describe('typed events', () => {
  it('emit() dispatches a CustomEvent that bubbles out of shadow roots with its detail', () => {
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    try {
      let got: CustomEvent<{ reward: Reward }> | undefined;
      const listener = (e: HTMLElementEventMap['loyalty-reward-select']) => (got = e);
      document.body.addEventListener('loyalty-reward-select', listener);
      const sample = { id: 'r1' } as Reward;
      expect(emit(inner, 'loyalty-reward-select', { reward: sample })).to.equal(true);
      document.body.removeEventListener('loyalty-reward-select', listener);
      expect(got?.detail.reward).to.equal(sample);
      expect(got?.bubbles && got.composed).to.equal(true);
      expect(got?.cancelable).to.equal(false);
    } finally {
      host.remove();
    }
  });

  it('emit() returns false when a listener cancels a cancelable event', () => {
    const el = document.createElement('div');
    el.addEventListener('loyalty-card-remove-request', (e) => e.preventDefault());
    expect(
      emit(el, 'loyalty-card-remove-request', { id: 'c1' } as HTMLElementEventMap['loyalty-card-remove-request']['detail'], { cancelable: true }),
    ).to.equal(false);
    expect(emit(el, 'loyalty-card-remove-request', { id: 'c1' } as HTMLElementEventMap['loyalty-card-remove-request']['detail'])).to.equal(true);
  });
});
