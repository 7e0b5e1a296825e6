// The shared ServerSource contract, run against every source over its local replay or fixture.
import { registrySource } from '../../../crawler/sources/registry.ts';
import { snapshotSource } from '../../../crawler/sources/snapshot.ts';
import { npmSource } from '../../../crawler/sources/npm.ts';
import { pypiSource } from '../../../crawler/sources/pypi.ts';
import { smitherySource } from '../../../crawler/sources/smithery.ts';
import { glamaSource } from '../../../crawler/sources/glama.ts';
import { pulseMcpSource } from '../../../crawler/sources/pulsemcp.ts';
import { clientConfigSource } from '../../../crawler/sources/client-configs.ts';
import { listFileSource } from '../../../crawler/sources/list-file.ts';
import { loadDump, startRegistryReplay } from '../../helpers/registry-replay.ts';
import { fixturePath, glamaRoute, npmRoute, pulseMcpRoute, pypiRoute, smitheryRoute, startReplay } from '../../helpers/source-replays.ts';
import { makeConfigHome } from '../../helpers/config-home.ts';
import { describeSourceContract } from './contract.ts';

const OFFICIAL = 'io.modelcontextprotocol.registry/official';
const noRetry = { retries: 0 };

describeSourceContract('registry', async () => {
  // 120 real latest records and one nameless one (sorted first, so page 1 has the rejection).
  const latest = loadDump().filter((i) => i._meta[OFFICIAL]?.isLatest).slice(0, 120);
  const nameless = { ...latest[0], server: { ...latest[0].server, name: '' } };
  const r = await startRegistryReplay({ items: [nameless, ...latest] });
  return { source: registrySource({ baseUrl: r.url, pageSize: 25, http: noRetry }), expected: { count: 120, rejected: 1, someName: latest[60].server.name }, close: r.close };
});

describeSourceContract('snapshot', async () => {
  const pages = snapshotSource();
  return { source: snapshotSource({ pageSize: 500 }), expected: { count: await countEntries(pages), someName: 'io.github.domdomegg/airtable-mcp-server' }, close: async () => {} };
});

describeSourceContract('npm', async () => {
  const r = await startReplay(npmRoute());
  return { source: npmSource({ baseUrl: r.url, pageSize: 3, http: noRetry }), expected: { count: 9, rejected: 1, someName: 'npm:@notionhq/notion-mcp-server' }, close: r.close };
});

describeSourceContract('pypi', async () => {
  const r = await startReplay(pypiRoute());
  const names = ['mcp-server-fetch', 'no-such-mcp-project', 'mcp_server_git', 'mcp-server-time', 'awslabs.aws-documentation-mcp-server'];
  return { source: pypiSource({ baseUrl: r.url, names, pageSize: 2, http: noRetry }), expected: { count: 4, rejected: 1, someName: 'pypi:mcp-server-git' }, close: r.close };
});

describeSourceContract('smithery', async () => {
  const r = await startReplay(smitheryRoute({ apiKey: 'test-key' }));
  return { source: smitherySource({ baseUrl: r.url, apiKey: 'test-key', pageSize: 3, http: noRetry }), expected: { count: 7, rejected: 1, someName: 'smithery:exa' }, close: r.close };
});

describeSourceContract('glama', async () => {
  const r = await startReplay(glamaRoute());
  return { source: glamaSource({ baseUrl: r.url, pageSize: 2, http: noRetry }), expected: { count: 6, rejected: 1, someName: 'glama:stripe/agent-toolkit' }, close: r.close };
});

describeSourceContract('pulsemcp', async () => {
  const r = await startReplay(pulseMcpRoute());
  return { source: pulseMcpSource({ baseUrl: r.url, pageSize: 3, http: noRetry }), expected: { count: 7, rejected: 1, someName: 'pulsemcp:github' }, close: r.close };
});

describeSourceContract('client configs', async () => {
  const h = await makeConfigHome({ broken: 'cursor-project-mcp.json' });
  return { source: clientConfigSource({ home: h.home, cwd: h.cwd }), expected: { count: 18, rejected: 1, someName: 'npm:@modelcontextprotocol/server-github' }, close: h.close };
});

describeSourceContract('list file', async () => ({
  source: listFileSource({ file: fixturePath('list/servers.txt'), pageSize: 4 }),
  expected: { count: 9, rejected: 4, someName: 'pypi:mcp-server-git' },
  close: async () => {},
}));

async function countEntries(source: ReturnType<typeof snapshotSource>): Promise<number> {
  let n = 0;
  for await (const page of source.pages()) n += page.entries.length;
  return n;
}
