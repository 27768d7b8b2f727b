import type { LoyaltyBackend } from '../../backend.js';
import type { HttpClient } from '../../client.js';
import type { CheckinCode } from '../../types.js';
import { fail, num, obj, optional, str, unixDate } from '../../validate.js';

/**
 * Body of `POST /user/token/request` (reference §8.1): `token_type: 2, style: "QR CODE"`, what
 * most real clients send and the reference recommends. The merchant-side `/onscreen` calls
 * (§8.3, `api_key`) are never made from a browser.
 */
export const CHECKIN_TOKEN_REQUEST = { token_type: 2, style: 'QR CODE' } as const;

/** Unix seconds → Date; a missing or non-positive value (the docs' placeholder `0`) is no date. */
const seconds = (v: unknown, path: string) => {
  const n = optional(v, num, path);
  return n !== undefined && n > 0 ? unixDate(n, path) : undefined;
};

/**
 * The token response `{token, barcode, created, expiry, updated}`. `token` (text, or a number)
 * is what the POS looks up; `expiry` may be absent (the element then shows no countdown).
 * `barcode` — a base64 image on the real API — is not read: the element draws the code itself.
 */
export function readCheckinToken(body: unknown): CheckinCode {
  const o = obj(body, 'token response');
  const token = (typeof o.token === 'number' ? String(o.token) : str(o.token, 'token')).trim();
  if (!token) fail('token', 'a non-empty token');
  return { token, created: seconds(o.created, 'created'), expires: seconds(o.expiry, 'expiry'), static: false };
}

/** The member-side check-in token (`checkin-token`). A POST: never retried. */
export const checkinMethods = (client: HttpClient): Pick<LoyaltyBackend, 'requestCheckinToken'> => ({
  async requestCheckinToken(signal) {
    return readCheckinToken(await client.request('POST', '/user/token/request', { body: CHECKIN_TOKEN_REQUEST, signal }));
  },
});
