import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sandboxVitePlugin } from '../sandbox/index.js';

/** `npm start`: the demo page with the sandbox API on the same origin at /sandbox. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [sandboxVitePlugin({ prefix: '/sandbox' })],
  server: { port: Number(process.env.PORT) || 5173, strictPort: false },
});
