import type { LoyaltyBackend } from '../../backend.js';
import type { HttpClient } from '../../client.js';
import type { Profile, ProfileChanges, ProfileField } from '../../types.js';
import { arr, id, num, obj, optional, str, unixDate, type Obj } from '../../validate.js';

function readPhone(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'object') {
    // the write shape `{ code, number }`, which some responses echo
    const p = obj(v, path);
    const code = optional(p.code, str, `${path}.code`) ?? '';
    return `${code}${str(p.number ?? '', `${path}.number`)}` || undefined;
  }
  return typeof v === 'number' ? String(v) : str(v, path);
}

function readLanguage(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'object') {
    const l = obj(v, path);
    return optional(l.code, str, `${path}.code`) ?? id(l.id, `${path}.id`);
  }
  return id(v, path);
}

function readMetadata(v: unknown, path: string): ProfileField {
  const m = obj(v, path);
  return {
    id: id(m.user_metadata_id ?? m.id, `${path}.user_metadata_id`),
    fieldId: optional(m.user_metadataField_id, id, `${path}.user_metadataField_id`),
    label: optional(m.field ?? m.name, str, `${path}.field`) ?? '',
    value: m.value === null || m.value === undefined ? '' : typeof m.value === 'number' ? String(m.value) : str(m.value, `${path}.value`),
  };
}

/**
 * `GET /user/profile` (reference §3.1). Core fields sit under `user` in what clients see, or at
 * the root as the docs describe: accept both.
 */
export function readProfile(body: unknown): Profile {
  const b = obj(body, 'profile');
  const user: Obj = b.user === undefined ? b : obj(b.user, 'profile.user');
  const consent = optional(b.contact_consent ?? user.contact_consent, num, 'contact_consent');
  return {
    id: id(user.id, 'user.id'),
    firstName: optional(user.first_name, str, 'user.first_name') ?? '',
    lastName: optional(user.last_name, str, 'user.last_name') ?? '',
    email: optional(user.email_address, str, 'user.email_address') ?? '',
    phone: readPhone(user.phone_number, 'user.phone_number'),
    birthdate: optional(user.birthdate, unixDate, 'user.birthdate'),
    language: readLanguage(b.language ?? user.language, 'language'),
    contactConsent: consent === undefined ? undefined : (Math.max(0, Math.min(3, Math.trunc(consent))) as 0 | 1 | 2 | 3),
    metadata: (optional(b.metadata ?? user.metadata, arr, 'metadata') ?? []).map((m, i) => readMetadata(m, `metadata[${i}]`)),
  };
}

/** An id as Spoonity writes it: a number when it is one. */
const wireId = (v: string): string | number => (/^\d+$/.test(v) ? Number(v) : v);

/**
 * UNCERTAIN (reference §3.2, §14): writes take `phone_number` as `{ code, number }` while reads give
 * one digit string. A number typed as "+<code> <rest>" splits there; anything else goes whole
 * (digits only) into `number` with an empty `code`.
 */
export function phoneOnWire(phone: string): { code: string; number: string } {
  const m = /^\+(\d{1,3})[\s.-]+(.+)$/.exec(phone.trim());
  return { code: m ? m[1] : '', number: (m ? m[2] : phone).replace(/\D/g, '') };
}

/**
 * UNCERTAIN (reference §3.2, §17 q5): the docs say only that merchant fields are addressed by
 * their `user_metadata_id`; the payload shape is shown nowhere. We send this one.
 */
const metadataOnWire = (fields: NonNullable<ProfileChanges['metadata']>) => fields.map((f) => ({ user_metadata_id: wireId(f.id), value: f.value }));

/**
 * The `PUT /user/profile` body: core fields at the root under their API names, only those given.
 *
 * UNCERTAIN (reference §3.2, §17 q5): padel says `current_password` must be on every call and every
 * editable field re-sent; the docs (seed 000) send one field alone ("as many or as few properties
 * as you want"). We follow the docs: only the changes, and `current_password` only when the
 * merchant asks the member for it (`<profile-form require-password>`). This is the one place to
 * change if the live API proves padel right.
 */
export function profileBody(c: ProfileChanges): Obj {
  const body: Obj = {
    first_name: c.firstName,
    last_name: c.lastName,
    email_address: c.email,
    phone_number: c.phone === undefined ? undefined : phoneOnWire(c.phone),
    // Unix seconds; padel saw birthdate refused on update, the docs allow any core property
    birthdate: c.birthdate && Math.floor(c.birthdate.getTime() / 1000),
    language: c.language === undefined ? undefined : wireId(c.language),
    contact_consent: c.contactConsent,
    metadata: c.metadata?.length ? metadataOnWire(c.metadata) : undefined,
    current_password: c.currentPassword || undefined,
  };
  for (const k in body) if (body[k] === undefined) delete body[k];
  return body;
}

/** Profile read `GET /user/profile` (§3.1) and update `PUT /user/profile` (§3.2: empty 200 body). */
export const profileMethods = (client: HttpClient): Pick<LoyaltyBackend, 'getProfile' | 'updateProfile'> => ({
  async getProfile(signal) {
    return readProfile(await client.request('GET', '/user/profile', { signal }));
  },

  async updateProfile(changes, signal) {
    await client.request('PUT', '/user/profile', { body: profileBody(changes), signal });
  },
});
