import { define } from '../internal/define.js';
import { LoyaltySession } from './loyalty-session.js';

define('loyalty-session', LoyaltySession);

export { LoyaltySession };
