import type { HttpClient } from '../../client.js';
import { LoyaltyError } from '../../errors.js';
import type { Page } from '../../types.js';
import { arr, num, obj, optional } from '../../validate.js';

/**
 * Spoonity's "collection" envelope: `{object:"collection", data[], page, page_size, total_pages,
 * next_page_url, …}`. Its paging fields are unreliable (the docs show `total_pages: 0` beside a
 * next URL, reference §13.1), so "is there more" is decided from what actually came back: a next
 * URL, and a full page of items. The cursor is the next page number, as a string.
 */
export function readCollection<T>(body: unknown, path: string, readItem: (v: unknown, path: string) => T, request: { page: number; limit: number }): Page<T> {
  const b = Array.isArray(body) ? { data: body } : obj(body, path);
  const raw = arr(b.data ?? b.transactions, `${path}.data`);
  const items = raw.map((v, i) => readItem(v, `${path}.data[${i}]`));
  const hasNextUrl = typeof b.next_page_url === 'string' && b.next_page_url !== '';
  const totalPages = optional(b.total_pages, num, `${path}.total_pages`);
  const more = raw.length >= request.limit && (hasNextUrl || (!!totalPages && request.page < totalPages));
  // `count`: the number of items over every page; believed only when it covers what came so far
  // and, with a next page, more than this page (a server that means "this page" says no more)
  const count = optional(b.count, num, `${path}.count`);
  const seen = (request.page - 1) * request.limit + raw.length;
  const total = count !== undefined && Number.isInteger(count) && count >= seen && (!more || count > seen) ? count : undefined;
  return { items, page: total === undefined ? { next: more ? String(request.page + 1) : null } : { next: more ? String(request.page + 1) : null, total } };
}

/** Page numbers start at 1; a cursor is the page number a previous `readCollection` returned. */
export function pageNumber(cursor: string | undefined): number {
  const page = cursor === undefined ? 1 : Number(cursor);
  if (!Number.isInteger(page) || page < 1) throw new LoyaltyError('validation', `Invalid page cursor "${cursor}".`, { field: 'page' });
  return page;
}

/**
 * Every page of a short list (cards), with a hard stop so a server that always says "more"
 * cannot make us loop forever.
 */
export async function readAllPages<T>(
  client: HttpClient,
  route: string,
  path: string,
  readItem: (v: unknown, path: string) => T,
  signal?: AbortSignal,
  { limit = 50, maxPages = 10 } = {},
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const body = await client.request('GET', route, { query: { page, limit }, signal });
    const result = readCollection(body, path, readItem, { page, limit });
    items.push(...result.items);
    if (!result.page.next) break;
  }
  return items;
}
