import type { BackendFactory, BackendName } from '../backend.js';
import { createSpaazaBackend } from './spaaza/index.js';
import { createSpoonityBackend } from './spoonity/index.js';

/** The backends a `<loyalty-session backend="…">` can name. */
export const backends: Record<string, BackendFactory | undefined> = {
  spoonity: createSpoonityBackend,
  spaaza: createSpaazaBackend,
} satisfies Partial<Record<BackendName, BackendFactory>>;

export { createSpoonityBackend, SPOONITY_API_BASE } from './spoonity/index.js';
export { createSpaazaBackend, SPAAZA_API_BASE } from './spaaza/index.js';
