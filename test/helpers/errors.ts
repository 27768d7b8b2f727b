import { expect } from '@open-wc/testing';
import { LoyaltyError } from '../../src/api/errors.js';

/** The `LoyaltyError` that `fn` throws (fails the test if it throws nothing, or something else). */
export function thrown(fn: () => unknown): LoyaltyError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(LoyaltyError);
    return e as LoyaltyError;
  }
  throw new Error('expected a LoyaltyError');
}

/** The `LoyaltyError` that `promise` rejects with (fails the test if it resolves, or rejects with something else). */
export async function rejection(promise: Promise<unknown>): Promise<LoyaltyError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(LoyaltyError);
    return e as LoyaltyError;
  }
  throw new Error('expected a LoyaltyError');
}
