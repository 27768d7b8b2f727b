import { createApp, h, nextTick, reactive } from 'vue';
import type { Mount } from '../app.js';
import MemberPanel from './MemberPanel.vue';

/** The Vue 3 test app: a root whose props feed `<MemberPanel>`. */
export const mount: Mount = async (container, props) => {
  const state = reactive({ ...props });
  const app = createApp({ render: () => h(MemberPanel, { ...state }) });
  app.config.warnHandler = (message, _instance, trace) => console.error(`[Vue warn] ${message}${trace}`);
  app.mount(container);
  return {
    update: async (p) => {
      Object.assign(state, p);
      await nextTick();
    },
    unmount: () => app.unmount(),
  };
};
