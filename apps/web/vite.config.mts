import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const UTRECHT_BUNDLE = /@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/;

/**
 * The Utrecht React bundle is one module whose top level writes `Component.displayName = ...` (97 times): to a
 * bundler those writes are side effects, so every component ships. displayName only names components in React's
 * developer tools; dropping the writes lets tree-shaking keep just the components the app uses (about 50 KB gzip).
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'utrecht-tree-shaking',
    transform(code, id) {
      if (!UTRECHT_BUNDLE.test(id)) return null;
      return { code: code.replace(/^[\w$]+\.displayName = [^;\n]+;$/gm, ''), map: null };
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname),
  plugins: [react(), utrechtTreeShaking()],
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !UTRECHT_BUNDLE.test(id) },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
