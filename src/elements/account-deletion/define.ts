import '../../internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import { define } from '../../internal/define.js';
import { AccountDeletion } from './account-deletion.js';

define('account-deletion', AccountDeletion);

export { AccountDeletion };
