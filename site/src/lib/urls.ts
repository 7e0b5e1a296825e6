// Absolute URLs of site paths, made from the build's one site URL (mcp-risk build --site-url,
// MCP_RISK_SITE_URL). Without one, a path stays as it is and nothing absolute is written.

/** The absolute URL of a site path (/servers/x/) under `origin`, or the path itself when there is no origin. */
export function pageUrl(origin: string | null, path: string): string {
  return origin ? new URL(path.replace(/^\/+/, ''), origin).href : path;
}
