/**
 * Type-level checks of the generated typings (`tsc -p tsconfig.json`, part of `npm test`; never
 * run). Each `@ts-expect-error` must be an error, or tsc fails on the unused directive.
 */
import type { GlobalComponents } from 'vue';
import type {} from 'loyalty-elements/jsx';
import { CheckinCode, RewardProgress } from 'loyalty-elements/react';
import { isCustomElement, tags, type LoyaltyTag } from 'loyalty-elements/vue';

// every tag of the manifest has its HTMLElementTagNameMap entry
export type EveryTagMapped = { [K in LoyaltyTag]: HTMLElementTagNameMap[K] };
export const limit: number = document.createElement('reward-progress').limit;
export const custom: boolean = isCustomElement(tags[0]);

// React 19 JSX: properties, attributes and events of the tags
export const react19 = (
  <loyalty-session api-base="/api" vendor-id="1234" sessionKey="key" staleTime={1000} onloyalty-session-expired={(e) => e.detail.error.kind}>
    <reward-progress limit={3} hide-tier available-only={false} onloyalty-reward-select={(e) => e.detail.reward.name.toUpperCase()} />
    <checkin-code format="code128" wake-lock className="code" ref={(el) => void el?.format} />
    <loyalty-balance show="points" stored-value-label="Gift card" />
    <profile-form fields="first-name email" readonly />
  </loyalty-session>
);
// @ts-expect-error limit is a number property
export const badLimit = <reward-progress limit="three" />;
// @ts-expect-error format is 'qr' | 'code128'
export const badFormat = <checkin-code format="pdf417" />;
// @ts-expect-error the event's detail is typed
export const badDetail = <reward-progress onloyalty-reward-select={(e) => e.detail.nothing} />;
// @ts-expect-error signedIn is read-only
export const readOnly = <loyalty-session signedIn />;

// React 18 wrappers
export const react18 = <RewardProgress limit={3} hideTier onLoyaltyRewardSelect={(e) => e.detail.reward.name} />;
// @ts-expect-error limit is a number
export const badWrapper = <RewardProgress limit="3" />;
export const wrapperFormat = <CheckinCode format="qr" />;

// Vue: what vue-tsc / Volar check a template against
type VueProps<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
export const vueProps: VueProps<'reward-progress'> = { limit: 3, hideTier: true, class: 'rewards' };
// @ts-expect-error limit is a number
export const badVueProps: VueProps<'reward-progress'> = { limit: 'three' };
export const vueSession: VueProps<'loyalty-session'> = { sessionKey: 'key', apiBase: '/api' };
