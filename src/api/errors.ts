/**
 * One error type for the whole kit. It understands every error envelope the supported
 * platforms send, so callers switch on `kind` and show `message` without knowing the backend.
 */

/**
 * - `network`: no response (offline, DNS, dropped connection, CORS).
 * - `timeout`: no response within the per-attempt timeout.
 * - `http`: the server answered with an error that is not about the session.
 * - `auth`: the session is missing, invalid or expired (401, Spaaza `no_valid_session`).
 * - `validation`: a request the client refused to send, or a response of the wrong shape.
 * - `unsupported`: the backend cannot do this.
 * - `aborted`: the caller cancelled.
 * - `unknown`: anything else that went wrong (a bug, a missing platform API); the original error is its `cause`.
 */
export type LoyaltyErrorKind = 'network' | 'timeout' | 'http' | 'auth' | 'validation' | 'unsupported' | 'aborted' | 'unknown';

export interface LoyaltyErrorInit {
  status?: number;
  code?: string | number;
  referenceId?: string;
  /** For `validation`: the field the message is about (a dotted path). */
  field?: string;
  /** Every message of a multi-message envelope. */
  messages?: string[];
  retryAfter?: number;
  /** The message is the platform's own words (its error envelope), not the kit's. */
  fromPlatform?: boolean;
  /** A write that may have reached the server although no answer came (timeout, dropped connection). */
  unconfirmed?: boolean;
  cause?: unknown;
}

export class LoyaltyError extends Error {
  override readonly name = 'LoyaltyError';
  readonly kind: LoyaltyErrorKind;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** The platform's own error code, for support. */
  readonly code?: string | number;
  /** The platform's reference id, for support. */
  readonly referenceId?: string;
  readonly field?: string;
  readonly messages: string[];
  /** Seconds the server asked us to wait (`Retry-After`). */
  readonly retryAfter?: number;
  /**
   * Whether `message` is the platform's own words (from its error envelope): API text, which an
   * element shows as sent. Otherwise `message` is the kit's English, for logs; elements show a
   * localized text chosen by `kind` and `status` instead.
   */
  readonly fromPlatform: boolean;
  /**
   * A write (POST, PUT, DELETE) that got no answer — it timed out or the connection dropped — so
   * it may or may not have been applied. It is never re-sent by itself: say so, and let the member
   * check before trying again.
   */
  readonly unconfirmed: boolean;

  constructor(kind: LoyaltyErrorKind, message: string, init: LoyaltyErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.code = init.code;
    this.referenceId = init.referenceId;
    this.field = init.field;
    this.messages = init.messages ?? [message];
    this.retryAfter = init.retryAfter;
    this.fromPlatform = init.fromPlatform ?? false;
    this.unconfirmed = init.unconfirmed ?? false;
  }
}

export const isLoyaltyError = (e: unknown): e is LoyaltyError => e instanceof LoyaltyError;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const idOf = (v: unknown): string | number | undefined => (typeof v === 'number' || (typeof v === 'string' && v !== '') ? v : undefined);

/** What an error envelope says, whichever platform sent it. */
export interface EnvelopeError {
  messages: string[];
  code?: string | number;
  referenceId?: string;
  /** Spaaza's symbolic name, e.g. `no_valid_session`. */
  name?: string;
}

/**
 * Reads a parsed response body and returns what it says about an error, or `undefined` when
 * it is not an error envelope. Understands:
 * - Spoonity v2: `{error:{code,reference_id,errors:[{reason,message,code?}]},object:"error"}`
 * - Spoonity Bearer API: `{internal_code, message}`
 * - Spoonity shared library: `{error:{status_code,message}}`
 * - HTTP 200 with `success:false` (and a `message` / `error` beside it)
 * - Spaaza: `{result:{status:"error"}, error:{code,name,description}}` (or `errors:[…]` before 1.4.0); code 6
 *   is `no_valid_session` whatever the status
 */
export function readErrorEnvelope(body: unknown): EnvelopeError | undefined {
  if (!isObject(body)) return undefined;
  const error = body.error;
  const result = body.result;

  // Spaaza: one `error` object, or (API versions before 1.4.0) an `errors` list
  if (isObject(result) && result.status === 'error') {
    const list = Array.isArray(body.errors) ? body.errors : [];
    const e = isObject(error) ? error : isObject(list[0]) ? list[0] : {};
    const code = idOf(e.code);
    return {
      messages: [text(e.description) ?? text(e.name) ?? 'The request was refused.'],
      code,
      name: text(e.name) ?? (Number(code) === 6 ? 'no_valid_session' : undefined),
    };
  }

  if (isObject(error)) {
    // Spoonity v2
    const items = Array.isArray(error.errors) ? error.errors.filter(isObject) : [];
    const messages = items.map((i) => text(i.message) ?? text(i.reason)).filter((m): m is string => !!m);
    const itemCode = items.map((i) => idOf(i.code)).find((c) => c !== undefined);
    const fallback = text(error.message) ?? text(error.description);
    if (messages.length || fallback || 'code' in error || 'status_code' in error) {
      return {
        messages: messages.length ? messages : fallback ? [fallback] : [],
        code: itemCode ?? idOf(error.code) ?? idOf(error.status_code),
        referenceId: text(error.reference_id) ?? (typeof error.reference_id === 'number' ? String(error.reference_id) : undefined),
        name: text(error.name),
      };
    }
  }

  if (body.success === false) {
    const m = text(body.message) ?? text(error) ?? text(body.error_message);
    return { messages: m ? [m] : [], code: idOf(body.code) ?? idOf(body.error_code) };
  }

  // Spoonity Bearer API
  if ('internal_code' in body && text(body.message)) {
    return { messages: [text(body.message)!], code: idOf(body.internal_code) };
  }
  return undefined;
}
