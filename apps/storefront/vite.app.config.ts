import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const workspace = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The storefront's production build (Vite 8). The workspace's own vite (7) is vitest's. */
export default defineConfig({
  root: fileURLToPath(new URL('./', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: {
    // The api-client package points at its build; the storefront bundles its source, as tsconfig.base.json maps it.
    alias: { '@shoplane/api-client': workspace('libs/api-client/src/index.ts') },
  },
  build: {
    outDir: workspace('dist/apps/storefront/site'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
  },
});
