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

export default defineConfig(({ command }) => {
  /*
   * A build is always a production build. scripts/start.sh (and many a server's environment) exports
   * NODE_ENV=development, and Vite takes NODE_ENV from the environment: that shipped React's development build (its
   * size doubled, its development-only checks run) and the development JSX transform. Vite reads NODE_ENV again
   * after loading this file, and the React plugin reads it from the resolved config, so setting it here is enough.
   */
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: resolve(import.meta.dirname),
    plugins: [react(), utrechtTreeShaking()],
    // The product's one glossary (libs/common/src/glossary.ts, import-free): the web words codes as the reports do.
    resolve: { alias: { '@glossary': resolve(import.meta.dirname, '../../libs/common/src/glossary.ts') } },
    build: {
      outDir: resolve(import.meta.dirname, '../../dist/web'),
      emptyOutDir: true,
      // Hashed file names only under assets/: the server caches that folder as immutable.
      assetsDir: 'assets',
      rolldownOptions: {
        treeshake: { moduleSideEffects: (id: string) => !UTRECHT_BUNDLE.test(id) },
        // The bundler's timing report says how busy the machine was, not anything about the build.
        checks: { bundlerTimings: false },
        output: {
          // Libraries in chunks of their own (each under the 500 kB warning): they change less often than the app,
          // so a release re-downloads only the app's chunks. Every page needs all four, so the page still loads
          // them in parallel from the start. The pages themselves are split per role and page group (App.tsx).
          codeSplitting: {
            groups: [
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
              { name: 'intl', test: /[\\/]node_modules[\\/](react-intl|@formatjs|intl-messageformat)[\\/]/ },
              { name: 'utrecht', test: /[\\/]node_modules[\\/]@utrecht[\\/]/ },
              { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
            ],
          },
        },
      },
    },
    server: { port: 5173, proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
  };
});
