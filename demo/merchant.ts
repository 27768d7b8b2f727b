// A merchant's page: its own login (here, the sandbox's sign-in), its own dropdown and modal, and
// the kit's elements placed where a real theme would put them.
import '../src/index.js';
import type { LoyaltySession } from '../src/session/loyalty-session.js';

const session = document.getElementById('member') as LoyaltySession;
const status = document.getElementById('status')!;
const params = new URLSearchParams(location.search);

if (params.get('backend') === 'spaaza') {
  Object.assign(session, { backend: 'spaaza', apiBase: '/sandbox/spaaza', appHostname: 'acme.spaaza.com' });
  const select = document.getElementById('member-select') as HTMLSelectElement;
  const members = (await (await fetch('/sandbox/__sandbox/members?backend=spaaza')).json()) as { email: string; name: string }[];
  select.replaceChildren(...members.map((m) => new Option(m.name, m.email)));
}

/** The merchant's login: the session stays `pending` (skeletons, not "Sign in…") until it answers. */
async function signIn(email: string) {
  session.toggleAttribute('pending', true);
  status.textContent = 'Signing in…';
  try {
    await session.state.signIn({ email, password: 'Password1' });
    status.textContent = '';
  } catch (error) {
    status.textContent = `Sign-in failed: ${(error as Error).message}`;
  } finally {
    session.toggleAttribute('pending', false);
  }
}
const memberSelect = document.getElementById('member-select') as HTMLSelectElement;
memberSelect.addEventListener('change', () => void signIn(memberSelect.value));
void signIn(params.get('member') ?? memberSelect.value);

// the hostile theme and the page's own dark mode
const hostile = document.getElementById('hostile') as HTMLLinkElement;
const hostileToggle = document.getElementById('hostile-toggle') as HTMLInputElement;
hostileToggle.checked = params.has('hostile');
hostile.disabled = !hostileToggle.checked;
hostileToggle.addEventListener('change', () => (hostile.disabled = !hostileToggle.checked));
const darkToggle = document.getElementById('dark-toggle') as HTMLInputElement;
darkToggle.checked = params.has('dark');
document.documentElement.classList.toggle('dark-page', darkToggle.checked);
darkToggle.addEventListener('change', () => document.documentElement.classList.toggle('dark-page', darkToggle.checked));

// the header dropdown: opens on click, closes on Escape or a click elsewhere
const toggle = document.querySelector<HTMLButtonElement>('.dropdown-toggle')!;
const menu = document.getElementById('pay-menu')!;
const setMenu = (open: boolean) => {
  menu.hidden = !open;
  toggle.setAttribute('aria-expanded', String(open));
};
toggle.addEventListener('click', () => setMenu(Boolean(menu.hidden)));
document.addEventListener('click', (e) => {
  if (!menu.hidden && !e.composedPath().some((n) => n === menu || n === toggle)) setMenu(false);
});
if (params.has('open')) setMenu(true);

// the merchant's modal, closed by its own document-level Escape handler (as Bootstrap's is)
const modal = document.getElementById('cards-modal')!;
const opener = document.getElementById('open-modal')!;
const closeModal = () => {
  if (modal.hidden) return;
  modal.hidden = true;
  opener.focus();
};
opener.addEventListener('click', () => {
  modal.hidden = false;
  document.getElementById('close-modal')!.focus();
});
document.getElementById('close-modal')!.addEventListener('click', closeModal);
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  if (!menu.hidden) setMenu(false);
  closeModal();
});
if (params.has('modal')) modal.hidden = false;

document.getElementById('print')!.addEventListener('click', () => print());
