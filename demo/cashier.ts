/**
 * The cashier demo page: the merchant-side calls of the in-store loop (`/onscreen`, `/order…`,
 * with a store's `api_key`) against the sandbox. Plain DOM, no part of the kit: a merchant's till
 * makes these calls from its own back end, never from the member's browser.
 */
export {}; // a module: its names stay its own
const API = '/sandbox/spoonity';
const TAX_RATE = 0.13;
const MENU = [
  { id: 'espresso', name: 'Espresso', price: 3.25 },
  { id: 'cafe-au-lait', name: 'Café au lait', price: 4.75 },
  { id: 'croissant', name: 'Croissant', price: 3.75 },
  { id: 'club', name: 'Club sandwich', price: 10.95 },
  { id: 'acai', name: 'Açaí bowl', price: 11.95 },
];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const store = $<HTMLSelectElement>('store');
const statusErrors = $<HTMLInputElement>('status-errors');
const status = $('status');
const money = new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' });
const cents = (amount: number) => Math.round(amount * 100);

interface Customer {
  user: { first_name: string; last_name: string; email_address: string };
  quick_pay: { amount: number };
  balances: { id: number; name: string; type: string; balance: number }[];
  tier: { name: string };
  rewards: { id: number; name: string; cost: number; currency: { name: string }; available: number }[];
}

/** What the till knows about the customer in front of it. */
let session: { hash: string; customer?: Customer } | undefined;
const cart = new Map<string, number>();
/** Payments taken for the current sale (the submitted order takes them in). */
let payments: { reference: string; amount: number }[] = [];

// --- talking to the sandbox ---------------------------------------------------------------------

class Refused extends Error {}

/**
 * One merchant-side call. A refusal comes either as an HTTP error in Spoonity's envelope or — for
 * order calls — as HTTP 200 with `success: false`: a till must read both.
 */
async function call<T = unknown>(method: string, path: string, fields: Record<string, unknown> = {}): Promise<T> {
  const url = new URL(`${API}${path}`, location.href);
  url.searchParams.set('api_key', store.value);
  if (statusErrors.checked) url.searchParams.set('_errors', 'status');
  const get = method === 'GET';
  if (get) for (const [k, v] of Object.entries(fields)) url.searchParams.set(k, String(v));
  const res = await fetch(url, {
    method,
    headers: get ? {} : { 'Content-Type': 'application/json' },
    body: get ? undefined : JSON.stringify(fields),
  });
  const text = await res.text();
  let body: { success?: boolean; message?: string; error?: { errors?: { message?: string }[] } } | undefined;
  try {
    body = text ? (JSON.parse(text) as typeof body) : {};
  } catch {
    body = { message: `Unreadable answer (HTTP ${res.status})` };
  }
  const refused = !res.ok || body?.success === false;
  const message = body?.error?.errors?.[0]?.message ?? body?.message ?? `HTTP ${res.status}`;
  logCall(method, url, res.status, refused ? message : body?.success === true ? 'success: true' : 'OK');
  if (refused) throw new Refused(message);
  return body as T;
}

function logCall(method: string, url: URL, code: number, note: string) {
  const item = document.createElement('li');
  url.searchParams.set('api_key', '…'); // the key stays off the screen
  item.textContent = `${new Date().toLocaleTimeString()} ${method} ${url.pathname.replace(API, '')}${url.search} → ${code} ${note}`;
  $('calls').prepend(item);
}

function say(message: string) {
  status.textContent = message;
}

/** Runs a till action: its button is disabled meanwhile, and a refusal is said, never thrown. */
async function act(button: HTMLButtonElement | null, run: () => Promise<void>) {
  if (button) button.disabled = true;
  try {
    await run();
  } catch (error) {
    say(error instanceof Refused ? `Refused: ${error.message}` : `Failed: ${(error as Error).message}`);
  } finally {
    if (button) button.disabled = false;
  }
}

// --- the customer ---------------------------------------------------------------------------------

