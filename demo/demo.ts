import { queries } from '../src/index.js';
import type { AccountDeletion } from '../src/elements/account-deletion/account-deletion.js';
import type { LoyaltyEventName } from '../src/internal/events.js';
import type { LoyaltySession } from '../src/session/loyalty-session.js';

const session = document.getElementById('member') as LoyaltySession;
const select = document.getElementById('member-select') as HTMLSelectElement;
const status = document.getElementById('status')!;
const events = document.getElementById('events')!;

interface Member {
  email: string;
  password: string;
  name: string;
  description?: string;
}
let members: Member[] = [];

/**
 * The status line follows the session, whoever changed it: this panel's form, <loyalty-sign-in>,
 * <account-deletion>, a 401 (`loyalty-session-expired`), another tab, or the sandbox reset.
 * `shownSignedIn` is what the line says now; a session change that contradicts it rewrites it.
 */
let shownSignedIn = false;
function setStatus(text: string, signedIn: boolean) {
  status.textContent = text;
  shownSignedIn = signedIn;
}
const nameOf = (email: string) => members.find((m) => m.email.toLowerCase() === email.toLowerCase())?.name ?? email;
session.state.addEventListener('change', () => {
  if (session.signedIn !== shownSignedIn) setStatus(session.signedIn ? 'Signed in.' : 'Signed out.', session.signedIn);
});
document.body.addEventListener('loyalty-signed-in', (e) => {
  if (select.querySelector(`option[value="${CSS.escape(e.detail.email)}"]`)) select.value = e.detail.email;
  showDescription();
  setStatus(`Signed in as ${nameOf(e.detail.email)} (with <loyalty-sign-in>).`, true);
});
document.body.addEventListener('loyalty-signed-out', () => setStatus('Signed out (with <loyalty-sign-in>).', false));
document.body.addEventListener('loyalty-session-expired', (e) => setStatus(`Session expired (${e.detail.error.message}): signed out.`, false));
document.body.addEventListener('loyalty-account-deleted', () => setStatus('Account deleted: signed out.', false));
const describe = document.getElementById('member-description')!;
const showDescription = () => (describe.textContent = members.find((m) => m.email === select.value)?.description ?? '');
select.addEventListener('change', showDescription);

/** Where each backend lives in the sandbox, and the call the fault buttons break. */
const BACKENDS = {
  spoonity: { apiBase: '/sandbox/spoonity', appHostname: '', balancePath: '/user/currency/balance' },
  spaaza: { apiBase: '/sandbox/spaaza', appHostname: 'acme.spaaza.com', balancePath: '/internal/get-user' },
};
type BackendName = keyof typeof BACKENDS;
const backendSelect = document.getElementById('backend-select') as HTMLSelectElement;
let backend: BackendName = 'spoonity';

/** Re-points the session (signing out first: a key belongs to one platform) and lists that backend's members. */
async function useBackend(name: BackendName) {
  backend = name;
  backendSelect.value = name;
  await session.signOut();
  Object.assign(session, { backend: name, apiBase: BACKENDS[name].apiBase, appHostname: BACKENDS[name].appHostname });
  members = (await (await fetch(`/sandbox/__sandbox/members${name === 'spaaza' ? '?backend=spaaza' : ''}`)).json()) as typeof members;
  select.replaceChildren(...members.map((m) => new Option(`${m.name} (${m.email})`, m.email)));
  showDescription();
  setStatus('Signed out.', false);
}
backendSelect.addEventListener('change', () => void useBackend(backendSelect.value as BackendName));
await useBackend(new URLSearchParams(location.search).get('backend') === 'spaaza' ? 'spaaza' : 'spoonity');

