// @ts-check
/** The sandbox's in-memory state: members, sessions, armed faults and the request log. */
import { buildMembers } from './members.js';

/**
 * @typedef {import('./members.js').Member} Member
 * @typedef {{ id: number, match: { method?: string, path?: string, email?: string }, fault: string, times: number, remaining: number }} FaultRule
 * @typedef {{ method: string, path: string, query: Record<string, string>, body?: Record<string, unknown>, member: string | null, status: number | null, at: string }} LogEntry
 * @typedef {{ members: Map<number, Member>, sessions: Map<string, number>, deletionCodes: Map<number, string>,
 *   rules: FaultRule[], log: LogEntry[], nextCardId: number, nextRuleId: number }} State
 */

/** Restores the seeds and forgets sessions, deletion codes, fault rules and the log (in place). */
export function resetState(/** @type {State} */ state) {
  return Object.assign(state, {
    members: new Map(buildMembers().map((m) => [m.id, m])),
    sessions: new Map(),
    deletionCodes: new Map(),
    rules: [],
    log: [],
    nextCardId: 3_000_001,
    nextRuleId: 1,
  });
}

export const createState = () => resetState(/** @type {State} */ ({}));

export const memberBySession = (/** @type {State} */ state, /** @type {string | null} */ key) => {
  const id = key === null ? undefined : state.sessions.get(key);
  return id === undefined ? undefined : state.members.get(id);
};

export const memberByEmail = (/** @type {State} */ state, /** @type {unknown} */ email) =>
  typeof email === 'string' ? [...state.members.values()].find((m) => m.email_address.toLowerCase() === email.trim().toLowerCase()) : undefined;
