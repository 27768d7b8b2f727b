/** Defines every element. `import 'loyalty-elements'` or one `<script type="module">`. */
import './session/define.js';
import './elements/loyalty-balance/define.js';

export * from './classes.js';
export { LoyaltyError, isLoyaltyError } from './api/errors.js';
export type * from './api/types.js';
export type { LoyaltyErrorKind } from './api/errors.js';
