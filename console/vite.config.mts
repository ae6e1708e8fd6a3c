import { defineConfig } from 'vite';

/**
 * The console, built by `npm run build` (`vite build console`: this folder is the root) into
 * dist/console, which the service serves under /console (src/http/console/). No inline script or
 * style is emitted, so the page runs under the service's strict Content-Security-Policy.
 * `npm run dev:console` serves it with hot reload and forwards /api to `npm run dev` on :3333.
 */
export default defineConfig({
  base: '/console/',
  build: {
    outDir: '../dist/console',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://localhost:3333' } },
});
