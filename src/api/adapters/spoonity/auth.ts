import type { BackendConfig, LoyaltyBackend } from '../../backend.js';
import type { HttpClient } from '../../client.js';
import { LoyaltyError } from '../../errors.js';
import type { SignInResult } from '../../types.js';
import { id, obj, str, type Obj } from '../../validate.js';

export function readAuthenticate(body: unknown): SignInResult {
  const b = obj(body, 'authenticate');
  const userVendor = b.user_vendor as Obj | undefined;
  const user = (userVendor?.user ?? b.user) as Obj | undefined;
  return {
    sessionKey: str(b.session_identifier, 'session_identifier'),
    userId: user?.id === undefined ? undefined : id(user.id, 'user.id'),
  };
}

/** Sign-in (`POST /user/authenticate`, reference §2.1) and sign-out (`GET /user/logout`, §2.2). */
export const authMethods = (client: HttpClient, config: BackendConfig): Pick<LoyaltyBackend, 'signIn' | 'signOut'> => ({
  async signIn({ email, password }, signal) {
    if (!email || !password) throw new LoyaltyError('validation', 'Enter your email address and password.', { field: email ? 'password' : 'email' });
    const vendor = config.vendorId && /^\d+$/.test(config.vendorId) ? Number(config.vendorId) : config.vendorId;
    // never with the key of whoever was signed in before
    const body = await client.request('POST', '/user/authenticate', { body: { email_address: email, password, vendor }, signal, anonymous: true });
    return readAuthenticate(body);
  },

  async signOut({ sessionKey }, signal) {
    // the key it ends, not the session's current one (after a switch, that is the new member's)
    await client.request('GET', '/user/logout', { query: { session_key: sessionKey }, signal, retries: 0, anonymous: true });
  },
});
