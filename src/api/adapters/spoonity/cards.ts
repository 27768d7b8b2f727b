import type { LoyaltyBackend } from '../../backend.js';
import type { HttpClient } from '../../client.js';
import { LoyaltyError } from '../../errors.js';
import type { Card, CardKind } from '../../types.js';
import { id, num, obj, optional, str, unixDate } from '../../validate.js';
import { readAllPages } from './paging.js';

/**
 * Card routes (reference §7). The docs spell third-party cards `card3rdparty`; every working
 * client uses the hyphen, so this is the one place that names the path.
 */
const CARD_PATHS: Record<CardKind, string> = {
  'first-party': '/user/card',
  'third-party': '/user/card-3rdparty',
};

/** A `user_card` link (`data[]` of the list): id, card number, status. The PIN is never read. */
export function readCard(v: unknown, path: string, kind: CardKind): Card {
  const link = obj(v, path);
  const card = obj(link.card, `${path}.card`);
  const status = optional(link.status ?? card.status, obj, `${path}.status`);
  const statusId = status && optional(status.id ?? status.status_id, num, `${path}.status.id`);
  const statusName = status && optional(status.name, str, `${path}.status.name`);
  const active = statusId !== undefined ? statusId === 1 : !statusName || /^active$/i.test(statusName);
  return {
    id: id(link.id, `${path}.id`),
    kind,
    number: typeof card.number === 'number' ? String(card.number) : str(card.number, `${path}.card.number`),
    status: active ? 'active' : 'lost',
    linked: optional(link.created, unixDate, `${path}.created`),
  };
}

/** The body naming one link: `{user_card}`, or `{user_card3rdparty}` for a third-party card. */
const linkRef = (card: Card) => ({ [card.kind === 'first-party' ? 'user_card' : 'user_card3rdparty']: card.id });

/**
 * Card list, link, lost/found and remove (reference §7). Write answers may be the link, `{}`
 * or empty, so nothing depends on them; writes are never retried (the client's rule).
 */
export const cardMethods = (client: HttpClient): Pick<LoyaltyBackend, 'getCards' | 'linkCard' | 'reportCardLost' | 'reportCardFound' | 'removeCard'> => {
  const setLost = async (card: Card, lost: boolean, signal?: AbortSignal): Promise<Card> => {
    await client.request('PUT', `${CARD_PATHS[card.kind]}/${lost ? 'lost' : 'found'}`, { body: linkRef(card), signal });
    return { ...card, status: lost ? 'lost' : 'active' };
  };
  return {
    async getCards(signal) {
      const list = (kind: CardKind) => readAllPages(client, `${CARD_PATHS[kind]}/list`, `${kind} cards`, (v, p) => readCard(v, p, kind), signal);
      const [first, third] = await Promise.all([
        list('first-party'),
        list('third-party').catch((e: unknown) => {
          if (e instanceof LoyaltyError && e.status === 404) return [];
          throw e;
        }),
      ]);
      return [...first, ...third];
    },

    async linkCard({ kind, number, pin }, signal) {
      const body = await client.request('POST', `${CARD_PATHS[kind]}/add`, { body: pin ? { number, pin } : { number }, signal });
      try {
        return readCard(body, 'card', kind);
      } catch {
        // `{}` or an empty body: the link exists, its id comes with the next list
        return { id: '', kind, number, status: 'active' };
      }
    },

    reportCardLost: (card, signal) => setLost(card, true, signal),
    reportCardFound: (card, signal) => setLost(card, false, signal),

    async removeCard(card, signal) {
      await client.request('DELETE', CARD_PATHS[card.kind], { body: linkRef(card), signal });
    },
  };
};
