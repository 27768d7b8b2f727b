/** Defines every element. `import 'loyalty-elements'` or one `<script type="module">`. */
import './internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import './session/define.js';
import './elements/loyalty-balance/define.js';
import './elements/checkin-code/define.js';
import './elements/loyalty-sign-in/define.js';
import './elements/profile-form/define.js';
import './elements/account-deletion/define.js';
import './elements/reward-progress/define.js';
import './elements/transaction-history/define.js';
import './elements/card-wallet/define.js';

export * from './classes.js';
export { LoyaltyError, isLoyaltyError } from './api/errors.js';
export type * from './api/types.js';
export type { LoyaltyErrorKind } from './api/errors.js';
