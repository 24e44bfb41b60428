/**
 * Packaging: the tarball `npm pack` makes carries the prebuilt native core, and a project that
 * installs it on a machine with no compiler gets the native backend without compiling anything;
 * with the prebuild removed, the js backend takes over and says why. The compiler is hidden by
 * giving npm and node a PATH that holds nothing but `node`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = join(import.meta.dirname, "..");
const npmCli = join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js");
let root = "";
let project = "";
let env: NodeJS.ProcessEnv = {};

const probe = `
import * as aio from "aionode";
const r = await aio.run(function* () {
  const [a, b] = yield* aio.gather(aio.sleep(0.002, "a"), aio.sleep(0.001, "b"));
  return a + b;
});
console.log(aio.backend + " | " + aio.backendReason + " | " + r);
`;

function runProbe(): string {
  const out = spawnSync(process.execPath, ["probe.mjs"], { cwd: project, env, encoding: "utf8", timeout: 30_000 });
  if (out.status !== 0) throw new Error(`probe failed: ${out.stderr}`);
  return out.stdout.trim();
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "aionode-pack-"));
  // A PATH with node alone: no cc, c++, g++, make or python for node-gyp to use.
  const bin = join(root, "bin");
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, "node"));
  env = { HOME: process.env.HOME, PATH: bin, npm_config_cache: process.env.npm_config_cache };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];

  // --ignore-scripts: the repository is already built (dist/, prebuilds/); rebuilding here would
  // race with the other test files, which load the addon.
  const packed = execFileSync(process.execPath, [npmCli, "pack", "--ignore-scripts", "--json", "--pack-destination", root], {
    cwd: repo,
    encoding: "utf8",
  });
  const tarball = join(root, JSON.parse(packed)[0].filename as string);

  project = join(root, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-aionode", private: true, type: "module" }));
  writeFileSync(join(project, "probe.mjs"), probe);
  const install = spawnSync(
    process.execPath,
    [npmCli, "install", "--no-audit", "--no-fund", "--prefer-offline", tarball],
    { cwd: project, env, encoding: "utf8", timeout: 120_000 },
  );
  if (install.status !== 0) throw new Error(`npm install failed: ${install.stderr}`);
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("is installed with no compiler on PATH", () => {
    const found = spawnSync("/bin/sh", ["-c", "command -v cc c++ gcc g++ make clang"], { env, encoding: "utf8" });
    expect(found.stdout.trim()).toBe("");
    const pkg = join(project, "node_modules", "aionode");
    expect(readdirSync(join(pkg, "prebuilds", `${process.platform}-${process.arch}`))).toEqual(["aionode.node"]);
    // Nothing was compiled at install.
    expect(existsSync(join(pkg, "build"))).toBe(false);
  });

  it("ships the bundle and the type declarations, and the bundle exports what src/index.ts does", async () => {
    const pkg = join(project, "node_modules", "aionode");
    const dist = readdirSync(join(pkg, "dist"), { recursive: true }).map(String);
    expect(dist).toContain("aionode.js");
    expect(dist).toContain("index.d.ts");
    // tsc's per-module JavaScript stays home: the bundle holds all of it.
    expect(dist.filter((f) => f.endsWith(".js"))).toEqual(["aionode.js"]);
    const src = await import("../src/index.js");
    const out = spawnSync(process.execPath, ["--input-type=module", "-e", 'import * as m from "aionode"; console.log(JSON.stringify(Object.keys(m).sort()))'], {
      cwd: project,
      env,
      encoding: "utf8",
    });
    expect(JSON.parse(out.stdout)).toEqual(Object.keys(src).sort());
  });

  it("loads the prebuilt native core without compiling", () => {
    expect(runProbe()).toBe("native | the native addon loaded | ab");
  });

  it("with the prebuild removed, runs on the js backend and says why", () => {
    rmSync(join(project, "node_modules", "aionode", "prebuilds"), { recursive: true, force: true });
    expect(runProbe()).toMatch(/^js \| the native addon did not load \(No native build was found for .*\); using the js backend \| ab$/);
  });
});
