// #region readme
import { useState } from 'react';
import { LoyaltyBalance, LoyaltySession, RewardProgress } from 'loyalty-elements/react';

export function MemberPanel({ apiBase, sessionKey }: { apiBase: string; sessionKey?: string }) {
  const [picked, setPicked] = useState<string>();
  return (
    // the wrappers set properties as properties and add `on…` props as event listeners
    <LoyaltySession apiBase={apiBase} vendorId="1234" sessionKey={sessionKey}>
      <LoyaltyBalance show="all" />
      <RewardProgress limit={3} onLoyaltyRewardSelect={(event) => setPicked(event.detail.reward.name)} />
      {picked && <p>You picked {picked}.</p>}
    </LoyaltySession>
  );
}
// #endregion
