import { frameworkSuite } from './suite.js';

frameworkSuite('Vue 3 app (single-file component, isCustomElement from loyalty-elements/vue)', '/test/frameworks/vue/dist/main.js');
