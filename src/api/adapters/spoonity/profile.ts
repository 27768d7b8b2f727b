import type { LoyaltyBackend } from '../../backend.js';
import type { HttpClient } from '../../client.js';
import type { Profile, ProfileField } from '../../types.js';
import { arr, id, num, obj, optional, str, type Obj } from '../../validate.js';

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
  const birthdate = optional(user.birthdate, num, 'user.birthdate');
  return {
    id: id(user.id, 'user.id'),
    firstName: optional(user.first_name, str, 'user.first_name') ?? '',
    lastName: optional(user.last_name, str, 'user.last_name') ?? '',
    email: optional(user.email_address, str, 'user.email_address') ?? '',
    phone: readPhone(user.phone_number, 'user.phone_number'),
    birthdate: birthdate === undefined ? undefined : new Date(birthdate * 1000),
    language: readLanguage(b.language ?? user.language, 'language'),
    contactConsent: consent === undefined ? undefined : ((Math.max(0, Math.min(3, Math.trunc(consent))) as 0 | 1 | 2 | 3)),
    metadata: (optional(b.metadata ?? user.metadata, arr, 'metadata') ?? []).map((m, i) => readMetadata(m, `metadata[${i}]`)),
  };
}

/** Profile read: `GET /user/profile`. */
export const profileMethods = (client: HttpClient): Pick<LoyaltyBackend, 'getProfile'> => ({
  async getProfile(signal) {
    return readProfile(await client.request('GET', '/user/profile', { signal }));
  },
});
