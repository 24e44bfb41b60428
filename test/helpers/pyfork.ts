/**
 * Python programs for the differential tests, started by a fork server (pyfork.py beside this
 * file: one python3 that has imported asyncio forks a child per program, which then runs as
 * `python3 -S program.py args...` would), where os.fork and os.pidfd_open exist; elsewhere, or
 * with AIONODE_PYFORK=0, each program gets a `python3 -S` of its own.
 *
 * `runPython(path, args)` gives the program's stdout, or rejects as execFile would: on a non-zero
 * status (with the program's stderr), or after 60 s (the program killed). The environment is the
 * test's, with PYTHONHASHSEED=0 and PYTHONDONTWRITEBYTECODE=1. One server per test file, ended by
 * an afterAll hook.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll } from "vitest";

const run = promisify(execFile);
const pythonEnv = { ...process.env, PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" };
const timeoutMs = 60_000;

/** A python3 of its own (`site` skipped: the programs need only the standard library). */
export async function ownProcess(path: string, args: readonly string[] = []): Promise<string> {
  const { stdout } = await run("python3", ["-S", path, ...args], {
    env: pythonEnv,
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

interface Request {
  path: string;
  args: readonly string[];
  out: string;
  err: string;
  pid: number;
  timer: NodeJS.Timeout | undefined;
  resolve: (stdout: string) => void;
  reject: (err: Error) => void;
}

class PyFork {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly dir = mkdtempSync(join(tmpdir(), "aionode-pyfork-"));
  private readonly requests = new Map<number, Request>();
  private nextId = 1;
  private buffered = "";
  /** The server said it cannot work here (status 3): every request gets its own python3. */
  private unsupported = false;
  private ended = false;

  constructor() {
    this.proc = spawn("python3", ["-S", join(import.meta.dirname, "pyfork.py")], { env: pythonEnv });
    this.proc.stdout.setEncoding("utf8");
    this.proc.stdout.on("data", (chunk: string) => this.onData(chunk));
    let stderr = "";
    this.proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    this.proc.on("exit", (code) => {
      this.ended = true;
      if (code === 3) this.unsupported = true;
      for (const [id, r] of this.requests) {
        this.requests.delete(id);
        clearTimeout(r.timer);
        if (this.unsupported) ownProcess(r.path, r.args).then(r.resolve, r.reject);
        else r.reject(new Error(`the Python fork server ended (status ${code}): ${stderr}`));
      }
    });
  }

  run(path: string, args: readonly string[]): Promise<string> {
    if (this.unsupported) return ownProcess(path, args);
    if (this.ended) return Promise.reject(new Error("the Python fork server has ended"));
    const id = this.nextId++;
    const out = join(this.dir, `${id}.out`);
    const err = join(this.dir, `${id}.err`);
    return new Promise<string>((resolve, reject) => {
      this.requests.set(id, { path, args, out, err, pid: 0, timer: undefined, resolve, reject });
      this.proc.stdin.write(JSON.stringify({ id, path, args, out, err }) + "\n");
    });
  }

  private onData(chunk: string): void {
    this.buffered += chunk;
    let nl: number;
    while ((nl = this.buffered.indexOf("\n")) >= 0) {
      const msg = JSON.parse(this.buffered.slice(0, nl)) as { id: number; pid?: number; code?: number };
      this.buffered = this.buffered.slice(nl + 1);
      const r = this.requests.get(msg.id);
      if (r === undefined) continue;
      if (msg.pid !== undefined) {
        r.pid = msg.pid;
        r.timer = setTimeout(() => {
          try {
            process.kill(r.pid, "SIGKILL");
          } catch {
            // already gone; its end is reported anyway
          }
        }, timeoutMs);
        continue;
      }
      this.requests.delete(msg.id);
      clearTimeout(r.timer);
      const stdout = readFileSync(r.out, "utf8");
      const stderr = readFileSync(r.err, "utf8");
      rmSync(r.out, { force: true });
      rmSync(r.err, { force: true });
      if (msg.code === 0) r.resolve(stdout);
      else {
        const how = msg.code === -9 ? " (killed after 60 s)" : "";
        r.reject(new Error(`python3 -S ${r.path} ended with status ${msg.code}${how}:\n${stderr}`));
      }
    }
  }

  close(): void {
    this.proc.stdin.end();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

let server: PyFork | undefined;
afterAll(() => server?.close());

export function runPython(path: string, args: readonly string[] = []): Promise<string> {
  if (process.env.AIONODE_PYFORK === "0") return ownProcess(path, args);
  server ??= new PyFork();
  return server.run(path, args);
}
