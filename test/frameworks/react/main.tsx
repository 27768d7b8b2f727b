import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { FixtureProps, Mount } from '../app.js';
import { MemberPanel } from './MemberPanel.js';

/** The React 19 test app: `<MemberPanel>` in StrictMode (development build, so React warns). */
export const mount: Mount = async (container, props) => {
  const root = createRoot(container);
  const render = (p: FixtureProps) =>
    flushSync(() =>
      root.render(
        <StrictMode>
          <MemberPanel {...p} />
        </StrictMode>,
      ),
    );
  render(props);
  return { update: async (p) => render(p), unmount: () => root.unmount() };
};
