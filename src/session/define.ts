import '../internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import { define } from '../internal/define.js';
import { LoyaltySession } from './loyalty-session.js';

define('loyalty-session', LoyaltySession);

export { LoyaltySession };
