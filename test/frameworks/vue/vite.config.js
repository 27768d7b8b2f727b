// #region readme
// vite.config.js
import vue from '@vitejs/plugin-vue';
import { isCustomElement } from 'loyalty-elements/vue';

export default {
  // render the kit's tags as custom elements, instead of looking for Vue components of that name
  plugins: [vue({ template: { compilerOptions: { isCustomElement } } })],
};
// #endregion
