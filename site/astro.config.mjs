// Astro config of the site's views. The site is built with buildSite() from site/build.ts, which
// compiles the views in site/src with this config (site/pipeline/compile.ts) and renders them with
// Astro's Container API; there is no src/pages, so `astro build` alone builds nothing.
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
  // Whitespace between tags collapsed at compile time: smaller pages at no render cost.
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
});
