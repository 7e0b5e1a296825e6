// Category and risk rules of DESIGN §4 on realistic literals.
import { describe, expect, it } from 'vitest';
import { classifyTools } from '../../classifier/classify.ts';
import type { ToolDefinition } from '../../db/tool-definition.ts';

function one(tool: ToolDefinition, server = 'test-server') {
  return classifyTools({ name: server, tools: [tool] })[0];
}
const str = (description = '') => ({ type: 'string', description });

describe('category precedence and grading', () => {
  it('classifies by behaviour, not by a readOnlyHint on a delete', () => {
    const c = one({ name: 'delete_user', description: 'Delete a user account.', inputSchema: { type: 'object', properties: { user_id: str() }, required: ['user_id'] }, annotations: { readOnlyHint: true } });
    expect(c.category).toBe('Destructive');
    expect(c.findings.some((f) => f.kind === 'annotation_conflict' && f.severity === 'high')).toBe(true);
  });

  it('rates free-text shell Execute/Critical', () => {
    const c = one({ name: 'run_command', description: 'Run a shell command on the host.', inputSchema: { type: 'object', properties: { command: str('The command line') }, required: ['command'] } });
    expect([c.category, c.risk]).toEqual(['Execute', 'Critical']);
    expect(c.evidence).toContain('parameter `command` takes a free-text command');
  });

  it('tells writable SQL (Execute/Critical) from read-only query text (Read)', () => {
    const sql = one({ name: 'execute_sql', description: 'Execute a SQL statement against Postgres.', inputSchema: { type: 'object', properties: { sql: str('SQL to run') }, required: ['sql'] } });
    expect([sql.category, sql.risk]).toEqual(['Execute', 'Critical']);
    const promql = one({ name: 'query_prometheus', description: 'Query Prometheus.', inputSchema: { type: 'object', properties: { expr: str('The PromQL expression') } } });
    expect(promql.category).toBe('Read');
  });

  it('rates fetching any URL Read/Medium and a hosted search Read/Low', () => {
    const fetch = one({ name: 'fetch_url', description: 'Fetch a web page and return it as markdown.', inputSchema: { type: 'object', properties: { url: { type: 'string', format: 'uri' } }, required: ['url'] } });
    expect([fetch.category, fetch.risk]).toEqual(['Read', 'Medium']);
    const search = one({ name: 'web_search', description: 'Search the web.', inputSchema: { type: 'object', properties: { query: str('Search terms') } } });
    expect([search.category, search.risk]).toEqual(['Read', 'Low']);
  });

  it('rates money movement Financial/Critical but a payment link Write', () => {
    const refund = one({ name: 'create_refund', description: 'Refund a charge.', inputSchema: { type: 'object', properties: { charge: str(), amount: { type: 'integer', description: 'Amount in cents' }, reason: str() }, required: ['charge'] } });
    expect([refund.category, refund.risk]).toEqual(['Financial', 'Critical']);
    expect(refund.policy.tools.create_refund.deny_if).toContainEqual({ path: 'args.amount', op: 'gt', value: 10000 });
    expect(refund.policy.tools.create_refund.require).toContainEqual({ path: 'args.reason', op: 'exists' });
    const link = one({ name: 'create_payment_link', description: 'Create a Stripe payment link for a price.', inputSchema: { type: 'object', properties: { price: str() } } });
    expect(link.category).toBe('Write');
  });

  it('grades deletes by what they remove', () => {
    const comment = one({ name: 'delete_comment', description: 'Delete a comment.', inputSchema: { type: 'object', properties: { comment_id: str() }, required: ['comment_id'] } });
    expect([comment.category, comment.risk]).toEqual(['Destructive', 'Medium']);
    const bucket = one({ name: 'delete_bucket', description: 'Delete an S3 bucket.', inputSchema: { type: 'object', properties: { bucket: str() }, required: ['bucket'] } });
    expect([bucket.category, bucket.risk]).toEqual(['Destructive', 'High']);
    const table = one({ name: 'drop_table', description: 'Drop a table.', inputSchema: { type: 'object', properties: { table: str() }, required: ['table'] } });
    expect([table.category, table.risk]).toEqual(['Destructive', 'Critical']);
    expect(table.policy.hide).toEqual(['drop_table']);
  });

  it('reads multi-operation tools through their action enum', () => {
    const reads = one({ name: 'manage_silences', description: '', inputSchema: { type: 'object', properties: { operation: { type: 'string', enum: ['list', 'get'] } } } });
    expect(reads.category).toBe('Read');
    const all = one({ name: 'manage_silences', description: '', inputSchema: { type: 'object', properties: { operation: { type: 'string', enum: ['list', 'get', 'create', 'delete'] } } } });
    expect(all.category).toBe('Destructive');
    // the selector is optional, so its destructive action is denied rather than the others required
    expect(all.policy.tools.manage_silences.deny_if).toContainEqual({ path: 'args.operation', op: 'in', value: ['delete'] });
  });

  it('sends messages as Execute/High with a recipient condition', () => {
    const c = one({ name: 'send_email', description: 'Send an email.', inputSchema: { type: 'object', properties: { to: str('Recipient email address'), subject: str(), body: str() }, required: ['to'] } });
    expect([c.category, c.risk]).toEqual(['Execute', 'High']);
    expect(c.policy.tools.send_email.require?.[0]).toMatchObject({ path: 'args.to', op: 'regex' });
  });

  it('splits snake, camel, kebab and dotted names', () => {
    expect(one({ name: 'getConsoleLogs' }).category).toBe('Read');
    expect(one({ name: 'stories-delete', description: 'Delete a story.' }).category).toBe('Destructive');
    expect(one({ name: 'mail.send', description: '' }).category).toBe('Execute');
  });

  it('is deterministic', () => {
    const tool: ToolDefinition = { name: 'update_issue', description: 'Update an issue title or labels.' };
    expect(JSON.stringify(one(tool))).toBe(JSON.stringify(one(tool)));
  });
});
