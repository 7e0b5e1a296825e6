// An MCP client Transport over a child process we own: capped output, JSON-RPC-only stdout, the whole process group killed on close.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { descendants, killDescendants, signalAll, type ProcessRef } from './process-tree.ts';
import { OutputLimitError, ProtocolError, ServerCrashedError, SpawnFailedError, type ListToolsError, type ProcessDiagnostics } from './errors.ts';

export interface ChildTransportOptions {
  command: string;
  args?: string[];
  /** The child's complete environment; nothing is inherited. @default {} */
  env?: Record<string, string>;
  /** @default the current directory */
  cwd?: string;
  /** Bytes read from stdout before the child is killed with an output_limit failure. @default 8 MiB */
  maxStdoutBytes?: number;
  /** Bytes of stderr kept, as a tail, for error messages. @default 256 KiB */
  maxStderrBytes?: number;
  /** Non-JSON-RPC stdout lines (banners, logs) tolerated before a protocol_error. @default 10 */
  maxGarbageLines?: number;
  /** Time between SIGTERM and SIGKILL on close. Short: a listed server has nothing worth shutting down cleanly, and as pid 1 under bwrap it ignores SIGTERM unless it handles it. @default 250 */
  killGraceMs?: number;
  /**
   * The spawned process supervises the server and exits when it does (bwrap). Close then signals its descendants
   * first and lets it reap them: killing bwrap first would orphan them as zombies for init to reap, or never. @default false
   */
  supervisor?: boolean;
}

