/**
 * Whole-process behaviour, in child processes running the built package (dist/: `npm test`
 * builds first): backend selection through AIONODE_BACKEND, and "exception was never retrieved"
 * reports when a failed future is garbage-collected.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const repo = join(import.meta.dirname, "..");
const dist = join(repo, "dist", "index.js");
const addonPaths = [join(repo, "build", "Release", "aionode.node"), join(repo, "prebuilds", `${process.platform}-${process.arch}`, "aionode.node")];

async function node(code: string, env: Record<string, string | undefined> = {}, flags: string[] = []) {
  const e: Record<string, string | undefined> = { ...process.env, ...env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete e[k];
  try {
    const { stdout, stderr } = await run(process.execPath, [...flags, "--input-type=module", "-e", code], {
      env: e as NodeJS.ProcessEnv,
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const x = err as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const show = `import { backend, backendReason } from ${JSON.stringify(dist)}; console.log(backend + " | " + backendReason);`;

describe("backend selection (AIONODE_BACKEND)", () => {
  it("defaults to the native core when the addon is built, and says why", async () => {
    expect(addonPaths.some((p) => existsSync(p))).toBe(true);
    const r = await node(show, { AIONODE_BACKEND: undefined });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("native | the native addon loaded");
  });

  it("AIONODE_BACKEND=js forces the js core", async () => {
    const r = await node(show, { AIONODE_BACKEND: "js" });
    expect(r.stdout.trim()).toBe("js | forced by AIONODE_BACKEND=js");
  });

  it("AIONODE_BACKEND=native forces the native core", async () => {
    const r = await node(show, { AIONODE_BACKEND: "native" });
    expect(r.stdout.trim()).toBe("native | forced by AIONODE_BACKEND=native");
  });

  it("without an addon the js core takes over and says why; forcing native then fails loudly", async () => {
    // A copy of the package without build/ or prebuilds/ (inside the repository, so that
    // node-gyp-build still resolves from its node_modules).
    const root = mkdtempSync(join(repo, ".tmp-nobuild-"));
    try {
      cpSync(join(repo, "dist"), join(root, "dist"), { recursive: true });
      cpSync(join(repo, "package.json"), join(root, "package.json"));
      const showCopy = show.replace(JSON.stringify(dist), JSON.stringify(join(root, "dist", "index.js")));
      const r = await node(showCopy, { AIONODE_BACKEND: undefined });
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toMatch(/^js \| the native addon did not load \(No native build was found.*\); using the js backend$/);
      const forced = await node(showCopy, { AIONODE_BACKEND: "native" });
      expect(forced.code).not.toBe(0);
      expect(forced.stderr).toContain("AIONODE_BACKEND=native was requested but the native addon did not load");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("an unknown AIONODE_BACKEND value is an error naming the allowed ones", async () => {
    const r = await node(show, { AIONODE_BACKEND: "turbo" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('AIONODE_BACKEND must be "js" or "native"');
  });
});

describe("exception was never retrieved", () => {
  it("is reported when a failed future is garbage-collected, and not for one whose exception was read", async () => {
    const code = `
      import * as aio from ${JSON.stringify(dist)};
      const loop = aio.newEventLoop();
      const seen = [];
      loop.setExceptionHandler((l, ctx) => seen.push(ctx.message + ": " + ctx.exception.message));
      (() => {
        const lost = loop.createFuture();
        lost.setException(new Error("lost"));
        const read = loop.createFuture();
        read.setException(new Error("read"));
        read.exception();
      })();
      for (let i = 0; i < 50 && seen.length === 0; i++) {
        globalThis.gc();
        await new Promise((r) => setTimeout(r, 10));
      }
      console.log(JSON.stringify(seen));
    `;
    const r = await node(code, {}, ["--expose-gc"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(["Future exception was never retrieved: lost"]);
  });

  it("a failed task nobody awaited is reported when its loop closes at the latest", async () => {
    const code = `
      import * as aio from ${JSON.stringify(dist)};
      const loop = aio.newEventLoop();
      const seen = [];
      loop.setExceptionHandler((l, ctx) => seen.push(ctx.message + ": " + ctx.exception.message));
      const t = loop.createTask(aio.coroutine(function* () { yield* aio.sleep(0); throw new Error("boom"); })());
      await loop.runUntilComplete(aio.sleep(0.01));
      loop.close();
      console.log(JSON.stringify(seen), t.done());
    `;
    const r = await node(code);
    expect(r.stdout.trim()).toBe('["Task exception was never retrieved: boom"] true');
  });
});
