// `mcp-risk classify` and `classify-db` with the --llm flags, in process, against the fake endpoint.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../cli/config.ts';
import { main } from '../../cli/main.ts';
import { openDb } from '../../db/client.ts';
import { upsertServer } from '../../db/queries/servers.ts';
import { recordToolListing } from '../../db/queries/tool-listing.ts';
import { SERVER_TOOLS, startFakeOpenAi, UNSURE, verdict, type FakeOpenAi } from '../helpers/fake-openai.ts';
import { PROMPT_VERSION } from '../../classifier/llm/prompt.ts';

function sink() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => { text += d; });
  return { stream, text: () => text };
}

describe('classify commands with --llm', () => {
  let fake: FakeOpenAi;
  let dir: string;
  let toolsFile: string;
  const env = (withKey = true) => ({
    MCP_RISK_DATA_DIR: dir,
    ...(withKey ? { OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: fake.url, OPENAI_MODEL: fake.model } : {}),
  });
  async function cli(argv: string[], withKey = true) {
    const out = sink();
    const err = sink();
    const code = await main(argv, { stdout: out.stream, stderr: err.stream, config: readConfig(env(withKey)) });
    return { code, stdout: out.text(), stderr: err.text() };
  }

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    dir = await mkdtemp(join(tmpdir(), 'mcp-risk-llm-cli-'));
    toolsFile = join(dir, 'tools.json');
    await writeFile(toolsFile, JSON.stringify({ tools: SERVER_TOOLS }));
  });
  afterAll(async () => { await fake.close(); await rm(dir, { recursive: true, force: true }); });
  beforeEach(() => { fake.requests.length = 0; fake.fallback = () => verdict('Read', 'Low'); });

  it('classify: auto by default with a key, --llm all sends every tool, --llm off none', async () => {
    fake.script('process_items', verdict('Execute', 'High'));
    const auto = await cli(['classify', toolsFile]);
    expect(auto.code).toBe(0);
    expect(fake.tools().sort()).toEqual([...UNSURE].sort());
    const out = JSON.parse(auto.stdout) as { name: string; method: string; model?: string; category: string; promptVersion?: string }[];
    expect(out.find((c) => c.name === 'process_items')).toMatchObject({ method: 'llm', model: fake.model, promptVersion: PROMPT_VERSION, category: 'Execute' });
    expect(out.find((c) => c.name === 'get_weather')).toMatchObject({ method: 'heuristic' });
    expect(auto.stderr).toMatch(/LLM review \(fake-model-1\): 3 calls \(3 requests\), 0 cached, 0 capped, 0 failed, 2 not sent/);
    fake.requests.length = 0;
    expect((await cli(['classify', toolsFile, '--llm', 'all', '--llm-max-calls', '4'])).stderr).toMatch(/4 calls .* 1 capped/);
    expect(fake.requests).toHaveLength(4);
    fake.requests.length = 0;
    const off = await cli(['classify', toolsFile, '--llm', 'off']);
    expect(off.code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(JSON.parse(off.stdout)[0]).not.toHaveProperty('method');
  });

  it('rejects --llm without a key and bad flag values as usage errors', async () => {
    const noKey = await cli(['classify', toolsFile, '--llm', 'all'], false);
    expect(noKey).toMatchObject({ code: 2 });
    expect(noKey.stderr).toMatch(/--llm all needs OPENAI_API_KEY/);
    expect((await cli(['classify', toolsFile], false)).code).toBe(0); // no key: off
    expect((await cli(['classify-db', '--llm', 'sometimes'])).stderr).toMatch(/--llm must be one of auto, all, off/);
    expect((await cli(['classify-db', '--llm-max-calls', '-1'])).code).toBe(2);
    expect(fake.requests).toHaveLength(0);
  });

  it('classify-db: reports calls, and a rerun over the unchanged catalogue makes none', async () => {
    const database = await openDb({ dataDir: join(dir, 'pgdata') });
    const { id } = await upsertServer(database.db, { name: 'io.acme/records', runtime: 'npm' });
    await recordToolListing(database.db, id, SERVER_TOOLS);
    await database.close();
    const first = await cli(['classify-db', '--llm-max-calls', '2']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/LLM review \(fake-model-1\): 2 calls \(2 requests\), 0 cached, 1 capped, 0 failed, 2 not sent; 4 reviewed classifications stored/);
    const second = await cli(['classify-db', '--json']);
    expect(JSON.parse(second.stdout).llm).toMatchObject({ calls: 1, capped: 0, cached: 0 });
    const rerun = await cli(['classify-db']);
    expect(rerun.stdout).toMatch(/classified 0 tool versions on 0 servers[\s\S]*: 0 calls \(0 requests\)/);
    const third = await cli(['classify-db', '--all']);
    expect(third.stdout).toMatch(/0 calls \(0 requests\), 3 cached, 0 capped/);
    expect(fake.requests).toHaveLength(3);
    expect((await cli(['classify-db', '--help'])).stdout).toMatch(/--llm-max-calls N/);
  });
});
