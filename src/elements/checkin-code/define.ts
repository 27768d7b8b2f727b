import { define } from '../../internal/define.js';
import { CheckinCodeElement } from './checkin-code.js';

define('checkin-code', CheckinCodeElement);

export { CheckinCodeElement };
