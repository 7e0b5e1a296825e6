// Astro config of the static site. Build it with buildSite() from site/build.ts, which hands the pages
// an open database; `astro build` alone has no database and stops with an error saying so.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

// No anonymous usage reports from builds (read by Astro after this file is loaded).
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

// Caches live in the project's node_modules, not in a node_modules of their own under site/.
const cache = (name) => fileURLToPath(new URL(`../node_modules/.cache/mcp-risk-site/${name}`, import.meta.url));

export default defineConfig({
  output: 'static',
  cacheDir: cache('astro'),
  vite: { cacheDir: cache('vite') },
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cached stylesheet for every page rather than a copy inlined into each of them.
    inlineStylesheets: 'never',
    // Pages are rendered in getStaticPaths order, one at a time, so a server's tool pages share its query.
    concurrency: 1,
  },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  scopedStyleStrategy: 'class',
});
