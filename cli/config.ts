// The one place configuration is read from the environment. Everything else receives options.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The labelled sets beside the checkout (../shared/eval), as the workplace lays them out. */
const DEFAULT_EVAL_DIR = fileURLToPath(new URL('../../shared/eval/', import.meta.url));

export interface Config {
  /** PostgreSQL URL (DATABASE_URL); when unset, embedded PGlite is used. */
  databaseUrl?: string;
  /** Local state: PGlite data, package cache, scratch dirs (MCP_RISK_DATA_DIR). @default '.mcp-risk' */
  dataDir: string;
  pgliteDir: string;
  /** Installed-package cache (MCP_RISK_CACHE_DIR). @default '<dataDir>/packages' */
  cacheDir: string;
  workDir: string;
  /** Official MCP Registry base URL (MCP_REGISTRY_URL). */
  registryUrl: string;
  /** Whether the registry URL was chosen explicitly (then there is no offline fallback). */
  registryUrlExplicit: boolean;
  openai: { apiKey?: string; baseUrl?: string; model?: string };
  smitheryApiKey?: string;
  /** Base URLs of the other sources (MCP_RISK_NPM_URL, MCP_RISK_PYPI_URL, MCP_RISK_SMITHERY_URL, MCP_RISK_GLAMA_URL, MCP_RISK_PULSEMCP_URL); unset: each source's public default. */
  sourceUrls: { npm?: string; pypi?: string; smithery?: string; glama?: string; pulsemcp?: string };
  /** The built site's public address, for canonical, Open Graph, sitemap and llms.txt URLs (MCP_RISK_SITE_URL); unset: no absolute URLs. */
  siteUrl?: string;
  /** Running inside CI (CI=true). */
  ci: boolean;
  /** Labelled sets for `eval` and the accuracy page (MCP_RISK_EVAL_DIR). @default '<checkout>/../shared/eval' */
  evalDir: string;
}

export const DEFAULT_REGISTRY_URL = 'https://registry.modelcontextprotocol.io';

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.MCP_RISK_DATA_DIR || '.mcp-risk');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    pgliteDir: join(dataDir, 'pgdata'),
    cacheDir: resolve(env.MCP_RISK_CACHE_DIR || join(dataDir, 'packages')),
    workDir: join(dataDir, 'work'),
    registryUrl: env.MCP_REGISTRY_URL || DEFAULT_REGISTRY_URL,
    registryUrlExplicit: !!env.MCP_REGISTRY_URL,
    openai: { apiKey: env.OPENAI_API_KEY || undefined, baseUrl: env.OPENAI_BASE_URL || undefined, model: env.OPENAI_MODEL || undefined },
    smitheryApiKey: env.SMITHERY_API_KEY || undefined,
    sourceUrls: {
      npm: env.MCP_RISK_NPM_URL || undefined,
      pypi: env.MCP_RISK_PYPI_URL || undefined,
      smithery: env.MCP_RISK_SMITHERY_URL || undefined,
      glama: env.MCP_RISK_GLAMA_URL || undefined,
      pulsemcp: env.MCP_RISK_PULSEMCP_URL || undefined,
    },
    siteUrl: env.MCP_RISK_SITE_URL || undefined,
    ci: env.CI === 'true',
    evalDir: resolve(env.MCP_RISK_EVAL_DIR || DEFAULT_EVAL_DIR),
  };
}
