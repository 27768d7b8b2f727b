/** The DOM-free part of the kit: client, errors, normalized types, adapters and cache. */
export { createClient, parseRetryAfter } from './client.js';
export type { ClientOptions, HttpClient, HttpMethod, RequestOptions } from './client.js';
export { LoyaltyError, isLoyaltyError, readErrorEnvelope } from './errors.js';
export type { EnvelopeError, LoyaltyErrorInit, LoyaltyErrorKind } from './errors.js';
export { QueryCache } from './cache.js';
export type { FetchOptions, QueryCacheOptions } from './cache.js';
export { backends, createSpaazaBackend, createSpoonityBackend, SPAAZA_API_BASE, SPOONITY_API_BASE } from './adapters/index.js';
export type * from './backend.js';
export type * from './types.js';
