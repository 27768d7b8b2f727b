// @ts-check
/** HTTP plumbing shared by the routes: errors in Spoonity's envelope, JSON bodies, CORS, a tiny router. */
import { randomBytes } from 'node:crypto';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {{ code?: number, root?: Record<string, unknown> }} [extra] `code` goes on the error item, `root` beside `error`.
   */
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

/**
 * @param {ConstructorParameters<typeof ApiError>} args
 * @returns {never}
 */
export function fail(...args) {
  throw new ApiError(...args);
}

/** The Spoonity v2 error envelope (reference §12.1). */
export function envelope(
  /** @type {number} */ status,
  /** @type {string} */ message,
  { code = /** @type {number | undefined} */ (undefined), root = {} } = {},
) {
  return {
    error: {
      code: status,
      reference_id: randomBytes(8).toString('hex'),
      more_info: 'http://api.spoonity.com/doc/#apiMethod',
      errors: [{ reason: 'exception', ...(code === undefined ? {} : { code }), message }],
    },
    object: 'error',
    ...root,
  };
}

/** Writes a response; a non-string body is sent as JSON, `undefined` as an empty body. */
export function send(/** @type {Res} */ res, /** @type {number} */ status, /** @type {unknown} */ body, type = 'application/json; charset=utf-8') {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'Content-Type': type } : {}),
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** @typedef {(status: number, message: string, extra?: { code?: number, root?: Record<string, unknown> }) => unknown} ErrorEnvelope */

/** Answers an error: an `ApiError` in the envelope (Spoonity's, or the one given), anything else as a logged 500. */
export function sendError(/** @type {Res} */ res, /** @type {unknown} */ error, /** @type {ErrorEnvelope} */ toEnvelope = envelope) {
  if (res.headersSent || res.destroyed) return; // e.g. the client went away while we read its body
  if (!(error instanceof ApiError)) console.error('[loyalty-sandbox]', error);
  const e = error instanceof ApiError ? error : new ApiError(500, 'Sandbox internal error');
  send(res, e.status, toEnvelope(e.status, e.message, e.extra));
}

/**
 * The request body as an object: JSON, or form-encoded; `{}` when empty.
 * @returns {Promise<Record<string, any>>}
 */
export async function readBody(/** @type {Req} */ req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    // curl -d sends JSON labelled as a form, so a form is only a form when it is not JSON
    body = /x-www-form-urlencoded/.test(req.headers['content-type'] ?? '') ? Object.fromEntries(new URLSearchParams(text)) : fail(400, 'Malformed JSON body');
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : fail(400, 'The body must be a JSON object');
}

/** CORS for every sandbox response: any origin, our verbs, the asked-for headers, `Retry-After` readable. */
export function cors(/** @type {Req} */ req, /** @type {Res} */ res) {
  const asked = req.headers['access-control-request-headers'];
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin, Access-Control-Request-Headers');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', ['Content-Type, Accept, X-Sandbox-Fault', asked].filter(Boolean).join(', '));
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  res.setHeader('Access-Control-Max-Age', '600');
}

const decode = (/** @type {string} */ s) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * @template C
 * @typedef {[methods: string, pattern: string, handler: (ctx: C) => unknown, options?: { public?: boolean }]} RouteDef
 */

/**
 * A router over `[methods ('GET|DELETE'), pattern ('/a/:id'), handler, options]` rows. The returned
 * function finds the route for a request, or throws 404 "No route found" / 405 "Method Not Allowed".
 * @template C
 * @param {RouteDef<C>[]} table
 */
export function router(table) {
  const routes = table.map(([methods, pattern, handler, options = {}]) => ({ methods: methods.split('|'), parts: pattern.split('/'), handler, ...options }));
  return (/** @type {string} */ method, /** @type {string} */ path) => {
    const parts = path.split('/');
    let pathKnown = false;
    for (const route of routes) {
      if (route.parts.length !== parts.length) continue;
      /** @type {Record<string, string>} */
      const params = {};
      if (!route.parts.every((p, i) => (p.startsWith(':') ? (params[p.slice(1)] = decode(parts[i])) !== '' : p === parts[i]))) continue;
      if (route.methods.includes(method)) return { route, params };
      pathKnown = true;
    }
    return pathKnown ? fail(405, 'Method Not Allowed') : fail(404, 'No route found');
  };
}
