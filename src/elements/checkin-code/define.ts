import '../../internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import { define } from '../../internal/define.js';
import { CheckinCodeElement } from './checkin-code.js';

define('checkin-code', CheckinCodeElement);

export { CheckinCodeElement };