async function loadCustomer() {
  if (!session) return;
  session.customer = await call<Customer>('GET', '/onscreen', { pos_session_hash: session.hash });
  renderCustomer();
}

function renderCustomer() {
  const c = session?.customer;
  $('customer').hidden = !c;
  store.disabled = !!session; // a POS session belongs to its store: close it to switch
  const rewards = $('rewards');
  for (const old of rewards.querySelectorAll('label')) old.remove();
  rewards.hidden = !c?.rewards.length;
  if (!c) return;
  $('customer-name').textContent = `${c.user.first_name} ${c.user.last_name} (${c.user.email_address})`;
  $('customer-quickpay').textContent = money.format(c.quick_pay.amount);
  $('customer-tier').textContent = c.tier.name;
  $('customer-balances').replaceChildren(
    ...c.balances
      .filter((b) => b.type !== 'Quick Pay')
      .map((b) => Object.assign(document.createElement('li'), { textContent: `${b.name}: ${b.balance.toLocaleString('en-CA')}` })),
  );
  for (const r of c.rewards) {
    const label = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: String(r.id) });
    label.append(box, ` ${r.name} (${r.cost} ${r.currency.name}; ${r.available} available)`);
    rewards.append(label);
  }
}

$('checkin').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $<HTMLInputElement>('card-number');
  void act((e.target as HTMLFormElement).querySelector('button'), async () => {
    if (session) await closeSession();
    const opened = await call<{ pos_session: { hash: string } }>('POST', '/onscreen', { card_number: input.value.trim() });
    session = { hash: opened.pos_session.hash };
    await loadCustomer();
    input.value = '';
    say(`Checked in: ${session.customer!.user.first_name} ${session.customer!.user.last_name}.`);
    $('customer-name').focus();
  });
});

async function closeSession() {
  const hash = session?.hash;
  session = undefined;
  payments = [];
  renderCustomer();
  renderTotals();
  if (hash) await call('DELETE', '/onscreen', { pos_session_hash: hash });
}

$('close-session').addEventListener(
  'click',
  (e) =>
    void act(e.currentTarget as HTMLButtonElement, async () => {
      await closeSession();
      say('POS session closed. Ready for the next customer.');
      $('card-number').focus();
    }),
);

// --- the order --------------------------------------------------------------------------------------

for (const item of MENU) {
  const label = document.createElement('label');
  label.className = 'item';
  const quantity = Object.assign(document.createElement('input'), { type: 'number', min: '0', max: '20', step: '1', value: '0', id: `qty-${item.id}` });
  quantity.addEventListener('input', () => {
    const n = Math.max(0, Math.min(20, Math.floor(Number(quantity.value) || 0)));
    if (n) cart.set(item.id, n);
    else cart.delete(item.id);
    renderTotals();
  });
  label.append(Object.assign(document.createElement('span'), { textContent: `${item.name} ${money.format(item.price)}` }), quantity);
  $('menu').append(label);
}

function totals() {
  const subtotal = MENU.reduce((sum, item) => sum + cents(item.price) * (cart.get(item.id) ?? 0), 0);
  const tax = Math.round(subtotal * TAX_RATE);
  const paid = payments.reduce((sum, p) => sum + cents(p.amount), 0);
  return { subtotal, tax, total: subtotal + tax, paid };
}

function renderTotals() {
  const { subtotal, tax, total, paid } = totals();
  $('subtotal').textContent = money.format(subtotal / 100);
  $('tax').textContent = money.format(tax / 100);
  $('total').textContent = money.format(total / 100);
  $('paid').textContent = money.format(paid / 100);
  $('due').textContent = money.format(Math.max(0, total - paid) / 100);
}

function requireSession(): string {
  if (!session) throw new Refused('Check a customer in first.');
  return session.hash;
}

