import { define } from '../../internal/define.js';
import { LoyaltyBalance } from './loyalty-balance.js';

define('loyalty-balance', LoyaltyBalance);

export { LoyaltyBalance };
