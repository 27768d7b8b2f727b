import { LoyaltyError } from '../errors.js';

/** A backend method the platform has no call for (its capability is absent): it always rejects with an `unsupported` error. */
export const unsupported =
  (what: string) =>
  (..._args: unknown[]): Promise<never> =>
    Promise.reject(new LoyaltyError('unsupported', `${what} is not available with this loyalty program.`));
