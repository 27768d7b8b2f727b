// @ts-check
/**
 * Fault injection. A fault is written `key=value;key=value` (header `X-Sandbox-Fault`, query
 * `_fault`, or an armed rule): latency, status, retry-after, body, drop.
 */
import { STATUS_CODES } from 'node:http';
import { envelope, fail, send } from './http.js';

/** @typedef {{ latency?: number, status?: number, retryAfter?: number, body?: string, drop?: boolean, message?: string }} Fault */
/** @typedef {import('./state.js').FaultRule} FaultRule */

/** @type {Record<string, string>} */
const BODIES = {
  malformed: '{"amount": 15.0, "curr',
  'wrong-shape': '{"unexpected": true}',
  'success-false': '{"success": false, "message": "Sandbox fault: refused"}',
  // Spaaza's error 68, which the real API sends with HTTP 500 (reference §3.3): use with status=500
  'spaaza-denied':
    '{"result":{"code":2,"status":"error"},"error":{"code":68,"name":"permission_denied_or_non_existent","description":"Permission denied or the object does not exist"}}',
};

const int = (/** @type {number} */ min, /** @type {number} */ max) => (/** @type {string} */ v) => {
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  return n >= min && n <= max ? n : undefined;
};

/** @type {Record<string, [keyof Fault, (value: string) => unknown]>} */
const KEYS = {
  latency: ['latency', int(0, 600_000)],
  status: ['status', int(200, 599)],
  'retry-after': ['retryAfter', int(0, 86_400)],
  body: ['body', (v) => (v === 'html' || v === 'unverified' || Object.hasOwn(BODIES, v) ? v : undefined)],
  drop: ['drop', (v) => ({ 1: true, true: true, 0: false, false: false })[v]],
  // the error's message, percent-encoded (so it may hold `;` and `=`): hostile-data tests send payloads
  message: [
    'message',
    (v) => {
      try {
        return v ? decodeURIComponent(v) : undefined;
      } catch {
        return undefined;
      }
    },
  ],
};

/**
 * Parses `latency=300;status=503`; throws a 400 naming a bad key or value.
 * @returns {Fault}
 */
export function parseFault(/** @type {string | null | undefined} */ spec) {
  /** @type {Record<string, unknown>} */
  const fault = {};
  for (const part of (spec ?? '').split(';').filter((p) => p.trim())) {
    const [key, value = ''] = part.split('=').map((s) => s.trim());
    const [name, parse] = Object.hasOwn(KEYS, key.toLowerCase()) ? KEYS[key.toLowerCase()] : fail(400, `Sandbox fault: unknown key "${key}"`);
    fault[name] = parse(value) ?? fail(400, `Sandbox fault: invalid value "${value}" for ${key}`);
  }
  return fault;
}

/** Validates and stores a rule from `POST /__sandbox/faults`. */
export function armRule(/** @type {{ state: import('./state.js').State, body: Record<string, any> }} */ { state, body }) {
  const { match = {}, fault, times = 1 } = body;
  if (typeof fault !== 'string' || !fault.trim()) fail(400, 'fault is required, e.g. "status=503;retry-after=2"');
  parseFault(fault);
  if (!Number.isInteger(times) || times < 0) fail(400, 'times must be a non-negative integer (0 = until cleared)');
  if (typeof match !== 'object' || match === null) fail(400, 'match must be an object');
  /** @type {FaultRule} */
  const rule = {
    id: state.nextRuleId++,
    match: {
      ...(match.method && { method: String(match.method).toUpperCase() }),
      ...(match.path && { path: String(match.path) }),
      ...(match.email && { email: String(match.email).toLowerCase() }),
    },
    fault,
    times,
    remaining: times,
  };
  state.rules.push(rule);
  return rule;
}

/**
 * The fault of the first armed rule matching the request (counting it down), or `{}`.
 * @returns {Fault}
 */
export function takeRuleFault(/** @type {FaultRule[]} */ rules, /** @type {{ method: string, path: string, email?: string }} */ request) {
  const rule = rules.find(
    ({ match: m }) => (!m.method || m.method === request.method) && (!m.path || request.path.includes(m.path)) && (!m.email || m.email === request.email),
  );
  if (!rule) return {};
  if (rule.times && --rule.remaining === 0) rules.splice(rules.indexOf(rule), 1);
  return parseFault(rule.fault);
}

/**
 * Acts out a fault. Returns true when the fault answered (or dropped) the request, false when
 * the request should go on to its route (no fault, or latency only).
 */
export async function applyFault(
  /** @type {Fault} */ fault,
  /** @type {import('node:http').IncomingMessage} */ req,
  /** @type {import('node:http').ServerResponse} */ res,
  /** @type {() => void} */ expireSession,
  /** @type {import('./http.js').ErrorEnvelope} */ toEnvelope = envelope,
) {
  if (fault.latency) await new Promise((resolve) => setTimeout(resolve, fault.latency));
  if (fault.drop) {
    req.socket.destroy();
    return true;
  }
  const status =
    fault.status ?? (fault.body === 'html' ? 502 : fault.body === 'unverified' ? 403 : fault.body ? 200 : fault.retryAfter !== undefined ? 503 : 0);
  if (!status) return false;
  if (fault.retryAfter !== undefined) res.setHeader('Retry-After', String(fault.retryAfter));
  if (fault.body === 'html') send(res, status, `<html><body><h1>${status} ${STATUS_CODES[status] ?? ''}</h1></body></html>`, 'text/html; charset=utf-8');
  else if (fault.body === 'unverified') {
    // Spoonity's 403 with item code 16902; Spaaza documents no such state: its envelope, no code
    const unverified = toEnvelope === envelope ? { code: 16902 } : { root: { name: 'account_not_verified' } };
    send(res, status, toEnvelope(status, 'Account needs verification', unverified));
  } else if (fault.body) send(res, status, BODIES[fault.body]);
  else if (status === 401) {
    expireSession();
    send(res, 401, toEnvelope(401, 'Invalid session'));
  } else send(res, status, toEnvelope(status, fault.message ?? `Sandbox fault: HTTP ${status}`));
  return true;
}
