/**
 * Side effect only: stands in front of `trustedTypes.createPolicy('lit-html')` while Lit loads
 * (see ./trusted-types.ts). Imported first by every entry, before anything that imports Lit.
 */
import { guardLitPolicy } from './trusted-types.js';

guardLitPolicy();
