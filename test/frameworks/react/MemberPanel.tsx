// #region readme
import { useState } from 'react';
import 'loyalty-elements'; // defines the tags (or import 'loyalty-elements/<tag>' for just those)
import type {} from 'loyalty-elements/jsx'; // types them in JSX: properties, attributes, events

export function MemberPanel({ apiBase, sessionKey }: { apiBase: string; sessionKey?: string }) {
  const [picked, setPicked] = useState<string>();
  return (
    // React 19 sets a prop the element has as a property: the key never appears in the DOM
    <loyalty-session api-base={apiBase} vendor-id="1234" sessionKey={sessionKey}>
      <loyalty-balance show="all" />
      <reward-progress limit={3} onloyalty-reward-select={(event) => setPicked(event.detail.reward.name)} />
      {picked && <p>You picked {picked}.</p>}
    </loyalty-session>
  );
}
// #endregion
