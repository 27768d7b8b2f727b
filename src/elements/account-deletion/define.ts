import { define } from '../../internal/define.js';
import { AccountDeletion } from './account-deletion.js';

define('account-deletion', AccountDeletion);

export { AccountDeletion };
