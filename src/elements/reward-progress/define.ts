import '../../internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import { define } from '../../internal/define.js';
import { RewardProgress } from './reward-progress.js';

define('reward-progress', RewardProgress);

export { RewardProgress };
