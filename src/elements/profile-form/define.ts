import '../../internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
import { define } from '../../internal/define.js';
import { ProfileForm } from './profile-form.js';

define('profile-form', ProfileForm);

export { ProfileForm };
