import { frameworkSuite } from './suite.js';

frameworkSuite('React 18 app (the loyalty-elements/react wrappers)', '/test/frameworks/react18/dist/main.js');
