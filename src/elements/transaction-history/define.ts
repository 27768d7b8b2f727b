import '../../internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import { define } from '../../internal/define.js';
import { TransactionHistory } from './transaction-history.js';

define('transaction-history', TransactionHistory);

export { TransactionHistory };
