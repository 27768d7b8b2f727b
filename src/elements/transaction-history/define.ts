import { define } from '../../internal/define.js';
import { TransactionHistory } from './transaction-history.js';

define('transaction-history', TransactionHistory);

export { TransactionHistory };
