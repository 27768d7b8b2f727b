import { LoyaltyError } from './errors.js';

/**
 * Tiny runtime readers for response bodies. Each takes the value and its path, so a wrong
 * shape becomes a `validation` error that names the field ("currency[1].balance").
 */
export type Obj = Record<string, unknown>;

export function fail(path: string, expected: string): never {
  throw new LoyaltyError('validation', `The loyalty service sent an unexpected response: ${path} is not ${expected}.`, {
    field: path,
  });
}

export function obj(v: unknown, path: string): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : fail(path, 'an object');
}

export function arr(v: unknown, path: string): unknown[] {
  return Array.isArray(v) ? v : fail(path, 'a list');
}

/**
 * Beyond this no figure of a loyalty program is real; refusing it keeps every sum and ratio of
 * amounts finite (1e21 and `Number.MAX_SAFE_INTEGER` still pass, and are shown).
 */
const LARGEST = 1e100;

/** A number, also accepting a numeric string (platforms send both). */
export function num(v: unknown, path: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= LARGEST ? n : fail(path, 'a number');
}

export function str(v: unknown, path: string): string {
  return typeof v === 'string' ? v : fail(path, 'text');
}

/** An id: int or string on the wire, a string in the model. */
export function id(v: unknown, path: string): string {
  return typeof v === 'number' || (typeof v === 'string' && v !== '') ? String(v) : fail(path, 'an id');
}

export const optional = <T>(v: unknown, read: (v: unknown, path: string) => T, path: string): T | undefined =>
  v === undefined || v === null ? undefined : read(v, path);

/** Unix seconds → Date; a time no `Date` can hold (beyond ±8.64e12 s) is not a date. */
export function unixDate(v: unknown, path: string): Date {
  const date = new Date(num(v, path) * 1000);
  return Number.isNaN(date.getTime()) ? fail(path, 'a date') : date;
}
