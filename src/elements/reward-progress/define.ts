import { define } from '../../internal/define.js';
import { RewardProgress } from './reward-progress.js';

define('reward-progress', RewardProgress);

export { RewardProgress };
