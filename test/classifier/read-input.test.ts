// parseToolsInput: tools/list results, JSON arrays, JSON lines (eval format too), and bad input.
import { describe, expect, it } from 'vitest';
import { InputError, parseToolsInput } from '../../classifier/read-input.ts';
import { evalLines } from './helpers.ts';

const tool = { name: 'get_issue', description: 'Get an issue.', inputSchema: { type: 'object', properties: { id: { type: 'string' } } } };

describe('parseToolsInput', () => {
  it('reads a tools/list result, also inside a JSON-RPC response', () => {
    expect(parseToolsInput(JSON.stringify({ tools: [tool], nextCursor: 'abc' }))).toEqual([tool]);
    expect(parseToolsInput(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { tools: [tool] } }))).toEqual([tool]);
  });

  it('reads a JSON array of tools', () => {
    expect(parseToolsInput(`\uFEFF${JSON.stringify([tool, { name: 'list_issues' }])}`)).toEqual([tool, { name: 'list_issues' }]);
  });

  it('reads JSON lines, keeping only the ToolDefinition fields of eval-format lines', () => {
    const lines = evalLines().slice(0, 5);
    const tools = parseToolsInput(lines.join('\n') + '\n\n');
    expect(tools).toHaveLength(5);
    for (const t of tools) {
      expect(Object.keys(t).every((k) => ['name', 'title', 'description', 'inputSchema', 'outputSchema', 'annotations'].includes(k))).toBe(true);
      expect(t).not.toHaveProperty('server');
    }
    expect(tools[0].name).toBe(JSON.parse(lines[0]).name);
  });

  it('throws InputError (code E_INPUT) naming the bad line', () => {
    const text = `${JSON.stringify(tool)}\n${JSON.stringify({ name: 'ok' })}\n{"name": "broken",\n`;
    let error: unknown;
    try { parseToolsInput(text); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('E_INPUT');
    expect((error as InputError).line).toBe(3);
    expect((error as InputError).message).toMatch(/^line 3: not valid JSON/);
  });

  it('rejects tools without a name, non-object schemas, empty and non-tool input', () => {
    expect(() => parseToolsInput('[{"description":"x"}]')).toThrow(/tool 1: the tool has no "name" string/);
    expect(() => parseToolsInput('{"name":"a"}\n{"name":"b","inputSchema":[]}')).toThrow(/line 2: "inputSchema" of b must be an object/);
    expect(() => parseToolsInput('   ')).toThrow(InputError);
    expect(() => parseToolsInput('{"servers": []}')).toThrow(/no "tools" array/);
    expect(() => parseToolsInput('not json')).toThrow(/not valid JSON/);
  });
});
