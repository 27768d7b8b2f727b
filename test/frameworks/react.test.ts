import { frameworkSuite } from './suite.js';

frameworkSuite('React 19 app (the tags in JSX, typed by loyalty-elements/jsx)', '/test/frameworks/react/dist/main.js');
