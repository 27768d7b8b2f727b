import type { BackendConfig, LoyaltyBackend } from '../../backend.js';
import type { HttpClient, HttpMethod } from '../../client.js';
import { LoyaltyError } from '../../errors.js';

/**
 * UNCERTAIN (reference §9.1, §17 q3): step 1's verb is GET in the docs' `curl -G` and DELETE in
 * both clients (ng with `{}`, ns with `{ id }`); the reference infers DELETE. We send DELETE `{}`.
 */
const DELETION_REQUEST = {
  method: 'DELETE' as HttpMethod,
  path: (vendor: string, userId: string) => `/vendor/${vendor}/customers/${userId}/submit`,
  body: (_userId: string): Record<string, unknown> => ({}),
};

/**
 * UNCERTAIN (reference §9.2, §17 q3): step 2 is `DELETE /vendor/{vendor}/customers` with the
 * session and `{ code }` in the docs (seed 000), and `DELETE …/customers/{user_id}` without a
 * session with `{ code, id }` in the ns client. We follow the docs; this is the one place to
 * switch to the other form (`/customers/${userId}`, `{ code, id }`).
 */
const deletionConfirmation = (vendor: string, code: string, _userId: string) => ({
  path: `/vendor/${vendor}/customers`,
  body: { code } as Record<string, unknown>,
});

/** Two-step account deletion (reference §9): a request that emails a code, then the code. */
export const accountMethods = (client: HttpClient, config: BackendConfig): Pick<LoyaltyBackend, 'requestAccountDeletion' | 'confirmAccountDeletion'> => {
  const vendor = () => {
    if (!config.vendorId) throw new LoyaltyError('validation', 'Account deletion needs the vendor-id of <loyalty-session>.', { field: 'vendorId' });
    return encodeURIComponent(config.vendorId);
  };
  return {
    async requestAccountDeletion(profileId, signal) {
      const { method, path, body } = DELETION_REQUEST;
      await client.request(method, path(vendor(), encodeURIComponent(profileId)), { body: body(profileId), signal });
    },

    async confirmAccountDeletion(code, profileId, signal) {
      if (!code.trim()) throw new LoyaltyError('validation', 'Enter the code from the confirmation email.', { field: 'code' });
      const { path, body } = deletionConfirmation(vendor(), code.trim(), profileId);
      await client.request('DELETE', path, { body, signal });
    },
  };
};