const SAMPLE_LINES = 3;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export class ChildTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;
  /** The first fatal condition the transport saw (flood, garbage, unexpected exit). */
  failure?: ListToolsError;
  /** The protocol version the client negotiated. */
  protocolVersion?: string;
  exitCode?: number | null;
  signal?: NodeJS.Signals | null;
  /** Processes of the tree still running when close() gave up on them (stuck in the kernel); empty after a clean close. */
  survivors: ProcessRef[] = [];
  /** Non-JSON-RPC stdout lines: how many, the first few (truncated), and their text up to 16 KiB (usage text, banners). */
  readonly garbage = { count: 0, sample: [] as string[], text: '' };
  private child?: ChildProcessWithoutNullStreams;
  private stdoutBytes = 0;
  private pending: Buffer[] = [];
  private stderr = Buffer.alloc(0);
  private closing?: Promise<void>;
  private finished = false;
  private readonly closed: Promise<void>;
  private markClosed!: () => void;
  private readonly exited: Promise<void>;
  private markExited!: () => void;
  private hasExited = false;

  constructor(private readonly opts: ChildTransportOptions) {
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    this.exited = new Promise((resolve) => (this.markExited = resolve));
  }

  /** The last bytes the child wrote to stderr. */
  get stderrTail(): string {
    return this.stderr.toString('utf8');
  }

  get diagnostics(): ProcessDiagnostics {
    return { exitCode: this.exitCode, signal: this.signal, stderrTail: this.stderrTail, ...(this.garbage.text ? { stdoutText: this.garbage.text } : {}) };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): Promise<void> {
    if (this.child) throw new Error('ChildTransport already started');
    const { command, args = [], env = {}, cwd } = this.opts;
    return new Promise((resolve, reject) => {
      let child: ChildProcessWithoutNullStreams;
      try {
        child = this.child = spawn(command, args, { env, cwd, detached: true, stdio: 'pipe', windowsHide: true });
      } catch (error) {
        return reject(new SpawnFailedError(command, error as NodeJS.ErrnoException)); // invalid arguments, e.g. a NUL byte
      }
      child.once('spawn', () => resolve());
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (child.pid === undefined) {
          reject(new SpawnFailedError(command, error));
          this.finish();
        } else this.onerror?.(error);
      });
      child.stdout.on('data', (chunk: Buffer) => this.onStdout(chunk));
      child.stderr.on('data', (chunk: Buffer) => this.onStderr(chunk));
      child.stdin.on('error', () => {}); // EPIPE after the child died: reported through its exit instead
      child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.signal = signal;
        this.hasExited = true;
        this.markExited();
        signalAll([-child.pid!], 'SIGKILL'); // descendants left in the group
        void delay(500).then(() => this.finish()); // a grandchild may hold the pipes open
      });
      child.once('close', () => this.finish());
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || this.finished || stdin.destroyed) return Promise.reject(new Error('ChildTransport is not connected'));
    return new Promise((resolve) => (stdin.write(JSON.stringify(message) + '\n') ? resolve() : stdin.once('drain', resolve)));
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  /**
   * Kills the process tree and resolves only once it is gone: SIGTERM to the tree (its group too, unless the child
   * is a supervisor), then after the grace period SIGKILL to every descendant, rescanned until none runs, then to the
   * child's group until Node has reaped the child. Nothing the server started outlives close(), so an attempt is
   * recorded only after its processes are dead. Under bwrap the pid namespace dies with the server.
   */
  close(): Promise<void> {
    return (this.closing ??= this.terminate());
  }

  private async terminate(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return this.finish();
    const pid = child.pid;
    const group = -pid;
    const root = () => (this.hasExited ? undefined : pid);
    const tree = this.hasExited ? [] : descendants(pid);
    if (!child.stdin.destroyed) child.stdin.end();
    if (!this.hasExited || tree.length) {
      signalAll(this.opts.supervisor ? tree.map((p) => p.pid) : [group, ...tree.map((p) => p.pid)], 'SIGTERM');
      await Promise.race([this.exited, delay(this.opts.killGraceMs ?? 250)]);
    }
    // a supervisor reaps the server once it is killed, so its children go first; then the child and its group
    this.survivors = await killDescendants(root, tree);
    for (let waited = 0; !this.hasExited && waited < 30_000; waited += 50) {
      signalAll([group], 'SIGKILL'); // the group outlives its leader only while a member runs; never signalled after the exit
      await Promise.race([this.exited, delay(50)]);
    }
    if (this.survivors.length) this.survivors = await killDescendants(root, this.survivors, 1000);
    await Promise.race([this.closed, delay(1000)]); // the pipes close once nothing holds them
    this.finish();
  }

  private fail(error: ListToolsError): void {
    if (this.failure || this.closing) return;
    this.failure = error;
    this.onerror?.(error);
    void this.close();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.child?.stdout.destroy();
    this.child?.stderr.destroy();
    if (!this.closing && !this.failure && this.child?.pid !== undefined) this.failure = new ServerCrashedError(this.diagnostics);
    this.markClosed();
    this.onclose?.();
  }

  private onStderr(chunk: Buffer): void {
    const max = this.opts.maxStderrBytes ?? 256 * 1024;
    this.stderr = Buffer.concat([this.stderr, chunk]);
    if (this.stderr.length > max) this.stderr = this.stderr.subarray(this.stderr.length - max);
  }

  private onStdout(chunk: Buffer): void {
    if (this.failure || this.finished) return;
    const max = this.opts.maxStdoutBytes ?? 8 * 1024 * 1024;
    this.stdoutBytes += chunk.length;
    if (this.stdoutBytes > max) return this.fail(new OutputLimitError(max, this.diagnostics));
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1 && !this.failure; end = chunk.indexOf(10, start)) {
      this.pending.push(chunk.subarray(start, end));
      const line = Buffer.concat(this.pending).toString('utf8').trim();
      this.pending = [];
      start = end + 1;
      if (line) this.onLine(line);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  private onLine(line: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {}
    const message = JSONRPCMessageSchema.safeParse(parsed);
    if (message.success) return this.onmessage?.(message.data);
    this.garbage.count += 1;
    if (this.garbage.text.length < 16 * 1024) this.garbage.text += `${line.slice(0, 16 * 1024 - this.garbage.text.length)}\n`;
    if (this.garbage.sample.length < SAMPLE_LINES) this.garbage.sample.push(line.length > 200 ? `${line.slice(0, 200)}…` : line);
    if (this.garbage.count > (this.opts.maxGarbageLines ?? 10)) {
      const sample = this.garbage.sample.map((l) => JSON.stringify(l)).join(', ');
      this.fail(new ProtocolError(`server wrote ${this.garbage.count} lines on stdout that are not JSON-RPC, e.g. ${sample}`, this.diagnostics));
    }
  }
}
