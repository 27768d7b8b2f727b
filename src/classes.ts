/** The element classes without registering any tag (for subclassing or scoped registries). */
import './internal/trusted-types-guard.js'; // first: before Lit loads (Trusted Types)
export { LoyaltySession } from './session/loyalty-session.js';
export { LoyaltySessionState, queries } from './session/session.js';
export type { SessionConfig, Query } from './session/session.js';
export { sessionContext } from './session/context.js';
export { LoyaltyElement } from './internal/loyalty-element.js';
export type { LoyaltyTheme } from './internal/loyalty-element.js';
export { LoyaltyBalance } from './elements/loyalty-balance/loyalty-balance.js';
export { CheckinCodeElement } from './elements/checkin-code/checkin-code.js';
export type { CheckinFormat } from './elements/checkin-code/checkin-code.js';
export { LoyaltySignIn } from './elements/loyalty-sign-in/loyalty-sign-in.js';
export { ProfileForm } from './elements/profile-form/profile-form.js';
export type { ProfileUpdate } from './elements/profile-form/profile-form.js';
export { AccountDeletion } from './elements/account-deletion/account-deletion.js';
export { RewardProgress } from './elements/reward-progress/reward-progress.js';
export { TransactionHistory } from './elements/transaction-history/transaction-history.js';
export { CardWallet } from './elements/card-wallet/card-wallet.js';
export { VERSION } from './internal/version.js';
export { addLoyaltyTranslations, loyaltyLocale, loyaltyLocaleReady, loyaltyLocales } from './internal/localize.js';
export type { LoyaltyTranslations } from './internal/localize.js';
