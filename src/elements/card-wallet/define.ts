import { define } from '../../internal/define.js';
import { CardWallet } from './card-wallet.js';

define('card-wallet', CardWallet);

export { CardWallet };
