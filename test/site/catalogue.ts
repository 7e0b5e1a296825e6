// A small catalogue for the site tests, written through the crawler's and classifier's own queries.
// One tool is hostile: markup, a script and a javascript: URL in its description and server links.
import type { Db } from '../../db/client.ts';
import { saveClassification, type StoredClassification } from '../../db/queries/classifications.ts';
import { upsertServer, type ServerRecord } from '../../db/queries/servers.ts';
import { currentTools, recordToolListing } from '../../db/queries/tool-listing.ts';
import type { ToolDefinition } from '../../db/tool-definition.ts';
import type { Policy } from '../../classifier/types.ts';

export const HOSTILE_DESCRIPTION =
  'Shows a banner. <script>window.__pwned = 1; alert(1)</script> <img src=x onerror="window.__pwned=2"> ' +
  'See javascript:alert(document.domain) for details. ' + 'https://example.com/' + 'a'.repeat(300);

const allow = (name: string): Policy => ({ version: '1', default: 'deny', tools: { [name]: {} } });
const limited = (name: string, max: number, window: 'minute' | 'hour' = 'minute'): Policy => ({
  version: '1', default: 'deny',
  tools: { [name]: { limits: [{ counter: `${name}_rate`, window, max, scope: 'grant' }] } },
});
const hidden = (name: string): Policy => ({ version: '1', default: 'deny', hide: [name], tools: {} });

interface FixtureTool { definition: ToolDefinition; classification?: Omit<StoredClassification, 'confidence' | 'policy'> & { policy: Policy } }
interface FixtureServer { record: ServerRecord; tools: FixtureTool[] }

const c = (category: string, risk: string, policy: Policy, rationale: string, evidence: string[], findings: unknown[] = []) =>
  ({ category, risk, policy, rationale, evidence, findings });

export const CATALOGUE: FixtureServer[] = [
  {
    record: {
      name: 'io.github.acme/files', title: 'Acme Files', description: 'Read and write files on the local disk.',
      runtime: 'npm', packageIdentifier: '@acme/files-mcp', packageVersion: '1.2.3', transport: 'stdio',
      repositoryUrl: 'https://github.com/acme/files-mcp',
    },
    tools: [
      {
        definition: {
          name: 'read_file', description: 'Read the contents of a file.',
          inputSchema: { type: 'object', properties: { path: { type: 'string', description: 'Absolute path' } }, required: ['path'] },
          annotations: { readOnlyHint: true },
        },
        classification: c('Read', 'Medium', allow('read_file'), 'Reads any file the server process can reach. An agent could read secrets such as ~/.ssh keys.', ['parameter `path` takes free text', 'author annotation readOnlyHint=true']),
      },
      {
        definition: {
          name: 'write_file', description: 'Create or overwrite a file.',
          inputSchema: {
            type: 'object', required: ['path', 'content'],
            properties: {
              path: { type: 'string' }, content: { type: 'string' },
              options: { type: 'object', properties: { mode: { type: 'string', enum: ['overwrite', 'append'], default: 'overwrite' } } },
            },
          },
        },
        classification: c('Write', 'High', limited('write_file', 30), 'Writes any path. An agent could overwrite configuration or code.', ['name begins with the verb \'write\'', 'parameter `path` is unconstrained']),
      },
      {
        definition: { name: 'delete_path', description: 'Delete a file or directory, recursively.', inputSchema: { type: 'object', properties: { path: { type: 'string' }, recursive: { type: 'boolean' } } }, annotations: { destructiveHint: true } },
        classification: c('Destructive', 'Critical', hidden('delete_path'), 'Deletes any path recursively. Hidden from agents.', ['name begins with the verb \'delete\'', 'parameter `recursive`']),
      },
    ],
  },
  {
    record: {
      name: 'com.example/payments', description: 'Payments API <b>beta</b>.', runtime: 'remote', transport: 'streamable-http',
      websiteUrl: 'javascript:alert(document.domain)', repositoryUrl: 'javascript:window.__pwned=3',
    },
    tools: [
      {
        definition: {
          name: 'create_refund', description: 'Refund a charge.',
          inputSchema: { type: 'object', required: ['charge', 'amount'], properties: { charge: { type: 'string' }, amount: { type: 'integer', minimum: 1 }, reason: { type: 'string' } } },
        },
        classification: c('Financial', 'Critical', {
          version: '1', default: 'deny',
          tools: { create_refund: {
            require: [{ path: 'args.reason', op: 'exists' }],
            deny_if: [{ path: 'args.amount', op: 'gt', value: 10000 }],
            limits: [{ counter: 'create_refund_rate', window: 'hour', max: 5, scope: 'grant' }],
          } },
        }, 'Moves money back to a customer. A manipulated agent could drain the balance through many refunds.', ['name begins with the verb \'create\' and names \'refund\'', 'parameter `amount`']),
      },
      {
        definition: { name: 'list_charges', description: 'List recent charges.', inputSchema: { type: 'object', properties: { limit: { type: 'integer', maximum: 100 } } } },
        classification: c('Read', 'Low', allow('list_charges'), 'Lists charges. Read only.', ['name begins with the verb \'list\'']),
      },
      {
        definition: { name: 'show_banner', title: '<i>Banner</i>', description: HOSTILE_DESCRIPTION, inputSchema: { type: 'object', properties: { '<b>html</b>': { type: 'string', description: '<script>alert(1)</script>' } } } },
        classification: c('Read', 'Low', allow('show_banner'), 'Shows a banner <script>alert(1)</script>.', ['description contains markup'], [
          { kind: 'tool_poisoning', severity: 'high', message: 'The description embeds a script tag.', excerpt: '<script>alert(1)</script>' },
        ]),
      },
    ],
  },
  {
    record: { name: 'mail-sender', description: 'Send email through SMTP.', runtime: 'pypi', packageIdentifier: 'mail-sender-mcp', transport: 'stdio' },
    tools: [
      {
        definition: { name: 'send_email', description: 'Send an email.', inputSchema: { type: 'object', properties: { to: { type: 'string', format: 'email' }, body: { type: 'string' } } } },
        classification: c('Execute', 'High', limited('send_email', 10, 'hour'), 'Sends email to any recipient. An agent could spam or exfiltrate data.', ['parameter `to` is a recipient']),
      },
      { definition: { name: 'list_outbox', description: 'List queued email.' } },
    ],
  },
];

/** Writes the catalogue; `send_email` is classified twice so that the newest classification must win. */
export async function populateCatalogue(db: Db): Promise<void> {
  for (const server of CATALOGUE) {
    const { id } = await upsertServer(db, server.record);
    await recordToolListing(db, id, server.tools.map((t) => t.definition));
    const versions = new Map((await currentTools(db, [id])).map((t) => [t.name, t.versionId]));
    for (const tool of server.tools) {
      if (!tool.classification) continue;
      const versionId = versions.get(tool.definition.name)!;
      if (tool.definition.name === 'send_email') {
        await saveClassification(db, versionId, { ...tool.classification, risk: 'Low', category: 'Read', confidence: 0.5 },
          { classifierVersion: 'old-1', method: 'heuristic' });
        await new Promise((r) => setTimeout(r, 5));
      }
      await saveClassification(db, versionId, { ...tool.classification, confidence: 0.9 }, { classifierVersion: 'test-1', method: 'heuristic' });
    }
  }
}
