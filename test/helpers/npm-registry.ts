// A local npm registry for fixture packages: packuments (full and abbreviated are the same here) and tarballs
// made in memory, served on 127.0.0.1, so npm installs them for real without the network. Any other package is a
// 404, as on a mirror that lacks it. `stall` paths accept the request and never answer (a blackholed host).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { packTarball } from './tarball.ts';

export interface FixtureRelease {
  version: string;
  /** Files of the package besides package.json. */
  files: Record<string, string>;
  bin?: string | Record<string, string>;
  engines?: { node: string };
  /** `REGISTRY_URL` in a spec becomes this registry's URL (for tarball dependencies it serves or stalls). */
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  /** Extra package.json fields (mcpName, type, ...). */
  manifest?: Record<string, unknown>;
}

export interface FixturePackage { name: string; releases: FixtureRelease[] }

export async function startNpmRegistry(packages: FixturePackage[], options: { stall?: string[] } = {}) {
  const requests: string[] = [];
  const tarballs = new Map<string, Buffer>();
  const packuments = new Map<string, unknown>();
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (options.stall?.includes(path)) return; // never answers
    const tarball = tarballs.get(path);
    if (tarball) { res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(tarball); return; }
    const doc = packuments.get(path.slice(1).toLowerCase());
    if (doc) { json(res, 200, doc); return; }
    json(res, 404, { error: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const pkg of packages) {
    const versions: Record<string, unknown> = {};
    for (const release of pkg.releases) {
      const dependencies = release.dependencies && Object.fromEntries(Object.entries(release.dependencies).map(([k, v]) => [k, v.replace('REGISTRY_URL', url)]));
      const manifest = { name: pkg.name, version: release.version, ...(release.bin ? { bin: release.bin } : {}), ...(release.engines ? { engines: release.engines } : {}), ...(dependencies ? { dependencies } : {}), ...(release.optionalDependencies ? { optionalDependencies: release.optionalDependencies } : {}), ...release.manifest };
      const packed = packTarball({ 'package.json': JSON.stringify(manifest, null, 2), ...release.files });
      const file = `/${pkg.name}/-/${pkg.name.split('/').pop()}-${release.version}.tgz`;
      tarballs.set(file, packed.data);
      versions[release.version] = { ...manifest, dist: { tarball: `${url}${file}`, integrity: packed.integrity, shasum: packed.shasum } };
    }
    const latest = pkg.releases.at(-1)!.version;
    packuments.set(pkg.name.toLowerCase(), { name: pkg.name, 'dist-tags': { latest }, versions });
  }
  return { url, requests, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
