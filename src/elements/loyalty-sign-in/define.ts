import '../../internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import { define } from '../../internal/define.js';
import { LoyaltySignIn } from './loyalty-sign-in.js';

define('loyalty-sign-in', LoyaltySignIn);

export { LoyaltySignIn };
