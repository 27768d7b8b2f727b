/**
 * What every framework fixture's `main` exports, so one suite (suite.ts) drives them all: an app
 * whose parent component renders the kit's elements with these props.
 */
export interface FixtureProps {
  apiBase: string;
  sessionKey?: string;
}

export interface FixtureApp {
  /** Renders the parent again with these props, and waits until the framework has. */
  update(props: FixtureProps): Promise<void>;
  /** Unmounts the app (the framework removes the elements). */
  unmount(): void;
}

export type Mount = (container: HTMLElement, props: FixtureProps) => Promise<FixtureApp>;
