import { expect } from '@open-wc/testing';
import { MEMBERS, SPOONITY, clearLog, delay, requestLog, resetSandbox, signIn, until } from '../helpers/sandbox.js';
import type { FixtureApp, Mount } from './app.js';

const KIT = 'loyalty-session, loyalty-balance, reward-progress';
const shadowText = (el: Element | null) => el?.shadowRoot?.textContent ?? '';
type Session = HTMLElement & { sessionKey?: string; apiBase: string };

/**
 * The same behaviour, asserted for every framework app (test/frameworks/<app>/dist/main.js, built
 * by build.js): its parent component renders `<loyalty-session>` around `<loyalty-balance>` and
 * `<reward-progress>`, passes the key as a property, shows the reward a `loyalty-reward-select`
 * event names, renders again, and unmounts. Any console error or warning of the framework (both
 * are development builds) fails the test it happened in.
 */
export function frameworkSuite(name: string, bundle: string): void {
  describe(name, () => {
    let mount: Mount;
    let container: HTMLElement;
    let app: FixtureApp | undefined;
    let problems: string[] = [];
    const { error, warn } = console;

    before(async () => {
      console.error = (...args: unknown[]) => problems.push(`console.error: ${args.map(String).join(' ')}`);
      console.warn = (...args: unknown[]) => {
        // Lit's one-time notice of its development build is expected here
        if (!String(args[0]).includes('Lit is in dev mode')) problems.push(`console.warn: ${args.map(String).join(' ')}`);
      };
      window.addEventListener('error', onError);
      await resetSandbox();
      ({ mount } = (await import(/* @vite-ignore */ bundle)) as { mount: Mount });
    });
    after(() => {
      Object.assign(console, { error, warn });
      window.removeEventListener('error', onError);
    });
    const onError = (e: ErrorEvent) => problems.push(`uncaught: ${e.message}`);

    beforeEach(() => {
      problems = [];
      container = document.body.appendChild(document.createElement('div'));
    });
    afterEach(() => {
      app?.unmount();
      app = undefined;
      container.remove();
      expect(problems).to.deep.equal([]);
    });

    /** Mounts the app for the seed member (one reward, "Free Item") and waits for the rewards. */
    const mountSeed = async () => {
      const sessionKey = await signIn(MEMBERS.seed);
      app = await mount(container, { apiBase: SPOONITY, sessionKey });
      await until(() => shadowText(container.querySelector('reward-progress')).includes('Free Item'));
      return sessionKey;
    };

    it('renders the elements with the key set as a property, never in the DOM', async () => {
      const key = await mountSeed();
      const session = container.querySelector<Session>('loyalty-session')!;
      expect(session.sessionKey).to.equal(key);
      expect(session.apiBase).to.equal(SPOONITY); // an attribute in JSX and Vue, a property through the wrappers
      expect(container.innerHTML).not.to.contain(key);
      await until(() => shadowText(container.querySelector('loyalty-balance')).includes('$15.00'));
      // limit={3} arrived as the number property
      expect((container.querySelector('reward-progress') as HTMLElement & { limit: number }).limit).to.equal(3);
    });

    it('hands a loyalty-reward-select event to the component, which renders again around the same elements', async () => {
      const key = await mountSeed();
      const elements = [...container.querySelectorAll(KIT)];
      await clearLog();
      const rewards = container.querySelector('reward-progress')!.shadowRoot!;
      rewards.querySelector<HTMLElement>('[part~="name"]')!.click();
      await until(() => container.textContent?.includes('You picked Free Item.'));
      await app!.update({ apiBase: SPOONITY, sessionKey: key }); // the parent renders again, same props
      const after = [...container.querySelectorAll(KIT)];
      expect(after.length).to.equal(elements.length);
      expect(
        after.every((el, i) => el === elements[i]),
        'the same element instances',
      ).to.equal(true);
      expect(container.querySelector<Session>('loyalty-session')!.sessionKey).to.equal(key);
      await delay(100);
      expect(await requestLog(), 'nothing loaded again').to.deep.equal([]);
    });

    it('shows the next member when the parent passes another key', async () => {
      await mountSeed();
      const balance = container.querySelector('loyalty-balance');
      const rich = await signIn(MEMBERS.rich);
      await app!.update({ apiBase: SPOONITY, sessionKey: rich });
      await until(() => shadowText(balance).includes('$182.35'));
      expect(container.querySelector('loyalty-balance')).to.equal(balance);
      expect(container.innerHTML).not.to.contain(rich);
    });

    it('unmounts cleanly: the elements are gone and nothing is requested afterwards', async () => {
      await mountSeed();
      // while mounted, coming back online refetches what is shown…
      await clearLog();
      window.dispatchEvent(new Event('online'));
      await until(async () => (await requestLog()).length > 0);
      await delay(1100); // …at most once a second
      app!.unmount();
      app = undefined;
      expect(container.childElementCount).to.equal(0);
      expect(document.querySelector(KIT)).to.equal(null);
      // …and once unmounted, nothing listens any more
      await clearLog();
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
      await delay(300);
      expect(await requestLog()).to.deep.equal([]);
    });
  });
}
