// --policy-out FILE: one gateway-ready policy.json over every judged server (classifier/policy.ts's
// merge: default deny, the riskier entry kept when two servers share a tool name), validated against
// the published schema; beside it the same decisions as Claude Code permissions (each server under its
// own config key) and Codex `disabled_tools` (classifier/exports.ts).
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { claudeCodePermissions, codexDisabledToml } from '../../classifier/exports.ts';
import { serverPolicy } from '../../classifier/policy.ts';
import { validatePolicy } from '../../classifier/policy-validate.ts';
import { safeJson } from '../../classifier/safe-json.ts';
import type { Policy, ToolClassification } from '../../classifier/types.ts';
import { ScanError } from './errors.ts';
import type { ScanReport } from './report.ts';

export interface PolicyFiles { policy: string; claudeCode: string; codex: string }

/** `out/policy.json` → `out/policy.claude-code.json` and `out/policy.codex.toml`. */
export function policyFileNames(file: string): PolicyFiles {
  const base = basename(file, extname(file));
  return { policy: file, claudeCode: join(dirname(file), `${base}.claude-code.json`), codex: join(dirname(file), `${base}.codex.toml`) };
}

/** The merged policy and both clients' settings, as file contents. */
export function policyOutputs(report: ScanReport): { policy: Policy; claudeCode: string; codex: string } {
  const judged = report.servers.filter((s) => s.status === 'judged' && s.policy);
  const verdicts = judged.flatMap((s) => s.tools.map((t) => ({ name: t.name, category: t.classification.category, risk: t.classification.risk, policy: t.policy }) as ToolClassification));
  const policy = serverPolicy(verdicts);
  const check = validatePolicy(policy);
  if (!check.valid) throw new ScanError(`the merged policy does not match the policy schema: ${check.errors.join('; ')}`, 'E_POLICY_INVALID', 1);
  const permissions = { allow: [] as string[], ask: [] as string[], deny: [] as string[] };
  const toml: string[] = [];
  for (const s of judged) {
    const names = s.tools.map((t) => t.name);
    const p = claudeCodePermissions(s.policy!, s.key, names).permissions;
    permissions.allow.push(...p.allow);
    permissions.ask.push(...p.ask);
    permissions.deny.push(...p.deny);
    toml.push(codexDisabledToml(s.key, s.exports?.disabled ?? []));
  }
  return { policy, claudeCode: `${safeJson({ permissions }, 2)}\n`, codex: toml.join('\n') };
}

/** Writes the three files; returns their paths. */
export async function writePolicyFiles(file: string, report: ScanReport): Promise<PolicyFiles> {
  const names = policyFileNames(file);
  const out = policyOutputs(report);
  try {
    await writeFile(names.policy, `${safeJson(out.policy, 2)}\n`);
    await writeFile(names.claudeCode, out.claudeCode);
    await writeFile(names.codex, out.codex);
  } catch (error) {
    throw new ScanError(`cannot write the policy files beside ${file}: ${(error as Error).message}`, 'E_OUTPUT', 1);
  }
  return names;
}
