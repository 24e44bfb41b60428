#!/usr/bin/env node
// Runs every example (npm run examples) and prints its output under a heading.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = dirname(fileURLToPath(import.meta.url));
for (const f of readdirSync(dir).filter((f) => f.endsWith(".mjs") && f !== "run-all.mjs").sort()) {
  console.log(`=== ${f}`);
  process.stdout.write(execFileSync(process.execPath, [join(dir, f)], { encoding: "utf8" }));
}
