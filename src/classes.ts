/** The element classes without registering any tag (for subclassing or scoped registries). */
export { LoyaltySession } from './session/loyalty-session.js';
export { LoyaltySessionState, queries } from './session/session.js';
export type { SessionConfig, Query } from './session/session.js';
export { sessionContext } from './session/context.js';
export { LoyaltyElement } from './internal/loyalty-element.js';
export { LoyaltyBalance } from './elements/loyalty-balance/loyalty-balance.js';
export { VERSION } from './internal/version.js';
