/**
 * Child-process helpers: the current src/ is transpiled (TypeScript's transpileModule, one file at
 * a time, no type checking) into a temporary directory, so child scripts run exactly the code under
 * test, not a possibly stale dist/. The directory is inside the repository, with links to its
 * build/ and prebuilds/, so that the native addon loads there exactly as from dist/.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

const repoDir = join(import.meta.dirname, "..", "..");
const srcDir = join(repoDir, "src");

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

export interface Built {
  /** Directory holding the transpiled package; `import * as aio from "<dir>/index.js"`. */
  dir: string;
  /** Absolute path of index.js. */
  index: string;
  cleanup(): void;
}

/** Transpile src/ into a fresh temporary directory (an ESM package). */
export function buildAionode(): Built {
  const root = mkdtempSync(join(repoDir, ".tmp-child-"));
  const dir = join(root, "aionode");
  mkdirSync(dir);
  for (const native of ["build", "prebuilds"]) {
    if (existsSync(join(repoDir, native))) symlinkSync(join(repoDir, native), join(root, native));
  }
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  for (const file of walk(srcDir)) {
    const rel = relative(srcDir, file).replace(/\.ts$/, ".js");
    const out = ts.transpileModule(readFileSync(file, "utf8"), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      fileName: file,
    });
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), out.outputText);
  }
  return {
    dir,
    index: join(dir, "index.js"),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface ChildResult {
  /** Exit code (null when killed). */
  code: number | null;
  /** Killed because it did not exit by itself within the limit. */
  killed: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Run `source` (an ES module; `AIO` in it is replaced by the path of the transpiled index.js) as a
 * child process. The child is killed if it has not exited by itself after `limitMs`.
 */
export function runModule(built: Built, source: string, limitMs = 15_000): Promise<ChildResult> {
  const file = join(dirname(built.dir), `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source.replaceAll("AIO", JSON.stringify(built.index)));
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { timeout: limitMs, killSignal: "SIGKILL" }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number | string; killed?: boolean; signal?: string }) | null;
      resolve({
        code: e === null ? 0 : typeof e.code === "number" ? e.code : null,
        killed: e !== null && (e.killed === true || e.signal === "SIGKILL"),
        stdout,
        stderr,
      });
    });
  });
}
