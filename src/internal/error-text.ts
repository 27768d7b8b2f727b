import { msg } from '@lit/localize';
import { LoyaltyError } from '../api/errors.js';

/** What an element shows for a failure. */
export interface ErrorText {
  /** The kit's own sentence, in the page's language, chosen by the error's kind and status: what members read. */
  text: string;
  /**
   * The platform's own words about it (API text), or for an answer of the wrong shape the field it
   * got wrong: for the merchant, never shown to members by default. Elements render it as text in
   * a `part="error-detail"` that is `display: none` unless the page styles `::part(error-detail)`;
   * the `loyalty-error` event carries the whole error.
   */
  detail?: string;
}

/**
 * A failure as the member reads it: one sentence in the page's language, by the error's kind and
 * status. `LoyaltyError.message` (English for logs, or the platform's own words) goes to `detail`.
 */
export function describeError(error: unknown, options: { safeToRepeat?: boolean } = {}): ErrorText {
  if (!(error instanceof LoyaltyError)) return { text: msg('Something went wrong. Please try again.') };
  const shape = error.kind === 'validation' && !!error.field && (error.status !== undefined || /unexpected response/.test(error.message));
  const detail = error.fromPlatform && error.message ? error.message : shape ? error.message : undefined;
  return { text: kitText(error, options.safeToRepeat), detail };
}

/** The kit's sentence for a failure, on one line (the platform's words are left to `describeError().detail`). */
export function errorLine(error: unknown, options: { safeToRepeat?: boolean } = {}): string {
  return describeError(error, options).text;
}

/**
 * Why one action on one item (a voucher's claim) failed, in the kit's words: a refusal the platform
 * explained (Spaaza sends refusals with HTTP 500, so the status says little) is a refusal, not an outage.
 */
export function refusalText(error: unknown): string {
  if (error instanceof LoyaltyError && error.fromPlatform && error.message && error.kind === 'http' && error.status !== 429 && !error.unconfirmed)
    return msg('The loyalty service refused the request.');
  return describeError(error).text;
}

/**
 * One sentence for a failure that concerns a form field, in the kit's words: `invalid` (the field's
 * own sentence, e.g. the phone number's format) when the platform refused the value, the kit's
 * sentence for a request it refused itself, and what happened when the server is in trouble.
 */
export function fieldErrorText(error: LoyaltyError, invalid?: string): string {
  // a server in trouble (5xx, 429) names no field
  if (error.status !== undefined && (error.status >= 500 || error.status === 429) && !(error.fromPlatform && invalid)) return errorLine(error);
  if (error.fromPlatform) return invalid ?? msg('The loyalty service did not accept this value. Check it and try again.');
  return kitText(error);
}

/** The kit's sentence for a failure, by kind, then status, then (for a request refused before sending) the field. */
function kitText(e: LoyaltyError, safeToRepeat = false): string {
  // a write with no answer may have been applied: never "try again" as if it surely failed
  // (unless repeating it is harmless, like asking for a new check-in code)
  if (e.unconfirmed && !safeToRepeat)
    return msg('The loyalty service did not answer, so it is not known whether this went through. Check before trying again.');
  switch (e.kind) {
    case 'network':
      return msg('We could not reach the loyalty service. Check your connection and try again.');
    case 'timeout':
      return msg('The loyalty service took too long to answer. Please try again.');
    case 'auth':
      return msg('Your session has expired. Please sign in again.');
    case 'unsupported':
      return msg('This is not available with your loyalty program.');
    case 'aborted':
      return msg('The request was cancelled.');
    case 'validation':
      return validationText(e);
    case 'unknown':
      return msg('Something went wrong. Please try again.');
    default:
      return httpText(e.status);
  }
}

function httpText(status: number | undefined): string {
  if (status === 403) return msg('This account is not allowed to do that yet. If you have not verified it, follow the link in your verification email.');
  if (status === 404) return msg('The loyalty service could not find what was asked for.');
  if (status === 409) return msg('That conflicts with what the loyalty service already has.');
  if (status === 429) return msg('Too many requests. Please wait a moment and try again.');
  if (status !== undefined && status >= 500) return msg('The loyalty service is unavailable right now. Please try again.');
  return msg('The loyalty service refused the request.');
}

/** A request the kit refused to send (it names the field), or an answer of the wrong shape. */
function validationText(e: LoyaltyError): string {
  // src/api/validate.ts: an answer of the wrong shape names its field path
  const shape = e.status !== undefined || /unexpected response/.test(e.message);
  if (!shape) {
    switch (e.field) {
      case 'email':
        return /changed/i.test(e.message) ? msg('Your email address cannot be changed here.') : msg('Enter your email address and password.');
      case 'password':
        return msg('Enter your email address and password.');
      case 'contactConsent':
        return msg('Text messages (SMS) are not offered: choose another contact consent.');
      case 'code':
        return msg('Enter the code from the confirmation email.');
      case 'vendorId':
        return msg('This page is not set up for that yet (the loyalty program is missing).');
      case 'page':
        return msg('The next page could not be loaded.');
    }
  }
  // the field path is for the merchant (`detail`, the event), not the member
  return msg('The loyalty service sent an unexpected response.');
}
