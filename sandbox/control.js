// @ts-check
/** Control endpoints under `/__sandbox/` (no auth): fault rules, reset, request log, deletion codes, members. */
import { armRule } from './faults.js';
import { fail, readBody, router } from './http.js';
import { MEMBERS } from './members.js';
import { memberByEmail, resetState } from './state.js';

/** @typedef {{ state: import('./state.js').State, req: import('node:http').IncomingMessage, url: URL, path: string }} ControlContext */
/** @typedef {ControlContext & { body: Record<string, any> }} Ctx */

const match = router(/** @type {import('./http.js').RouteDef<Ctx>[]} */ ([
  ['GET', '/faults', ({ state }) => state.rules],
  ['POST', '/faults', armRule],
  ['DELETE', '/faults', ({ state }) => {
    state.rules.length = 0;
    return {};
  }],
  ['POST', '/reset', ({ state }) => {
    resetState(state);
    return {};
  }],
  ['GET', '/log', ({ state }) => state.log],
  ['DELETE', '/log', ({ state }) => {
    state.log.length = 0;
    return {};
  }],
  ['GET', '/deletion-code', deletionCode],
  ['GET', '/members', () => MEMBERS],
]));

/** The pending account-deletion code of `?email=` (stands in for the email Spoonity sends). */
function deletionCode(/** @type {Ctx} */ { state, url }) {
  const email = url.searchParams.get('email');
  const member = memberByEmail(state, email) ?? fail(404, `No member ${email}`);
  const code = state.deletionCodes.get(member.id) ?? fail(404, `No pending deletion for ${member.email_address}`);
  return { email: member.email_address, code };
}

export async function control(/** @type {ControlContext} */ ctx) {
  const { route } = match(ctx.req.method ?? 'GET', ctx.path);
  return route.handler({ ...ctx, body: await readBody(ctx.req) });
}