document.getElementById('sign-in')!.addEventListener('submit', async (e) => {
  e.preventDefault();
  const member = members.find((m) => m.email === select.value)!;
  setStatus(`Signing in as ${member.name}…`, session.signedIn);
  try {
    // the demo signs in through the backend (POST /user/authenticate, or Spaaza's /auth/login), like a merchant's login would
    await session.state.signIn({ email: member.email, password: member.password });
    setStatus(`Signed in as ${member.name}.`, true);
  } catch (error) {
    setStatus(`Sign-in failed: ${(error as Error).message}${session.signedIn ? ' (still signed in as before)' : ''}`, session.signedIn);
  }
});

document.getElementById('sign-out')!.addEventListener('click', async () => {
  await session.signOut();
  setStatus('Signed out.', false);
});

// the account panels: the sandbox's stand-in for the deletion email
const deletion = document.getElementById('deletion') as AccountDeletion;
document.getElementById('fetch-code')!.addEventListener('click', async () => {
  const profile = await session.state.query(queries.profile()).catch(() => null);
  const res = profile && (await fetch(`/sandbox/__sandbox/deletion-code?email=${encodeURIComponent(profile.email)}`));
  if (res?.ok) deletion.deletionCode = ((await res.json()) as { code: string }).code;
});
document.getElementById('reset-sandbox')!.addEventListener('click', async () => {
  await fetch('/sandbox/__sandbox/reset', { method: 'POST' });
  deletion.deletionCode = '';
  session.sessionKey = undefined;
});

// the kit's language follows the session's locale live (en/fr/es/nl); money and dates keep the full tag
document.getElementById('locale')!.addEventListener('change', (e) => {
  session.locale = (e.target as HTMLSelectElement).value;
});

// every element mirrors under dir="rtl" (logical CSS properties)
document.getElementById('rtl')!.addEventListener('change', (e) => {
  document.querySelector('main')!.dir = (e.target as HTMLInputElement).checked ? 'rtl' : 'ltr';
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-fault]')) {
  button.addEventListener('click', async () => {
    const fault = button.dataset.fault!;
    await fetch('/sandbox/__sandbox/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ match: { path: BACKENDS[backend].balancePath }, fault, times: fault.startsWith('status=5') ? 3 : 1 }),
    });
    session.reload();
  });
}

// (on <body>, where every element's events arrive: they bubble and are composed; typed by HTMLElementEventMap)
/** Every event the kit fires, and what the Events panel says about its `detail` (a Record: one missing does not compile). */
const card = ({ kind, number, status }: { kind: string; number: string; status: string }) => `${kind} •••• ${number.slice(-4)} ${status}`;
const EVENTS: { [K in LoyaltyEventName]: (detail: HTMLElementEventMap[K]['detail']) => string } = {
  'loyalty-session-connected': (d) => `#${d.id}`,
  'loyalty-session-expired': (d) => `${d.error.kind}: ${d.error.message}`,
  'loyalty-error': (d) => `${d.kind}: ${d.message}`,
  'loyalty-ready': (d) => `generation ${d.generation}`,
  'loyalty-signed-in': (d) => d.email,
  'loyalty-signed-out': () => '',
  'loyalty-reward-select': (d) => d.reward.name, // a merchant would start its redemption flow here
  'loyalty-voucher-claimed': (d) => `${d.reward.name} ${d.claimed ? 'claimed' : 'unclaimed'}`,
  'loyalty-card-added': card,
  'loyalty-card-status-changed': card,
  'loyalty-card-remove-request': card,
  'loyalty-card-removed': card,
  'loyalty-profile-updated': (d) => JSON.stringify(d),
  'loyalty-account-deletion-requested': () => '',
  'loyalty-account-deleted': () => '',
};
for (const [type, describeEvent] of Object.entries(EVENTS) as [LoyaltyEventName, (detail: unknown) => string][]) {
  document.body.addEventListener(type, (e) => {
    const item = document.createElement('li');
    const from = e.composedPath()[0];
    item.textContent = `${new Date().toLocaleTimeString()} ${type} ${from instanceof Element ? `<${from.localName}> ` : ''}${describeEvent((e as CustomEvent).detail)}`;
    events.prepend(item);
  });
}
