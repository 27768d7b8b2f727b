import '../../internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import { define } from '../../internal/define.js';
import { LoyaltyBalance } from './loyalty-balance.js';

define('loyalty-balance', LoyaltyBalance);

export { LoyaltyBalance };
