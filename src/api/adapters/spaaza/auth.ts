import type { LoyaltyBackend } from '../../backend.js';
import { LoyaltyError } from '../../errors.js';
import type { SignInResult } from '../../types.js';
import { id, obj, str, type Obj } from '../../validate.js';
import { results, type SpaazaApi } from './client.js';

/** login's `results.session_info` (reference §5.2): the key and the user id every later call sends. */
export function readLogin(r: Obj): SignInResult {
  const s = obj(r.session_info, 'session_info');
  return { sessionKey: str(s.session_key, 'session_info.session_key'), userId: id(s.session_user_id, 'session_info.session_user_id') };
}

/**
 * Sign-in `POST /auth/login` (form, reference §5.2: it ends the member's other Spaaza sessions),
 * sign-out `DELETE /auth/logout` (§5.5), and deletion `DELETE /delete-user` (§13: one step, no
 * parameters under user auth; Spaaza obfuscates the personal data).
 */
export const authMethods = (api: SpaazaApi): Pick<LoyaltyBackend, 'signIn' | 'signOut' | 'deleteAccount'> => ({
  async signIn({ email, password }, signal) {
    if (!email || !password) throw new LoyaltyError('validation', 'Enter your email address and password.', { field: email ? 'password' : 'email' });
    try {
      return readLogin(results(await api.send('POST', '/auth/login', { username: email, password }, signal, null)));
    } catch (e) {
      // code 5: wrong password or no such user, whatever the HTTP status
      if (e instanceof LoyaltyError && Number(e.code) === 5) throw new LoyaltyError('auth', e.message, { ...e, cause: e });
      throw e;
    }
  },

  async signOut({ sessionKey, userId }, signal) {
    await api.send('DELETE', '/auth/logout', undefined, signal, {
      'X-Spaaza-Session-Key': sessionKey,
      ...(userId ? { 'X-Spaaza-Session-User-Id': userId } : {}),
    });
  },

  async deleteAccount(_profileId, signal) {
    await api.send('DELETE', '/delete-user', undefined, signal);
  },
});
