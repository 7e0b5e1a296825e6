// The reference MCP servers (filesystem, memory, everything): real definitions, known answers.
import { describe, expect, it } from 'vitest';
import { classifyByName, evalServer, filesystemTools } from './helpers.ts';

describe('filesystem server (tools/list of @modelcontextprotocol/server-filesystem)', () => {
  const get = classifyByName('filesystem', filesystemTools());

  it('rates read_text_file Read/Low: paths are bounded by the allowed directories', () => {
    const c = get('read_text_file');
    expect([c.category, c.risk]).toEqual(['Read', 'Low']);
    expect(c.evidence).toContain("name begins with the verb 'read'");
    expect(c.evidence).toContain('author annotation readOnlyHint=true');
    expect(c.policy.tools.read_text_file).toEqual({});
  });

  it('rates write_file Write/High: it writes a file at any path', () => {
    const c = get('write_file');
    expect([c.category, c.risk]).toEqual(['Write', 'High']);
    expect(c.evidence.some((e) => e.includes('`path` writes to any path'))).toBe(true);
    expect(c.policy.tools.write_file.limits?.[0]).toMatchObject({ counter: 'write_file_rate', scope: 'grant' });
    expect(c.policy.tools.write_file.deny_if?.[0]).toMatchObject({ path: 'args.path', op: 'regex' });
  });

  it('never rates a writing tool Read', () => {
    for (const name of ['write_file', 'edit_file', 'create_directory', 'move_file']) expect(get(name).category).not.toBe('Read');
    for (const name of ['list_directory', 'directory_tree', 'search_files', 'get_file_info', 'list_allowed_directories']) expect(get(name).category).toBe('Read');
  });

  it('writes a rationale that names the tool and the server', () => {
    const r = get('write_file').rationale;
    expect(r).toContain('`write_file` on filesystem');
    expect(r.split(/(?<=\.)\s+(?=[A-Z`])/).length).toBeGreaterThanOrEqual(2);
    expect(r.split(/(?<=\.)\s+(?=[A-Z`])/).length).toBeLessThanOrEqual(4);
  });
});

describe('memory server (eval file)', () => {
  const get = classifyByName('mcp-reference-memory', evalServer('mcp-reference-memory'));

  it('rates delete_entities Destructive', () => {
    const c = get('delete_entities');
    expect(c.category).toBe('Destructive');
    expect(c.evidence).toContain("name begins with the verb 'delete'");
    expect(c.policy.tools.delete_entities.limits?.[0].window).toBe('hour');
  });

  it('rates the additive knowledge-graph writes Write/Low and the reads Read/Low', () => {
    expect([get('create_entities').category, get('create_entities').risk]).toEqual(['Write', 'Low']);
    expect([get('add_observations').category, get('add_observations').risk]).toEqual(['Write', 'Low']);
    for (const name of ['read_graph', 'search_nodes', 'open_nodes']) expect([get(name).category, get(name).risk]).toEqual(['Read', 'Low']);
  });

  it('rates deleting single observations lower than deleting entities', () => {
    expect(get('delete_observations').risk).toBe('Medium');
    expect(get('delete_entities').risk).toBe('High');
  });
});

describe('everything server (eval file)', () => {
  const get = classifyByName('mcp-reference-everything', evalServer('mcp-reference-everything'));

  it('reads its demo getters as Read', () => {
    for (const name of ['echo', 'get-sum', 'get-tiny-image', 'get-resource-links']) expect(get(name).category).toBe('Read');
  });

  it('rates get-env above Low: it returns every environment variable', () => {
    expect(get('get-env').category).toBe('Read');
    expect(get('get-env').risk).not.toBe('Low');
  });

  it('rates the toggles and the gzip tool as changing state', () => {
    expect(get('toggle-simulated-logging').category).toBe('Write');
    expect(get('gzip-file-as-resource').category).not.toBe('Read');
  });

  it('gives every tool evidence, a rationale, a confidence and a policy', () => {
    for (const t of evalServer('mcp-reference-everything')) {
      const c = get(t.name);
      expect(c.evidence.length).toBeGreaterThan(0);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.rationale).toContain(`\`${t.name}\``);
      expect(c.policy.version).toBe('1');
    }
  });
});
