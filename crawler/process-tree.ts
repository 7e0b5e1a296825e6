// Finds and kills the descendants of a process through /proc, for those that left its process group (setsid).
// A process is known by its pid and its start time, so that a pid the kernel has reused is never signalled.
import { readdirSync, readFileSync } from 'node:fs';

/** A process as seen once: its pid and start time (clock ticks since boot, /proc/<pid>/stat field 22). */
export interface ProcessRef { pid: number; start: string }

interface Stat { state: string; ppid: number; start: string }

/** Format: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so read after the last ')'. */
function readStat(pid: number): Stat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), start: fields[19] };
  } catch {
    return undefined; // exited meanwhile, or no /proc (macOS)
  }
}

/** Every process visible in /proc with its parent; empty where there is no /proc. */
function processes(): Map<number, Stat> {
  const all = new Map<number, Stat>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {}
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) all.set(Number(entry), stat);
  }
  return all;
}

/** All living descendants of `root`, children before grandchildren. */
export function descendants(root: number): ProcessRef[] {
  const children = new Map<number, number[]>();
  const all = processes();
  for (const [pid, { ppid }] of all) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: ProcessRef[] = [];
  for (let queue = [root]; queue.length; ) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push({ pid: child, start: all.get(child)!.start });
      queue.push(child);
    }
  }
  return found;
}

/** Pids of all living descendants of `root`, children before grandchildren. */
export const descendantPids = (root: number): number[] => descendants(root).map((p) => p.pid);

/** Sends `signal` to each pid, ignoring those already gone. */
export function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {}
  }
}

/** Whether the process still runs: same pid and start time, and not a zombie waiting for its parent. */
export function isRunning(ref: ProcessRef): boolean {
  const stat = readStat(ref.pid);
  return !!stat && stat.start === ref.start && stat.state !== 'Z' && stat.state !== 'X';
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

/**
 * SIGKILLs `root`'s descendants, and those in `known`, again and again (a dying process may fork), until none of
 * them runs; new descendants are picked up on every round while `root()` gives a pid (undefined once the root has
 * exited: its pid may then belong to someone else). Resolves with those still running after `timeoutMs` (only a
 * process stuck in the kernel survives SIGKILL that long): empty means the tree is gone.
 */
export async function killDescendants(root: () => number | undefined, known: ProcessRef[] = [], timeoutMs = 30_000): Promise<ProcessRef[]> {
  const deadline = Date.now() + timeoutMs;
  const tree = new Map(known.map((p) => [`${p.pid}:${p.start}`, p]));
  for (;;) {
    const pid = root();
    if (pid !== undefined) for (const p of descendants(pid)) tree.set(`${p.pid}:${p.start}`, p);
    const alive = [...tree.values()].filter(isRunning);
    if (!alive.length || Date.now() >= deadline) return alive;
    signalAll(alive.map((p) => p.pid), 'SIGKILL');
    await tick();
  }
}

/** Resolves once every pid has stopped running, or after `timeoutMs`; SIGKILL is delivered asynchronously. */
export async function waitGone(refs: ProcessRef[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (refs.some(isRunning) && Date.now() < deadline) await tick();
}
