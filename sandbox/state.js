// @ts-check
/** The sandbox's in-memory state: members, sessions, armed faults and the request log. */
import { buildMembers } from './members.js';
import { buildSpaaza } from './spaaza-members.js';

/**
 * @typedef {import('./members.js').Member} Member
 * @typedef {{ id: number, match: { method?: string, path?: string, email?: string }, fault: string, times: number, remaining: number }} FaultRule
 * @typedef {{ method: string, path: string, query: Record<string, string>, body?: Record<string, unknown>, headers?: Record<string, string>,
 *   member: string | null, status: number | null, at: string, done?: boolean }} LogEntry
 * @typedef {{ members: Map<number, Member>, sessions: Map<string, number>, deletionCodes: Map<number, string>,
 *   rules: FaultRule[], log: LogEntry[], nextCardId: number, nextRuleId: number, spaaza: import('./spaaza-members.js').SpaazaState,
 *   posSessions: Map<string, import('./pos.js').PosSession>, orders: import('./pos.js').Order[], nextPosSessionId: number, nextOrderId: number }} State
 */

/** Restores the seeds and forgets sessions, deletion codes, fault rules, the log and the tills' POS sessions and orders (in place). */
export function resetState(/** @type {State} */ state) {
  return Object.assign(state, {
    members: new Map(buildMembers().map((m) => [m.id, m])),
    sessions: new Map(),
    deletionCodes: new Map(),
    rules: [],
    log: [],
    nextCardId: 3_000_001,
    nextRuleId: 1,
    spaaza: buildSpaaza(),
    posSessions: new Map(),
    orders: [],
    nextPosSessionId: 1,
    nextOrderId: 9_000_001,
  });
}

export const createState = () => resetState(/** @type {State} */ ({}));

export const memberBySession = (/** @type {State} */ state, /** @type {string | null} */ key) => {
  const id = key === null ? undefined : state.sessions.get(key);
  return id === undefined ? undefined : state.members.get(id);
};

export const memberByEmail = (/** @type {State} */ state, /** @type {unknown} */ email) =>
  typeof email === 'string' ? [...state.members.values()].find((m) => m.email_address.toLowerCase() === email.trim().toLowerCase()) : undefined;
