import { define } from '../../internal/define.js';
import { ProfileForm } from './profile-form.js';

define('profile-form', ProfileForm);

export { ProfileForm };
