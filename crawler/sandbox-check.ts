// Checks made before a sandboxed run: does bubblewrap work here, and can the sandbox user reach its writable dir?
import { execFile } from 'node:child_process';
import { chown, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SandboxUnavailableError } from './errors.ts';
import { defaultRunAs, sandboxCommand, type SandboxCommand, type SandboxOptions } from './sandbox.ts';

const probes = new Map<string, Promise<void>>();

/** Starts node once per configuration in the sandbox; rejects with SandboxUnavailableError when that fails. */
export function probeSandbox(opts: SandboxOptions = {}): Promise<void> {
  if (opts.unsafe) return Promise.resolve();
  let spec: SandboxCommand;
  try {
    spec = sandboxCommand({ ...opts, writableDir: undefined, readOnlyDirs: [], env: {}, command: process.execPath, args: ['-e', ''] });
  } catch (error) {
    return Promise.reject(error);
  }
  const key = spec.args.join('\0');
  let probe = probes.get(key);
  if (!probe) {
    probe = new Promise<void>((resolve, reject) => {
      execFile(spec.command, spec.args, { env: spec.env, timeout: 15_000 }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        probes.delete(key);
        const reason = `the probe ${spec.command} ${spec.args.join(' ')} failed: ${stderr.trim() || error.message}`;
        const hint = spec.args.some((a) => a.endsWith('setpriv')) ? 'As an unprivileged user bwrap needs user namespaces (sysctl kernel.unprivileged_userns_clone, AppArmor restrictions); or pass runAs: null to sandbox as root' : undefined;
        reject(new SandboxUnavailableError(reason, { cause: error, hint }));
      });
    });
    probes.set(key, probe);
  }
  return probe;
}

/** Gives the sandbox user the writable dir (top level only) and checks it can reach it through every parent. */
export async function prepareWritableDir(dir: string, runAs: SandboxOptions['runAs'] = defaultRunAs()): Promise<void> {
  if (!runAs) return;
  await chown(dir, runAs.uid, runAs.gid);
  await assertReachable(dir, runAs);
}

/** Throws SandboxUnavailableError unless `runAs` may search every parent of `dir`: bwrap, running as that user, must open it to bind it. */
export async function assertReachable(dir: string, runAs: SandboxOptions['runAs'] = defaultRunAs()): Promise<void> {
  if (!runAs) return;
  for (let parent = path.dirname(path.resolve(dir)); ; parent = path.dirname(parent)) {
    const { mode, uid, gid } = await stat(parent);
    const bit = uid === runAs.uid ? 0o100 : gid === runAs.gid ? 0o010 : 0o001;
    if (!(mode & bit)) {
      throw new SandboxUnavailableError(`uid ${runAs.uid} cannot reach ${dir}: ${parent} (mode ${(mode & 0o777).toString(8)}) is not searchable by it`, {
        hint: `Make ${parent} searchable (chmod o+x; mkdtemp creates 700), choose a dir elsewhere, or pass runAs: null to keep the crawler's user`,
      });
    }
    if (parent === path.dirname(parent)) return;
  }
}
