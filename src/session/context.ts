import { createContext } from '@lit/context';
import type { LoyaltySessionState } from './session.js';

/**
 * The context every element consumes. The key is a string, not a Symbol, so two copies of the
 * kit on one page (CDN + npm) still find each other's sessions.
 */
export const sessionContext = createContext<LoyaltySessionState | undefined>('loyalty-elements:session');
