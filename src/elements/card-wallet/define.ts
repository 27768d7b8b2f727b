import '../../internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import { define } from '../../internal/define.js';
import { CardWallet } from './card-wallet.js';

define('card-wallet', CardWallet);

export { CardWallet };
