/**
 * Vite build of Homeroom's browser pages into `dist/web`, which Homeroom serves: the reference
 * console (`index.html`, at `/`) and the offline GraphiQL explorer (`explorer.html`, at
 * `/graphql` for browsers in development). Nothing is loaded from a CDN: GraphiQL, Monaco and its
 * workers are bundled from npm. `npx vite --config web/vite.config.ts` serves the console with hot
 * reload and proxies `/graphql` (HTTP and websockets) to a Homeroom on HOMEROOM_URL (default
 * http://127.0.0.1:4000).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: web,
  base: '/',
  plugins: [react()],
  // Monaco's workers are ES modules (GraphiQL's `setup-workers/vite`).
  worker: { format: 'es' },
  build: {
    outDir: path.join(web, '..', 'dist', 'web'),
    emptyOutDir: true,
    // Monaco alone is several MB; the console's own chunk stays small (checked in the build log).
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: { console: path.join(web, 'index.html'), explorer: path.join(web, 'explorer.html') },
      // GraphiQL's modules start with React Compiler's "use no memo", which a bundle need not keep.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/graphql': { target: process.env.HOMEROOM_URL ?? 'http://127.0.0.1:4000', ws: true } },
  },
});
