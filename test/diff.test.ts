/**
 * Differential tests: each test/diff/NAME.py is a Python asyncio program and NAME.mjs its
 * aionode twin (generator coroutines); NAMEasync.mjs, where present, is a second twin written with
 * async functions and compared with the same NAME.py (NAMEmixed.mjs: generator tasks awaiting
 * async bodies, likewise). Both run as child processes; their stdout
 * must match line for line. (The twins import "aionode", i.e. dist/: `npm test` builds first.)
 *
 * Each Python original runs once per test run, its twins sharing the trace; a trace that a twin
 * matched is kept in node_modules/.cache/aionode-diff/ (keyed by the program's text and the
 * Python version), so the suite's second run, on the other backend, compares with it instead of
 * running Python again. AIONODE_DIFF_CACHE=0 runs Python every time.
 *
 * The originals are started by a fork server (test/helpers/pyfork.py: one Python that has imported
 * asyncio forks a child per program, which then runs as `python3 -S <program>` would), where
 * os.fork and os.pidfd_open exist; elsewhere, or with AIONODE_PYFORK=0, each starts its own python3.
 */
import { type ChildProcessWithoutNullStreams, execFile, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const pythonEnv = { ...process.env, PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" };
const timeoutMs = 60_000;
const dir = join(import.meta.dirname, "diff");
const files = readdirSync(dir);
/** [twin name, Python original] for every twin that has an original. */
const pairs: [string, string][] = files
  .filter((f) => f.endsWith(".mjs"))
  .map((f) => f.slice(0, -4))
  .map((name): [string, string] => {
    if (files.includes(`${name}.py`)) return [name, name];
    if (name.endsWith("async") && files.includes(`${name.slice(0, -5)}.py`)) return [name, name.slice(0, -5)];
    if (name.endsWith("mixed") && files.includes(`${name.slice(0, -5)}.py`)) return [name, name.slice(0, -5)];
    return [name, ""];
  })
  .filter(([, py]) => py !== "")
  .sort();

/**
 * Python runs with -S (no `site`): the originals import only the standard library, and a `site`
 * that imports third-party .pth hooks (certifi, on Debian's Python) adds ~50 ms to each start.
 */
async function output(cmd: string, file: string): Promise<string> {
  const args = cmd === "python3" ? ["-S", join(dir, file)] : [join(dir, file)];
  const { stdout } = await run(cmd, args, {
    env: pythonEnv,
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

const useCache = process.env.AIONODE_DIFF_CACHE !== "0";
const cacheDir = join(import.meta.dirname, "..", "node_modules", ".cache", "aionode-diff");
const pythonVersion = execFileSync("python3", ["--version"]).toString().trim();

function cachePath(original: string): string {
  const key = createHash("sha256")
    .update(pythonVersion)
    .update("\0")
    .update(readFileSync(join(dir, `${original}.py`)))
    .digest("hex")
    .slice(0, 24);
  return join(cacheDir, `${original}-${key}.out`);
}

function readCached(original: string): string | undefined {
  if (!useCache) return undefined;
  try {
    return readFileSync(cachePath(original), "utf8");
  } catch {
    return undefined;
  }
}

interface Request {
  file: string;
  out: string;
  err: string;
  pid: number;
  timer: NodeJS.Timeout | undefined;
  resolve: (stdout: string) => void;
  reject: (err: Error) => void;
}

/**
 * The client of test/helpers/pyfork.py. `run(file)` gives the program's stdout, or rejects as
 * execFile would: on a non-zero status (with the program's stderr), or after 60 s (the child killed).
 * If the server cannot work here (it exits with status 3 before answering), every request goes
 * to a python3 of its own.
 */
class PyFork {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly dir = mkdtempSync(join(tmpdir(), "aionode-pyfork-"));
  private readonly requests = new Map<number, Request>();
  private nextId = 1;
  private buffered = "";
  private unsupported = false;
  private ended = false;

  constructor() {
    this.proc = spawn("python3", ["-S", join(import.meta.dirname, "helpers", "pyfork.py")], { env: pythonEnv });
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
        if (this.unsupported) output("python3", r.file).then(r.resolve, r.reject);
        else r.reject(new Error(`the Python fork server ended (status ${code}): ${stderr}`));
      }
    });
  }

  run(file: string): Promise<string> {
    if (this.unsupported) return output("python3", file);
    if (this.ended) return Promise.reject(new Error("the Python fork server has ended"));
    const id = this.nextId++;
    const out = join(this.dir, `${id}.out`);
    const err = join(this.dir, `${id}.err`);
    return new Promise<string>((resolve, reject) => {
      this.requests.set(id, { file, out, err, pid: 0, timer: undefined, resolve, reject });
      this.proc.stdin.write(JSON.stringify({ id, path: join(dir, file), out, err }) + "\n");
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
      else r.reject(new Error(`python3 -S ${r.file} ended with status ${msg.code}${msg.code === -9 ? " (killed after 60 s)" : ""}:\n${stderr}`));
    }
  }

  close(): void {
    this.proc.stdin.end();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

let pyfork: PyFork | undefined;
afterAll(() => pyfork?.close());

function runPython(file: string): Promise<string> {
  if (process.env.AIONODE_PYFORK === "0") return output("python3", file);
  pyfork ??= new PyFork();
  return pyfork.run(file);
}

/** One Python run per original in this test run, shared by its twins. */
const pythonRuns = new Map<string, Promise<string>>();
function pythonTrace(original: string): Promise<string> {
  let p = pythonRuns.get(original);
  if (p === undefined) {
    p = runPython(`${original}.py`);
    pythonRuns.set(original, p);
  }
  return p;
}

describe("differential: Python asyncio vs aionode", () => {
  it("has at least 40 pairs", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
  });
  it("every Python original has a generator twin", () => {
    for (const f of files.filter((f) => f.endsWith(".py"))) expect(files).toContain(f.replace(/\.py$/, ".mjs"));
  });
  for (const [name, original] of pairs) {
    it.concurrent(name, async () => {
      const cached = readCached(original);
      const [py, js] = await Promise.all([cached ?? pythonTrace(original), output(process.execPath, `${name}.mjs`)]);
      expect(py.length).toBeGreaterThan(0);
      expect(js.split("\n")).toEqual(py.split("\n"));
      if (cached === undefined && useCache) {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(cachePath(original), py);
      }
    });
  }
});