function pay(form: string, path: string, fields: (amount: number) => Record<string, unknown>, label: string) {
  $(form).addEventListener('submit', (e) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).querySelector('input')!;
    void act((e.target as HTMLFormElement).querySelector('button'), async () => {
      const value = Number(input.value);
      const done = await call<{ reference_number: string }>('POST', path, { pos_session_hash: requireSession(), ...fields(value) });
      payments.push({ reference: done.reference_number, amount: value });
      addLedger(done.reference_number, `${label} ${money.format(value)}`, session!.customer!.user.email_address);
      input.value = '';
      renderTotals();
      await loadCustomer();
      say(`${label}: ${money.format(value)} taken (${done.reference_number}).`);
    });
  });
}
// quick pay is the gift-card form of POST /order: a negative amount debits
pay('pay-quickpay', '/order', (v) => ({ till: 1, amount: -v, date: Math.floor(Date.now() / 1000) }), 'Quick pay');
pay('pay-points', '/order/payments/loyalty', (v) => ({ amount: v }), 'Points');

$('submit-order').addEventListener(
  'click',
  (e) =>
    void act(e.currentTarget as HTMLButtonElement, async () => {
      const hash = requireSession();
      const { subtotal, tax, total } = totals();
      if (!subtotal) throw new Refused('Add an item first.');
      const receipt = `R${Date.now().toString(36).toUpperCase()}`;
      const rewards = [...$('rewards').querySelectorAll<HTMLInputElement>('input:checked')].map((b) => ({ vendor_perk_redemption_id: Number(b.value) }));
      const done = await call<{ loyalty: { amount: number; currency: { name: string } }[] }>('POST', '/order', {
        pos_session_hash: hash,
        till: 1,
        receipt_number: receipt,
        subtotal: subtotal / 100,
        taxes: [{ name: 'HST', amount: tax / 100 }],
        total: total / 100,
        payment_method: payments.length ? 'SPLIT' : 'CASH',
        date: Math.floor(Date.now() / 1000),
        cashier: { id: 'demo', name: 'Demo cashier' },
        line_items: MENU.filter((item) => cart.has(item.id)).map((item) => ({
          id: item.id,
          name: item.name,
          categories: [],
          discounts: [],
          price: item.price,
          quantity: cart.get(item.id),
          modifiers: [],
        })),
        discounts: rewards,
      });
      // the order took in this sale's payments: one line on the ledger, voided together
      for (const p of payments) $('ledger').querySelector(`[data-reference="${p.reference}"]`)?.remove();
      const moved = done.loyalty.map((l) => `${l.amount > 0 ? '+' : ''}${l.amount} ${l.currency.name}`).join(', ');
      addLedger(receipt, `Order ${receipt}: ${money.format(total / 100)}${moved ? ` (${moved})` : ''}`, session!.customer!.user.email_address);
      payments = [];
      cart.clear();
      for (const input of $('menu').querySelectorAll('input')) input.value = '0';
      renderTotals();
      await loadCustomer();
      say(`Order ${receipt} submitted${moved ? `: ${moved}` : ''}.`);
    }),
);

// --- the ledger and voids -------------------------------------------------------------------------

function addLedger(reference: string, label: string, email: string) {
  const item = document.createElement('li');
  item.dataset.reference = reference;
  const text = Object.assign(document.createElement('span'), { textContent: `${label} — ${email}` });
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Void' });
  button.setAttribute('aria-label', `Void ${reference}`);
  button.addEventListener(
    'click',
    () =>
      void act(button, async () => {
        await call('DELETE', '/order', { receipt: reference });
        button.remove();
        item.classList.add('voided');
        text.textContent = `${text.textContent} — voided`;
        payments = payments.filter((p) => p.reference !== reference);
        renderTotals();
        if (session) await loadCustomer();
        say(`${reference} voided.`);
      }),
  );
  item.append(text, ' ', button);
  $('ledger').prepend(item);
}

store.addEventListener('change', () => say(`Till switched to ${store.selectedOptions[0].textContent}.`));

renderTotals();
