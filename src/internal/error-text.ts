import { msg, str } from '@lit/localize';
import { LoyaltyError } from '../api/errors.js';

/** What an element shows for a failure. */
export interface ErrorText {
  /** The kit's own sentence, in the page's language, chosen by the error's kind and status. */
  text: string;
  /** The platform's own words about it, when it gave any: API text, shown as sent (under `text`). */
  detail?: string;
}

/**
 * A failure as the member reads it. `LoyaltyError.message` is English for logs unless the platform
 * wrote it; the element says what happened in the page's language instead, and adds the
 * platform's words as they came.
 */
export function describeError(error: unknown, options: { safeToRepeat?: boolean } = {}): ErrorText {
  if (!(error instanceof LoyaltyError)) return { text: msg('Something went wrong. Please try again.') };
  const detail = error.fromPlatform && error.message ? error.message : undefined;
  return { text: kitText(error, options.safeToRepeat), detail };
}

/** `describeError` on one line: the kit's sentence, then the platform's words, if any. */
export function errorLine(error: unknown, options: { safeToRepeat?: boolean } = {}): string {
  const { text, detail } = describeError(error, options);
  return detail ? `${text} ${detail}` : text;
}

/**
 * Why one action on one item (a voucher's claim) failed: the platform's own refusal as it wrote it
 * (Spaaza sends refusals with HTTP 500, so the status says little), else the kit's sentence.
 */
export function refusalText(error: unknown): string {
  return error instanceof LoyaltyError && error.fromPlatform && error.message ? error.message : describeError(error).text;
}

/**
 * One sentence for a failure that concerns a form field: the platform's own words when it wrote
 * them (they name the field), else the kit's sentence in the page's language.
 */
export function fieldErrorText(error: LoyaltyError): string {
  // a server in trouble (5xx, 429) names no field: say what happened first, then its words
  if (error.status !== undefined && (error.status >= 500 || error.status === 429)) return errorLine(error);
  return error.fromPlatform && error.message ? error.message : kitText(error);
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
  const field = e.field;
  return field
    ? msg(str`The loyalty service sent an unexpected response: ${field} is not valid.`, { desc: 'The placeholder is a technical field path such as rewards[0].cost.' })
    : msg('The loyalty service sent an unexpected response.');
}
