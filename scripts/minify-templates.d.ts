import type { Plugin } from 'vite';

/** One module's code (JavaScript) with its Lit templates minified and `msg()`'s `desc` dropped. */
export function minifyModule(code: string): string;
/** The Vite plugin applying {@link minifyModule} to the kit's own modules. */
export function minifyTemplates(): Plugin;
