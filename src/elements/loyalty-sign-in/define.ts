import { define } from '../../internal/define.js';
import { LoyaltySignIn } from './loyalty-sign-in.js';

define('loyalty-sign-in', LoyaltySignIn);

export { LoyaltySignIn };
