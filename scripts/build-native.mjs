#!/usr/bin/env node
// Builds the native core (native/, binding.gyp): part of the repository's own set-up (`npm ci`
// runs it through `prepare`). It runs `prebuildify --napi --strip`, which compiles with node-gyp
// into build/Release/ and copies the stripped binary to prebuilds/<platform>-<arch>/, the file
// `npm pack` ships and node-gyp-build loads on machines without a compiler. A machine without a C++ compiler still gets a
// working aionode on the js backend, so a failed build warns and exits 0, unless
// AIONODE_REQUIRE_NATIVE=1 (CI sets it) makes it an error.
// Node's headers: node-gyp uses npm_config_nodedir when set; otherwise, if the machine has
// Node's headers under /usr/include/node (Debian's nodejs-dev layout), they are used, so
// nothing is downloaded.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env };
if (!env.npm_config_nodedir) {
  for (const dir of [process.env.AIONODE_NODEDIR, "/usr", "/usr/local"]) {
    if (dir && existsSync(`${dir}/include/node/node_api.h`)) {
      env.npm_config_nodedir = dir;
      break;
    }
  }
}
const prebuildify = require.resolve("prebuildify/bin.js");
const res = spawnSync(process.execPath, [prebuildify, "--napi", "--strip"], { stdio: ["inherit", "ignore", "inherit"], env });
if (res.status !== 0) {
  const msg = "aionode: the native core did not build; aionode will run on its js backend";
  if (process.env.AIONODE_REQUIRE_NATIVE === "1") {
    console.error(`${msg} (AIONODE_REQUIRE_NATIVE=1: failing)`);
    process.exit(1);
  }
  console.warn(msg);
}
