// mcp-risk policy: print the recommended policy of a crawled server (or one tool), or its client exports.
import { eq, or } from 'drizzle-orm';
import { claudeCodeJson, clientServerKey, codexToml } from '../classifier/exports.ts';
import { serverPolicy, storedVerdicts } from '../classifier/policy.ts';
import { getServerPage } from '../db/queries/site.ts';
import { servers } from '../db/schema.ts';
import { type Io, withDb } from './io.ts';
import { oneOf, optionValues, parseCommandArgs, nonEmpty } from './options.ts';
import { UsageError } from './usage-error.ts';

export const POLICY_HELP = `Usage: mcp-risk policy SERVER [--tool NAME] [--format policy|claude-code|codex] [--key NAME]

Prints the recommended policy for a crawled server (its registry name or slug): one policy.json
covering all its tools, or one tool's alone with --tool; or the same decisions for a client:
Claude Code permission rules (mcp__<server>__<tool>) or Codex disabled_tools.

Options:
  --tool NAME     one tool's policy only (format policy)
  --format F      policy (default), claude-code or codex
  --key NAME      the server's key in your client config (default: the last part of its name)
  -h, --help      show this help
`;

export async function runPolicyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('policy', argv, { tool: { type: 'string' }, format: { type: 'string' }, key: { type: 'string' } }, true);
  if (values.help) { io.stdout.write(POLICY_HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError('policy: give one SERVER (registry name or slug)');
  const value = optionValues('policy', values);
  const format = value('format', oneOf(['policy', 'claude-code', 'codex']), 'policy');
  const tool = value('tool', nonEmpty);
  const key = value('key', nonEmpty);
  const text = await withDb(io.config, async ({ db }) => {
    const [row] = await db.select({ slug: servers.slug, name: servers.name }).from(servers)
      .where(or(eq(servers.name, positionals[0]), eq(servers.slug, positionals[0])));
    if (!row) throw new UsageError(`policy: no server named "${positionals[0]}" in the database; run mcp-risk crawl first`, 1);
    const page = (await getServerPage(db, row.slug))!;
    const verdicts = storedVerdicts(page.tools);
    if (!verdicts.length) throw new UsageError(`policy: ${row.name} has no classified tools; run mcp-risk classify-db`, 1);
    if (tool !== undefined) {
      const one = verdicts.find((v) => v.name === tool);
      if (!one) throw new UsageError(`policy: ${row.name} has no classified tool "${tool}"`, 1);
      return JSON.stringify(one.policy, null, 2);
    }
    const policy = serverPolicy(verdicts);
    const names = page.tools.map((t) => t.name);
    const clientKey = key ?? clientServerKey(row.name);
    if (format === 'claude-code') return claudeCodeJson(policy, clientKey, names);
    if (format === 'codex') return codexToml(policy, clientKey, names).trimEnd();
    return JSON.stringify(policy, null, 2);
  });
  io.stdout.write(`${text}\n`);
  return 0;
}
