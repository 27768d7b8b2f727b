import { StrictMode, version } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { FixtureProps, Mount } from '../app.js';
import { MemberPanel } from './MemberPanel.js';

/** The React 18 test app (React 18 from this folder's own node_modules): the @lit/react wrappers. */
export const mount: Mount = async (container, props) => {
  if (!version.startsWith('18.')) throw new Error(`the React 18 fixture was built with React ${version}`);
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
