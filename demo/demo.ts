import '../src/index.js';
import type { LoyaltySession } from '../src/session/loyalty-session.js';

const session = document.getElementById('member') as LoyaltySession;
const select = document.getElementById('member-select') as HTMLSelectElement;
const status = document.getElementById('status')!;
const events = document.getElementById('events')!;

interface Member { email: string; password: string; name: string; description?: string }
let members: Member[] = [];
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
  members = await (await fetch(`/sandbox/__sandbox/members${name === 'spaaza' ? '?backend=spaaza' : ''}`)).json();
  select.replaceChildren(...members.map((m) => new Option(`${m.name} (${m.email})`, m.email)));
  showDescription();
  status.textContent = 'Signed out.';
}
backendSelect.addEventListener('change', () => void useBackend(backendSelect.value as BackendName));
await useBackend(new URLSearchParams(location.search).get('backend') === 'spaaza' ? 'spaaza' : 'spoonity');

document.getElementById('sign-in')!.addEventListener('submit', async (e) => {
  e.preventDefault();
  const member = members.find((m) => m.email === select.value)!;
  status.textContent = `Signing in as ${member.name}…`;
  try {
    // the demo signs in through the backend (POST /user/authenticate, or Spaaza's /auth/login), like a merchant's login would
    await session.state.signIn({ email: member.email, password: member.password });
    status.textContent = `Signed in as ${member.name}.`;
  } catch (error) {
    status.textContent = `Sign-in failed: ${(error as Error).message}`;
  }
});

document.getElementById('sign-out')!.addEventListener('click', async () => {
  await session.signOut();
  status.textContent = 'Signed out.';
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

for (const type of ['loyalty-error', 'loyalty-session-expired']) {
  document.addEventListener(type, (e) => {
    const detail = (e as CustomEvent).detail;
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${type} ${detail?.kind ? `${detail.kind}: ${detail.message}` : ''}`;
    events.prepend(item);
  });
}
